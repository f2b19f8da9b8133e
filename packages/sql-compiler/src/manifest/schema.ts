import { z } from 'zod';

/**
 * The manifest: the contract between compiling and running. Laid out as dbt's v12 manifest
 * (https://schemas.getdbt.com/dbt/manifest/v12.json) so tools built for dbt artifacts can read it;
 * fields Lakeform does not compute are present with dbt's empty defaults.
 */
export const MANIFEST_SCHEMA_VERSION = 'https://schemas.getdbt.com/dbt/manifest/v12.json';

const Checksum = z.object({ name: z.string(), checksum: z.string() });
const DependsOn = z.object({ macros: z.array(z.string()), nodes: z.array(z.string()) });
const Docs = z.object({ show: z.boolean(), node_color: z.string().nullable() });

export const ColumnInfoSchema = z.looseObject({
  name: z.string(),
  description: z.string(),
  meta: z.record(z.string(), z.unknown()),
  data_type: z.string().nullable(),
  constraints: z.array(z.unknown()),
  quote: z.boolean().nullable(),
  tags: z.array(z.string()),
});

export const NodeConfigSchema = z.looseObject({
  enabled: z.boolean(),
  materialized: z.string(),
  tags: z.array(z.string()),
  meta: z.record(z.string(), z.unknown()),
  schema: z.string().nullable().optional(),
  database: z.string().nullable().optional(),
  alias: z.string().nullable().optional(),
  'pre-hook': z.array(z.unknown()).optional(),
  'post-hook': z.array(z.unknown()).optional(),
});

export const ResourceTypeSchema = z.enum(['model', 'seed', 'snapshot', 'test', 'analysis', 'operation', 'sql_operation', 'unit_test']);

export const ManifestNodeSchema = z.looseObject({
  unique_id: z.string(),
  resource_type: ResourceTypeSchema,
  name: z.string(),
  package_name: z.string(),
  path: z.string(),
  original_file_path: z.string(),
  fqn: z.array(z.string()),
  database: z.string().nullable(),
  schema: z.string(),
  alias: z.string(),
  relation_name: z.string().nullable(),
  checksum: Checksum,
  config: NodeConfigSchema,
  tags: z.array(z.string()),
  description: z.string(),
  columns: z.record(z.string(), ColumnInfoSchema),
  meta: z.record(z.string(), z.unknown()),
  docs: Docs,
  patch_path: z.string().nullable(),
  unrendered_config: z.record(z.string(), z.unknown()),
  created_at: z.number(),
  raw_code: z.string(),
  language: z.literal('sql'),
  refs: z.array(z.object({ name: z.string(), package: z.string().nullable(), version: z.union([z.string(), z.number()]).nullable() })),
  sources: z.array(z.array(z.string())),
  metrics: z.array(z.array(z.string())),
  depends_on: DependsOn,
  compiled_path: z.string().nullable(),
  compiled: z.boolean(),
  compiled_code: z.string().optional(),
  extra_ctes_injected: z.boolean(),
  extra_ctes: z.array(z.object({ id: z.string(), sql: z.string() })),
  contract: z.object({ enforced: z.boolean(), alias_types: z.boolean(), checksum: z.string().nullable() }),
  access: z.string().optional(),
  constraints: z.array(z.unknown()).optional(),
  version: z.union([z.string(), z.number()]).nullable().optional(),
  latest_version: z.union([z.string(), z.number()]).nullable().optional(),
  deprecation_date: z.string().nullable().optional(),
  group: z.string().nullable().optional(),
  // tests only
  test_metadata: z.object({ name: z.string(), kwargs: z.record(z.string(), z.unknown()), namespace: z.string().nullable() }).optional(),
  column_name: z.string().nullable().optional(),
  file_key_name: z.string().nullable().optional(),
  attached_node: z.string().nullable().optional(),
});

