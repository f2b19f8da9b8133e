/**
 * fixtures/projects/advanced — custom schema/alias macros, dispatch over local packages, hooks,
 * incremental models, snapshots, a versioned model, an exposure, sources, env_var/var (see its
 * EXPECTED.md).
 *
 * The fixture as written does not compile yet: three bugs outside the context/jinja/builtin code
 * stop it (each has an `it.fails` below). Until they are fixed, the detailed checks run on a copy
 * with the three constructs replaced by what dbt would make of them (ALL_WORKAROUNDS); when an
 * `it.fails` flips, drop its workaround.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProject, type CompiledProject, type ManifestNode } from '../../src/index.js';
import {
  compileFixture,
  compiled,
  compiledTest,
  countByType,
  everythingExists,
  lines,
  node,
  patchedCopy,
  profilesFolder,
  removeCopies,
  sortedIds,
  sqlTokens,
  testNamed,
  type Edit,
  type FixtureCompile,
} from './support.js';

afterAll(removeCopies);

const P = 'advanced';
const id = (type: string, name: string) => `${type}.${P}.${name}`;

// ---------------------------------------------------------------------------------------------
// Workarounds for the bugs that stop the fixture from compiling (see the it.fails tests).

type Workaround = 'targetInProjectYaml' | 'versionedModelTests' | 'sourceSchemaJinja';

/** Variant A: the per-target materialization written out literally (the fixture renders it with `target`). */
const targetInProjectYaml = (target: string): Edit => ({
  file: 'dbt_project.yml',
  from: `+materialized: "{{ 'table' if target.name == 'prod' else 'view' }}"`,
  to: `+materialized: ${target === 'prod' ? 'table' : 'view'}`,
});
/** Variant B: the versioned model without column tests (tested on their own below). */
const versionedModelTests: Edit[] = [
  { file: 'models/marts/schema.yml', from: '      - name: customer_id\n        data_tests:\n          - unique\n          - not_null\n      - name: first_name', to: '      - name: customer_id\n      - name: first_name' },
  { file: 'models/marts/schema.yml', from: "      - name: customer_tier\n        data_tests:\n          - accepted_values:\n              values: ['bronze', 'silver', 'gold']\n", to: '      - name: customer_tier\n' },
];
/** Variant C: the source schema written out literally (the fixture renders it with env_var). */
const sourceSchemaJinja: Edit = { file: 'models/staging/sources.yml', from: `schema: "{{ env_var('ADVANCED_RAW_SCHEMA', 'shop_raw') }}"`, to: 'schema: shop_raw' };

const ALL_WORKAROUNDS: Workaround[] = ['targetInProjectYaml', 'versionedModelTests', 'sourceSchemaJinja'];

function workaroundCopy(target: string, use: Workaround[] = ALL_WORKAROUNDS): string {
  const edits: Edit[] = [];
  if (use.includes('targetInProjectYaml')) edits.push(targetInProjectYaml(target));
  if (use.includes('versionedModelTests')) edits.push(...versionedModelTests);
  if (use.includes('sourceSchemaJinja')) edits.push(sourceSchemaJinja);
  return patchedCopy('advanced', edits);
}

function compileAdvanced(target: 'prod' | 'dev', o: Omit<FixtureCompile, 'projectDir' | 'target'> & { use?: Workaround[] } = {}): Promise<CompiledProject> {
  const projectDir = workaroundCopy(target, o.use);
  const opts: FixtureCompile = { projectDir };
  if (o.env) opts.env = o.env;
  if (o.vars) opts.vars = o.vars;
  if (o.warehouse) opts.warehouse = o.warehouse;
  if (o.profilesDir) opts.profilesDir = o.profilesDir;
  // dev is the profile's default target: compile it without naming it
  if (target === 'prod') opts.target = target;
  return compileFixture('advanced', opts);
}

// ---------------------------------------------------------------------------------------------
// Expected compiled SQL

interface Env {
  target: 'prod' | 'dev';
  /** generate_schema_name: prod uses a custom schema as-is, other targets prefix the target schema. */
  schema: (custom: string) => string;
}
const PROD: Env = { target: 'prod', schema: (c) => c };
const DEV: Env = { target: 'dev', schema: (c) => `dev_${c}` };
const rel = (e: Env, custom: string, name: string) => `"awsdatacatalog"."${e.schema(custom)}"."${name}"`;
const SRC = (table: string) => `"awsdatacatalog"."shop_raw"."${table}"`;

/** dbt's dispatch on each target: prod is athena; dev (type local) tries local__, athena__, default__. */
const CENTS = {
  athena: 'cast(amount_cents / 100.0 as decimal(18, 2))',
  duckdb: 'round(amount_cents / 100.0, 2)',
};

const STG_SHOP_ORDERS = (amount: string, devFilter: boolean, currency = 'USD', lookback = 3650) => [
  'with source as (',
  '',
  `    select * from ${SRC('orders')}`,
  '',
  '),',
  '',
  'typed as (',
  '',
  '    select',
  '        cast(order_id as bigint) as order_id,',
  '        cast(customer_id as bigint) as customer_id,',
  '        lower(trim(status)) as status,',
  '        cast(amount_cents as bigint) as amount_cents,',
  '        cast(ordered_at as timestamp) as ordered_at,',
  '        cast(updated_at as timestamp) as updated_at',
  '    from source',
  '',
  ')',
  '',
  'select',
  '    order_id,',
  '    customer_id,',
  '    status,',
  '    amount_cents,',
  `    ${amount} as amount,`,
  `    '${currency}' as currency,`,
  '    ordered_at,',
  '    updated_at',
  'from typed',
  ...(devFilter ? [`-- outside prod, only orders of the last ${lookback} days`, `where ordered_at >= date_add('day', -${lookback}, current_date)`] : []),
];

