import { describe, expect, it } from 'vitest';
import { LakeformError } from '../errors.js';
import { aliases, jaffleGraph, N, previousJaffleGraph, sorted } from './fixture.test-support.js';
import { select, selectNodes, type SelectOptions } from './index.js';

const graph = jaffleGraph();
const previous = previousJaffleGraph();

/** Aliases of what a selection picks. */
function pick(options: SelectOptions): string[] {
  return aliases(select(graph, options));
}
const sel = (...specs: string[]): string[] => pick({ select: specs });

function errorOf(fn: () => unknown): LakeformError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LakeformError) return e;
    throw e;
  }
  throw new Error('expected a LakeformError');
}

const ALL_MEMBERS = sorted(
  'raw_customers',
  'country_codes',
  'src_orders',
  'src_payments',
  'stg_customers',
  'stg_orders',
  'stg_payments',
  'customers',
  'orders',
  'revenue',
  'dim_v1',
  'dim_v2',
  'dim_v3',
  'date_spine',
  'orders_snapshot',
  'revenue_by_month',
  'weekly_dashboard',
  't_unique_stg_orders',
  't_not_null_stg_orders',
  't_not_null_customers',
  't_rel_orders_customers',
  't_expr_orders',
  't_rel_revenue_country',
  't_src_not_null_orders',
  't_assert_revenue',
  'ut_orders',
);

describe('default selection', () => {
  it('selects every enabled node except macros when nothing is given', () => {
    expect(pick({})).toEqual(ALL_MEMBERS);
    expect(pick({ select: [] })).toEqual(ALL_MEMBERS);
  });

  it('never selects disabled nodes or macros, even by name', () => {
    expect(sel('legacy_orders')).toEqual([]);
    expect(sel('cents_to_dollars', 'resource_type:macro')).toEqual([]);
    expect(sel('stg_orders+')).not.toContain('legacy_orders');
  });
});

describe('names, fqn and default method resolution', () => {
  it('matches a bare model name', () => {
    expect(sel('stg_orders')).toEqual(['stg_orders']);
  });

  it('treats a bare folder name as an fqn prefix (with or without the project name)', () => {
    const staging = sorted('stg_customers', 'stg_orders', 'stg_payments', 't_unique_stg_orders', 't_not_null_stg_orders', 't_src_not_null_orders');
    expect(sel('staging')).toEqual(staging);
    expect(sel('shop.staging')).toEqual(staging);
    expect(sel('marts.finance')).toEqual(sorted('revenue', 't_rel_revenue_country'));
  });

  it('matches fully qualified names and fqn: explicitly', () => {
    expect(sel('shop.staging.stg_orders')).toEqual(['stg_orders']);
    expect(sel('fqn:marts.finance.revenue')).toEqual(['revenue']);
  });

  it('matches package nodes by fqn with and without the package name', () => {
    expect(sel('date_spine')).toEqual(['date_spine']);
    expect(sel('dbt_utils.utils.date_spine')).toEqual(['date_spine']);
    expect(sel('utils')).toEqual(['date_spine']);
  });

  it('selects versioned models by name, name.vN and name_vN', () => {
    expect(sel('dim_customers')).toEqual(sorted('dim_v1', 'dim_v2', 'dim_v3'));
    expect(sel('dim_customers.v2')).toEqual(['dim_v2']);
    expect(sel('dim_customers_v1')).toEqual(['dim_v1']);
  });

  it('resolves a value with a slash to path: and a file name to file:', () => {
    expect(sel('models/staging/stg_orders.sql')).toEqual(['stg_orders']);
    expect(sel('stg_orders.sql')).toEqual(['stg_orders']);
    expect(sel('seeds/lookups')).toEqual(['country_codes']);
  });

  it('does not select sources through fqn', () => {
    expect(sel('raw')).toEqual([]);
  });
});

describe('wildcards', () => {
  it('applies name globs to node names', () => {
    expect(sel('stg_*')).toEqual(sorted('stg_customers', 'stg_orders', 'stg_payments'));
    expect(sel('stg_?rders')).toEqual(['stg_orders']);
    expect(sel('stg_[op]*')).toEqual(sorted('stg_orders', 'stg_payments'));
  });

  it('applies dotted globs to fqn folders', () => {
    expect(sel('staging.*')).toEqual(sel('staging'));
    expect(sel('shop.staging.stg_*')).toEqual(sorted('stg_customers', 'stg_orders', 'stg_payments'));
    expect(sel('marts.*.revenue')).toEqual(['revenue']);
  });

  it('`*` selects every non-source node', () => {
    expect(sel('*')).toEqual(ALL_MEMBERS.filter((a) => a !== 'src_orders' && a !== 'src_payments'));
  });
});

