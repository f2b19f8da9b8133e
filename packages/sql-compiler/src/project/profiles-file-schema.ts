import * as z from 'zod';
import { boolLike, freeForm, freeMapping, intLike, numberLike, opt } from './schema-kit.js';

/**
 * profiles.yml. A target's numeric and boolean fields accept text as well, because they are often
 * written as `"{{ env_var('THREADS') }}"` and rendered to a string before validation.
 */

/** dbt-athena's connection keys, plus Lakeform's `endpoint_url`. */
export const athenaTargetSchema = z.looseObject({
  type: z.literal('athena'),
  /** S3 location for query results and metadata. Optional when the workgroup sets one. */
  s3_staging_dir: opt(z.string()),
  /** Where tables are written, when not under s3_staging_dir. */
  s3_data_dir: opt(z.string()),
  /** How table paths under s3_data_dir are built. */
  s3_data_naming: opt(z.enum(['unique', 'table', 'table_unique', 'schema_table', 'schema_table_unique'])),
  s3_tmp_table_dir: opt(z.string()),
  s3_expected_bucket_owner: opt(z.string()),
  region_name: z.string(),
  /** The data catalog. */
  database: z.preprocess((v) => v ?? undefined, z.string().default('awsdatacatalog')),
  /** The Glue database models are built into. */
  schema: z.string(),
  work_group: opt(z.string()),
  spark_work_group: opt(z.string()),
  emr_job_execution_role_arn: opt(z.string()),
  aws_profile_name: opt(z.string()),
  aws_access_key_id: opt(z.string()),
  aws_secret_access_key: opt(z.string()),
  aws_session_token: opt(z.string()),
  threads: opt(intLike()),
  poll_interval: opt(numberLike()),
  debug_query_state: opt(boolLike()),
  num_retries: opt(intLike()),
  num_boto3_retries: opt(intLike()),
  num_iceberg_retries: opt(intLike()),
  skip_workgroup_check: opt(boolLike()),
  /** Lake Formation tags applied to the schema's database. */
  lf_tags_database: opt(freeMapping()),
  /** Extra arguments for the S3 upload of seeds (boto3 ExtraArgs). */
  seed_s3_upload_args: opt(freeMapping()),
  /** Lakeform: send Athena calls here instead of AWS, e.g. a local Athena-compatible endpoint. */
  endpoint_url: opt(z.string()),
});

const duckdbExtensionSchema = z.union(
  [z.string(), z.looseObject({ name: z.string(), repo: opt(z.string()) })],
  { error: 'an extension name or {name, repo}' },
);

/** dbt-duckdb's connection keys. */
export const duckdbTargetSchema = z.looseObject({
  type: z.literal('duckdb'),
  /** Database file; ':memory:' (the default) or an md: MotherDuck string. */
  path: opt(z.string()),
  database: opt(z.string()),
  schema: opt(z.string()),
  threads: opt(intLike()),
  extensions: opt(z.array(duckdbExtensionSchema)),
  /** DuckDB SET options. */
  settings: opt(freeMapping()),
  attach: opt(
    z.array(
      z.looseObject({
        path: z.string(),
        alias: opt(z.string()),
        type: opt(z.string()),
        read_only: opt(boolLike()),
        options: opt(freeMapping()),
      }),
    ),
  ),
  /** fsspec filesystems; each entry's keys belong to its filesystem. */
  filesystems: opt(z.array(freeForm(z.looseObject({ fs: z.string() })))),
  plugins: opt(z.array(z.looseObject({ module: z.string(), alias: opt(z.string()), config: opt(freeMapping()) }))),
  /** Root folder for `external` materializations. */
  external_root: opt(z.string()),
  module_paths: opt(z.array(z.string())),
  /** CREATE SECRET parameters; keys depend on the secret type. */
  secrets: opt(z.array(freeMapping())),
  use_credential_provider: opt(z.string()),
  disable_transactions: opt(boolLike()),
  keep_open: opt(boolLike()),
  config_options: opt(freeMapping()),
  retries: opt(
    z.looseObject({
      connect_attempts: opt(intLike()),
      query_attempts: opt(intLike()),
      retryable_exceptions: opt(z.array(z.string())),
    }),
  ),
});

/** Lakeform's own local engine target. */
export const localTargetSchema = z.looseObject({
  type: z.literal('local'),
  /** The warehouse folder, relative to the project (`warehouse` is the older name for it). */
  path: opt(z.string()),
  /** Folder holding the local warehouse's tables, relative to the project. */
  warehouse: z.preprocess((v) => v ?? undefined, z.string().default('.lakeform/warehouse')),
  schema: z.preprocess((v) => v ?? undefined, z.string().default('main')),
  threads: z.preprocess((v) => v ?? undefined, intLike().default(4)),
  /** Folder of raw files that sources read from, relative to the project. */
  sources_root: opt(z.string()),
  /** DuckDB's memory_limit for the local engine (e.g. '3GB'); beyond it DuckDB spills to disk. Default: DuckDB's (80 % of RAM). */
  memory_limit: opt(z.string()),
});

export const profileTargetSchema = z.discriminatedUnion('type', [athenaTargetSchema, duckdbTargetSchema, localTargetSchema]);

/**
 * One profile. Outputs are only checked as mappings here: a target is rendered and validated in
 * full only when selected, as dbt does, so an unset env var in the prod target does not break dev.
 */
export const profileSchema = z.looseObject({
  /** The default target; `--target` (or DBT_TARGET) overrides it. */
  target: opt(z.string()),
  outputs: z.record(z.string(), freeMapping()),
});

/** The whole file: profile names at the top, plus dbt's legacy global `config:` block. */
export const profilesFileSchema = z.object({ config: opt(freeMapping()) }).catchall(profileSchema);

export type AthenaTarget = z.output<typeof athenaTargetSchema>;
export type DuckdbTarget = z.output<typeof duckdbTargetSchema>;
export type LocalTarget = z.output<typeof localTargetSchema>;
export type ProfileTarget = z.output<typeof profileTargetSchema>;
export type Profile = z.output<typeof profileSchema>;
export type ProfilesFile = z.output<typeof profilesFileSchema>;
export type Engine = 'athena' | 'local';

/** Both duckdb and local targets run on Lakeform's local engine. */
export function engineOf(target: ProfileTarget): Engine {
  return target.type === 'athena' ? 'athena' : 'local';
}