const STG_SHOP_CUSTOMERS = [
  'select',
  '    cast(customer_id as bigint) as customer_id,',
  '    trim(first_name) as first_name,',
  '    trim(last_name) as last_name,',
  '    lower(trim(email)) as email,',
  '    upper(country_code) as country_code,',
  '    cast(created_at as timestamp) as created_at,',
  '    cast(updated_at as timestamp) as updated_at',
  `from ${SRC('customers')}`,
];

const STG_SHOP_ORDER_EVENTS = [
  'select',
  '    event_id,',
  '    cast(order_id as bigint) as order_id,',
  '    lower(event_type) as event_type,',
  '    cast(event_at as timestamp) as event_at,',
  '    cast(cast(event_at as timestamp) as date) as event_date',
  `from ${SRC('order_events')}`,
];

const FISCAL_QUARTER = {
  /** fiscal_shims.athena__fiscal_quarter (reachable through the project's dispatch search_order) */
  shims: "quarter(date_add('month', -3, orders.ordered_at))",
  /** fiscal_calendar.default__fiscal_quarter */
  portable: 'cast(floor(((month(orders.ordered_at) + 8) % 12) / 3) as integer) + 1',
};

const FCT_ORDERS = (e: Env, fiscalQuarter: string) => [
  'with orders as (',
  '',
  '    select',
  '        order_id,',
  '        customer_id,',
  '        status,',
  '        amount,',
  '        currency,',
  '        ordered_at',
  `    from ${rel(e, 'staging', 'orders')}`,
  '',
  '),',
  '',
  'status_labels as (',
  '',
  '    select',
  '        status,',
  '        label,',
  '        is_terminal',
  `    from ${rel(e, 'seeds', 'order_status_labels')}`,
  '',
  ')',
  '',
  'select',
  '    orders.order_id,',
  '    orders.customer_id,',
  '    orders.status,',
  '    status_labels.label as status_label,',
  '    coalesce(status_labels.is_terminal, false) as is_terminal,',
  "    orders.status = 'placed' as is_placed_flag,",
  "    orders.status = 'shipped' as is_shipped_flag,",
  "    orders.status = 'completed' as is_completed_flag,",
  "    orders.status = 'return_pending' as is_return_pending_flag,",
  "    orders.status = 'returned' as is_returned_flag,",
  '    orders.amount,',
  '    orders.currency,',
  '    orders.ordered_at,',
  '    cast(orders.ordered_at as date) as order_date,',
  // the root project's default__fiscal_year wins over fiscal_calendar.athena__fiscal_year
  "    year(date_add('month', -3, orders.ordered_at)) as fiscal_year,",
  `    ${fiscalQuarter} as fiscal_quarter`,
  'from orders',
  'left join status_labels',
  '    on orders.status = status_labels.status',
];

const FCT_ORDER_LIFECYCLE = (e: Env, incremental: boolean) => [
  '',
  '',
  'with events as (',
  '',
  '    select',
  '        order_id,',
  '        event_type,',
  '        event_at',
  `    from ${rel(e, 'staging', 'order_events')}`,
  '',
  '),',
  '',
  ...(incremental
    ? [
        '-- orders with an event since the last run: their whole lifecycle is recomputed and merged',
        'changed_orders as (',
        '',
        '    select distinct',
        '        order_id',
        '    from events',
        `    where event_at > (select coalesce(max(last_event_at), timestamp '1970-01-01 00:00:00') from ${rel(e, 'marts', 'fct_order_lifecycle')})`,
        '',
        '),',
        '',
      ]
    : []),
  'lifecycle as (',
  '',
  '    select',
  '        events.order_id,',
  "        min(case when events.event_type = 'placed' then events.event_at end) as placed_at,",
  "        min(case when events.event_type = 'shipped' then events.event_at end) as shipped_at,",
  "        min(case when events.event_type = 'completed' then events.event_at end) as completed_at,",
  "        min(case when events.event_type = 'return_pending' then events.event_at end) as return_pending_at,",
  "        min(case when events.event_type = 'returned' then events.event_at end) as returned_at,",
  '        max_by(events.event_type, events.event_at) as last_event_type,',
  '        max(events.event_at) as last_event_at,',
  '        count(*) as event_count',
  '    from events',
  ...(incremental ? ['    inner join changed_orders', '        on events.order_id = changed_orders.order_id'] : []),
  '    group by events.order_id',
  '',
  ')',
  '',
  'select',
  '    order_id,',
  '    placed_at,',
  '    shipped_at,',
  '    completed_at,',
  '    return_pending_at,',
  '    returned_at,',
  '    last_event_type,',
  "    last_event_type = 'shipped' as currently_shipped,",
  "    last_event_type = 'returned' as currently_returned,",
  '    last_event_at,',
  '    event_count,',
  "    date_diff('hour', placed_at, completed_at) as hours_to_complete",
  'from lifecycle',
];

const ORDER_EVENT_LOG = (e: Env, incremental: boolean) => [
  '',
  '',
  'select',
  '    event_id,',
  '    order_id,',
  '    event_type,',
  '    event_at,',
  '    cast(current_timestamp as timestamp(6)) as logged_at,',
  '    event_date',
  `from ${rel(e, 'staging', 'order_events')}`,
  // first run: the newline before `{% if is_incremental() -%}` stays (the file's own last
  // newline is dropped, as Jinja does)
  incremental ? `where event_at > (select max(event_at) from ${rel(e, 'marts', 'order_event_log')})` : '',
];

