import { LakeformError, type ManifestNode } from '@lakeform/sql-compiler';
import { errorMessage, type Engine, type ExecuteOptions, type NodeResult, type QueryResult } from '@lakeform/runner';
import { describeFailingRows, failingRowsFrom, type FailingRows } from './failing-rows.js';
import type { PlannedTest, TestBatch, TestPlan } from './plan-tests.js';
import { TestQueryLog, type TestQueryKind } from './query-log.js';
import { QuerySlots } from './query-slots.js';
import { failingRowsSql } from './single-query.js';
import { storeFailuresStatements } from './store-failures.js';
import { judge } from './test-status.js';
import { thresholdHolds } from './threshold.js';

export interface RunTestsOptions {
  /** Most queries in flight at once (default 4). */
  threads?: number;
  /** `--store-failures`: keep every test's failing rows, unless its store_failures_as says otherwise. */
  storeFailures?: boolean;
  /** Failing rows fetched for the message of a failing or warning test (default 5; 0 = none). */
  failingRows?: number;
  /** Records every query the tests issue. */
  log?: TestQueryLog;
  signal?: AbortSignal;
  /** Retries of a batched query after a transient error, before its tests fall back to their own queries (default 2). */
  batchRetries?: number;
}

export interface TestResult {
  uniqueId: string;
  node: ManifestNode;
  /** What the runner records: status pass | warn | fail | error, failures, dbt's message, timing. */
  result: NodeResult;
  /** Up to `failingRows` failing rows of a failing or warning test. */
  failingRows?: FailingRows;
  /** The count came from the relation's batched query. */
  batched: boolean;
  /** The error behind an `error` result. */
  error?: unknown;
}

interface Count {
  failures: number | null;
  shouldWarn: boolean;
  shouldError: boolean;
  stats: QueryResult['stats'];
  startedAt: string;
  completedAt: string;
  /** The batched query's scan is reported once, on the first test of the batch. */
  reportsScan: boolean;
  fromBatch: boolean;
}

type BatchOutcome = { ok: true; counts: Map<string, number | null>; stats: QueryResult['stats']; startedAt: string; completedAt: string } | { ok: false; error: unknown };

/**
 * Runs the tests of a plan: each relation's batched query once (whichever of its tests asks
 * first; the others await the same promise), the other tests' own queries, then judges each test
 * as dbt does. A batched query that fails sends its tests to their own queries, so one broken test
 * errors alone.
 */
export class TestExecutor {
  private readonly slots: QuerySlots;
  private readonly batchRuns = new Map<TestBatch, Promise<BatchOutcome>>();
  private readonly schemasCreated = new Map<string, Promise<unknown>>();
  readonly log: TestQueryLog;

  constructor(
    readonly plan: TestPlan,
    private readonly engine: Engine,
    private readonly opts: RunTestsOptions = {},
  ) {
    this.slots = new QuerySlots(opts.threads ?? 4);
    this.log = opts.log ?? new TestQueryLog();
  }

  async run(testId: string): Promise<TestResult> {
    const test = this.plan.byId.get(testId);
    if (!test) throw new LakeformError({ code: 'E_TEST_NOT_PLANNED', message: `${testId} is not part of this test plan`, hint: 'plan every test the run selects with planTests' });
    const batch = this.plan.batchOf.get(testId);
    const startedAt = new Date().toISOString();
    try {
      let count: Count | undefined;
      if (batch) count = await this.countFromBatch(test, batch);
      count ??= await this.countAlone(test);
      return await this.finish(test, count, batch !== undefined && !count.fromBatch);
    } catch (error) {
      const completedAt = new Date().toISOString();
      const message = errorMessage(error);
      return {
        uniqueId: testId,
        node: test.node,
        batched: false,
        error,
        result: { status: 'error', message, failures: null, queryIds: [], timing: [{ name: 'execute', startedAt, completedAt }], adapterResponse: { _message: message } },
      };
    }
  }

  /** The test's count from its relation's batched query; undefined when the batch failed. */
  private async countFromBatch(test: PlannedTest, batch: TestBatch): Promise<Count | undefined> {
    let run = this.batchRuns.get(batch);
    if (!run) {
      run = this.runBatch(batch);
      this.batchRuns.set(batch, run);
    }
    const outcome = await run;
    if (!outcome.ok) return undefined;
    const raw = outcome.counts.get(test.uniqueId) ?? null;
    const failures = raw === null || test.config.limit === null ? raw : Math.min(raw, test.config.limit);
    return {
      failures,
      shouldWarn: thresholdHolds(test.warnIf!, failures),
      shouldError: thresholdHolds(test.errorIf!, failures),
      stats: outcome.stats,
      startedAt: outcome.startedAt,
      completedAt: outcome.completedAt,
      reportsScan: batch.testIds[0] === test.uniqueId,
      fromBatch: true,
    };
  }

  private async runBatch(batch: TestBatch): Promise<BatchOutcome> {
    const retries = this.opts.batchRetries ?? 2;
    for (let attempt = 0; ; attempt++) {
      const startedAt = new Date().toISOString();
      try {
        const r = await this.query('batch', batch.sql, { relations: batch.relations, testIds: batch.testIds, sources: batch.sources, nodeId: `tests of ${batch.relationId}` });
        const row = r.rows[0];
        if (!row) throw new LakeformError({ code: 'E_TEST_BATCH', message: `the batched tests of ${batch.relationId} returned no row` });
        const index = new Map(r.columns.map((c, i) => [c.name.toLowerCase(), i]));
        const counts = new Map(batch.columns.map(({ testId, column }) => [testId, toNumber(row[index.get(column)!])]));
        return { ok: true, counts, stats: r.stats, startedAt, completedAt: new Date().toISOString() };
      } catch (error) {
        if (attempt < retries && this.engine.isTransient(error) && !this.opts.signal?.aborted) {
          await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
          continue;
        }
        return { ok: false, error };
      }
    }
  }

