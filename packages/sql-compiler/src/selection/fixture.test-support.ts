/**
 * A jaffle-shop-like project for the selection tests: seeds, sources, staging and marts folders,
 * generic/singular/unit tests, a snapshot, an analysis, an exposure, a versioned model, a
 * disabled model, a package model and macros. Tests refer to nodes by the short aliases below.
 */
import { buildSelectionGraph, type SelectableNode, type SelectionGraph } from './graph.js';

type NodeInit = Partial<SelectableNode> & Pick<SelectableNode, 'uniqueId' | 'name' | 'resourceType' | 'fqn' | 'originalFilePath'>;

function node(init: NodeInit): SelectableNode {
  const rootPrefix = /^(models|seeds|snapshots|analyses|tests|macros)\//;
  return {
    packageName: 'shop',
    path: init.originalFilePath.replace(rootPrefix, ''),
    tags: [],
    config: {},
    dependsOn: [],
    checksum: `sha:${init.uniqueId}`,
    ...init,
  };
}

const model = (name: string, folder: string[], dependsOn: string[], extra: Partial<SelectableNode> = {}): SelectableNode =>
  node({
    uniqueId: `model.shop.${name}`,
    name,
    resourceType: 'model',
    fqn: ['shop', ...folder, name],
    originalFilePath: `models/${[...folder, `${name}.sql`].join('/')}`,
    dependsOn,
    ...extra,
  });

const genericTest = (
  id: string,
  testName: string,
  folder: string[],
  dependsOn: string[],
  extra: Partial<SelectableNode> = {},
): SelectableNode =>
  node({
    uniqueId: `test.shop.${id}`,
    name: id.replace(/\.[^.]+$/, ''),
    resourceType: 'test',
    fqn: ['shop', ...folder, id.replace(/\.[^.]+$/, '')],
    originalFilePath: `models/${[...folder, 'schema.yml'].join('/')}`,
    dependsOn,
    testMetadata: { name: testName, kwargs: {} },
    config: { severity: 'ERROR' },
    attachedNode: dependsOn[0],
    ...extra,
  });

/** Alias → unique id. */
export const N = {
  raw_customers: 'seed.shop.raw_customers',
  country_codes: 'seed.shop.country_codes',
  src_orders: 'source.shop.raw.orders',
  src_payments: 'source.shop.stripe.payments',
  macro_cents: 'macro.shop.cents_to_dollars',
  macro_money: 'macro.shop.money',
  stg_customers: 'model.shop.stg_customers',
  stg_orders: 'model.shop.stg_orders',
  stg_payments: 'model.shop.stg_payments',
  customers: 'model.shop.customers',
  orders: 'model.shop.orders',
  revenue: 'model.shop.revenue',
  dim_v1: 'model.shop.dim_customers.v1',
  dim_v2: 'model.shop.dim_customers.v2',
  dim_v3: 'model.shop.dim_customers.v3',
  legacy_orders: 'model.shop.legacy_orders',
  date_spine: 'model.dbt_utils.date_spine',
  orders_snapshot: 'snapshot.shop.orders_snapshot',
  revenue_by_month: 'analysis.shop.revenue_by_month',
  weekly_dashboard: 'exposure.shop.weekly_dashboard',
  t_unique_stg_orders: 'test.shop.unique_stg_orders_order_id.a1',
  t_not_null_stg_orders: 'test.shop.not_null_stg_orders_order_id.a2',
  t_not_null_customers: 'test.shop.not_null_customers_customer_id.b1',
  t_rel_orders_customers: 'test.shop.relationships_orders_customer_id__customer_id__ref_customers_.b2',
  t_expr_orders: 'test.shop.dbt_utils_expression_is_true_orders_amount_0.b3',
  t_rel_revenue_country: 'test.shop.relationships_revenue_country__code__ref_country_codes_.b4',
  t_src_not_null_orders: 'test.shop.source_not_null_raw_orders_id.c1',
  t_assert_revenue: 'test.shop.assert_revenue_positive',
  ut_orders: 'unit_test.shop.orders.test_order_amounts',
} as const;
export type Alias = keyof typeof N;

const aliasOf = new Map<string, Alias>(Object.entries(N).map(([alias, id]) => [id, alias as Alias]));