const DAILY_REVENUE = (e: Env, asOf: string, lookbackStart: string | null) => [
  '',
  '',
  'with orders as (',
  '',
  '    select',
  '        order_id,',
  '        status,',
  '        amount,',
  '        order_date',
  `    from ${rel(e, 'marts', 'fct_orders')}`,
  `    where order_date <= date '${asOf}'`,
  ...(lookbackStart ? [`        and order_date > date '${lookbackStart}'`] : []),
  '',
  ')',
  '',
  'select',
  '    count(*) as order_count,',
  "    count_if(status = 'placed') as placed_order_count,",
  "    count_if(status = 'shipped') as shipped_order_count,",
  "    count_if(status = 'completed') as completed_order_count,",
  '    sum(amount) as revenue,',
  '    -- hive partition columns come last',
  '    order_date as revenue_date',
  'from orders',
  'group by order_date',
];

const DIM_CUSTOMERS_V1 = (e: Env) => [
  'select',
  '    customer_id,',
  "    first_name || ' ' || last_name as full_name,",
  '    email,',
  '    country_code,',
  '    created_at',
  `from ${rel(e, 'staging', 'customers')}`,
];

const DIM_CUSTOMERS_V2 = (e: Env) => [
  'with customers as (',
  '',
  '    select',
  '        customer_id,',
  '        first_name,',
  '        last_name,',
  '        email,',
  '        country_code,',
  '        created_at',
  `    from ${rel(e, 'staging', 'customers')}`,
  '',
  '),',
  '',
  'orders as (',
  '',
  '    select',
  '        customer_id,',
  '        count(*) as order_count,',
  '        sum(amount) as lifetime_value',
  `    from ${rel(e, 'marts', 'fct_orders')}`,
  '    where not is_returned_flag',
  '    group by customer_id',
  '',
  ')',
  '',
  'select',
  '    customers.customer_id,',
  '    customers.first_name,',
  '    customers.last_name,',
  '    customers.email,',
  '    customers.country_code,',
  '    customers.created_at,',
  '    coalesce(orders.order_count, 0) as order_count,',
  '    coalesce(orders.lifetime_value, 0) as lifetime_value,',
  '    case',
  "        when orders.lifetime_value >= 500 then 'gold'",
  "        when orders.lifetime_value >= 100 then 'silver'",
  "        else 'bronze'",
  '    end as customer_tier',
  'from customers',
  'left join orders',
  '    on customers.customer_id = orders.customer_id',
];

const LEGACY_CUSTOMER_EXPORT = (e: Env) => [
  '-- The CRM export still reads the v1 shape of dim_customers (full_name): pinned to version 1.',
  'select',
  '    customer_id,',
  '    full_name,',
  '    email',
  `from ${rel(e, 'marts', 'dim_customers_v1')}`,
];

const CUSTOMER_SEGMENTS = (e: Env) => [
  '-- Unpinned ref: resolves to the latest version of dim_customers (v2).',
  'select',
  '    customer_tier,',
  '    count(*) as customer_count,',
  '    sum(lifetime_value) as lifetime_value',
  `from ${rel(e, 'marts', 'dim_customers_v2')}`,
  'group by customer_tier',
];

/** A snapshot compiles to its block body: the config() call renders to nothing. */
const ORDERS_SNAPSHOT = (e: Env) => ['', '', '', '', 'select', '    order_id,', '    customer_id,', '    status,', '    amount_cents,', '    updated_at', `from ${rel(e, 'staging', 'orders')}`, '', ''];
const CUSTOMERS_SNAPSHOT = ['', '', '', '', 'select', '    customer_id,', '    first_name,', '    last_name,', '    email,', '    country_code', `from ${SRC('customers')}`, '', ''];

const ASSERT_LIFECYCLE_IN_ORDER = (e: Env) => [
  '',
  '',
  '-- An order cannot ship before it was placed, nor complete before it shipped.',
  'select',
  '    order_id,',
  '    placed_at,',
  '    shipped_at,',
  '    completed_at',
  `from ${rel(e, 'marts', 'fct_order_lifecycle')}`,
  'where shipped_at < placed_at',
  '    or completed_at < shipped_at',
];

const hookSql = (h: unknown): unknown => (h && typeof h === 'object' && 'sql' in h ? (h as { sql: unknown }).sql : h);

/** The generic test on a source column (its name is a bug of its own, see below). */
function sourceTest(p: CompiledProject): ManifestNode {
  const found = Object.values(p.manifest.nodes).filter((n) => n.test_metadata && n.depends_on.nodes.includes(id('source', 'shop.orders')));
  expect(found.length).toBe(1);
  return found[0]!;
}

// ---------------------------------------------------------------------------------------------

