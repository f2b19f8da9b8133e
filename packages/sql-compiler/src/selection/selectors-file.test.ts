import { describe, expect, it } from 'vitest';
import { LakeformError } from '../errors.js';
import { aliases, jaffleGraph, sorted } from './fixture.test-support.js';
import {
  SelectorsFileSchema,
  defaultSelector,
  parseSelectorsFile,
  parseSelectorsYaml,
  select,
  selectNodes,
  type SelectOptions,
} from './index.js';

const graph = jaffleGraph();

const SELECTORS_YML = `
selectors:
  - name: nightly
    description: Nightly models and everything they are built from, no sources
    definition:
      union:
        - method: tag
          value: nightly
          parents: true
        - exclude:
            - 'source:*'

  - name: marts_tables
    default: true
    definition:
      intersection:
        - 'path:models/marts'
        - config.materialized: table

  - name: finance_no_tests
    definition:
      method: tag
      value: finance
      children: true
      exclude:
        - method: resource_type
          value: test

  - name: staging_models
    definition: 'staging,resource_type:model'

  - name: combined
    definition:
      union:
        - method: selector
          value: staging_models
        - method: fqn
          value: revenue
          parents: true
          parents_depth: 1

  - name: cautious_orders
    definition:
      method: fqn
      value: orders
      indirect_selection: cautious

  - name: orders_not_customers
    definition:
      union:
        - 'orders customers'
        - exclude:
            - customers

  - name: tables_but_not_versions
    definition:
      intersection:
        - config.materialized: table
        - exclude:
            - method: version
              value: old
            - version:prerelease
        - exclude:
            - dim_customers.v2
`;

const file = parseSelectorsYaml(SELECTORS_YML);

function run(selector: string, extra: SelectOptions = {}): string[] {
  return aliases(select(graph, { selector, selectors: file, ...extra }));
}

function errorOf(fn: () => unknown): LakeformError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LakeformError) return e;
    throw e;
  }
  throw new Error('expected a LakeformError');
}

describe('selectors.yml definitions', () => {
  it('union with a dict criterion and an exclude item', () => {
    expect(run('nightly')).toEqual(sorted('stg_orders', 'customers', 'orders', 'stg_customers', 'raw_customers', 'stg_payments'));
  });

  it('intersection of a string spec and a key-value shorthand', () => {
    expect(run('marts_tables')).toEqual(sorted('customers', 'revenue', 'dim_v1', 'dim_v2', 'dim_v3'));
  });

  it('criterion with children and its own exclude', () => {
    expect(run('finance_no_tests')).toEqual(sorted('orders', 'revenue', 'ut_orders', 'revenue_by_month', 'weekly_dashboard'));
  });

  it('string definitions use CLI syntax', () => {
    expect(run('staging_models')).toEqual(sorted('stg_customers', 'stg_orders', 'stg_payments'));
  });

  it('method: selector reuses another selector; parents_depth limits the walk', () => {
    expect(run('combined')).toEqual(sorted('stg_customers', 'stg_orders', 'stg_payments', 'revenue', 'orders', 'country_codes', 'date_spine'));
  });

  it('several exclude items in one intersection all apply', () => {
    expect(run('tables_but_not_versions')).toEqual(sorted('customers', 'revenue'));
  });

  it('exclude items drop every test touching an excluded node, whatever the run mode', () => {
    expect(run('orders_not_customers', { indirectSelection: 'cautious' })).toEqual(sorted('orders', 't_expr_orders', 'ut_orders'));
    expect(run('orders_not_customers')).toEqual(['orders']);
  });

  it('a per-criterion indirect_selection overrides the run mode', () => {
    expect(run('cautious_orders', { indirectSelection: 'eager' })).toEqual(sorted('orders', 't_expr_orders', 'ut_orders'));
    expect(run('cautious_orders')).toEqual(['orders']);
  });

  it('exposes the default selector for the caller to apply', () => {
    expect(defaultSelector(file)?.name).toBe('marts_tables');
    expect(defaultSelector({ selectors: [] })).toBeUndefined();
  });

  it('does not report selector specs as unmatched CLI specs', () => {
    expect(selectNodes(graph, { selector: 'staging_models', selectors: file }).unmatched).toEqual([]);
  });
});