  /** dbt's own query for the test: SQL judges the thresholds. */
  private async countAlone(test: PlannedTest): Promise<Count> {
    const startedAt = new Date().toISOString();
    const r = await this.query('single', test.singleSql, { relations: test.node.depends_on.nodes, testIds: [test.uniqueId], sources: test.sources, nodeId: test.uniqueId });
    const row = r.rows[0] ?? [null, null, null];
    const index = new Map(r.columns.map((c, i) => [c.name.toLowerCase(), i]));
    return {
      failures: toNumber(row[index.get('failures') ?? 0]),
      shouldWarn: row[index.get('should_warn') ?? 1] === true,
      shouldError: row[index.get('should_error') ?? 2] === true,
      stats: r.stats,
      startedAt,
      completedAt: new Date().toISOString(),
      reportsScan: true,
      fromBatch: false,
    };
  }

  private async finish(test: PlannedTest, count: Count, batchFailed: boolean): Promise<TestResult> {
    const { config } = test;
    const { fromBatch } = count;
    const verdict = judge({ severity: config.severity, failures: count.failures, shouldWarn: count.shouldWarn, shouldError: count.shouldError, warnIf: config.warnIf, errorIf: config.errorIf });
    const storeAs = config.storeFailuresExplicit ? config.storeFailuresAs : (config.storeFailuresAs ?? (this.opts.storeFailures ? 'table' : null));
    if (storeAs) {
      const [createSchema, ...replace] = storeFailuresStatements(test.auditRelation, test.compiledSql, storeAs);
      await this.createSchemaOnce(test, createSchema!);
      for (const sql of replace) await this.query('store_failures', sql, { relations: test.node.depends_on.nodes, testIds: [test.uniqueId], sources: test.sources, nodeId: test.uniqueId });
    }
    let failingRows: FailingRows | undefined;
    let rowsNote: string[] = [];
    const wanted = this.opts.failingRows ?? 5;
    if (verdict.status !== 'pass' && wanted > 0) {
      try {
        const r = await this.query('failing_rows', failingRowsSql(test.compiledSql, wanted), { relations: test.node.depends_on.nodes, testIds: [test.uniqueId], sources: test.sources, nodeId: test.uniqueId });
        failingRows = failingRowsFrom(r);
        rowsNote = describeFailingRows(failingRows);
      } catch (error) {
        // The verdict stands; only the illustration is missing.
        rowsNote = [`(the failing rows could not be fetched: ${errorMessage(error).split('\n')[0]})`];
      }
    }
    const message = [verdict.message, ...rowsNote].join('\n');
    const result: NodeResult = {
      status: verdict.status,
      message,
      failures: count.failures,
      queryIds: count.stats.queryIds,
      timing: [{ name: 'execute', startedAt: count.startedAt, completedAt: new Date().toISOString() }],
      adapterResponse: {
        _message: verdict.message,
        code: 'SELECT',
        batched: fromBatch,
        ...(fromBatch ? { batch_relation: test.relationId } : { single_reason: batchFailed ? "its relation's batched query failed" : (test.singleReason ?? null) }),
      },
      ...(count.reportsScan && count.stats.bytesScanned !== undefined ? { bytesScanned: count.stats.bytesScanned } : {}),
    };
    return { uniqueId: test.uniqueId, node: test.node, result, batched: fromBatch, ...(failingRows ? { failingRows } : {}) };
  }

  private createSchemaOnce(test: PlannedTest, sql: string): Promise<unknown> {
    const key = test.auditRelation.schema.toLowerCase();
    let p = this.schemasCreated.get(key);
    if (!p) {
      p = this.query('store_failures', sql, { relations: [], testIds: [test.uniqueId], sources: [], nodeId: test.uniqueId });
      this.schemasCreated.set(key, p);
      p.catch(() => this.schemasCreated.delete(key));
    }
    return p;
  }

  private query(kind: TestQueryKind, sql: string, what: { relations: string[]; testIds: string[]; sources: ExecuteOptions['sources']; nodeId: string }): Promise<QueryResult> {
    return this.slots.with(async () => {
      const started = Date.now();
      try {
        const r = await this.engine.execute(sql, { nodeId: what.nodeId, ...(what.sources?.length ? { sources: what.sources } : {}), ...(this.opts.signal ? { signal: this.opts.signal } : {}) });
        this.log.add({ kind, relations: [...what.relations], testIds: what.testIds, ok: true, durationMs: Date.now() - started, ...(r.stats.bytesScanned !== undefined ? { bytesScanned: r.stats.bytesScanned } : {}) });
        return r;
      } catch (error) {
        this.log.add({ kind, relations: [...what.relations], testIds: what.testIds, ok: false, durationMs: Date.now() - started, error: errorMessage(error) });
        throw error;
      }
    });
  }
}

/** A count as the engine returns it (bigint, number, decimal string) → number; null stays null. */
function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  const n = Number(String(value));
  return Number.isNaN(n) ? null : n;
}