/** Sorted aliases of a selection, so expectations read as node names. */
export function aliases(ids: Iterable<string>): string[] {
  return [...ids].map((id) => aliasOf.get(id) ?? id).sort();
}

export function sorted(...names: Alias[]): string[] {
  return [...names].sort();
}

export function jaffleNodes(): SelectableNode[] {
  return [
    node({
      uniqueId: N.raw_customers,
      name: 'raw_customers',
      resourceType: 'seed',
      fqn: ['shop', 'raw_customers'],
      originalFilePath: 'seeds/raw_customers.csv',
    }),
    node({
      uniqueId: N.country_codes,
      name: 'country_codes',
      resourceType: 'seed',
      fqn: ['shop', 'lookups', 'country_codes'],
      originalFilePath: 'seeds/lookups/country_codes.csv',
      tags: ['lookup'],
    }),
    node({
      uniqueId: N.src_orders,
      name: 'orders',
      resourceType: 'source',
      sourceName: 'raw',
      fqn: ['shop', 'staging', 'raw', 'orders'],
      path: 'models/staging/sources.yml',
      originalFilePath: 'models/staging/sources.yml',
      tags: ['raw'],
      checksum: undefined,
    }),
    node({
      uniqueId: N.src_payments,
      name: 'payments',
      resourceType: 'source',
      sourceName: 'stripe',
      fqn: ['shop', 'staging', 'stripe', 'payments'],
      path: 'models/staging/sources.yml',
      originalFilePath: 'models/staging/sources.yml',
      checksum: undefined,
    }),
    node({
      uniqueId: N.macro_cents,
      name: 'cents_to_dollars',
      resourceType: 'macro',
      fqn: ['shop', 'cents_to_dollars'],
      originalFilePath: 'macros/cents_to_dollars.sql',
    }),
    node({
      uniqueId: N.macro_money,
      name: 'money',
      resourceType: 'macro',
      fqn: ['shop', 'money'],
      originalFilePath: 'macros/money.sql',
      dependsOn: [N.macro_cents],
    }),
    model('stg_customers', ['staging'], [N.raw_customers], {
      tags: ['staging'],
      config: { materialized: 'view', schema: 'staging' },
    }),
    model('stg_orders', ['staging'], [N.src_orders], {
      tags: ['staging', 'nightly'],
      config: { materialized: 'view', schema: 'staging', meta: { owner: 'data-eng' } },
    }),
    model('stg_payments', ['staging'], [N.src_payments, N.macro_money], {
      tags: ['staging'],
      config: { materialized: 'view', schema: 'staging', meta: { owner: 'finance', contains_pii: false } },
    }),
    model('customers', ['marts'], [N.stg_customers, N.stg_orders, N.stg_payments], {
      tags: ['nightly'],
      config: { materialized: 'table', meta: { owner: 'analytics', tier: 1 }, labels: ['pii', 'gdpr'] },
    }),
    model('orders', ['marts'], [N.stg_orders, N.stg_payments], {
      tags: ['nightly', 'finance'],
      config: { materialized: 'incremental', unique_key: 'order_id' },
    }),
    model('revenue', ['marts', 'finance'], [N.orders, N.country_codes, N.date_spine], {
      tags: ['finance'],
      config: { materialized: 'table', schema: 'finance', labels: ['finance'] },
    }),
    ...[1, 2, 3].map((v) =>
      node({
        uniqueId: `model.shop.dim_customers.v${v}`,
        name: 'dim_customers',
        resourceType: 'model',
        fqn: ['shop', 'marts', 'dim_customers', `v${v}`],
        originalFilePath: `models/marts/dim_customers_v${v}.sql`,
        version: v,
        isLatestVersion: v === 2,
        dependsOn: [N.customers],
        config: v === 2 ? { materialized: 'table', contract: { enforced: true } } : { materialized: 'table' },
      }),
    ),
    model('legacy_orders', ['marts'], [N.stg_orders], {
      tags: ['nightly'],
      config: { enabled: false, materialized: 'table' },
    }),
    node({
      uniqueId: N.date_spine,
      name: 'date_spine',
      resourceType: 'model',
      packageName: 'dbt_utils',
      fqn: ['dbt_utils', 'utils', 'date_spine'],
      originalFilePath: 'models/utils/date_spine.sql',
      config: { materialized: 'ephemeral' },
    }),
    node({
      uniqueId: N.orders_snapshot,
      name: 'orders_snapshot',
      resourceType: 'snapshot',
      fqn: ['shop', 'orders_snapshot', 'orders_snapshot'],
      originalFilePath: 'snapshots/orders_snapshot.sql',
      dependsOn: [N.src_orders],
      config: { strategy: 'timestamp', unique_key: 'id', target_schema: 'snapshots' },
    }),
    node({
      uniqueId: N.revenue_by_month,
      name: 'revenue_by_month',
      resourceType: 'analysis',
      fqn: ['shop', 'analysis', 'revenue_by_month'],
      originalFilePath: 'analyses/revenue_by_month.sql',
      dependsOn: [N.revenue],
    }),
    node({
      uniqueId: N.weekly_dashboard,
      name: 'weekly_dashboard',
      resourceType: 'exposure',
      fqn: ['shop', 'marts', 'weekly_dashboard'],
      originalFilePath: 'models/marts/exposures.yml',
      dependsOn: [N.customers, N.revenue],
      tags: ['bi'],
      checksum: undefined,
    }),
    genericTest('unique_stg_orders_order_id.a1', 'unique', ['staging'], [N.stg_orders]),
    genericTest('not_null_stg_orders_order_id.a2', 'not_null', ['staging'], [N.stg_orders]),
    genericTest('not_null_customers_customer_id.b1', 'not_null', ['marts'], [N.customers]),
    genericTest(
      'relationships_orders_customer_id__customer_id__ref_customers_.b2',
      'relationships',
      ['marts'],
      [N.orders, N.customers],
    ),
    genericTest('dbt_utils_expression_is_true_orders_amount_0.b3', 'expression_is_true', ['marts'], [N.orders], {
      testMetadata: { name: 'expression_is_true', namespace: 'dbt_utils', kwargs: { expression: 'amount >= 0' } },
      config: { severity: 'warn' },
    }),
    genericTest(
      'relationships_revenue_country__code__ref_country_codes_.b4',
      'relationships',
      ['marts', 'finance'],
      [N.revenue, N.country_codes],
    ),
    genericTest('source_not_null_raw_orders_id.c1', 'not_null', ['staging'], [N.src_orders], {
      originalFilePath: 'models/staging/sources.yml',
    }),
    node({
      uniqueId: N.t_assert_revenue,
      name: 'assert_revenue_positive',
      resourceType: 'test',
      fqn: ['shop', 'assert_revenue_positive'],
      originalFilePath: 'tests/assert_revenue_positive.sql',
      dependsOn: [N.revenue],
      tags: ['finance'],
    }),
    node({
      uniqueId: N.ut_orders,
      name: 'test_order_amounts',
      resourceType: 'unit_test',
      fqn: ['shop', 'marts', 'orders', 'test_order_amounts'],
      originalFilePath: 'models/marts/schema.yml',
      dependsOn: [N.orders],
    }),
  ];
}

export function jaffleGraph(): SelectionGraph {
  return buildSelectionGraph(jaffleNodes());
}

/**
 * The "production" state the current project is compared with: stg_orders' SQL changed since,
 * orders' and customers' configs changed (customers moved schema), revenue and its tests are new,
 * and the cents_to_dollars macro that stg_payments uses (through `money`) changed.
 */
export function previousJaffleGraph(): SelectionGraph {
  const newIds = new Set<string>([N.revenue, N.t_rel_revenue_country, N.t_assert_revenue]);
  const previous = jaffleNodes()
    .filter((n) => !newIds.has(n.uniqueId))
    .map((n) => {
      switch (n.uniqueId) {
        case N.stg_orders:
          return { ...n, checksum: 'sha:old-stg_orders' };
        case N.orders:
          return { ...n, config: { ...n.config, materialized: 'table' } };
        case N.customers:
          return { ...n, config: { ...n.config, schema: 'marts' } };
        case N.macro_cents:
          return { ...n, checksum: 'sha:old-cents' };
        default:
          // Same content, different key order: must not count as a config change.
          return { ...n, config: Object.fromEntries(Object.entries(n.config).reverse()) };
      }
    });
  return buildSelectionGraph(previous);
}
