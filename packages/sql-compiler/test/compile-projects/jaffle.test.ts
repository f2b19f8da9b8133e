/**
 * fixtures/projects/jaffle — a jaffle-shop project compiled as dbt + dbt-athena would compile it
 * (see its EXPECTED.md). Model SQL is checked line by line; the relation of every ref is the
 * dbt-athena rendering `"awsdatacatalog"."<schema>"."<identifier>"`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledProject } from '../../src/index.js';
import { compileFixture, compiled, compiledTest, countByType, lines, node, removeCopies, sortedIds, sqlTokens, testNamed } from './support.js';

afterAll(removeCopies);

const P = 'jaffle_shop';
const id = (type: string, name: string) => `${type}.${P}.${name}`;

// ---------------------------------------------------------------------------------------------
// Expected compiled SQL (EXPECTED.md; whitespace as Jinja2 renders it with dbt's settings)

const STG_CUSTOMERS = [
  'with source as (',
  '',
  '    select * from "awsdatacatalog"."jaffle_raw"."raw_customers"',
  '',
  '),',
  '',
  'renamed as (',
  '',
  '    select',
  '        id as customer_id,',
  '        first_name,',
  '        last_name',
  '    from source',
  '',
  ')',
  '',
  'select * from renamed',
];

const STG_ORDERS = [
  'with source as (',
  '',
  '    select * from "awsdatacatalog"."jaffle_raw"."raw_orders"',
  '',
  '),',
  '',
  'renamed as (',
  '',
  '    select',
  '        id as order_id,',
  '        user_id as customer_id,',
  '        order_date,',
  '        status',
  '    from source',
  "    where order_date >= date '2018-01-01'",
  '',
  ')',
  '',
  'select * from renamed',
];

const STG_PAYMENTS = [
  'with source as (',
  '',
  '    select * from "awsdatacatalog"."jaffle_raw"."raw_payments"',
  '',
  '),',
  '',
  'renamed as (',
  '',
  '    select',
  '        id as payment_id,',
  '        order_id,',
  '        payment_method,',
  '        -- amount is stored in cents, convert it to dollars',
  '        cast(amount / 100.0 as decimal(16, 2)) as amount',
  '    from source',
  '',
  ')',
  '',
  'select * from renamed',
];

const INT_CUSTOMER_ORDERS = [
  'select',
  '    customer_id,',
  '    min(order_date) as first_order,',
  '    max(order_date) as most_recent_order,',
  '    count(order_id) as number_of_orders',
  'from "awsdatacatalog"."jaffle"."stg_orders"',
  'group by customer_id',
];

const ORDERS = [
  '',
  '',
  'with orders as (',
  '',
  '    select * from "awsdatacatalog"."jaffle"."stg_orders"',
  '',
  '),',
  '',
  'payments as (',
  '',
  '    select * from "awsdatacatalog"."jaffle"."stg_payments"',
  '',
  '),',
  '',
  'order_payments as (',
  '',
  '    select',
  '        order_id,',
  '        sum(amount) as total_amount,',
  "        sum(case when payment_method = 'credit_card' then amount else 0 end) as credit_card_amount,",
  "        sum(case when payment_method = 'coupon' then amount else 0 end) as coupon_amount,",
  "        sum(case when payment_method = 'bank_transfer' then amount else 0 end) as bank_transfer_amount,",
  "        sum(case when payment_method = 'gift_card' then amount else 0 end) as gift_card_amount",
  '    from payments',
  '    group by order_id',
  '',
  '),',
  '',
  'final as (',
  '',
  '    select',
  '        orders.order_id,',
  '        orders.customer_id,',
  '        orders.order_date,',
  '        orders.status,',
  '        coalesce(order_payments.credit_card_amount, 0) as credit_card_amount,',
  '        coalesce(order_payments.coupon_amount, 0) as coupon_amount,',
  '        coalesce(order_payments.bank_transfer_amount, 0) as bank_transfer_amount,',
  '        coalesce(order_payments.gift_card_amount, 0) as gift_card_amount,',
  '        coalesce(order_payments.total_amount, 0) as amount',
  '    from orders',
  '    left join order_payments',
  '        on orders.order_id = order_payments.order_id',
  '',
  ')',
  '',
  'select * from final',
];

/** customers as rendered, before the ephemeral CTE is injected. */
const CUSTOMERS_BODY = [
  'customers as (',
  '',
  '    select * from "awsdatacatalog"."jaffle"."stg_customers"',
  '',
  '),',
  '',
  'customer_orders as (',
  '',
  '    select * from __dbt__cte__int_customer_orders',
  '',
  '),',
  '',
  'customer_payments as (',
  '',
  '    select',
  '        orders.customer_id,',
  '        sum(payments.amount) as total_amount',
  '    from "awsdatacatalog"."jaffle"."stg_payments" as payments',
  '    inner join "awsdatacatalog"."jaffle"."stg_orders" as orders',
  '        on payments.order_id = orders.order_id',
  '    group by orders.customer_id',
  '',
  '),',
  '',
  'final as (',
  '',
  '    select',
  '        customers.customer_id,',
  '        customers.first_name,',
  '        customers.last_name,',
  '        customer_orders.first_order,',
  '        customer_orders.most_recent_order,',
  '        coalesce(customer_orders.number_of_orders, 0) as number_of_orders,',
  '        customer_payments.total_amount as customer_lifetime_value',
  '    from customers',
  '    left join customer_orders',
  '        on customers.customer_id = customer_orders.customer_id',
  '    left join customer_payments',
  '        on customers.customer_id = customer_payments.customer_id',
  '',
  ')',
  '',
  'select * from final',
];

