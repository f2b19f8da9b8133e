import { randomUUID } from 'node:crypto';
import { relative } from 'node:path';
import { LakeformError, foundLine, renderInNode, writeCompiled, writeManifest, type ManifestNode, type ManifestSource } from '@lakeform/sql-compiler';
import { executeDag, nodeHooks, runHooks, warehouseOnlyConfigNotices, withTestEdges, writeRunResults, type Engine, type NodeResult, type RunOutcome } from '@lakeform/runner';
import { planTests, testNodeRunner } from '@lakeform/test-framework';
import type { ProjectFlags } from '../cli-options.js';
import type { Output } from '../output.js';
import { findProjectDir } from '../project-dir.js';
import { openEngine } from '../run/open-engine.js';
import { ProgressPrinter, type LogFormat } from '../run/progress.js';
import { printSummary } from '../run/summary.js';
import { emptyUnitStep, runUnitTestStep, selectedUnitTests } from '../run/unit-test-step.js';
import { loadProject } from './load.js';

export type RunCommandName = 'run' | 'build' | 'seed' | 'snapshot' | 'test' | 'retry';

export interface RunFlags extends ProjectFlags {
  threads?: number;
  failFast?: boolean;
  logFormat?: LogFormat;
  /** Set by `retry`: exactly these nodes. */
  onlyIds?: string[];
  storeFailures?: boolean;
}

const RESOURCE_TYPES: Record<Exclude<RunCommandName, 'retry'>, string[]> = {
  run: ['model'],
  seed: ['seed'],
  snapshot: ['snapshot'],
  test: ['test', 'unit_test'],
  build: ['model', 'seed', 'snapshot', 'test', 'unit_test'],
};

const isRunnable = (n: ManifestNode) => n.resource_type !== 'model' || String((n.config as Record<string, unknown>)['materialized']) !== 'ephemeral';

/**
 * `lakeform run | build | seed | snapshot`: compile the selection against the warehouse (so
 * is_incremental() sees it), then build the nodes in DAG order on the target's engine, write
 * target/run_results.json, and print dbt's summary. Exit 0 ok, 1 a node failed, 2 interrupted.
 */
