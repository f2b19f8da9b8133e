import { compileBench } from './compile-bench.js';
import { localBench } from './local-bench.js';
import { testsBench } from './tests-bench.js';

const USAGE = `usage: npm run bench -w @lakeform/bench -- compile [--models N]

  compile   cold compile of a generated N-model project (default 10000), then a warm
            recompile after one model changed; prints seconds, peak memory and ratios
  local     lakeform build of models/grocery on generated data [--sales N, default 6758125]
            against the same SQL run straight in DuckDB (the floor) [--rounds R, default 2],
            then a daily incremental run after one more day of sales
  tests     lakeform's batched data tests on models/grocery [--sales N, default 200000] against
            one query per test: queries, table scans, bytes billed on Athena (10 MB minimum)`;

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
} else if (which === 'local') {
  const log = (s: string) => process.stdout.write(`${s}\n`);
  const r = await localBench({ sales: arg('--sales', 6_758_125), rounds: arg('--rounds', 2) }, log);
  log(
    [
      `local bench: models/grocery, ${r.sales.toLocaleString('en-US')} sales`,
      `  lakeform build   best ${Math.min(...r.buildSeconds).toFixed(2)} s of [${r.buildSeconds.map((s) => s.toFixed(2)).join(', ')}]   peak RSS ${r.buildMaxRssMb.toFixed(0)} MB   (budget <= 4096 MB)`,
      `  floor            best ${Math.min(...r.floorSeconds).toFixed(2)} s of [${r.floorSeconds.map((s) => s.toFixed(2)).join(', ')}]`,
      `  build / floor    ${r.ratio.toFixed(2)}   (budget <= 1.25, goal 1.10)`,
      `  daily run        ${r.dailySeconds.toFixed(2)} s = ${(r.dailyOverFull * 100).toFixed(1)} % of the full build   (budget <= 10 %)`,
      `json: ${JSON.stringify(r)}`,
    ].join('\n'),
  );
} else if (which === 'tests') {
  const log = (s: string) => process.stdout.write(`${s}\n`);
  const r = await testsBench({ sales: arg('--sales', 200_000) }, log);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  log(
    [
      `tests bench: models/grocery, ${r.tests} data tests on ${r.testedRelations} relations (${r.needSecondRelationOrAlone} run on their own)`,
      `  batched          ${r.batched.queries} queries, ${r.batched.scans} table scans, ${mb(r.batched.billedBytes)} billed   (budget: <= ${r.budgetQueries} queries)`,
      `  one per test     ${r.perTest.queries} queries, ${r.perTest.scans} table scans, ${mb(r.perTest.billedBytes)} billed`,
      `  cheaper by       ${r.cheaperBy.toFixed(1)}x   (budget: >= 3x)`,
      `json: ${JSON.stringify(r)}`,
    ].join('\n'),
  );
} else {
  process.stdout.write(`${USAGE}\n`);
  process.exitCode = which ? 2 : 0;
}