export const ManifestSourceSchema = z.looseObject({
  unique_id: z.string(),
  resource_type: z.literal('source'),
  name: z.string(),
  source_name: z.string(),
  source_description: z.string(),
  package_name: z.string(),
  path: z.string(),
  original_file_path: z.string(),
  fqn: z.array(z.string()),
  database: z.string().nullable(),
  schema: z.string(),
  identifier: z.string(),
  relation_name: z.string(),
  loader: z.string(),
  loaded_at_field: z.string().nullable(),
  freshness: z.unknown().nullable(),
  external: z.unknown().nullable(),
  description: z.string(),
  columns: z.record(z.string(), ColumnInfoSchema),
  meta: z.record(z.string(), z.unknown()),
  source_meta: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  config: z.looseObject({ enabled: z.boolean() }),
  patch_path: z.string().nullable(),
  unrendered_config: z.record(z.string(), z.unknown()),
  created_at: z.number(),
});

export const ManifestMacroSchema = z.looseObject({
  unique_id: z.string(),
  name: z.string(),
  resource_type: z.literal('macro'),
  package_name: z.string(),
  path: z.string(),
  original_file_path: z.string(),
  macro_sql: z.string(),
  depends_on: z.object({ macros: z.array(z.string()) }),
  description: z.string(),
  meta: z.record(z.string(), z.unknown()),
  docs: Docs,
  patch_path: z.string().nullable(),
  arguments: z.array(z.unknown()),
  created_at: z.number(),
  supported_languages: z.array(z.string()).nullable(),
});

export const ManifestDocSchema = z.object({
  unique_id: z.string(),
  name: z.string(),
  resource_type: z.literal('doc'),
  package_name: z.string(),
  path: z.string(),
  original_file_path: z.string(),
  block_contents: z.string(),
});

export const ManifestExposureSchema = z.looseObject({
  unique_id: z.string(),
  name: z.string(),
  resource_type: z.literal('exposure'),
  package_name: z.string(),
  path: z.string(),
  original_file_path: z.string(),
  fqn: z.array(z.string()),
  type: z.string(),
  owner: z.looseObject({ name: z.string().nullable().optional(), email: z.string().nullable().optional() }),
  description: z.string(),
  label: z.string().nullable(),
  maturity: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  config: z.looseObject({ enabled: z.boolean() }),
  url: z.string().nullable(),
  depends_on: DependsOn,
  refs: z.array(z.object({ name: z.string(), package: z.string().nullable(), version: z.union([z.string(), z.number()]).nullable() })),
  sources: z.array(z.array(z.string())),
  created_at: z.number(),
});

export const ManifestMetadataSchema = z.looseObject({
  dbt_schema_version: z.string(),
  dbt_version: z.string(),
  generated_at: z.string(),
  invocation_id: z.string(),
  env: z.record(z.string(), z.string()),
  project_name: z.string(),
  project_id: z.string(),
  adapter_type: z.string(),
  lakeform_version: z.string(),
});

export const ManifestSchema = z.object({
  metadata: ManifestMetadataSchema,
  nodes: z.record(z.string(), ManifestNodeSchema),
  sources: z.record(z.string(), ManifestSourceSchema),
  macros: z.record(z.string(), ManifestMacroSchema),
  docs: z.record(z.string(), ManifestDocSchema),
  exposures: z.record(z.string(), ManifestExposureSchema),
  metrics: z.record(z.string(), z.unknown()),
  groups: z.record(z.string(), z.unknown()),
  selectors: z.record(z.string(), z.unknown()),
  disabled: z.record(z.string(), z.array(z.unknown())),
  parent_map: z.record(z.string(), z.array(z.string())),
  child_map: z.record(z.string(), z.array(z.string())),
  group_map: z.record(z.string(), z.array(z.string())),
  saved_queries: z.record(z.string(), z.unknown()),
  semantic_models: z.record(z.string(), z.unknown()),
  unit_tests: z.record(z.string(), z.unknown()),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestNode = z.infer<typeof ManifestNodeSchema>;
export type ManifestSource = z.infer<typeof ManifestSourceSchema>;
export type ManifestMacro = z.infer<typeof ManifestMacroSchema>;
export type ManifestDoc = z.infer<typeof ManifestDocSchema>;
export type ManifestExposure = z.infer<typeof ManifestExposureSchema>;
export type ColumnInfo = z.infer<typeof ColumnInfoSchema>;
export type ResourceType = z.infer<typeof ResourceTypeSchema>;
