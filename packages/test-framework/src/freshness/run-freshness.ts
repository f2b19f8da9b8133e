import type { ManifestSource } from '@lakeform/sql-compiler';
import { errorMessage, type Engine } from '@lakeform/runner';
import type { FreshnessCriteria } from './freshness-criteria.js';
import type { FreshnessCheck } from './freshness-plan.js';
import { freshnessSql } from './freshness-query.js';
import { freshnessStatus, type FreshnessStatus } from './freshness-status.js';
import { EARLIEST_TIME, toInstant } from './timestamp-value.js';

export interface FreshnessTiming {
  name: 'compile' | 'execute';
  started_at: string;
  completed_at: string;
}

interface ResultBase {
  source: ManifestSource;
  criteria: FreshnessCriteria;
  timing: FreshnessTiming[];
  threadId: string;
  /** Seconds. */
  executionTime: number;
  /** The SQL that ran (or failed). */
  sql: string;
}

export interface FreshnessMeasured extends ResultBase {
  status: FreshnessStatus;
  /** EARLIEST_TIME when the source has no rows (dbt reads that as infinitely stale). */
  maxLoadedAt: Date;
  snapshottedAt: Date;
  ageSeconds: number;
  adapterResponse: Record<string, unknown>;
}

export interface FreshnessRuntimeError extends ResultBase {
  status: 'runtime error';
  error: string;
}

export type FreshnessResult = FreshnessMeasured | FreshnessRuntimeError;

export type FreshnessEvent =
  | { kind: 'start'; index: number; total: number; check: FreshnessCheck }
  | { kind: 'done'; index: number; total: number; result: FreshnessResult };

export interface FreshnessCounts {
  pass: number;
  warn: number;
  error: number;
  runtimeError: number;
}

export interface FreshnessOutcome {
  /** In the order of the checks given. */
  results: FreshnessResult[];
  counts: FreshnessCounts;
  elapsedMs: number;
  startedAt: Date;
  /** dbt's: 1 when a source is stale past error_after or its query failed; warnings exit 0. */
  exitCode: 0 | 1;
}

export interface RunFreshnessOptions {
  /** Queries at once (default 1). */
  threads?: number;
  /** The instant to measure against instead of the warehouse clock. */
  now?: () => Date;
  onEvent?: (e: FreshnessEvent) => void;
  /** Once aborted, checks not yet started are not run (they are left out of the results). */
  signal?: AbortSignal;
}

/** Runs the freshness query of each check on the engine; a failing query fails only its own source. */
export async function runFreshnessChecks(engine: Pick<Engine, 'execute'>, checks: readonly FreshnessCheck[], opts: RunFreshnessOptions = {}): Promise<FreshnessOutcome> {
  const startedAt = new Date();
  const total = checks.length;
  const results: (FreshnessResult | undefined)[] = new Array<FreshnessResult | undefined>(total);
  let next = 0;
  const worker = async (threadId: string) => {
    while (next < total && !opts.signal?.aborted) {
      const index = next++;
      const check = checks[index]!;
      opts.onEvent?.({ kind: 'start', index: index + 1, total, check });
      const result = await checkOne(engine, check, threadId, opts);
      results[index] = result;
      opts.onEvent?.({ kind: 'done', index: index + 1, total, result });
    }
  };
  const threads = Math.max(1, Math.min(opts.threads ?? 1, total));
  await Promise.all(Array.from({ length: threads }, (_, i) => worker(`Thread-${i + 1}`)));
  const done = results.filter((r): r is FreshnessResult => r !== undefined);
  const counts: FreshnessCounts = { pass: 0, warn: 0, error: 0, runtimeError: 0 };
  for (const r of done) {
    if (r.status === 'runtime error') counts.runtimeError++;
    else counts[r.status]++;
  }
  return { results: done, counts, elapsedMs: Date.now() - startedAt.getTime(), startedAt, exitCode: counts.error + counts.runtimeError > 0 ? 1 : 0 };
}

async function checkOne(engine: Pick<Engine, 'execute'>, check: FreshnessCheck, threadId: string, opts: RunFreshnessOptions): Promise<FreshnessResult> {
  const compileStarted = new Date();
  const sql = freshnessSql(check.source, check.loadedAtField, check.criteria, opts.now?.());
  const executeStarted = new Date();
  const timing = (end: Date): FreshnessTiming[] => [
    { name: 'compile', started_at: compileStarted.toISOString(), completed_at: executeStarted.toISOString() },
    { name: 'execute', started_at: executeStarted.toISOString(), completed_at: end.toISOString() },
  ];
  const base = { source: check.source, criteria: check.criteria, threadId, sql };
  try {
    const r = await engine.execute(sql, { nodeId: check.source.unique_id, sources: [check.source], ...(opts.signal ? { signal: opts.signal } : {}) });
    const end = new Date();
    const row = r.rows[0];
    const col = (name: string) => {
      const i = r.columns.findIndex((c) => c.name.toLowerCase() === name);
      return row && i >= 0 ? row[i] : undefined;
    };
    // Text that looks like a timestamp is still text: Athena (and dbt) refuse it, so locally too.
    const loadedType = r.columns.find((c) => c.name.toLowerCase() === 'max_loaded_at')?.dataType ?? '';
    const maxLoadedAt = /char|string|text/i.test(loadedType) ? undefined : toInstant(col('max_loaded_at'));
    const snapshottedAt = toInstant(col('snapshotted_at'));
    if (maxLoadedAt === undefined || !snapshottedAt) {
      const got = maxLoadedAt === undefined ? `max(${check.loadedAtField}) is of type ${loadedType || 'unknown'} (${JSON.stringify(String(col('max_loaded_at')))})` : 'the query returned no snapshot time';
      return {
        ...base,
        status: 'runtime error',
        error: `${got}, which is not a timestamp; cast loaded_at_field to one, e.g. loaded_at_field: "cast(${check.loadedAtField} as timestamp)"`,
        timing: timing(end),
        executionTime: (end.getTime() - compileStarted.getTime()) / 1000,
      };
    }
    const loaded = maxLoadedAt ?? EARLIEST_TIME;
    const ageSeconds = (snapshottedAt.getTime() - loaded.getTime()) / 1000;
    const adapterResponse: Record<string, unknown> = { _message: 'OK' };
    if (r.stats.bytesScanned !== undefined) adapterResponse['data_scanned_in_bytes'] = r.stats.bytesScanned;
    if (r.stats.queryIds.length) adapterResponse['query_id'] = r.stats.queryIds[0];
    return {
      ...base,
      status: freshnessStatus(ageSeconds, check.criteria),
      maxLoadedAt: loaded,
      snapshottedAt,
      ageSeconds,
      adapterResponse,
      timing: timing(end),
      executionTime: (end.getTime() - compileStarted.getTime()) / 1000,
    };
  } catch (e) {
    const end = new Date();
    return { ...base, status: 'runtime error', error: errorMessage(e), timing: timing(end), executionTime: (end.getTime() - compileStarted.getTime()) / 1000 };
  }
}