/** dbt's _inject_ctes_into_sql: `with` + ` <cte> as (\n<sql>\n)` + `,` + the model's own ` customers as (`. */
const CUSTOMERS = [
  'with __dbt__cte__int_customer_orders as (',
  ...INT_CUSTOMER_ORDERS,
  `), ${CUSTOMERS_BODY[0]}`,
  ...CUSTOMERS_BODY.slice(1),
];

const ORDER_DAILY_SUMMARY = (threshold: number) => [
  '',
  '',
  'with orders as (',
  '',
  '    select * from "awsdatacatalog"."jaffle"."orders"',
  '',
  ')',
  '',
  'select',
  '    order_date,',
  '    count(*) as order_count,',
  `    count_if(amount >= ${threshold}) as large_order_count,`,
  '    sum(amount) as revenue,',
  "    sum(case when status in ('returned', 'return_pending') then amount else 0 end) as returned_revenue",
  'from orders',
  'group by order_date',
];

const ASSERT_ORDER_AMOUNT = [
  "-- An order's amount is the sum of its amounts per payment method.",
  '',
  '',
  'select',
  '    order_id,',
  '    amount',
  'from "awsdatacatalog"."jaffle"."orders"',
  'where amount != credit_card_amount + coupon_amount + bank_transfer_amount + gift_card_amount',
];

const ORDERS_STATUS_DOC = [
  'Orders can be one of the following statuses:',
  '',
  '| status         | description                                                        |',
  '|----------------|--------------------------------------------------------------------|',
  '| placed         | The order has been placed but has not yet left the warehouse       |',
  '| shipped        | The order has been shipped to the customer                         |',
  '| completed      | The order has been received by the customer                        |',
  '| return_pending | The customer has asked for a return, the goods are on their way back |',
  '| returned       | The goods have been returned to the warehouse                      |',
].join('\n');

const STATUSES = ['placed', 'shipped', 'completed', 'return_pending', 'returned'];

/** dbt's generic test names (TestBuilder.get_synthetic_test_names) that stay under 64 characters. */
const SHORT_TEST_NAMES = [
  'non_negative_customers_customer_lifetime_value',
  'non_negative_orders_amount',
  'non_negative_stg_payments_amount',
  'not_null_customers_customer_id',
  'not_null_order_daily_summary_order_count',
  'not_null_order_daily_summary_order_date',
  'not_null_orders_amount',
  'not_null_orders_bank_transfer_amount',
  'not_null_orders_coupon_amount',
  'not_null_orders_credit_card_amount',
  'not_null_orders_customer_id',
  'not_null_orders_gift_card_amount',
  'not_null_orders_order_id',
  'not_null_raw_customers_id',
  'not_null_stg_customers_customer_id',
  'not_null_stg_orders_customer_id',
  'not_null_stg_orders_order_id',
  'not_null_stg_payments_payment_id',
  'relationships_orders_customer_id__customer_id__ref_customers_',
  'unique_customers_customer_id',
  'unique_order_daily_summary_order_date',
  'unique_orders_order_id',
  'unique_raw_customers_id',
  'unique_stg_customers_customer_id',
  'unique_stg_orders_order_id',
  'unique_stg_payments_payment_id',
];