describe.each([
  { e: PROD, label: 'prod (athena)', adapter: 'athena', marts: 'table' },
  { e: DEV, label: 'the default target (dev, type local)', adapter: 'local', marts: 'view' },
])('advanced on $label', ({ e, adapter, marts }) => {
  let p: CompiledProject;
  let inc: CompiledProject;
  beforeAll(async () => {
    p = await compileAdvanced(e.target);
    inc = await compileAdvanced(e.target, { warehouse: everythingExists });
  });

  it('target, adapter and a clean compile', () => {
    expect(p.targetName).toBe(e.target);
    expect(p.adapterType).toBe(adapter);
    expect(p.profileTarget['schema']).toBe(e.target === 'prod' ? 'analytics' : 'dev');
    expect(p.warnings).toEqual([]);
  });

  describe('compiled SQL', () => {
    it('stg_shop__orders (relation `orders`): dispatched cents_to_dollars, env_var, target-dependent filter', () => {
      // local dispatches local__, athena__, default__: the athena__ variant serves dev too
      expect(lines(compiled(p, id('model', 'stg_shop__orders')))).toEqual(STG_SHOP_ORDERS(CENTS.athena, e.target !== 'prod'));
    });
    it('stg_shop__customers and stg_shop__order_events: source() relations', () => {
      expect(lines(compiled(p, id('model', 'stg_shop__customers')))).toEqual(STG_SHOP_CUSTOMERS);
      expect(lines(compiled(p, id('model', 'stg_shop__order_events')))).toEqual(STG_SHOP_ORDER_EVENTS);
    });
    it('fct_orders: varargs/kwargs macro, macro returning a list, dispatch with search_order', () => {
      expect(lines(compiled(p, id('model', 'fct_orders')))).toEqual(FCT_ORDERS(e, FISCAL_QUARTER.shims));
    });
    it('fct_order_lifecycle: first run, then incremental ({{ this }} is the model)', () => {
      expect(lines(compiled(p, id('model', 'fct_order_lifecycle')))).toEqual(FCT_ORDER_LIFECYCLE(e, false));
      expect(lines(compiled(inc, id('model', 'fct_order_lifecycle')))).toEqual(FCT_ORDER_LIFECYCLE(e, true));
    });
    it('order_event_log: first run, then incremental', () => {
      expect(lines(compiled(p, id('model', 'order_event_log')))).toEqual(ORDER_EVENT_LOG(e, false));
      expect(lines(compiled(inc, id('model', 'order_event_log')))).toEqual(ORDER_EVENT_LOG(e, true));
    });
    it('daily_revenue: modules.datetime date arithmetic; first run, then incremental', () => {
      expect(lines(compiled(p, id('model', 'daily_revenue')))).toEqual(DAILY_REVENUE(e, '2024-03-31', null));
      expect(lines(compiled(inc, id('model', 'daily_revenue')))).toEqual(DAILY_REVENUE(e, '2024-03-31', '2024-03-28'));
    });
    it('models that are not incremental compile the same with a warehouse', () => {
      for (const m of ['stg_shop__orders', 'fct_orders', 'dim_customers.v2']) expect(compiled(inc, id('model', m))).toBe(compiled(p, id('model', m)));
    });
    it('dim_customers v1 and v2', () => {
      expect(lines(compiled(p, id('model', 'dim_customers.v1')))).toEqual(DIM_CUSTOMERS_V1(e));
      expect(lines(compiled(p, id('model', 'dim_customers.v2')))).toEqual(DIM_CUSTOMERS_V2(e));
    });
    it("legacy_customer_export: ref('dim_customers', v=1) pins version 1", () => {
      expect(lines(compiled(p, id('model', 'legacy_customer_export')))).toEqual(LEGACY_CUSTOMER_EXPORT(e));
    });
    it("customer_segments: unpinned ref('dim_customers') is the latest version", () => {
      expect(lines(compiled(p, id('model', 'customer_segments')))).toEqual(CUSTOMER_SEGMENTS(e));
    });
    it('snapshots compile to their block body', () => {
      expect(lines(compiled(p, id('snapshot', 'orders_snapshot')))).toEqual(ORDERS_SNAPSHOT(e));
      expect(lines(compiled(p, id('snapshot', 'customers_snapshot')))).toEqual(CUSTOMERS_SNAPSHOT);
    });
  });

  describe('hooks', () => {
    it('on-run-start / on-run-end operations', () => {
      expect(sortedIds(p, 'operation')).toEqual([id('operation', 'advanced-on-run-end-0'), id('operation', 'advanced-on-run-start-0'), id('operation', 'advanced-on-run-start-1')]);
      // {{ log(...) }} renders to nothing
      expect(compiled(p, id('operation', 'advanced-on-run-start-0'))).toBe('');
      // generate_schema_name('audit', none) through the project's own macro
      expect(compiled(p, id('operation', 'advanced-on-run-start-1'))).toBe(`create schema if not exists ${e.schema('audit')}`);
      expect(compiled(p, id('operation', 'advanced-on-run-end-0'))).toBe('');
    });
    it('hooks see invocation_id, target, results and execute', () => {
      const messages = p.logs.map((l) => l.message);
      expect(messages).toContain(`advanced: run ${p.manifest.metadata.invocation_id} started on target ${e.target}`);
      expect(messages).toContain('advanced: 0 nodes done, 0 failed');
    });
    it('model hooks stay raw in the config (rendered when the hook runs)', () => {
      const c = node(p, id('model', 'fct_order_lifecycle')).config;
      expect((c['pre-hook'] ?? []).map(hookSql)).toEqual(['{{ log_model_start(this) }}']);
      expect((c['post-hook'] ?? []).map(hookSql)).toEqual([
        "{% if target.type == 'athena' %}optimize {{ this.schema }}.{{ this.identifier }} rewrite data using bin_pack{% endif %}",
      ]);
      expect(node(p, id('model', 'fct_orders')).config['pre-hook'] ?? []).toEqual([]);
    });
  });

  describe('compiled tests', () => {
    it('singular test with in-file config', () => {
      expect(lines(compiled(p, id('test', 'assert_lifecycle_in_order')))).toEqual(ASSERT_LIFECYCLE_IN_ORDER(e));
    });
    it('built-in tests on a model, a source and a snapshot', () => {
      expect(sqlTokens(compiledTest(p, 'unique_stg_shop__customers_email'))).toBe(
        sqlTokens(`select email as unique_field, count(*) as n_records from ${rel(e, 'staging', 'customers')} where email is not null group by email having count(*) > 1`),
      );
      expect(sqlTokens(compiled(p, sourceTest(p).unique_id))).toBe(sqlTokens(`select order_id from ${SRC('orders')} where order_id is null`));
      expect(sqlTokens(compiledTest(p, 'not_null_orders_snapshot_order_id'))).toBe(sqlTokens('select order_id from "awsdatacatalog"."snapshots"."orders_snapshot" where order_id is null'));
      const rel2 = Object.values(p.manifest.nodes).find((n) => n.test_metadata?.name === 'relationships')!;
      expect(sqlTokens(compiled(p, rel2.unique_id))).toBe(
        sqlTokens(
          `with child as ( select order_id as from_field from ${rel(e, 'staging', 'order_events')} where order_id is not null ), parent as ( select order_id as to_field from ${rel(e, 'staging', 'orders')} ) select from_field from child left join parent on child.from_field = parent.to_field where parent.to_field is null`,
        ),
      );
    });
  });

  describe('manifest', () => {
    it('node counts (with the versioned-model tests taken out, see variant B)', () => {
      expect(countByType(p)).toEqual({ model: 11, seed: 1, snapshot: 2, test: 25, operation: 3 });
      expect(Object.keys(p.manifest.sources).sort()).toEqual([id('source', 'shop.customers'), id('source', 'shop.order_events'), id('source', 'shop.orders')]);
      expect(Object.keys(p.manifest.exposures)).toEqual([id('exposure', 'revenue_dashboard')]);
    });

    it('schemas and aliases from the project macros', () => {
      const where = (uid: string) => {
        const n = node(p, uid);
        return `${n.schema}.${n.alias}`;
      };
      expect(where(id('model', 'stg_shop__orders'))).toBe(`${e.schema('staging')}.orders`);
      expect(where(id('model', 'stg_shop__customers'))).toBe(`${e.schema('staging')}.customers`);
      expect(where(id('model', 'stg_shop__order_events'))).toBe(`${e.schema('staging')}.order_events`);
      for (const m of ['fct_orders', 'fct_order_lifecycle', 'order_event_log', 'daily_revenue', 'legacy_customer_export', 'customer_segments']) {
        expect(where(id('model', m))).toBe(`${e.schema('marts')}.${m}`);
        expect(node(p, id('model', m)).relation_name).toBe(rel(e, 'marts', m));
      }
      expect(where(id('model', 'dim_customers.v1'))).toBe(`${e.schema('marts')}.dim_customers_v1`);
      expect(where(id('model', 'dim_customers.v2'))).toBe(`${e.schema('marts')}.dim_customers_v2`);
      expect(where(id('seed', 'order_status_labels'))).toBe(`${e.schema('seeds')}.order_status_labels`);
      // legacy target_schema is used verbatim, on every target
      expect(where(id('snapshot', 'orders_snapshot'))).toBe('snapshots.orders_snapshot');
      expect(where(id('snapshot', 'customers_snapshot'))).toBe('snapshots.customers_snapshot');
      // tests keep their names (the __ rule is for models); data_tests: +schema: audit
      expect(where(id('test', 'assert_lifecycle_in_order'))).toBe(`${e.schema('audit')}.assert_lifecycle_in_order`);
      expect(where(testNamed(p, 'unique_stg_shop__customers_email').unique_id)).toBe(`${e.schema('audit')}.unique_stg_shop__customers_email`);
    });

    it('materializations: Jinja-rendered folder config, in-file incremental configs', () => {
      for (const m of ['stg_shop__orders', 'stg_shop__customers', 'stg_shop__order_events']) {
        expect(node(p, id('model', m)).config.materialized).toBe('view');
        expect(node(p, id('model', m)).tags).toEqual(['staging']);
      }
      for (const m of ['fct_orders', 'dim_customers.v1', 'dim_customers.v2', 'legacy_customer_export', 'customer_segments']) {
        const n = node(p, id('model', m));
        expect(n.config.materialized, m).toBe(marts);
        expect(n.config['table_type']).toBe('iceberg');
        expect(n.tags).toEqual(['marts']);
      }
      const lifecycle = node(p, id('model', 'fct_order_lifecycle')).config;
      expect(lifecycle.materialized).toBe('incremental');
      expect(lifecycle['incremental_strategy']).toBe('merge');
      expect(lifecycle['unique_key']).toBe('order_id');
      expect(lifecycle['table_type']).toBe('iceberg');
      expect(lifecycle['partitioned_by']).toEqual(['month(placed_at)']);
      expect(lifecycle['on_schema_change']).toBe('append_new_columns');
      const log = node(p, id('model', 'order_event_log')).config;
      expect([log.materialized, log['incremental_strategy'], log['table_type'], log['on_schema_change']]).toEqual(['incremental', 'append', 'iceberg', 'sync_all_columns']);
      expect(log['partitioned_by']).toEqual(['event_date']);
      const daily = node(p, id('model', 'daily_revenue')).config;
      expect([daily.materialized, daily['incremental_strategy'], daily['table_type'], daily['format'], daily['on_schema_change']]).toEqual(['incremental', 'insert_overwrite', 'hive', 'parquet', 'fail']);
      expect(daily['partitioned_by']).toEqual(['revenue_date']);
      expect(daily.tags).toEqual(['marts']);
    });

    it('versioned model: unique ids, versions, columns from include/exclude', () => {
      const v1 = node(p, id('model', 'dim_customers.v1'));
      const v2 = node(p, id('model', 'dim_customers.v2'));
      expect([v1.name, v2.name]).toEqual(['dim_customers', 'dim_customers']);
      expect([String(v1.version), String(v2.version)]).toEqual(['1', '2']);
      expect([String(v1.latest_version), String(v2.latest_version)]).toEqual(['2', '2']);
      expect(v1.original_file_path).toBe('models/marts/dim_customers_v1.sql');
      expect(Object.keys(v1.columns)).toEqual(['customer_id', 'email', 'country_code', 'created_at', 'full_name']);
      expect(Object.keys(v2.columns)).toEqual(['customer_id', 'first_name', 'last_name', 'email', 'country_code', 'created_at', 'order_count', 'lifetime_value', 'customer_tier']);
      expect(v1.description).toBe('First shape of the customer dimension, with a single full_name column.');
      expect(v2.description).toBe('One row per customer.');
      expect(v2.deprecation_date ?? null).toBeNull();
      expect(v1.deprecation_date).toBeTruthy();
    });

    it('depends_on and parent/child maps', () => {
      expect(node(p, id('model', 'stg_shop__orders')).depends_on.nodes).toEqual([id('source', 'shop.orders')]);
      expect(node(p, id('model', 'fct_orders')).depends_on.nodes).toEqual([id('model', 'stg_shop__orders'), id('seed', 'order_status_labels')]);
      expect(node(p, id('model', 'dim_customers.v2')).depends_on.nodes).toEqual([id('model', 'stg_shop__customers'), id('model', 'fct_orders')]);
      expect(node(p, id('model', 'legacy_customer_export')).depends_on.nodes).toEqual([id('model', 'dim_customers.v1')]);
      expect(node(p, id('model', 'customer_segments')).depends_on.nodes).toEqual([id('model', 'dim_customers.v2')]);
      expect(node(p, id('snapshot', 'orders_snapshot')).depends_on.nodes).toEqual([id('model', 'stg_shop__orders')]);
      expect(node(p, id('snapshot', 'customers_snapshot')).depends_on.nodes).toEqual([id('source', 'shop.customers')]);
      expect(node(p, id('test', 'assert_lifecycle_in_order')).depends_on.nodes).toEqual([id('model', 'fct_order_lifecycle')]);
      expect(testNamed(p, 'not_null_orders_snapshot_order_id').depends_on.nodes).toEqual([id('snapshot', 'orders_snapshot')]);
      expect(p.manifest.child_map[id('source', 'shop.customers')]!.filter((c) => !c.startsWith('test.'))).toEqual([id('model', 'stg_shop__customers'), id('snapshot', 'customers_snapshot')]);
      expect(p.manifest.child_map[id('model', 'dim_customers.v2')]!.filter((c) => !c.startsWith('test.'))).toEqual([id('exposure', 'revenue_dashboard'), id('model', 'customer_segments')]);
      expect(p.manifest.parent_map[id('exposure', 'revenue_dashboard')]).toEqual([id('model', 'customer_segments'), id('model', 'daily_revenue'), id('model', 'dim_customers.v2')]);
      expect(p.manifest.parent_map[id('model', 'dim_customers.v2')]).toEqual([id('model', 'fct_orders'), id('model', 'stg_shop__customers')]);
    });

    it('exposure', () => {
      const x = p.manifest.exposures[id('exposure', 'revenue_dashboard')]!;
      expect(x.depends_on.nodes).toEqual([id('model', 'daily_revenue'), id('model', 'dim_customers.v2'), id('model', 'customer_segments')]);
      expect(x.refs.map((r) => [r.name, r.version === null ? null : String(r.version)])).toEqual([
        ['daily_revenue', null],
        ['dim_customers', '2'],
        ['customer_segments', null],
      ]);
      expect([x.type, x.maturity, x.label, x.url]).toEqual(['dashboard', 'high', 'Revenue dashboard', 'https://bi.example.com/dashboards/revenue']);
      expect(x.owner).toEqual({ name: 'Finance Analytics', email: 'finance-analytics@example.com' });
    });

    it('sources: relation names, freshness inheritance, meta', () => {
      const s = (t: string) => p.manifest.sources[id('source', `shop.${t}`)]!;
      for (const t of ['orders', 'customers', 'order_events']) {
        expect(s(t).relation_name).toBe(SRC(t));
        expect([s(t).database, s(t).schema, s(t).identifier]).toEqual(['awsdatacatalog', 'shop_raw', t]);
        expect(s(t).meta).toEqual({ external_location: `data/shop/${t}/`, format: 'csv' });
        expect(s(t).loader).toBe('nightly CSV export');
        expect(Object.values(s(t).columns).every((c) => c.data_type === 'string')).toBe(true);
      }
      expect(s('orders').loaded_at_field).toBe('cast(updated_at as timestamp)');
      expect(s('orders').freshness).toMatchObject({ warn_after: { count: 12, period: 'hour' }, error_after: { count: 24, period: 'hour' } });
      expect(s('customers').freshness ?? null).toBeNull();
      expect(s('order_events').loaded_at_field).toBe('cast(event_at as timestamp)');
      expect(s('order_events').freshness).toMatchObject({ warn_after: { count: 1, period: 'hour' }, error_after: { count: 6, period: 'hour' } });
    });

    it('snapshots: strategy config from the block, table_type and tags from the project', () => {
      const o = node(p, id('snapshot', 'orders_snapshot'));
      expect(o.config.materialized).toBe('snapshot');
      expect([o.config['strategy'], o.config['unique_key'], o.config['updated_at'], o.config['invalidate_hard_deletes'], o.config['target_schema']]).toEqual(['timestamp', 'order_id', 'updated_at', true, 'snapshots']);
      expect(o.config['table_type']).toBe('iceberg');
      expect(o.tags).toEqual(['snapshots']);
      expect(o.fqn).toEqual([P, 'orders_snapshot', 'orders_snapshot']); // a snapshot's fqn includes its file name
      const c = node(p, id('snapshot', 'customers_snapshot'));
      expect([c.config['strategy'], c.config['unique_key'], c.config['check_cols']]).toEqual(['check', 'customer_id', ['email', 'country_code', 'last_name']]);
      expect(c.relation_name).toBe('"awsdatacatalog"."snapshots"."customers_snapshot"');
    });

    it('tests: severity and store_failures from YAML and from config()', () => {
      const email = testNamed(p, 'unique_stg_shop__customers_email');
      expect([email.config['severity'], email.config['store_failures']]).toEqual(['warn', true]);
      expect(email.config.schema).toBe('audit');
      const singular = node(p, id('test', 'assert_lifecycle_in_order'));
      expect([singular.config['severity'], singular.config['store_failures']]).toEqual(['warn', true]);
      expect(testNamed(p, 'unique_fct_orders_order_id').config['severity']).toBe('ERROR');
      expect(testNamed(p, 'not_null_order_status_labels_status').attached_node).toBe(id('seed', 'order_status_labels'));
      expect(sourceTest(p).test_metadata).toEqual({ name: 'not_null', namespace: null, kwargs: { column_name: 'order_id', model: "{{ get_where_subquery(source('shop', 'orders')) }}" } });
    });

    it('seed config from properties.yml', () => {
      const s = node(p, id('seed', 'order_status_labels'));
      expect(s.config['column_types']).toEqual({ status: 'string', label: 'string', is_terminal: 'boolean' });
      expect(s.config.schema).toBe('seeds');
    });
  });
});