describe('selectors.yml schema', () => {
  it('accepts every documented definition form', () => {
    const parsed = SelectorsFileSchema.safeParse({
      selectors: [
        { name: 'a', definition: 'tag:x' },
        { name: 'b', definition: { method: 'tag', value: 'x', children: true, children_depth: 2 } },
        { name: 'c', definition: { union: ['a', { exclude: ['b'] }] } },
        { name: 'd', definition: { intersection: [{ tag: 'x' }, { 'config.materialized': 'table' }] } },
        { name: 'e', default: 'true', definition: { method: 'config.enabled', value: true } },
      ],
    });
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data.selectors[4]!.default).toBe(true);
  });

  it('rejects unknown keys, bad types and top-level exclude', () => {
    expect(SelectorsFileSchema.safeParse({ selectors: [{ name: 'a', definition: { method: 'tag', value: 'x', parent: true } }] }).success).toBe(false);
    expect(SelectorsFileSchema.safeParse({ selectors: [{ name: 'a', definition: { union: 'tag:x' } }] }).success).toBe(false);
    expect(SelectorsFileSchema.safeParse({ selectors: [{ name: 'a' }] }).success).toBe(false);
    expect(errorOf(() => parseSelectorsFile({ selectors: [{ name: 'a', definition: { exclude: ['tag:x'] } }] })).code).toBe('E_SELECTORS_FILE');
  });
});

describe('selectors.yml errors', () => {
  it('names the closest selector for an unknown name', () => {
    const err = errorOf(() => select(graph, { selector: 'nigthly', selectors: file }));
    expect(err.code).toBe('E_SELECTOR_NOT_FOUND');
    expect(err.message).toContain("'nightly'");
  });

  it('refuses --selector together with --select', () => {
    expect(errorOf(() => select(graph, { selector: 'nightly', selectors: file, select: ['orders'] })).code).toBe('E_SELECTOR_CONFLICT');
  });

  it('points at the line of a shape error inside the intended definition form', () => {
    const err = errorOf(() =>
      parseSelectorsYaml(`selectors:
  - name: broken
    definition:
      method: tag
      value: nightly
      parents: yes please
`),
    );
    expect(err.code).toBe('E_SELECTORS_FILE');
    expect(err.message).toContain('selectors[0].definition.parents');
    expect(err.location).toEqual({ file: 'selectors.yml', line: 6, column: 16 });
  });

  it('validates methods of every selector at load time, with location', () => {
    const err = errorOf(() =>
      parseSelectorsYaml(`selectors:
  - name: ok
    definition: tag:nightly
  - name: typo
    definition:
      union:
        - method: taggg
          value: nightly
`),
    );
    expect(err.code).toBe('E_SELECTOR_METHOD');
    expect(err.message).toContain("'tag'");
    expect(err.message).toContain("selector 'typo'");
    expect(err.location?.line).toBe(7);
  });

  it('rejects duplicate names, two defaults, missing references and cycles', () => {
    const entry = (name: string, definition: unknown, isDefault = false) => ({ name, definition, default: isDefault });
    expect(errorOf(() => parseSelectorsFile({ selectors: [entry('a', 'x'), entry('a', 'y')] })).code).toBe('E_SELECTORS_FILE');
    expect(errorOf(() => parseSelectorsFile({ selectors: [entry('a', 'x', true), entry('b', 'y', true)] })).code).toBe('E_SELECTORS_FILE');
    const missing = errorOf(() => parseSelectorsFile({ selectors: [entry('a', { method: 'selector', value: 'nope' })] }));
    expect(missing.code).toBe('E_SELECTOR_NOT_FOUND');
    const cycle = errorOf(() =>
      parseSelectorsFile({ selectors: [entry('a', { method: 'selector', value: 'b' }), entry('b', { union: [{ selector: 'a' }] })] }),
    );
    expect(cycle.code).toBe('E_SELECTOR_CYCLE');
    expect(cycle.message).toContain('a → b → a');
  });

  it('reports YAML syntax errors with a line', () => {
    const err = errorOf(() => parseSelectorsYaml('selectors:\n  - name: [unclosed\n'));
    expect(err.code).toBe('E_SELECTORS_FILE');
    expect(err.location?.line).toBeGreaterThan(0);
  });
});
