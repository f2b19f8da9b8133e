import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { generateProject, modelName } from './generate-project.js';
import { repoRoot, runCli } from './run-cli.js';

interface ManifestLike {
  metadata: Record<string, unknown>;
  nodes: Record<string, unknown>;
  [k: string]: unknown;
}

/** The manifest without what legitimately differs between two compiles: run ids and one model. */
function comparable(m: ManifestLike, changedModel: string): ManifestLike {
  const metadata = { ...m.metadata };
  delete metadata['generated_at'];
  delete metadata['invocation_id'];
  const nodes = { ...m.nodes };
  delete nodes[`model.bench.${changedModel}`];
  return { ...m, metadata, nodes };
}

export interface CompileBenchResult {
  models: number;
  nodes: number;
  /** The very first compile: also creates every target/compiled file. */
  firstSeconds: number;
  firstMaxRssMb: number;
  coldSeconds: number;
  coldMaxRssMb: number;
  warmSeconds: number;
  warmMaxRssMb: number;
  warmOverCold: number;
  manifestIdenticalApartFromChange: boolean;
}

/**
 * Cold `lakeform compile` of a generated N-model project, then a warm recompile after one model
 * file changed; reports both, their ratio, and whether the manifests agree apart from that model.
 */
export function compileBench(models: number, log: (s: string) => void): CompileBenchResult {
  const dir = join(repoRoot(), '.bench', `compile-${models}`);
  const gen = generateProject(dir, { models });
  log(`generated ${models} models (${gen.files} files) in ${dir}`);
  const first = runCli(['compile', '--quiet', '--project-dir', dir], dir);
  if (first.code !== 0) throw new Error(`first compile failed (${first.code}):\n${first.stderr.slice(0, 2000)}`);
  log(`first compile (creates ${Object.keys(JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8')).nodes).length} compiled files): ${first.seconds.toFixed(2)} s`);
  // Let the disk write back the 40,000 files just created, so that work is not billed to the runs below.
  spawnSync('sync');
  // Cold: no partial-parse cache, so every file is parsed and every node rendered again. Best of
  // two runs: this machine's disk and CPU are shared and noisy.
  const colds = [0, 1].map(() => {
    rmSync(join(dir, 'target', 'partial_parse.json'), { force: true });
    const r = runCli(['compile', '--quiet', '--project-dir', dir], dir);
    if (r.code !== 0) throw new Error(`cold compile failed (${r.code}):\n${r.stderr.slice(0, 2000)}`);
    log(`cold compile: ${r.seconds.toFixed(2)} s, peak RSS ${r.maxRssMb.toFixed(0)} MB`);
    return r;
  });
  const cold = colds[0]!.seconds <= colds[1]!.seconds ? colds[0]! : colds[1]!;
  const before = JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8')) as ManifestLike;
  const changed = modelName(Math.floor(models / 2));
  const file = Object.values(before.nodes as Record<string, { unique_id: string; original_file_path: string }>).find((n) => n.unique_id === `model.bench.${changed}`)!.original_file_path;
  appendFileSync(join(dir, file), '-- edited\n');
  const warm = runCli(['compile', '--quiet', '--project-dir', dir], dir);
  if (warm.code !== 0) throw new Error(`warm compile failed (${warm.code}):\n${warm.stderr.slice(0, 2000)}`);
  const after = JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8')) as ManifestLike;
  return {
    models,
    nodes: Object.keys(after.nodes).length,
    firstSeconds: first.seconds,
    firstMaxRssMb: first.maxRssMb,
    coldSeconds: cold.seconds,
    coldMaxRssMb: cold.maxRssMb,
    warmSeconds: warm.seconds,
    warmMaxRssMb: warm.maxRssMb,
    warmOverCold: warm.seconds / cold.seconds,
    manifestIdenticalApartFromChange: isDeepStrictEqual(comparable(before, changed), comparable(after, changed)),
  };
}