describe('path: and file:', () => {
  it('selects everything under a directory, including yml-defined sources and tests', () => {
    expect(sel('path:models/staging')).toEqual(
      sorted('stg_customers', 'stg_orders', 'stg_payments', 'src_orders', 'src_payments', 't_unique_stg_orders', 't_not_null_stg_orders', 't_src_not_null_orders'),
    );
    expect(sel('path:./models/staging/')).toEqual(sel('path:models/staging'));
  });

  it('globs within one segment and recurses below matched directories', () => {
    expect(sel('path:models/marts/*')).toEqual(
      sorted(
        'customers',
        'orders',
        'revenue',
        'dim_v1',
        'dim_v2',
        'dim_v3',
        'weekly_dashboard',
        't_not_null_customers',
        't_rel_orders_customers',
        't_expr_orders',
        't_rel_revenue_country',
        'ut_orders',
      ),
    );
    expect(sel('path:models/*/stg_*.sql')).toEqual(sorted('stg_customers', 'stg_orders', 'stg_payments'));
    expect(sel('path:**/finance')).toEqual(sorted('revenue', 't_rel_revenue_country'));
    expect(sel('path:seeds')).toEqual(sorted('raw_customers', 'country_codes'));
  });

  it('matches file names and stems', () => {
    expect(sel('file:revenue')).toEqual(['revenue']);
    expect(sel('file:schema.yml')).toEqual(
      sorted('t_unique_stg_orders', 't_not_null_stg_orders', 't_not_null_customers', 't_rel_orders_customers', 't_expr_orders', 't_rel_revenue_country', 'ut_orders'),
    );
  });
});

describe('tag:, config:, resource_type:, package:', () => {
  it('matches tags, with globs', () => {
    expect(sel('tag:nightly')).toEqual(sorted('stg_orders', 'customers', 'orders'));
    expect(sel('tag:fin*')).toEqual(sorted('orders', 'revenue', 't_assert_revenue'));
    expect(sel('tag:lookup')).toEqual(['country_codes']);
  });

  it('matches config values, nested keys and list-valued configs', () => {
    expect(sel('config.materialized:table')).toEqual(sorted('customers', 'revenue', 'dim_v1', 'dim_v2', 'dim_v3'));
    expect(sel('config.meta.owner:finance')).toEqual(['stg_payments']);
    expect(sel('config.labels:pii')).toEqual(['customers']);
    expect(sel('config.contract.enforced:true')).toEqual(['dim_v2']);
    expect(sel('config.meta.contains_pii:false')).toEqual(['stg_payments']);
    expect(sel('config.meta.tier:1')).toEqual(['customers']);
  });

  it('compares test severity case-insensitively', () => {
    expect(sel('config.severity:warn')).toEqual(['t_expr_orders']);
    expect(sel('config.severity:error')).toHaveLength(6);
  });

  it('matches resource types and packages', () => {
    expect(sel('resource_type:seed')).toEqual(sorted('raw_customers', 'country_codes'));
    expect(sel('resource_type:snapshot')).toEqual(['orders_snapshot']);
    expect(sel('resource_type:unit_test')).toEqual(['ut_orders']);
    expect(sel('package:dbt_utils')).toEqual(['date_spine']);
    expect(sel('package:dbt_*')).toEqual(['date_spine']);
  });
});

describe('source:, exposure:', () => {
  it('matches sources by source, source.table and package.source.table', () => {
    expect(sel('source:raw')).toEqual(['src_orders']);
    expect(sel('source:raw.orders')).toEqual(['src_orders']);
    expect(sel('source:shop.stripe.payments')).toEqual(['src_payments']);
    expect(sel('source:*')).toEqual(sorted('src_orders', 'src_payments'));
    expect(sel('source:raw.payments')).toEqual([]);
  });

  it('matches exposures, and walks up from them', () => {
    expect(sel('exposure:weekly_dashboard')).toEqual(['weekly_dashboard']);
    expect(sel('+exposure:weekly_dashboard')).toEqual(
      sorted(
        'weekly_dashboard',
        'customers',
        'revenue',
        'stg_customers',
        'stg_orders',
        'stg_payments',
        'orders',
        'raw_customers',
        'src_orders',
        'src_payments',
        'country_codes',
        'date_spine',
      ),
    );
  });
});

