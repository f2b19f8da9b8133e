import type { ConfigTreeKind } from './project-file-schema.js';
import { isPlainMapping } from './yaml-path.js';

/** A node's config: dbt config names (normalised, without '+') to values. */
export type NodeConfig = Record<string, unknown>;

/**
 * How a config key combines a less specific value (base) with a more specific one (override):
 * lists that accumulate, dicts that merge key by key, grants that merge per privilege with '+'
 * meaning "add to", and everything else replaced.
 */
type MergeRule = 'union' | 'append' | 'update' | 'grants' | 'replace';

const MERGE_RULES: Readonly<Record<string, MergeRule>> = {
  tags: 'union',
  'pre-hook': 'append',
  'post-hook': 'append',
  packages: 'append',
  meta: 'update',
  docs: 'update',
  persist_docs: 'update',
  quoting: 'update',
  column_types: 'update',
  contract: 'update',
  grants: 'grants',
};

/** dbt accepts both spellings of the hook configs; everything downstream sees one. */
const KEY_ALIASES: Readonly<Record<string, string>> = {
  pre_hook: 'pre-hook',
  post_hook: 'post-hook',
};

/**
 * Configs whose values are mappings. In a config tree a bare key with a mapping value is a
 * sub-folder — unless it is one of these, which dbt recognises as configs by name.
 */
const MAPPING_CONFIGS_COMMON = [
  'meta',
  'docs',
  'grants',
  'persist_docs',
  'quoting',
  'contract',
  'freshness',
  'labels',
  'partition_by',
  'table_properties',
  'tblproperties',
  'lf_tags_config',
  'lf_grants',
  'options',
  'snapshot_meta_column_names',
  'column_types',
  'config',
];

const MAPPING_CONFIGS_BY_KIND: Partial<Record<ConfigTreeKind, readonly string[]>> = {
  sources: ['external'],
};

/** The canonical name of a config key: '+' dropped, hook spellings unified. */
export function normalizeConfigKey(key: string): string {
  const bare = key.startsWith('+') ? key.slice(1) : key;
  return KEY_ALIASES[bare] ?? bare;
}

/** A config mapping with every key in canonical form (later duplicates merge into earlier). */
export function normalizeConfig(config: NodeConfig): NodeConfig {
  return mergeConfigs({}, config);
}

/**
 * Combines two configs, `override` being the more specific (deeper folder < schema.yml config <
 * config() in the file). tags: union in order; pre-/post-hooks: appended; meta, docs and other
 * mapping configs: merged key by key; grants: per privilege, replaced unless the privilege is
 * written '+select', which adds; anything else: replaced.
 */
export function mergeConfigs(base: NodeConfig, override: NodeConfig): NodeConfig {
  const out: NodeConfig = {};
  for (const [k, v] of Object.entries(base)) mergeKey(out, normalizeConfigKey(k), v);
  for (const [k, v] of Object.entries(override)) mergeKey(out, normalizeConfigKey(k), v);
  return out;
}

function mergeKey(out: NodeConfig, key: string, value: unknown): void {
  const has = Object.prototype.hasOwnProperty.call(out, key);
  const prev = out[key];
  switch (MERGE_RULES[key] ?? 'replace') {
    case 'union': {
      const next = has ? toList(prev) : [];
      for (const item of toList(value)) if (!next.includes(item)) next.push(item);
      out[key] = next;
      return;
    }
    case 'append':
      out[key] = [...(has ? toList(prev) : []), ...toList(value)];
      return;
    case 'update':
      out[key] = isPlainMapping(prev) && isPlainMapping(value) ? { ...prev, ...value } : value;
      return;
    case 'grants':
      out[key] = mergeGrants(isPlainMapping(prev) ? prev : {}, value);
      return;
    case 'replace':
      out[key] = value;
  }
}

function mergeGrants(base: Record<string, unknown>, override: unknown): unknown {
  if (!isPlainMapping(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [privilege, grantees] of Object.entries(override)) {
    if (privilege.startsWith('+')) {
      const name = privilege.slice(1);
      const merged = toList(out[name]);
      for (const g of toList(grantees)) if (!merged.includes(g)) merged.push(g);
      out[name] = merged;
    } else {
      out[privilege] = grantees;
    }
  }
  return out;
}

function toList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? [...v] : [v];
}

/**
 * The config a dbt_project.yml tree (`models:`, `seeds:` …) gives the node at `fqn`, e.g.
 * ['shop', 'staging', 'stg_orders'] (package, folders…, node name). Configs at the tree's top
 * apply to every package; then each level along the fqn applies, deeper levels overriding
 * (with the merge rules of mergeConfigs).
 */
export function resolveFolderConfig(tree: unknown, fqn: readonly string[], resourceKind: ConfigTreeKind): NodeConfig {
  const mappingConfigs = new Set([...MAPPING_CONFIGS_COMMON, ...(MAPPING_CONFIGS_BY_KIND[resourceKind] ?? [])]);
  let level: unknown = tree;
  let config = configsAt(level, mappingConfigs, {});
  for (const segment of fqn) {
    if (!isPlainMapping(level)) break;
    const child = Object.prototype.hasOwnProperty.call(level, segment) ? level[segment] : undefined;
    if (!isPlainMapping(child) || isConfigKey(segment, child, mappingConfigs)) break;
    config = configsAt(child, mappingConfigs, config);
    level = child;
  }
  return config;
}

/** Applies one level's configs over `inherited`, in the order they are written. */
function configsAt(level: unknown, mappingConfigs: ReadonlySet<string>, inherited: NodeConfig): NodeConfig {
  if (!isPlainMapping(level)) return inherited;
  // Key by key rather than "merge the level, then merge levels": a level's '+select' grant must
  // add to the inherited grants, which it could not once collapsed into a level-only mapping.
  const out: NodeConfig = { ...inherited };
  for (const [key, value] of Object.entries(level)) {
    if (isConfigKey(key, value, mappingConfigs)) mergeKey(out, normalizeConfigKey(key), value);
  }
  return out;
}

/**
 * dbt's reading of a tree key: '+key' is always a config; a bare key is a config if dbt knows it
 * as one, or if its value is not a mapping (so it cannot be a folder).
 */
function isConfigKey(key: string, value: unknown, mappingConfigs: ReadonlySet<string>): boolean {
  if (key.startsWith('+')) return true;
  if (mappingConfigs.has(normalizeConfigKey(key))) return true;
  return !isPlainMapping(value);
}
