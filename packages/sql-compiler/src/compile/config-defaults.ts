import type { NodeResourceType } from './node-draft.js';

/** dbt's defaults per resource type; folder, YAML and in-file configs are merged over these. */
export function defaultConfig(type: NodeResourceType): Record<string, unknown> {
  const base = {
    enabled: true,
    alias: null,
    schema: null,
    database: null,
    tags: [] as string[],
    meta: {},
    group: null,
    docs: { show: true, node_color: null },
    persist_docs: {},
    'pre-hook': [] as unknown[],
    'post-hook': [] as unknown[],
    quoting: {},
    column_types: {},
    full_refresh: null,
    unique_key: null,
    on_schema_change: 'ignore',
    on_configuration_change: 'apply',
    grants: {},
    packages: [] as string[],
    contract: { enforced: false, alias_types: true },
    access: 'protected',
  };
  switch (type) {
    case 'model':
    case 'analysis':
      return { ...base, materialized: 'view' };
    case 'seed':
      return { ...base, materialized: 'seed', delimiter: ',', quote_columns: null };
    case 'snapshot':
      return { ...base, materialized: 'snapshot', strategy: null, target_schema: null, target_database: null, unique_key: null };
    case 'operation':
      return { ...base, materialized: 'operation' };
    case 'test':
      return {
        enabled: true,
        alias: null,
        schema: 'dbt_test__audit',
        database: null,
        tags: [] as string[],
        meta: {},
        group: null,
        materialized: 'test',
        severity: 'ERROR',
        store_failures: null,
        store_failures_as: null,
        where: null,
        limit: null,
        fail_calc: 'count(*)',
        warn_if: '!= 0',
        error_if: '!= 0',
      };
  }
}
