import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LakeformError, writeFileAtomic } from '@lakeform/sql-compiler';
import { RUN_RESULTS_DBT_VERSION } from '@lakeform/runner';
import { FRESHNESS_PERIODS } from './freshness-criteria.js';
import type { FreshnessOutcome, FreshnessResult } from './run-freshness.js';

export const SOURCES_JSON_SCHEMA_VERSION = 'https://schemas.getdbt.com/dbt/sources/v3.json';
export const SOURCES_JSON_FILE = 'sources.json';

const ThresholdSchema = z.object({ count: z.number().int().nullable(), period: z.enum(FRESHNESS_PERIODS).nullable() });
const TimingSchema = z.object({ name: z.enum(['compile', 'execute']), started_at: z.string(), completed_at: z.string() });

export const SourceFreshnessOutputSchema = z.object({
  unique_id: z.string(),
  max_loaded_at: z.iso.datetime({ offset: true }),
  snapshotted_at: z.iso.datetime({ offset: true }),
  max_loaded_at_time_ago_in_s: z.number(),
  status: z.enum(['pass', 'warn', 'error']),
  criteria: z.object({ warn_after: ThresholdSchema, error_after: ThresholdSchema, filter: z.string().nullable() }),
  adapter_response: z.record(z.string(), z.unknown()),
  timing: z.array(TimingSchema),
  thread_id: z.string(),
  execution_time: z.number(),
});

/** dbt v3 keeps a failed query's entry to these three keys. */
export const SourceFreshnessRuntimeErrorSchema = z.object({
  unique_id: z.string(),
  error: z.string().nullable(),
  status: z.literal('runtime error'),
});

/** target/sources.json in dbt's v3 layout, so tools built for dbt artifacts read it. */
export const SourcesJsonSchema = z.object({
  metadata: z.object({
    dbt_schema_version: z.string(),
    dbt_version: z.string(),
    generated_at: z.string(),
    invocation_id: z.string().nullable(),
    env: z.record(z.string(), z.string()),
  }),
  results: z.array(z.union([SourceFreshnessOutputSchema, SourceFreshnessRuntimeErrorSchema])),
  elapsed_time: z.number(),
});
export type SourcesJson = z.infer<typeof SourcesJsonSchema>;

export interface SourcesJsonContext {
  invocationId: string;
  generatedAt?: Date;
  dbtVersion?: string;
  /** Default: dbt's DBT_ENV_CUSTOM_ENV_* variables, prefix removed. */
  env?: Record<string, string>;
}

const CUSTOM_ENV_PREFIX = 'DBT_ENV_CUSTOM_ENV_';

function customEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith(CUSTOM_ENV_PREFIX) && v !== undefined) out[k.slice(CUSTOM_ENV_PREFIX.length)] = v;
  return out;
}

function entryOf(r: FreshnessResult): SourcesJson['results'][number] {
  if (r.status === 'runtime error') return { unique_id: r.source.unique_id, error: r.error, status: 'runtime error' };
  return {
    unique_id: r.source.unique_id,
    max_loaded_at: r.maxLoadedAt.toISOString(),
    snapshotted_at: r.snapshottedAt.toISOString(),
    max_loaded_at_time_ago_in_s: r.ageSeconds,
    status: r.status,
    criteria: r.criteria,
    adapter_response: r.adapterResponse,
    timing: r.timing,
    thread_id: r.threadId,
    execution_time: r.executionTime,
  };
}

export function buildSourcesJson(outcome: FreshnessOutcome, ctx: SourcesJsonContext): SourcesJson {
  return {
    metadata: {
      dbt_schema_version: SOURCES_JSON_SCHEMA_VERSION,
      dbt_version: ctx.dbtVersion ?? RUN_RESULTS_DBT_VERSION,
      generated_at: (ctx.generatedAt ?? new Date()).toISOString(),
      invocation_id: ctx.invocationId,
      env: ctx.env ?? customEnv(),
    },
    results: outcome.results.map(entryOf),
    elapsed_time: outcome.elapsedMs / 1000,
  };
}

/** Written whole or not at all (temp file + rename), so a reader never sees half a file. */
export function writeSourcesJson(path: string, doc: SourcesJson): void {
  writeFileAtomic(path, JSON.stringify(doc, null, 2));
}

/** Reads and validates a sources.json (ours or dbt's v3). */
export function readSourcesJson(path: string): SourcesJson {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new LakeformError({ code: 'E_SOURCES_JSON_READ', message: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, hint: 'run `lakeform source freshness` to write it' });
  }
  const parsed = SourcesJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LakeformError({
      code: 'E_SOURCES_JSON_INVALID',
      message: `${path} is not a sources.json in dbt's v3 layout: ${issue ? `${issue.path.join('.')}: ${issue.message}` : parsed.error.message}`,
      hint: 'rerun `lakeform source freshness` to write it again',
    });
  }
  return parsed.data;
}