describe('test_type:, test_name:, version:', () => {
  it('splits tests by type', () => {
    expect(sel('test_type:generic')).toEqual(
      sorted('t_unique_stg_orders', 't_not_null_stg_orders', 't_not_null_customers', 't_rel_orders_customers', 't_expr_orders', 't_rel_revenue_country', 't_src_not_null_orders'),
    );
    expect(sel('test_type:singular')).toEqual(['t_assert_revenue']);
    expect(sel('test_type:data')).toEqual(['t_assert_revenue']);
    expect(sel('test_type:unit')).toEqual(['ut_orders']);
  });

  it('matches generic test names, namespaced or not', () => {
    expect(sel('test_name:not_null')).toEqual(sorted('t_not_null_stg_orders', 't_not_null_customers', 't_src_not_null_orders'));
    expect(sel('test_name:relationships')).toEqual(sorted('t_rel_orders_customers', 't_rel_revenue_country'));
    expect(sel('test_name:expression_is_true')).toEqual(['t_expr_orders']);
    expect(sel('test_name:dbt_utils.expression_is_true')).toEqual(['t_expr_orders']);
  });

  it('selects model versions relative to the latest', () => {
    expect(sel('version:latest')).toEqual(['dim_v2']);
    expect(sel('version:prerelease')).toEqual(['dim_v3']);
    expect(sel('version:old')).toEqual(['dim_v1']);
    expect(sel('version:none')).toEqual(sorted('stg_customers', 'stg_orders', 'stg_payments', 'customers', 'orders', 'revenue', 'date_spine'));
  });
});

describe('graph operators', () => {
  it('+x selects all ancestors, never through macros', () => {
    expect(sel('+orders')).toEqual(sorted('orders', 'stg_orders', 'stg_payments', 'src_orders', 'src_payments'));
  });

  it('x+ selects all descendants, tests included', () => {
    expect(sel('orders+')).toEqual(
      sorted('orders', 'revenue', 't_rel_orders_customers', 't_expr_orders', 'ut_orders', 'revenue_by_month', 'weekly_dashboard', 't_rel_revenue_country', 't_assert_revenue'),
    );
    expect(sel('source:raw+')).toHaveLength(20);
  });

  it('limits depth with N+x and x+N', () => {
    expect(sel('1+revenue')).toEqual(sorted('revenue', 'orders', 'country_codes', 'date_spine'));
    expect(sel('2+revenue')).toEqual(sorted('revenue', 'orders', 'country_codes', 'date_spine', 'stg_orders', 'stg_payments'));
    expect(sel('stg_orders+1')).toEqual(sorted('stg_orders', 'customers', 'orders', 't_unique_stg_orders', 't_not_null_stg_orders'));
    expect(sel('1+stg_orders+1')).toEqual(sorted('src_orders', 'stg_orders', 'customers', 'orders', 't_unique_stg_orders', 't_not_null_stg_orders'));
  });

  it('@x adds the parents of all descendants', () => {
    expect(sel('@orders')).toEqual(
      sorted(
        'orders',
        'revenue',
        't_rel_orders_customers',
        't_expr_orders',
        'ut_orders',
        'revenue_by_month',
        'weekly_dashboard',
        't_rel_revenue_country',
        't_assert_revenue',
        'stg_orders',
        'stg_payments',
        'src_orders',
        'src_payments',
        'customers',
        'stg_customers',
        'raw_customers',
        'country_codes',
        'date_spine',
      ),
    );
  });

  it('combines operators with wildcards and methods', () => {
    expect(sel('+stg_*')).toEqual(sorted('stg_customers', 'stg_orders', 'stg_payments', 'raw_customers', 'src_orders', 'src_payments'));
    expect(sel('+tag:lookup+1')).toEqual(sorted('country_codes', 'revenue', 't_rel_revenue_country'));
  });
});

