import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_NO_DOWNLOAD, DuckSession, TRINO_COMPAT_MACROS, createSourceView, translateSql } from '@lakeform/local-engine';
import type { ManifestNode, ManifestSource } from '@lakeform/sql-compiler';
import { repoRoot, runCli, type CliRun } from './run-cli.js';

export interface LocalBenchResult {
  sales: number;
  buildSeconds: number[];
  floorSeconds: number[];
  buildMaxRssMb: number;
  ratio: number;
  dailySeconds: number;
  dailyOverFull: number;
  dailyRows: number;
}

const FULL_SALES = 6_758_125;

function check(r: CliRun, what: string): CliRun {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(0, 3000)}`);
  return r;
}

/** The data set, generated once per size (datagen is deterministic) and reused by later runs. */
function ensureData(dir: string, sales: number, log: (s: string) => void): void {
  const record = join(dir, 'raw', '_datagen_grocery.json');
  if (existsSync(record)) {
    const r = JSON.parse(readFileSync(record, 'utf8')) as { sales?: number; appended?: unknown[]; status?: string };
    if (r.sales === sales && !r.appended?.length && r.status !== 'writing' && existsSync(join(dir, 'raw', 'sales', 'dt=2018-01-01'))) return;
  }
  const t0 = Date.now();
  execFileSync(process.execPath, [join(repoRoot(), 'tools', 'datagen', 'bin', 'datagen.mjs'), 'grocery', '--out', join(dir, 'raw'), '--sales', String(sales)], { stdio: 'ignore' });
  log(`generated ${sales.toLocaleString('en-US')} sales in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function copyProject(dir: string): void {
  const src = join(repoRoot(), 'models', 'grocery');
  cpSync(src, dir, { recursive: true, filter: (p) => !['target', '.lakeform', 'raw'].includes(relative(src, p).split(sep)[0]!) });
}

const cfg = (n: ManifestNode) => n.config as Record<string, unknown>;

function topo(nodes: ManifestNode[]): ManifestNode[] {
  const byId = new Map(nodes.map((n) => [n.unique_id, n]));
  const done = new Set<string>();
  const out: ManifestNode[] = [];
  const visit = (n: ManifestNode) => {
    if (done.has(n.unique_id)) return;
    done.add(n.unique_id);
    for (const p of (n.depends_on as { nodes: string[] }).nodes) {
      const parent = byId.get(p);
      if (parent) visit(parent);
    }
    out.push(n);
  };
  nodes.forEach(visit);
  return out;
}

/**
 * The floor: the same compiled SQL, translated the same way, run directly in one DuckDB
 * connection — views as views, tables written once as Parquet with the same partitioning and
 * compression, and nothing else (no Iceberg metadata, no run bookkeeping).
 */
async function floorRun(projectDir: string): Promise<number> {
  const manifest = JSON.parse(readFileSync(join(projectDir, 'target', 'manifest.json'), 'utf8')) as { nodes: Record<string, ManifestNode>; sources: Record<string, ManifestSource> };
  const out = join(projectDir, '.floor');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { ...DUCKDB_NO_DOWNLOAD });
  const db = new DuckSession(await instance.connect());
  await db.run(`ATTACH '${join(out, 'floor.duckdb')}' AS awsdatacatalog`);
  await db.run('USE awsdatacatalog');
  await db.run(TRINO_COMPAT_MACROS);
  for (const src of Object.values(manifest.sources)) await createSourceView(db, src, projectDir, undefined);
  const models = topo(Object.values(manifest.nodes).filter((n) => n.resource_type === 'model'));
  for (const n of models) {
    const m = String(cfg(n)['materialized']);
    if (m === 'ephemeral') continue;
    const sql = translateSql(n.compiled_code ?? '', { nodeId: n.unique_id });
    const rel = `"${n.schema}"."${(n.alias as string | undefined) ?? n.name}"`;
    await db.run(`CREATE SCHEMA IF NOT EXISTS "${n.schema}"`);
    if (m === 'view') {
      await db.run(`CREATE OR REPLACE VIEW ${rel} AS ${sql}`);
      continue;
    }
    const dir = join(out, n.schema, n.name);
    const parts = (cfg(n)['partitioned_by'] as string[] | undefined) ?? [];
    const compression = String(cfg(n)['write_compression'] ?? 'snappy');
    mkdirSync(dir, { recursive: true });
    const to = parts.length ? dir : join(dir, 'data.parquet');
    await db.run(`COPY (${sql}) TO '${to}' (FORMAT parquet, COMPRESSION ${compression}${parts.length ? `, PARTITION_BY (${parts.join(', ')}), WRITE_PARTITION_COLUMNS true` : ''})`);
    await db.run(`CREATE OR REPLACE VIEW ${rel} AS SELECT * FROM read_parquet('${dir}/**/*.parquet')`);
  }
  db.conn.closeSync();
  instance.closeSync();
  return (performance.now() - t0) / 1000;
}

