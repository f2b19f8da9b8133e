import { compileBench } from './compile-bench.js';

const USAGE = `usage: npm run bench -w @lakeform/bench -- compile [--models N]

  compile   cold compile of a generated N-model project (default 10000), then a warm
            recompile after one model changed; prints seconds, peak memory and ratios`;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const which = process.argv[2];
if (which === 'compile') {
  const r = compileBench(arg('--models', 10_000), (s) => process.stdout.write(`${s}\n`));
  process.stdout.write(
    [
      `compile bench: ${r.models} models, ${r.nodes} nodes`,
      `  first compile  ${r.firstSeconds.toFixed(2)} s   peak RSS ${r.firstMaxRssMb.toFixed(0)} MB   (creates every target/compiled file)`,
      `  cold compile   ${r.coldSeconds.toFixed(2)} s   peak RSS ${r.coldMaxRssMb.toFixed(0)} MB   (no parse cache; budget: < 5 s, < 1024 MB)`,
      `  warm recompile ${r.warmSeconds.toFixed(2)} s   peak RSS ${r.warmMaxRssMb.toFixed(0)} MB`,
      `  warm / cold    ${(r.warmOverCold * 100).toFixed(1)} %   (budget: <= 10 %)`,
      `  manifest identical apart from the changed model: ${r.manifestIdenticalApartFromChange ? 'yes' : 'NO'}`,
      `json: ${JSON.stringify(r)}`,
    ].join('\n') + '\n',
  );
} else {
  process.stdout.write(`${USAGE}\n`);
  process.exitCode = which ? 2 : 0;
}