describe('union, intersection, exclusion', () => {
  it('unions space-separated specs and separate arguments', () => {
    const expected = sorted('stg_orders', 'customers', 'orders', 'revenue', 't_assert_revenue');
    expect(sel('tag:nightly tag:finance')).toEqual(expected);
    expect(sel('tag:nightly', 'tag:finance')).toEqual(expected);
  });

  it('intersects comma-separated specs', () => {
    expect(sel('tag:nightly,config.materialized:table')).toEqual(['customers']);
    expect(sel('+revenue,resource_type:seed')).toEqual(['country_codes']);
    expect(sel('path:models/marts,tag:nightly,orders+')).toEqual(['orders']);
  });

  it('subtracts --exclude, itself a union of intersections', () => {
    expect(pick({ select: ['staging'], exclude: ['stg_orders'] })).toEqual(
      sorted('stg_customers', 'stg_payments', 't_unique_stg_orders', 't_not_null_stg_orders', 't_src_not_null_orders'),
    );
    expect(pick({ select: ['+orders'], exclude: ['resource_type:source stg_payments'] })).toEqual(sorted('orders', 'stg_orders'));
    expect(pick({ exclude: ['staging', 'marts'] })).toEqual(
      sorted('raw_customers', 'country_codes', 'src_orders', 'src_payments', 'date_spine', 'orders_snapshot', 'revenue_by_month', 't_assert_revenue'),
    );
  });

  it('filters by resource type last', () => {
    expect(pick({ select: ['+orders'], resourceTypes: ['source'] })).toEqual(sorted('src_orders', 'src_payments'));
    expect(pick({ select: ['orders+'], resourceTypes: ['test', 'unit_test'] })).toEqual(
      sorted('t_rel_orders_customers', 't_expr_orders', 'ut_orders', 't_rel_revenue_country', 't_assert_revenue'),
    );
  });
});

describe('indirect selection of tests', () => {
  it('adds no tests unless asked', () => {
    expect(sel('orders')).toEqual(['orders']);
  });

  it('eager: every test touching a selected node', () => {
    expect(pick({ select: ['orders'], indirectSelection: 'eager' })).toEqual(
      sorted('orders', 't_rel_orders_customers', 't_expr_orders', 'ut_orders'),
    );
    expect(pick({ select: ['customers'], indirectSelection: 'eager' })).toEqual(
      sorted('customers', 't_not_null_customers', 't_rel_orders_customers'),
    );
  });

  it('cautious: only tests whose parents are all selected, across a union', () => {
    expect(pick({ select: ['orders'], indirectSelection: 'cautious' })).toEqual(sorted('orders', 't_expr_orders', 'ut_orders'));
    expect(pick({ select: ['orders customers'], indirectSelection: 'cautious' })).toEqual(
      sorted('orders', 'customers', 't_rel_orders_customers', 't_expr_orders', 'ut_orders', 't_not_null_customers'),
    );
  });

  it('buildable: tests whose other parents are upstream of the selection', () => {
    expect(pick({ select: ['revenue'], indirectSelection: 'buildable' })).toEqual(
      sorted('revenue', 't_assert_revenue', 't_rel_revenue_country'),
    );
    expect(pick({ select: ['revenue'], indirectSelection: 'cautious' })).toEqual(sorted('revenue', 't_assert_revenue'));
    expect(pick({ select: ['customers'], indirectSelection: 'buildable' })).toEqual(sorted('customers', 't_not_null_customers'));
  });

  it('empty: no tests beyond those selected explicitly', () => {
    expect(pick({ select: ['orders'], indirectSelection: 'empty' })).toEqual(['orders']);
    expect(pick({ select: ['orders test_name:relationships'], indirectSelection: 'empty' })).toEqual(
      sorted('orders', 't_rel_orders_customers', 't_rel_revenue_country'),
    );
  });

  it('intersections keep the tests both sides agree on', () => {
    expect(pick({ select: ['tag:nightly,orders'], indirectSelection: 'eager' })).toEqual(
      sorted('orders', 't_rel_orders_customers', 't_expr_orders', 'ut_orders'),
    );
  });

  it('excludes greedily: a test goes when any parent is excluded', () => {
    expect(pick({ select: ['staging'], exclude: ['stg_orders'], indirectSelection: 'eager' })).toEqual(
      sorted('stg_customers', 'stg_payments', 't_src_not_null_orders'),
    );
    const all = select(graph, { indirectSelection: 'cautious', exclude: ['orders'] });
    expect(all.has(N.t_rel_orders_customers)).toBe(false);
    expect(all.has(N.ut_orders)).toBe(false);
    expect(all.size).toBe(ALL_MEMBERS.length - 4);
  });
});

