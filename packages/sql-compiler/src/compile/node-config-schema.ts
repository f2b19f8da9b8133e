import { z } from 'zod';
import { LakeformError } from '../errors.js';
import type { NodeDraft } from './node-draft.js';

/**
 * The configs whose shape the compiler and engines rely on. Everything else passes through: real
 * projects carry adapter-specific keys Lakeform does not use.
 */
const strOrList = z.union([z.string(), z.array(z.string())]);
const hook = z.union([z.string(), z.looseObject({ sql: z.string(), transaction: z.boolean().optional() })]);

export const NodeConfigInputSchema = z.looseObject({
  enabled: z.boolean(),
  materialized: z.string().min(1),
  tags: z.array(z.string()),
  meta: z.record(z.string(), z.unknown()),
  schema: z.string().nullable(),
  alias: z.string().nullable(),
  database: z.string().nullable(),
  'pre-hook': z.array(hook),
  'post-hook': z.array(hook),
  unique_key: strOrList.nullable().optional(),
  incremental_strategy: z.enum(['append', 'merge', 'insert_overwrite', 'delete+insert', 'microbatch']).nullable().optional(),
  on_schema_change: z.enum(['ignore', 'fail', 'append_new_columns', 'sync_all_columns']).nullable().optional(),
  table_type: z.string().regex(/^(hive|iceberg)$/i, "must be 'hive' or 'iceberg'").nullable().optional(),
  partitioned_by: z.array(z.string()).nullable().optional(),
  bucketed_by: z.array(z.string()).nullable().optional(),
  format: z.string().nullable().optional(),
  write_compression: z.string().nullable().optional(),
  incremental_predicates: z.array(z.string()).nullable().optional(),
  full_refresh: z.boolean().nullable().optional(),
  severity: z.string().regex(/^(warn|error)$/i, "must be 'warn' or 'error'").optional(),
  store_failures: z.boolean().nullable().optional(),
  limit: z.number().int().nullable().optional(),
  where: z.string().nullable().optional(),
  warn_if: z.string().optional(),
  error_if: z.string().optional(),
  strategy: z.enum(['timestamp', 'check']).nullable().optional(),
  check_cols: z.union([z.literal('all'), z.array(z.string())]).nullable().optional(),
  updated_at: z.string().nullable().optional(),
});

/** Normalises the forms dbt accepts (a tag as a string, a hook as a string) and validates. */
const validated = new WeakSet<object>();

export function validateNodeConfig(n: NodeDraft): void {
  const c = n.config;
  // Tests of one folder share one config object: validate it once.
  if (validated.has(c)) return;
  if (typeof c['tags'] === 'string') c['tags'] = [c['tags']];
  for (const h of ['pre-hook', 'post-hook'] as const) {
    if (c[h] === null || c[h] === undefined) c[h] = [];
    else if (!Array.isArray(c[h])) c[h] = [c[h]];
    // dbt's manifest form: {sql, transaction, index}.
    c[h] = (c[h] as unknown[]).map((x) => (typeof x === 'string' ? { sql: x, transaction: true, index: null } : x && typeof x === 'object' ? { transaction: true, index: null, ...(x as object) } : x));
  }
  if (typeof c['partitioned_by'] === 'string') c['partitioned_by'] = [c['partitioned_by']];
  const r = NodeConfigInputSchema.safeParse(c);
  if (r.success) {
    validated.add(c);
    return;
  }
  const issue = r.error.issues[0]!;
  const key = issue.path.map(String).join('.');
  const got = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k as string] : undefined), c);
  const from = key in n.fileConfig || issue.path[0] as string in n.fileConfig ? 'the config() call in the file' : (issue.path[0] as string) in n.patchConfig ? 'its YAML config' : 'dbt_project.yml';
  throw new LakeformError({
    code: 'E_CONFIG_INVALID',
    message: `config '${key}' of ${n.resourceType} '${n.name}' ${issue.message.replace(/^Invalid (input|option): /, '')} (got ${JSON.stringify(got)})`,
    node: n.uniqueId,
    location: n.location,
    hint: `fix it in ${from}`,
  });
}
