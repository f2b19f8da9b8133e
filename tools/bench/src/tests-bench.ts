import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LocalEngine, locateSourceFiles } from '@lakeform/local-engine';
import { compileProject, resolveTarget, type Manifest } from '@lakeform/sql-compiler';
import { TestQueryLog, planTests, runTests } from '@lakeform/test-framework';
import { repoRoot, runCli } from './run-cli.js';

/** Athena bills every query for at least 10 MB scanned. */
const MIN_BILLED = 10 * 1024 * 1024;

export interface TestsBenchResult {
  tests: number;
  testedRelations: number;
  needSecondRelationOrAlone: number;
  batched: { queries: number; scans: number; billedBytes: number };
  perTest: { queries: number; scans: number; billedBytes: number };
  budgetQueries: number;
  cheaperBy: number;
}

function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

/**
 * What Athena would scan reading a relation: its data files for a table (Parquet, the upper
 * bound: Athena reads only the columns a query names), and for a view what the view reads — down
 * to the raw CSV files, which Athena reads whole.
 */
function relationBytes(manifest: Manifest, projectDir: string, warehouseDir: string): (id: string) => number {
  const memo = new Map<string, number>();
  const bytes = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let n = 0;
    const src = manifest.sources[id];
    if (src) n = locateSourceFiles(src, projectDir, undefined).files.reduce((s, f) => s + statSync(f).size, 0);
    const node = manifest.nodes[id];
    if (node) {
      const materialized = String((node.config as Record<string, unknown>)['materialized']);
      if (materialized === 'view' || materialized === 'ephemeral') n = (manifest.parent_map[id] ?? []).reduce((s, p) => s + bytes(p), 0);
      else n = folderBytes(join(warehouseDir, node.schema, (node.alias as string | undefined) ?? node.name, 'data'));
    }
    memo.set(id, n);
    return n;
  };
  return bytes;
}

function cost(log: TestQueryLog, bytesOf: (id: string) => number): { queries: number; scans: number; billedBytes: number } {
  let scans = 0;
  let billedBytes = 0;
  for (const r of log.records) {
    scans += r.relations.length;
    billedBytes += Math.max(MIN_BILLED, r.relations.reduce((s, rel) => s + bytesOf(rel), 0));
  }
  return { queries: log.records.length, scans, billedBytes };
}

/**
 * `lakeform test` on models/grocery, batched (one scan per tested model) against one query per
 * test as dbt issues them: queries, table scans, and the bytes each would be billed on Athena.
 */
export async function testsBench(opts: { sales?: number }, log: (s: string) => void): Promise<TestsBenchResult> {
  const sales = opts.sales ?? 200_000;
  const dir = join(repoRoot(), '.bench', `grocery-tests-${sales}`);
  mkdirSync(dir, { recursive: true });
  const src = join(repoRoot(), 'models', 'grocery');
  cpSync(src, dir, { recursive: true, filter: (p) => !['target', '.lakeform', 'raw'].includes(relative(src, p).split(sep)[0]!) });
  if (!existsSync(join(dir, 'raw', 'sales'))) {
    execFileSync(process.execPath, [join(repoRoot(), 'tools', 'datagen', 'bin', 'datagen.mjs'), 'grocery', '--out', join(dir, 'raw'), '--sales', String(sales)], { stdio: 'ignore' });
  }
  const built = runCli(['run', '--quiet', '--project-dir', dir], dir);
  if (built.code !== 0) throw new Error(`lakeform run failed:\n${built.stdout.slice(-2000)}${built.stderr.slice(0, 2000)}`);
  log(`built models/grocery on ${sales.toLocaleString('en-US')} sales`);

  const { profile } = resolveTarget({ projectDir: dir });
  const engine = await LocalEngine.open({ projectDir: dir, target: profile.target as never, threads: 2 });
  try {
    const project = await compileProject({ projectDir: dir, warehouse: engine.warehouse, which: 'test' });
    const manifest = project.manifest;
    const ids = Object.values(manifest.nodes).filter((n) => n.resource_type === 'test').map((n) => n.unique_id);
    const batchedPlan = planTests(manifest, ids);
    const perTestPlan = planTests(manifest, ids, { batch: false });
    const batchedLog = new TestQueryLog();
    const perTestLog = new TestQueryLog();
    const a = await runTests(batchedPlan, engine, { log: batchedLog, failingRows: 0 });
    const b = await runTests(perTestPlan, engine, { log: perTestLog, failingRows: 0 });
    const verdicts = (rs: typeof a) => rs.map((r) => `${r.uniqueId}:${r.result.status}:${r.result.failures ?? ''}`).sort().join('\n');
    if (verdicts(a) !== verdicts(b)) throw new Error('batched and one-query-per-test runs disagree on some test');
    const bytesOf = relationBytes(manifest, dir, engine.location.dir);
    const batched = cost(batchedLog, bytesOf);
    const perTest = cost(perTestLog, bytesOf);
    const testedRelations = new Set(batchedPlan.tests.map((t) => t.relationId).filter((r): r is string => !!r)).size;
    const alone = batchedPlan.singles.length;
    return {
      tests: ids.length,
      testedRelations,
      needSecondRelationOrAlone: alone,
      batched,
      perTest,
      budgetQueries: testedRelations + alone,
      cheaperBy: perTest.billedBytes / batched.billedBytes,
    };
  } finally {
    await engine.close();
  }
}
