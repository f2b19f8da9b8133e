import type { ManifestNode } from '@lakeform/sql-compiler';
import type { Notice } from './engine.js';

interface WarehouseOnlyConfig {
  key: string;
  /** Why the local engine has nothing to apply it to. */
  why: string;
}

/**
 * dbt-athena configs that only mean something on AWS: Lake Formation, Glue table versions, S3
 * placement, Hive bucketing, Glue descriptions. A project keeps them for production; locally they
 * are ignored, and saying so once beats silently pretending they took effect.
 */
const WAREHOUSE_ONLY: readonly WarehouseOnlyConfig[] = [
  { key: 'grants', why: 'grants are given to AWS principals; the local warehouse has none' },
  { key: 'lf_tags_config', why: 'Lake Formation tags exist only in AWS' },
  { key: 'lf_tags', why: 'Lake Formation tags exist only in AWS' },
  { key: 'lf_tags_columns', why: 'Lake Formation tags exist only in AWS' },
  { key: 'lf_inherited_tags', why: 'Lake Formation tags exist only in AWS' },
  { key: 'lf_grants', why: 'Lake Formation data cell filters exist only in AWS' },
  { key: 'ha', why: 'high-availability swaps use Glue table versions; local tables are swapped atomically anyway' },
  { key: 's3_data_dir', why: 'local tables live in the warehouse folder, not on S3' },
  { key: 's3_data_naming', why: 'local tables live in the warehouse folder, not on S3' },
  { key: 's3_tmp_table_dir', why: 'local tables live in the warehouse folder, not on S3' },
  { key: 'external_location', why: 'local tables live in the warehouse folder, not on S3' },
  { key: 'bucketed_by', why: 'Hive bucketing is an Athena storage layout' },
  { key: 'bucket_count', why: 'Hive bucketing is an Athena storage layout' },
  { key: 'persist_docs', why: 'descriptions are persisted to the Glue Data Catalog' },
  { key: 'seed_s3_upload_args', why: 'seeds are not uploaded to S3 locally' },
];

/** Default values (false, null, empty, `enabled: false`) configure nothing and deserve no notice. */
function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return false;
    if ('enabled' in (value as Record<string, unknown>) && !(value as { enabled: unknown }).enabled) return false;
    return entries.some(([, v]) => isSet(v));
  }
  return true;
}

/**
 * One-line notices for the warehouse-only configs a node sets. Pass the same `seen` set for a
 * whole run and each config is reported once (naming the first node that set it), not once per model.
 */
export function warehouseOnlyConfigNotices(node: ManifestNode, seen?: Set<string>): Notice[] {
  const config = node.config as Record<string, unknown>;
  const notices: Notice[] = [];
  for (const { key, why } of WAREHOUSE_ONLY) {
    if (!isSet(config[key]) || seen?.has(key)) continue;
    seen?.add(key);
    const others = seen ? ' (other nodes setting it are not reported again)' : '';
    notices.push({ nodeId: node.unique_id, message: `${node.unique_id}: config '${key}' is ignored by the local engine: ${why}; it applies when the project runs on Athena${others}` });
  }
  return notices;
}

/** The configs `warehouseOnlyConfigNotices` reports. */
export const WAREHOUSE_ONLY_CONFIG_KEYS: readonly string[] = WAREHOUSE_ONLY.map((c) => c.key);