/** The three accepted_values tests: dbt's full name (64+ characters) and the hashed alias. */
const LONG_TEST_NAMES: [full: string, alias: string][] = [
  ['accepted_values_orders_status__placed__shipped__completed__return_pending__returned', 'accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758'],
  ['accepted_values_stg_orders_status__placed__shipped__completed__return_pending__returned', 'accepted_values_stg_orders_4f514bf94b77b7ea437830eec4421c58'],
  ['accepted_values_stg_payments_payment_method__credit_card__coupon__bank_transfer__gift_card', 'accepted_values_stg_payments_c7909fb19b1f0177c2bf99c7912f06ef'],
];

// ---------------------------------------------------------------------------------------------

describe.each([
  { target: 'prod', label: 'prod (athena)', adapter: 'athena' },
  { target: undefined, label: 'the default target (dev, type local)', adapter: 'local' },
])('jaffle on $label', ({ target, adapter }) => {
  let p: CompiledProject;
  beforeAll(async () => {
    p = await compileFixture('jaffle', target ? { target } : {});
  });

  it('uses the target from profiles.yml', () => {
    expect(p.targetName).toBe(target ?? 'dev');
    expect(p.adapterType).toBe(adapter);
    expect(p.manifest.metadata.adapter_type).toBe(adapter);
    expect(p.manifest.metadata.project_name).toBe(P);
    expect(p.warnings).toEqual([]);
  });

  describe('compiled SQL', () => {
    it('stg_customers: ref to a seed in the custom schema jaffle_raw', () => {
      expect(lines(compiled(p, id('model', 'stg_customers')))).toEqual(STG_CUSTOMERS);
    });
    it('stg_orders: the project var beats the default of var()', () => {
      expect(lines(compiled(p, id('model', 'stg_orders')))).toEqual(STG_ORDERS);
    });
    it('stg_payments: a root-project macro with a default argument; the SQL comment is kept', () => {
      expect(lines(compiled(p, id('model', 'stg_payments')))).toEqual(STG_PAYMENTS);
    });
    it('int_customer_orders (ephemeral) compiles on its own', () => {
      expect(lines(compiled(p, id('model', 'int_customer_orders')))).toEqual(INT_CUSTOMER_ORDERS);
    });
    it('orders: {% set %} leaves two empty lines; loops with whitespace control', () => {
      expect(lines(compiled(p, id('model', 'orders')))).toEqual(ORDERS);
    });
    it('customers: the ephemeral model is injected as the first CTE of the existing with', () => {
      expect(lines(compiled(p, id('model', 'customers')))).toEqual(CUSTOMERS);
    });
    it('customers records the injected CTE in extra_ctes', () => {
      const n = node(p, id('model', 'customers'));
      expect(n.extra_ctes.map((c) => c.id)).toEqual([id('model', 'int_customer_orders')]);
      expect(n.extra_ctes_injected).toBe(true);
      expect(node(p, id('model', 'int_customer_orders')).extra_ctes).toEqual([]);
    });
    it('order_daily_summary: config() renders to nothing; var() falls back to its default', () => {
      expect(lines(compiled(p, id('model', 'order_daily_summary')))).toEqual(ORDER_DAILY_SUMMARY(100));
    });
  });

  describe('compiled tests', () => {
    it('singular test assert_order_amount_matches_payments', () => {
      expect(lines(compiled(p, id('test', 'assert_order_amount_matches_payments')))).toEqual(ASSERT_ORDER_AMOUNT);
    });

    it('project generic test non_negative: the {% test %} body, blank lines included', () => {
      expect(lines(compiledTest(p, 'non_negative_stg_payments_amount'))).toEqual([
        '',
        '',
        'select',
        '    amount',
        'from "awsdatacatalog"."jaffle"."stg_payments"',
        'where amount < 0',
        '',
        '',
      ]);
      expect(lines(compiledTest(p, 'non_negative_customers_customer_lifetime_value'))).toEqual([
        '',
        '',
        'select',
        '    customer_lifetime_value',
        'from "awsdatacatalog"."jaffle"."customers"',
        'where customer_lifetime_value < 0',
        '',
        '',
      ]);
    });

    it('config where: the model becomes get_where_subquery()\'s filtered subquery', () => {
      expect(lines(compiledTest(p, 'non_negative_orders_amount'))).toEqual([
        '',
        '',
        'select',
        '    amount',
        `from (select * from "awsdatacatalog"."jaffle"."orders" where status != 'returned') dbt_subquery`,
        'where amount < 0',
        '',
        '',
      ]);
    });

    // dbt's own generic tests (global_project/macros/generic_test_sql). Their layout is the
    // package's, so they are compared token by token with the text dbt renders.
    it('not_null', () => {
      expect(sqlTokens(compiledTest(p, 'not_null_orders_order_id'))).toBe(
        sqlTokens(`
select order_id
from "awsdatacatalog"."jaffle"."orders"
where order_id is null
`),
      );
      expect(sqlTokens(compiledTest(p, 'not_null_raw_customers_id'))).toBe(
        sqlTokens(`
select id
from "awsdatacatalog"."jaffle_raw"."raw_customers"
where id is null
`),
      );
    });

    it('unique', () => {
      expect(sqlTokens(compiledTest(p, 'unique_customers_customer_id'))).toBe(
        sqlTokens(`
select
    customer_id as unique_field,
    count(*) as n_records

from "awsdatacatalog"."jaffle"."customers"
where customer_id is not null
group by customer_id
having count(*) > 1
`),
      );
    });

    it('accepted_values quotes every value as a string', () => {
      const t = Object.values(p.manifest.nodes).find((n) => n.resource_type === 'test' && n.test_metadata?.name === 'accepted_values' && n.attached_node === id('model', 'orders'));
      expect(t).toBeDefined();
      expect(sqlTokens(compiled(p, t!.unique_id))).toBe(
        sqlTokens(`
with all_values as (

    select
        status as value_field,
        count(*) as n_records

    from "awsdatacatalog"."jaffle"."orders"
    group by status

)

select *
from all_values
where value_field not in (
    'placed','shipped','completed','return_pending','returned'
)
`),
      );
    });

    it('relationships: child rows whose key is missing from the parent', () => {
      expect(sqlTokens(compiledTest(p, 'relationships_orders_customer_id__customer_id__ref_customers_'))).toBe(
        sqlTokens(`
with child as (
    select customer_id as from_field
    from "awsdatacatalog"."jaffle"."orders"
    where customer_id is not null
),

parent as (
    select customer_id as to_field
    from "awsdatacatalog"."jaffle"."customers"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null
`),
      );
    });
  });

  describe('manifest', () => {
    it('node counts: 7 models, 3 seeds, 30 tests (29 generic + 1 singular), no sources', () => {
      expect(countByType(p)).toEqual({ model: 7, seed: 3, test: 30 });
      const tests = Object.values(p.manifest.nodes).filter((n) => n.resource_type === 'test');
      expect(tests.filter((t) => t.test_metadata).length).toBe(29);
      expect(tests.filter((t) => !t.test_metadata).map((t) => t.unique_id)).toEqual([id('test', 'assert_order_amount_matches_payments')]);
      expect(Object.keys(p.manifest.sources)).toEqual([]);
      expect(Object.keys(p.manifest.exposures)).toEqual([]);
      expect(sortedIds(p, 'model')).toEqual(
        ['customers', 'int_customer_orders', 'order_daily_summary', 'orders', 'stg_customers', 'stg_orders', 'stg_payments'].map((n) => id('model', n)),
      );
      expect(sortedIds(p, 'seed')).toEqual(['raw_customers', 'raw_orders', 'raw_payments'].map((n) => id('seed', n)));
    });

    it('every model and test compiled; seeds have no SQL', () => {
      const compiledIds = new Set(p.compiledIds);
      for (const n of Object.values(p.manifest.nodes)) {
        if (n.resource_type === 'seed') expect(compiledIds.has(n.unique_id)).toBe(false);
        else expect(compiledIds.has(n.unique_id), n.unique_id).toBe(true);
      }
    });

    it('depends_on.macros records the project macro a model calls', () => {
      expect(node(p, id('model', 'stg_payments')).depends_on.macros).toEqual(['macro.jaffle_shop.cents_to_dollars']);
      expect(node(p, id('model', 'orders')).depends_on.macros).toEqual([]);
    });

    it('depends_on.nodes, in ref order', () => {
      expect(node(p, id('model', 'stg_customers')).depends_on.nodes).toEqual([id('seed', 'raw_customers')]);
      expect(node(p, id('model', 'int_customer_orders')).depends_on.nodes).toEqual([id('model', 'stg_orders')]);
      expect(node(p, id('model', 'customers')).depends_on.nodes).toEqual([
        id('model', 'stg_customers'),
        id('model', 'int_customer_orders'),
        id('model', 'stg_payments'),
        id('model', 'stg_orders'),
      ]);
      expect(node(p, id('model', 'orders')).depends_on.nodes).toEqual([id('model', 'stg_orders'), id('model', 'stg_payments')]);
      expect(node(p, id('model', 'order_daily_summary')).depends_on.nodes).toEqual([id('model', 'orders')]);
      expect(node(p, id('test', 'assert_order_amount_matches_payments')).depends_on.nodes).toEqual([id('model', 'orders')]);
      // a relationships test depends on both models
      expect([...testNamed(p, 'relationships_orders_customer_id__customer_id__ref_customers_').depends_on.nodes].sort()).toEqual([id('model', 'customers'), id('model', 'orders')]);
    });

    it('parent_map and child_map (sorted, as dbt writes them)', () => {
      expect(p.manifest.parent_map[id('model', 'customers')]).toEqual([
        id('model', 'int_customer_orders'),
        id('model', 'stg_customers'),
        id('model', 'stg_orders'),
        id('model', 'stg_payments'),
      ]);
      expect(p.manifest.parent_map[id('seed', 'raw_orders')]).toEqual([]);
      expect(p.manifest.child_map[id('model', 'int_customer_orders')]).toEqual([id('model', 'customers')]);
      expect(p.manifest.child_map[id('seed', 'raw_orders')]).toEqual([id('model', 'stg_orders')]);
      const ordersChildren = p.manifest.child_map[id('model', 'orders')]!;
      expect(ordersChildren).toEqual([...ordersChildren].sort());
      expect(ordersChildren.filter((c) => !c.startsWith('test.'))).toEqual([id('model', 'order_daily_summary')]);
      // order_id (unique, not_null), customer_id (not_null, relationships), status, 4 amounts,
      // amount (not_null, non_negative) + the singular test
      expect(ordersChildren.filter((c) => c.startsWith('test.')).length).toBe(12);
      expect(p.manifest.child_map[id('model', 'customers')]!.filter((c) => c.startsWith('test.')).length).toBe(4);
    });

    it('config after inheritance: folder config, in-file config, tags accumulate', () => {
      for (const m of ['stg_customers', 'stg_orders', 'stg_payments']) {
        const n = node(p, id('model', m));
        expect(n.config.materialized).toBe('view');
        expect(n.config.tags).toEqual(['staging']);
        expect(n.tags).toEqual(['staging']);
      }
      for (const m of ['orders', 'customers']) {
        const n = node(p, id('model', m));
        expect(n.config.materialized).toBe('table');
        expect(n.config['table_type']).toBe('iceberg');
        expect(n.tags).toEqual(['marts']);
      }
      const summary = node(p, id('model', 'order_daily_summary'));
      expect(summary.config.materialized).toBe('table'); // in-file config beats the folder's view
      expect(summary.config.tags).toEqual(['reporting', 'daily']); // merged, not replaced
      expect(summary.tags).toEqual(['reporting', 'daily']);
      const eph = node(p, id('model', 'int_customer_orders'));
      expect(eph.config.materialized).toBe('ephemeral');
      expect(eph.tags).toEqual([]);
    });

    it('relations: default schema macro, seeds in <target schema>_raw, ephemeral has none', () => {
      expect(node(p, id('model', 'orders')).relation_name).toBe('"awsdatacatalog"."jaffle"."orders"');
      expect(node(p, id('model', 'orders')).schema).toBe('jaffle');
      expect(node(p, id('model', 'int_customer_orders')).relation_name).toBeNull();
      for (const s of ['raw_customers', 'raw_orders', 'raw_payments']) {
        const n = node(p, id('seed', s));
        expect(n.schema).toBe('jaffle_raw');
        expect(n.config.schema).toBe('raw');
        expect(n.config.materialized).toBe('seed');
        expect(n.relation_name).toBe(`"awsdatacatalog"."jaffle_raw"."${s}"`);
      }
      expect(node(p, id('seed', 'raw_orders')).config['column_types']).toEqual({ id: 'int', user_id: 'int', order_date: 'date', status: 'string' });
      expect(node(p, id('seed', 'raw_customers')).config['column_types']).toEqual({});
    });

    it('generic test names (those under 64 characters) and where they hang', () => {
      const names = Object.values(p.manifest.nodes)
        .filter((n) => n.test_metadata)
        .map((n) => n.name);
      for (const n of SHORT_TEST_NAMES) expect(names).toContain(n);
      const nn = testNamed(p, 'not_null_orders_order_id');
      expect(nn.column_name).toBe('order_id');
      expect(nn.attached_node).toBe(id('model', 'orders'));
      expect(nn.fqn).toEqual([P, 'marts', 'not_null_orders_order_id']);
      expect(testNamed(p, 'unique_raw_customers_id').fqn).toEqual([P, 'unique_raw_customers_id']);
      expect(testNamed(p, 'unique_raw_customers_id').attached_node).toBe(id('seed', 'raw_customers'));
      expect(testNamed(p, 'not_null_stg_orders_order_id').fqn).toEqual([P, 'staging', 'not_null_stg_orders_order_id']);
    });

    it('test_metadata', () => {
      expect(testNamed(p, 'not_null_orders_order_id').test_metadata).toEqual({
        name: 'not_null',
        namespace: null,
        kwargs: { column_name: 'order_id', model: "{{ get_where_subquery(ref('orders')) }}" },
      });
      expect(testNamed(p, 'relationships_orders_customer_id__customer_id__ref_customers_').test_metadata).toEqual({
        name: 'relationships',
        namespace: null,
        kwargs: { to: "ref('customers')", field: 'customer_id', column_name: 'customer_id', model: "{{ get_where_subquery(ref('orders')) }}" },
      });
      const av = Object.values(p.manifest.nodes).find((n) => n.test_metadata?.name === 'accepted_values' && n.attached_node === id('model', 'orders'))!;
      expect(av.test_metadata).toEqual({
        name: 'accepted_values',
        namespace: null,
        kwargs: { values: STATUSES, column_name: 'status', model: "{{ get_where_subquery(ref('orders')) }}" },
      });
      // a test's config: block is config, not an argument of the test macro
      expect(testNamed(p, 'non_negative_orders_amount').test_metadata).toEqual({
        name: 'non_negative',
        namespace: null,
        kwargs: { column_name: 'amount', model: "{{ get_where_subquery(ref('orders')) }}" },
      });
    });

    it('test config: severity and where from the YAML config block', () => {
      const av = Object.values(p.manifest.nodes).filter((n) => n.test_metadata?.name === 'accepted_values');
      expect(av.length).toBe(3);
      for (const t of av) expect(t.config['severity']).toBe(t.attached_node === id('model', 'orders') ? 'warn' : 'ERROR');
      expect(testNamed(p, 'non_negative_orders_amount').config['where']).toBe("status != 'returned'");
      expect(testNamed(p, 'non_negative_stg_payments_amount').config['where'] ?? null).toBeNull();
      for (const t of Object.values(p.manifest.nodes).filter((n) => n.resource_type === 'test')) {
        expect(t.config.materialized).toBe('test');
        // dbt's test config defaults schema to dbt_test__audit (where stored failures go)
        expect(t.config.schema).toBe('dbt_test__audit');
        expect(t.schema).toBe('jaffle_dbt_test__audit');
        expect(t.tags).toEqual([]); // folder tags of models are not inherited by their tests
      }
    });

    it("docs block and doc() in column descriptions", () => {
      const doc = p.manifest.docs[id('doc', 'orders_status')];
      expect(doc).toBeDefined();
      expect(doc!.original_file_path).toBe('models/docs.md');
      expect(doc!.block_contents).toBe(ORDERS_STATUS_DOC);
      // doc() returns the block's contents (stripped, like block_contents)
      expect(node(p, id('model', 'stg_orders')).columns['status']!.description).toBe(ORDERS_STATUS_DOC);
      expect(node(p, id('model', 'orders')).columns['status']!.description).toBe(ORDERS_STATUS_DOC);
      expect(node(p, id('model', 'orders')).description).toBe('One row per order with its amount broken down by payment method.');
      expect(node(p, id('seed', 'raw_payments')).description).toBe('Payments, amounts in cents.');
    });
  });
});