/**
 * `lakeform build` of models/grocery on the local engine against the floor (the same SQL straight
 * in DuckDB), side by side, then a daily incremental run after one more day of sales.
 */
export async function localBench(opts: { sales?: number; rounds?: number }, log: (s: string) => void): Promise<LocalBenchResult> {
  const sales = opts.sales ?? FULL_SALES;
  const rounds = opts.rounds ?? 2;
  const dir = join(repoRoot(), '.bench', `grocery-${sales}`);
  mkdirSync(dir, { recursive: true });
  ensureData(dir, sales, log);
  copyProject(dir);
  const buildSeconds: number[] = [];
  const floorSeconds: number[] = [];
  let buildMaxRssMb = 0;
  for (let i = 0; i < rounds; i++) {
    rmSync(join(dir, '.lakeform'), { recursive: true, force: true });
    const b = check(runCli(['build', '--quiet', '--project-dir', dir], dir), 'lakeform build');
    buildSeconds.push(b.seconds);
    buildMaxRssMb = Math.max(buildMaxRssMb, b.maxRssMb);
    log(`round ${i + 1}: lakeform build ${b.seconds.toFixed(2)} s (peak RSS ${b.maxRssMb.toFixed(0)} MB)`);
    const f = await floorRun(dir);
    floorSeconds.push(f);
    log(`round ${i + 1}: floor (same SQL straight in DuckDB) ${f.toFixed(2)} s`);
  }
  const best = (xs: number[]) => Math.min(...xs);
  // One more day of sales, then the daily run: the fact's new partition and what reads it.
  const record = join(dir, 'raw', '_datagen_grocery.json');
  const recordBefore = readFileSync(record);
  execFileSync(process.execPath, [join(repoRoot(), 'tools', 'datagen', 'bin', 'datagen.mjs'), 'grocery', '--out', join(dir, 'raw'), '--append-day', '2018-05-10'], { stdio: 'ignore' });
  const d = check(runCli(['run', '--project-dir', dir, '--select', 'mdw_cur_ft_sales+', '--vars', '{partition: "20180510"}'], dir), 'daily run');
  const dailyRows = Number(/MERGE \((\d+) rows\)/.exec(d.stdout)?.[1] ?? NaN);
  log(`daily incremental: ${d.seconds.toFixed(2)} s (${dailyRows} new fact rows)`);
  // Leave the data set as generated, for the next bench run.
  rmSync(join(dir, 'raw', 'sales', 'dt=2018-05-10'), { recursive: true, force: true });
  writeFileSync(record, recordBefore);
  return {
    sales,
    buildSeconds,
    floorSeconds,
    buildMaxRssMb,
    ratio: best(buildSeconds) / best(floorSeconds),
    dailySeconds: d.seconds,
    dailyOverFull: d.seconds / best(buildSeconds),
    dailyRows,
  };
}