export async function runCommand(command: RunCommandName, flags: RunFlags, out: Output, resourceTypes: string[] = RESOURCE_TYPES[command === 'retry' ? 'build' : command]): Promise<number> {
  const started = Date.now();
  const projectDir = findProjectDir(flags.projectDir);
  const opened = await openEngine(projectDir, flags, { localStandIn: command === 'test' });
  out.debug(`engine open: ${Date.now() - started} ms`);
  const { engine } = opened;
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(130);
    out.info('Interrupted: letting running nodes finish (Ctrl-C again to stop at once)');
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const { project, selected } = await loadProject(flags.onlyIds ? { ...flags, select: undefined, exclude: undefined, selector: undefined } : flags, out, {
      compile: true,
      resourceTypes,
      which: command,
      warehouse: engine.warehouse,
    });
    const manifest = project.manifest;
    out.debug(`compiled against the warehouse: ${Date.now() - started} ms`);
    out.info(foundLine(manifest));
    writeManifest(project.targetPath, manifest);
    writeCompiled(project.targetPath, project.nodes.values());
    const wanted = flags.onlyIds ? new Set(flags.onlyIds) : selected;
    const nodes = Object.values(manifest.nodes).filter((n) => wanted.has(n.unique_id) && resourceTypes.includes(n.resource_type) && isRunnable(n));
    const sources = new Map<string, ManifestSource>(Object.entries(manifest.sources));
    const invocationId = String(manifest.metadata['invocation_id'] ?? randomUUID());
    const runStartedAt = new Date();

    if (engine.name === 'local') {
      const seen = new Set<string>();
      for (const n of nodes) for (const notice of warehouseOnlyConfigNotices(n, seen)) out.info(notice.message);
    }

    const hookOps = (kind: 'on-run-start' | 'on-run-end') => Object.values(manifest.nodes).filter((n) => n.resource_type === 'operation' && n.name.includes(`-${kind}-`));
    const runProjectHooks = async (kind: 'on-run-start' | 'on-run-end') => {
      for (const op of hookOps(kind)) {
        const sql = await renderInNode(project, op.unique_id, op.raw_code);
        const r = await runHooks([{ sql, transaction: true, index: 0 }], (s) => engine.execute(s, { nodeId: op.unique_id, discardRows: true }), { kind, owner: project.projectName });
        if (r.status === 'error') throw r.error;
      }
    };

    // Unit tests first, as dbt does: they need no warehouse data, and a model whose logic fails
    // its unit test is not built (its descendants are skipped).
    const narrowed = !!(flags.select?.length || flags.exclude?.length || flags.selector);
    const unit = resourceTypes.includes('test') && !flags.onlyIds ? await runUnitTestStep(project, selectedUnitTests(manifest, selected, narrowed), engine, out) : emptyUnitStep();
    const { failedModels: unitFailedModels, failures: unitFailures, ran: unitRan, records: unitRecords } = unit;
    const writeUnitOnly = () => {
      if (!unitRecords.length) return;
      const now = new Date().toISOString();
      const counts = { success: 0, error: 0, skipped: 0, pass: 0, fail: 0, warn: 0 };
      for (const r of unitRecords) counts[r.result.status]++;
      const outcome: RunOutcome = {
        results: unitRecords,
        byId: Object.fromEntries(unitRecords.map((r) => [r.uniqueId, r])),
        counts,
        startedAt: runStartedAt.toISOString(),
        finishedAt: now,
        elapsedMs: Date.now() - runStartedAt.getTime(),
        interrupted: false,
        failFastAfter: null,
        exitCode: unitFailures ? 1 : 0,
        listenerErrors: [],
      };
      writeRunResults(project.targetPath, outcome, { invocationId, command, args: { which: command, select: flags.select ?? [], exclude: flags.exclude ?? [], target: opened.targetName }, elapsed: (Date.now() - started) / 1000 });
    };
    if (opened.standIn) {
      writeUnitOnly();
      if (nodes.length > 0) {
        throw new LakeformError({
          code: 'E_ENGINE_UNAVAILABLE',
          message: `${nodes.length} data test${nodes.length === 1 ? '' : 's'} need target '${opened.targetName}' (Athena), which this build of Lakeform cannot run yet${unitRan ? `; the ${unitRan} unit tests ran on the local engine` : ''}`,
          hint: "run the data tests against a local target, or only the unit tests: --select 'test_type:unit'",
        });
      }
      return unitFailures ? 1 : 0;
    }
    if (nodes.length === 0) {
      writeUnitOnly();
      if (!unitFailures && !unitRan) out.warn({ code: 'W_NOTHING_SELECTED', message: `nothing to ${command}: the selection has no ${resourceTypes.join(', ')} nodes` });
      return unitFailures ? 1 : 0;
    }
    await runProjectHooks('on-run-start');
    const testIds = nodes.filter((n) => n.resource_type === 'test').map((n) => n.unique_id);
    const tests = testNodeRunner(planTests(manifest, testIds), engine, { threads: opened.threads, ...(flags.storeFailures ? { storeFailures: true } : {}) });
    const tty = !!process.stdout.isTTY && flags.logFormat !== 'json';
    const printer = new ProgressPrinter({ format: flags.logFormat ?? 'text', tty, quiet: !!flags.quiet, stamp: () => new Date().toTimeString().slice(0, 8) }, (s) => process.stdout.write(s));
    out.info(`Concurrency: ${opened.threads} threads (target='${opened.targetName}', warehouse ${opened.where})`);
    const outcome: RunOutcome = await executeDag({
      nodes,
      // In a build, a model's tests gate what reads it, as in dbt.
      parents: testIds.length && nodes.length > testIds.length ? withTestEdges(nodes, manifest.parent_map) : manifest.parent_map,
      threads: opened.threads,
      failFast: !!flags.failFast,
      signal: abort.signal,
      isTransient: (e) => engine.isTransient(e),
      onEvent: printer.onEvent,
      run: (node) => {
        const failedUnit = unitFailedModels.get(node.unique_id) ?? unitFailedModels.get(node.name);
        if (failedUnit) throw new LakeformError({ code: 'E_UNIT_TEST_FAILED', message: `not built: unit test ${failedUnit} failed`, node: node.unique_id });
        return tests.handles(node) ? tests.run(node) : buildNode(engine, project, node, { sources, projectDir, fullRefresh: !!flags.fullRefresh, runStartedAt });
      },
    });
    out.debug(`nodes done: ${Date.now() - started} ms`);
    let hookError: unknown;
    await runProjectHooks('on-run-end').catch((e: unknown) => (hookError = e));
    if (unitRecords.length) outcome.results.unshift(...unitRecords);
    writeRunResults(project.targetPath, outcome, {
      invocationId,
      command,
      args: { which: command, select: flags.select ?? [], exclude: flags.exclude ?? [], full_refresh: !!flags.fullRefresh, threads: opened.threads, target: opened.targetName, vars: flags.vars ?? '{}', project_dir: projectDir },
      elapsed: (Date.now() - started) / 1000,
    });
    if (testIds.length) {
      const q = tests.log.summary();
      out.debug(`test queries: ${q.queries} (${q.byKind.batch} batched, ${q.byKind.single} single, ${q.byKind.failing_rows} failing-row samples) for ${testIds.length} tests`);
    }
    if (flags.logFormat !== 'json') printSummary(outcome, nodes.length, command, out, relative(projectDir, project.targetPath) || 'target');
    if (hookError) {
      out.error(hookError);
      return 1;
    }
    return unitFailures && outcome.exitCode === 0 ? 1 : outcome.exitCode;
  } finally {
    process.off('SIGINT', onSigint);
    await engine.close();
    out.debug(`engine closed: ${Date.now() - started} ms`);
  }
}

async function buildNode(
  engine: Engine,
  project: Parameters<typeof renderInNode>[0],
  node: ManifestNode,
  ctx: { sources: ReadonlyMap<string, ManifestSource>; projectDir: string; fullRefresh: boolean; runStartedAt: Date },
): Promise<NodeResult> {
  const exec = async (kind: 'pre-hook' | 'post-hook') => {
    const hooks = await Promise.all(nodeHooks(node, kind).map(async (h) => ({ ...h, sql: await renderInNode(project, node.unique_id, h.sql) })));
    const r = await runHooks(hooks, (sql) => engine.execute(sql, { nodeId: node.unique_id, discardRows: true }), { kind, owner: node.unique_id });
    if (r.status === 'error') throw r.error;
  };
  await exec('pre-hook');
  const result = await engine.materialize(node, { ...ctx, notice: () => undefined });
  await exec('post-hook');
  return result;
}