describe('jaffle with --vars', () => {
  it('a CLI var fills var() with a default, and beats a project var', async () => {
    const p = await compileFixture('jaffle', { target: 'prod', vars: { large_order_threshold: 250, jaffle_start_date: '2020-06-01' } });
    expect(lines(compiled(p, id('model', 'order_daily_summary')))).toEqual(ORDER_DAILY_SUMMARY(250));
    expect(lines(compiled(p, id('model', 'stg_orders')))).toEqual(STG_ORDERS.map((l) => l.replace('2018-01-01', '2020-06-01')));
  });
});

// ---------------------------------------------------------------------------------------------
// Where Lakeform still differs from dbt (outside the context/jinja/builtin-packages code). Each
// `it.fails` passes while the bug is there and flips once it is fixed.

describe('jaffle: known differences from dbt', () => {
  let p: CompiledProject;
  beforeAll(async () => {
    p = await compileFixture('jaffle', { target: 'prod' });
  });

  // BUG (src/compile/generic-tests.ts): unique_id suffix is md5(name + repr(test_metadata))[-10:]
  // in dbt (schema_generic_tests.create_test_node); Lakeform hashes other inputs.
  it.fails('generic test unique ids carry dbt\'s hash (md5 of name + test_metadata, last 10 hex digits)', () => {
    const ids = sortedIds(p, 'test');
    for (const expected of [
      'test.jaffle_shop.not_null_orders_order_id.cf6c17daed',
      'test.jaffle_shop.unique_orders_order_id.fed79b3a6e',
      'test.jaffle_shop.not_null_stg_customers_customer_id.e2cfb1f9aa',
      'test.jaffle_shop.not_null_orders_amount.106140f9fd',
      'test.jaffle_shop.relationships_orders_customer_id__customer_id__ref_customers_.c6ec7f58f2',
      'test.jaffle_shop.non_negative_orders_amount.6f7c4d9240',
    ]) {
      expect(ids).toContain(expected);
    }
  });

  it('long generic test names: full name for name/unique_id/fqn, hashed name as alias', () => {
    for (const [full, alias] of LONG_TEST_NAMES) {
      const t = testNamed(p, full);
      expect(t.alias).toBe(alias);
      expect(t.config.alias).toBe(alias);
      expect(t.unique_id.startsWith(`test.${P}.${full}.`)).toBe(true);
      expect(t.fqn[t.fqn.length - 1]).toBe(full);
    }
  });

  it("extra_ctes hold the CTE text dbt injects", () => {
    expect(node(p, id('model', 'customers')).extra_ctes).toEqual([
      { id: id('model', 'int_customer_orders'), sql: ` __dbt__cte__int_customer_orders as (\n${INT_CUSTOMER_ORDERS.join('\n')}\n)` },
    ]);
  });

  // BUG (src/context/node-context.ts bindMacro records every macro a render binds, at any depth;
  // a fix also needs macro-level depends_on in src/manifest and state:modified.macros in
  // src/selection to walk them): dbt's depends_on.macros lists only the macros the node calls
  // itself (MacroGenerator.track_call: depth 0), e.g. test_not_null and get_where_subquery for a
  // not_null test, not the dispatched default__ implementations.
  it.fails('depends_on.macros lists the macros a node calls directly', () => {
    expect([...testNamed(p, 'not_null_orders_order_id').depends_on.macros].sort()).toEqual(['macro.dbt.get_where_subquery', 'macro.dbt.test_not_null']);
  });

  it("generic test path is '<compiled name>.sql'", () => {
    expect(testNamed(p, 'not_null_orders_order_id').path).toBe('not_null_orders_order_id.sql');
    expect(testNamed(p, 'unique_stg_orders_order_id').path).toBe('unique_stg_orders_order_id.sql');
  });
});

