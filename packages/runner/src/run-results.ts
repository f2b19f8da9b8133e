import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LakeformError, writeFileAtomic } from '@lakeform/sql-compiler';
import type { RunOutcome } from './run-events.js';
import { RUN_RESULTS_SCHEMA_VERSION, RunResultsSchema, type RunResultOutput, type RunResults, type RunResultStatus } from './run-results-schema.js';

/**
 * The dbt version Lakeform's artifacts claim compatibility with; the same value the compiler
 * writes into manifest.json (sql-compiler's DBT_COMPAT_VERSION, which it does not export).
 */
export const RUN_RESULTS_DBT_VERSION = '1.10.0';

export const RUN_RESULTS_FILE = 'run_results.json';

export interface RunResultsContext {
  /** The run's id, shared with manifest.json and the lineage store. */
  invocationId: string;
  /** The command's arguments as dbt's `invocation_args_dict` (null values are dropped). */
  args: Record<string, unknown>;
  /** The command: 'run' | 'build' | 'test' | 'seed' | 'snapshot' | 'retry' … written as `args.which`. */
  command: string;
  /** Default: now. */
  generatedAt?: Date | string;
  /** Seconds for the whole invocation (parse and compile included). Default: the DAG run's elapsed time. */
  elapsed?: number;
  /** Default: dbt's DBT_ENV_CUSTOM_ENV_* variables, prefix removed, as dbt records them. */
  env?: Record<string, string>;
  dbtVersion?: string;
}

/** The run_results.json document for an outcome, results in completion order as dbt writes them. */
export function buildRunResults(outcome: RunOutcome, ctx: RunResultsContext): RunResults {
  const generatedAt = ctx.generatedAt === undefined ? new Date().toISOString() : typeof ctx.generatedAt === 'string' ? ctx.generatedAt : ctx.generatedAt.toISOString();
  const args: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ctx.args)) if (v !== null && v !== undefined) args[k] = v;
  args.which = ctx.command;
  return {
    metadata: {
      dbt_schema_version: RUN_RESULTS_SCHEMA_VERSION,
      dbt_version: ctx.dbtVersion ?? RUN_RESULTS_DBT_VERSION,
      generated_at: generatedAt,
      invocation_id: ctx.invocationId,
      env: ctx.env ?? customEnv(process.env),
    },
    results: outcome.results.map((r): RunResultOutput => ({
      status: r.result.status,
      timing: r.result.timing.map((t) => ({ name: t.name, started_at: t.startedAt, completed_at: t.completedAt })),
      // dbt names worker threads; a node skipped before any worker took it ran on none.
      thread_id: r.threadId ?? 'main',
      execution_time: r.executionTime,
      adapter_response: r.result.adapterResponse,
      message: r.result.message,
      failures: r.result.failures ?? null,
      unique_id: r.uniqueId,
      compiled: r.node.compiled,
      compiled_code: r.node.compiled_code ?? null,
      relation_name: r.node.relation_name,
      batch_results: null,
    })),
    elapsed_time: ctx.elapsed ?? outcome.elapsedMs / 1000,
    args,
  };
}

/** Writes target/run_results.json atomically (a reader never sees half a file); returns its path. */
export function writeRunResults(targetDir: string, outcome: RunOutcome, ctx: RunResultsContext): string {
  const path = join(targetDir, RUN_RESULTS_FILE);
  writeFileAtomic(path, `${JSON.stringify(buildRunResults(outcome, ctx), null, 2)}\n`);
  return path;
}

/** Reads and validates target/run_results.json (Lakeform's or dbt's). */
export function readRunResults(targetDir: string): RunResults {
  const path = join(targetDir, RUN_RESULTS_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new LakeformError({
      code: 'E_RUN_RESULTS_NOT_FOUND',
      message: `no results of a previous run at ${path}`,
      location: { file: path },
      hint: '`lakeform retry` re-runs what failed last time: run `lakeform run` or `lakeform build` first',
      cause,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw invalid(path, `it is not JSON (${cause instanceof Error ? cause.message : String(cause)})`, cause);
  }
  const parsed = RunResultsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw invalid(path, `it does not match dbt's run-results v6 layout${where}: ${issue?.message ?? 'invalid'}`, parsed.error);
  }
  return parsed.data;
}

function invalid(path: string, why: string, cause: unknown): LakeformError {
  return new LakeformError({
    code: 'E_RUN_RESULTS_INVALID',
    message: `cannot read ${path}: ${why}`,
    location: { file: path },
    hint: 'delete it and run the full command again (`lakeform build`); retry needs the results of the last run',
    cause,
  });
}

/** The statuses dbt's `retry` runs again: everything that did not complete successfully. */
export const RETRYABLE_STATUSES: ReadonlySet<RunResultStatus> = new Set(['error', 'fail', 'skipped', 'runtime error', 'partial success']);

/** The unique_ids `lakeform retry` should run: those that errored, failed or were skipped. */
export function retrySelection(runResults: RunResults): string[] {
  const ids = new Set<string>();
  for (const r of runResults.results) if (RETRYABLE_STATUSES.has(r.status)) ids.add(r.unique_id);
  return [...ids];
}

const CUSTOM_ENV_PREFIX = 'DBT_ENV_CUSTOM_ENV_';

function customEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (k.startsWith(CUSTOM_ENV_PREFIX) && v !== undefined) out[k.slice(CUSTOM_ENV_PREFIX.length)] = v;
  return out;
}
