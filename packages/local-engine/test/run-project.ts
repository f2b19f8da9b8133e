import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileProject, resolveTarget, type ManifestSource } from '@lakeform/sql-compiler';
import { executeDag, type RunOutcome } from '@lakeform/runner';
import { LocalEngine } from '../src/index.js';

/** A fresh copy of a fixture project in a temp folder, so runs never touch the repository. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `lakeform-${name}-`));
  cpSync(join(import.meta.dirname, 'fixtures', name), dir, { recursive: true });
  return dir;
}

export async function openEngine(projectDir: string): Promise<LocalEngine> {
  const { profile } = resolveTarget({ projectDir });
  return LocalEngine.open({ projectDir, target: profile.target as never, threads: 2 });
}

/** Compiles against the engine (so is_incremental sees the warehouse) and builds the selection in DAG order. */
export async function buildProject(
  engine: LocalEngine,
  projectDir: string,
  opts: { fullRefresh?: boolean; only?: (id: string) => boolean; vars?: Record<string, unknown> } = {},
): Promise<RunOutcome> {
  const project = await compileProject({ projectDir, warehouse: engine.warehouse, fullRefresh: !!opts.fullRefresh, which: 'build', ...(opts.vars ? { vars: opts.vars } : {}) });
  const m = project.manifest;
  const nodes = Object.values(m.nodes).filter(
    (n) => ['model', 'seed', 'snapshot'].includes(n.resource_type) && (n.config as Record<string, unknown>)['materialized'] !== 'ephemeral' && (!opts.only || opts.only(n.unique_id)),
  );
  const sources = new Map<string, ManifestSource>(Object.entries(m.sources));
  return executeDag({
    nodes,
    parents: m.parent_map,
    threads: 2,
    isTransient: (e) => engine.isTransient(e),
    run: (node) => engine.materialize(node, { sources, projectDir, fullRefresh: !!opts.fullRefresh, runStartedAt: new Date(), notice: () => undefined }),
  });
}

export async function rows(engine: LocalEngine, sql: string): Promise<Record<string, unknown>[]> {
  const r = await engine.execute(sql);
  return r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c.name, row[i]])));
}