describe('advanced: dispatch on a duckdb target', () => {
  // dbt's rule, per package: <adapter>__ then default__. With `type: duckdb` that is EXPECTED.md's
  // "dev picks" column (duckdb__ prefix).
  let p: CompiledProject;
  beforeAll(async () => {
    const profilesDir = profilesFolder('advanced:\n  target: duck\n  outputs:\n    duck:\n      type: duckdb\n      schema: dev\n      threads: 1\n');
    p = await compileAdvanced('dev', { profilesDir });
  });
  it('cents_to_dollars picks duckdb__', () => {
    expect(p.adapterType).toBe('duckdb');
    expect(lines(compiled(p, id('model', 'stg_shop__orders')))).toEqual(STG_SHOP_ORDERS(CENTS.duckdb, true));
  });
  it("fiscal_year: the root project's default__ wins; fiscal_quarter falls through fiscal_shims to fiscal_calendar.default__", () => {
    expect(lines(compiled(p, id('model', 'fct_orders')))).toEqual(FCT_ORDERS(DEV, FISCAL_QUARTER.portable));
  });
});

describe('advanced: env vars, --vars, modules.datetime', () => {
  it('env_var() in profiles.yml and in a model', async () => {
    const p = await compileAdvanced('dev', { env: { ADVANCED_DEV_SCHEMA: 'alice', ADVANCED_REPORTING_CURRENCY: 'EUR' } });
    expect(node(p, id('model', 'stg_shop__orders')).schema).toBe('alice_staging');
    expect(node(p, id('model', 'fct_orders')).relation_name).toBe('"awsdatacatalog"."alice_marts"."fct_orders"');
    expect(compiled(p, id('operation', 'advanced-on-run-start-1'))).toBe('create schema if not exists alice_audit');
    expect(lines(compiled(p, id('model', 'stg_shop__orders')))).toEqual(STG_SHOP_ORDERS(CENTS.athena, true, 'EUR'));
  });

  it('--vars override project vars and defaults; datetime arithmetic crosses a month', async () => {
    const vars = { as_of_date: '2024-05-02', revenue_lookback_days: 5, dev_lookback_days: 30 };
    const p = await compileAdvanced('dev', { vars, warehouse: everythingExists });
    expect(lines(compiled(p, id('model', 'daily_revenue')))).toEqual(DAILY_REVENUE(DEV, '2024-05-02', '2024-04-27'));
    expect(lines(compiled(p, id('model', 'stg_shop__orders')))).toEqual(STG_SHOP_ORDERS(CENTS.athena, true, 'USD', 30));
  });

  it('modules.datetime arithmetic and comparisons behave like Python', async () => {
    const projectDir = workaroundCopy('prod');
    const inline = [
      "{% set d = modules.datetime.datetime.strptime('2024-03-01', '%Y-%m-%d') %}",
      "{{ (d - modules.datetime.timedelta(days=1)).strftime('%Y-%m-%d') }}",
      "|{{ (modules.datetime.timedelta(hours=36) + d).strftime('%Y-%m-%d %H:%M') }}",
      '|{{ d + modules.datetime.timedelta(days=1) > d }}',
      '|{{ d == modules.datetime.datetime(2024, 3, 1) }}',
      '|{{ (d - modules.datetime.datetime(2024, 1, 1)).days }}',
    ].join('');
    const p = await compileProject({ projectDir, profilesDir: projectDir, target: 'prod', env: {}, inline });
    expect(p.inlineSql).toBe('2024-02-29|2024-03-02 12:00|True|True|60');
  });
});