describe('state comparison', () => {
  const st = (spec: string): string[] => pick({ select: [spec], state: previous });

  it('finds new and old nodes', () => {
    expect(st('state:new')).toEqual(sorted('revenue', 't_rel_revenue_country', 't_assert_revenue'));
    expect(st('state:old')).toHaveLength(ALL_MEMBERS.length - 3);
  });

  it('tells body changes from config changes, counting new nodes as modified', () => {
    expect(st('state:modified.body')).toEqual(sorted('stg_orders', 'revenue', 't_rel_revenue_country', 't_assert_revenue'));
    expect(st('state:modified.configs')).toEqual(sorted('orders', 'customers', 'revenue', 't_rel_revenue_country', 't_assert_revenue'));
    expect(st('state:modified.relation')).toEqual(sorted('customers', 'revenue', 't_rel_revenue_country', 't_assert_revenue'));
  });

  it('follows changed macros through macros that call them', () => {
    expect(st('state:modified.macros')).toEqual(['stg_payments']);
  });

  it('state:modified is the union of all of it; unmodified is the rest of the old nodes', () => {
    const modified = sorted('stg_orders', 'orders', 'customers', 'stg_payments', 'revenue', 't_rel_revenue_country', 't_assert_revenue');
    expect(st('state:modified')).toEqual(modified);
    expect(st('state:unmodified')).toEqual(ALL_MEMBERS.filter((a) => !modified.includes(a)));
  });

  it('combines with graph operators and resource types', () => {
    expect(pick({ select: ['state:modified+'], state: previous, resourceTypes: ['model'] })).toEqual(
      sorted('stg_orders', 'orders', 'customers', 'stg_payments', 'revenue', 'dim_v1', 'dim_v2', 'dim_v3'),
    );
  });

  it('requires a state graph', () => {
    const err = errorOf(() => select(graph, { select: ['state:modified'] }));
    expect(err.code).toBe('E_STATE_REQUIRED');
  });
});

describe('errors and warnings', () => {
  it('names the closest method for an unknown one', () => {
    const err = errorOf(() => select(graph, { select: ['taggg:foo'] }));
    expect(err.code).toBe('E_SELECTOR_METHOD');
    expect(err.message).toContain("'tag'");
  });

  it('rejects malformed specs', () => {
    for (const bad of ['+', '1+2+', '', '   ', '@', '@+orders', 'orders++', 'a,', ',a', 'tag:', 'config:x']) {
      expect(errorOf(() => select(graph, { select: [bad] })).code, bad).toBe('E_SELECTOR_SYNTAX');
    }
  });

  it('rejects bad values and unsupported methods', () => {
    expect(errorOf(() => select(graph, { select: ['test_type:schemaa'] })).code).toBe('E_SELECTOR_VALUE');
    expect(errorOf(() => select(graph, { select: ['version:newest'] })).code).toBe('E_SELECTOR_VALUE');
    expect(errorOf(() => select(graph, { select: ['resource_type:modle'] })).message).toContain("'model'");
    expect(errorOf(() => select(graph, { resourceTypes: ['modle'] })).code).toBe('E_SELECTOR_VALUE');
    const unsupported = errorOf(() => select(graph, { select: ['result:error'] }));
    expect(unsupported.code).toBe('E_SELECTOR_UNSUPPORTED');
    expect(unsupported.message).toContain('not supported');
    expect(errorOf(() => select(graph, { select: ['state:modified.contract'], state: previous })).code).toBe('E_SELECTOR_UNSUPPORTED');
  });

  it('reports specs that matched nothing instead of failing', () => {
    const result = selectNodes(graph, { select: ['tag:nope stg_orders', 'nothing_here,orders'], exclude: ['ghost'] });
    expect(aliases(result.selected)).toEqual(['stg_orders']);
    expect(result.unmatched.map((u) => [u.spec, u.side])).toEqual([
      ['tag:nope', 'select'],
      ['nothing_here,orders', 'select'],
      ['ghost', 'exclude'],
    ]);
    expect(result.unmatched[0]!.message).toBe("The selection criterion 'tag:nope' does not match any enabled nodes");
    expect(selectNodes(graph, {}).unmatched).toEqual([]);
  });
});