// ---------------------------------------------------------------------------------------------
// Bugs outside context/, jinja/ and builtin-packages/. Each `it.fails` passes while the bug is
// there and flips once it is fixed.

describe('advanced: known bugs', () => {
  it('dbt_project.yml can use target: marts are tables on prod, views on dev', async () => {
    const prod = await compileAdvanced('prod', { use: ['versionedModelTests', 'sourceSchemaJinja'] });
    expect(node(prod, id('model', 'fct_orders')).config.materialized).toBe('table');
    const dev = await compileAdvanced('dev', { use: ['versionedModelTests', 'sourceSchemaJinja'] });
    expect(node(dev, id('model', 'fct_orders')).config.materialized).toBe('view');
  });

  it('generic tests on a versioned model: one per version, named with _v<version>', async () => {
    const p = await compileAdvanced('prod', { use: ['targetInProjectYaml', 'sourceSchemaJinja'] });
    expect(countByType(p)['test']).toBe(30);
    for (const v of ['1', '2']) {
      for (const t of ['unique', 'not_null']) {
        const n = testNamed(p, `${t}_dim_customers_v${v}_customer_id`);
        expect(n.attached_node).toBe(id('model', `dim_customers.v${v}`));
        expect(n.depends_on.nodes).toEqual([id('model', `dim_customers.v${v}`)]);
        expect(n.test_metadata!.kwargs['model']).toBe(`{{ get_where_subquery(ref('dim_customers', version='${v}')) }}`);
        expect(sqlTokens(compiled(p, n.unique_id))).toContain(`from "awsdatacatalog"."marts"."dim_customers_v${v}"`);
      }
    }
    // customer_tier is excluded from v1, so its accepted_values test exists for v2 only
    const tier = Object.values(p.manifest.nodes).filter((n) => n.test_metadata?.name === 'accepted_values' && n.column_name === 'customer_tier');
    expect(tier.map((n) => n.attached_node)).toEqual([id('model', 'dim_customers.v2')]);
  });

  it("Jinja in a source's schema is rendered (env_var with default, and set)", async () => {
    const p = await compileAdvanced('prod', { use: ['targetInProjectYaml', 'versionedModelTests'] });
    expect(p.manifest.sources[id('source', 'shop.orders')]!.relation_name).toBe(SRC('orders'));
    expect(lines(compiled(p, id('model', 'stg_shop__orders')))).toEqual(STG_SHOP_ORDERS(CENTS.athena, false));
    const landing = await compileAdvanced('prod', { use: ['targetInProjectYaml', 'versionedModelTests'], env: { ADVANCED_RAW_SCHEMA: 'landing' } });
    expect(landing.manifest.sources[id('source', 'shop.customers')]!.relation_name).toBe('"awsdatacatalog"."landing"."customers"');
  });

  // Bugs A + B + C together: the fixture itself.
  it('the fixture as written compiles on prod and dev', async () => {
    for (const target of ['prod', undefined]) {
      const p = await compileFixture('advanced', target ? { target } : {});
      expect(countByType(p)).toEqual({ model: 11, seed: 1, snapshot: 2, test: 30, operation: 3 });
      expect(lines(compiled(p, id('model', 'stg_shop__customers')))).toEqual(STG_SHOP_CUSTOMERS);
    }
  });

  describe('on the workaround copy', () => {
    let p: CompiledProject;
    beforeAll(async () => {
      p = await compileAdvanced('prod');
    });

    it('a test on a source column is named source_<test>_<source>_<table>_<column>', () => {
      expect(sourceTest(p).name).toBe('source_not_null_shop_orders_order_id');
    });

    // BUG G (src/compile/naming.ts / src/manifest/build-manifest.ts): a test with store_failures is
    // relational in dbt (TestShouldStoreFailures.is_relational), so it gets a relation_name: the
    // audit table its failures are stored in. Lakeform leaves it null.
    it.fails('tests with store_failures have the relation_name of their audit table', () => {
      expect(testNamed(p, 'unique_stg_shop__customers_email').relation_name).toBe('"awsdatacatalog"."audit"."unique_stg_shop__customers_email"');
      expect(node(p, id('test', 'assert_lifecycle_in_order')).relation_name).toBe('"awsdatacatalog"."audit"."assert_lifecycle_in_order"');
    });

    it('exposure fqn and path', () => {
      const x = p.manifest.exposures[id('exposure', 'revenue_dashboard')]!;
      expect(x.fqn).toEqual([P, 'marts', 'revenue_dashboard']);
      expect(x.path).toBe('marts/exposures.yml');
      expect(x.original_file_path).toBe('models/marts/exposures.yml');
    });

    it('deprecation_date is written as an ISO datetime', () => {
      expect(node(p, id('model', 'dim_customers.v1')).deprecation_date).toBe('2030-12-31T00:00:00+00:00');
    });

    it('model hooks in the manifest config are Hook objects', () => {
      const c = node(p, id('model', 'fct_order_lifecycle')).config;
      expect(c['pre-hook']).toEqual([{ sql: '{{ log_model_start(this) }}', transaction: true, index: null }]);
      expect(c['post-hook']).toEqual([
        { sql: "{% if target.type == 'athena' %}optimize {{ this.schema }}.{{ this.identifier }} rewrite data using bin_pack{% endif %}", transaction: true, index: null },
      ]);
    });

    // As dbt's SnapshotParser: a snapshot's raw_code is the body of its
    // {% snapshot %} block (SnapshotParser: raw_code = block.contents), without the block tags.
    it("a snapshot's raw_code is its block body", () => {
      const raw = node(p, id('snapshot', 'orders_snapshot')).raw_code;
      expect(raw.startsWith('\n\n{{\n    config(')).toBe(true);
      expect(raw).not.toContain('{% snapshot');
      expect(raw).not.toContain('{% endsnapshot %}');
    });
  });
});
