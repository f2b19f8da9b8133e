import { describe, expect, it } from 'vitest';
import { parseSchemaFile } from './schema-file.js';
import { listTests, normalizeTestEntry } from './test-entry.js';

describe('normalizeTestEntry', () => {
  it('a bare name, with and without a package', () => {
    expect(normalizeTestEntry('unique')).toEqual({ testName: 'unique', args: {}, config: {} });
    expect(normalizeTestEntry('dbt_utils.at_least_one')).toEqual({ testName: 'at_least_one', namespace: 'dbt_utils', args: {}, config: {} });
  });

  it('a one-key mapping: config keys among the arguments move to config', () => {
    expect(
      normalizeTestEntry({
        accepted_values: { values: ['a', 'b'], quote: false, severity: 'warn', where: 'x > 1', name: 'my_test', config: { tags: ['t'] } },
      }),
    ).toEqual({
      testName: 'accepted_values',
      args: { values: ['a', 'b'], quote: false },
      config: { severity: 'warn', where: 'x > 1', tags: ['t'] },
      customName: 'my_test',
    });
  });

  it('an empty argument mapping', () => {
    expect(normalizeTestEntry({ not_null: null })).toEqual({ testName: 'not_null', args: {}, config: {} });
  });

  it('the test_name form', () => {
    expect(
      normalizeTestEntry({ test_name: 'dbt_utils.expression_is_true', name: 'positive', expression: 'x > 0', store_failures: true }),
    ).toEqual({
      testName: 'expression_is_true',
      namespace: 'dbt_utils',
      args: { expression: 'x > 0' },
      config: { store_failures: true },
      customName: 'positive',
    });
  });

  it('dbt 1.10 arguments: block, with config block winning over loose config keys', () => {
    expect(
      normalizeTestEntry({ relationships: { arguments: { to: "ref('c')", field: 'id' }, severity: 'warn', config: { severity: 'error' } } }),
    ).toEqual({ testName: 'relationships', args: { to: "ref('c')", field: 'id' }, config: { severity: 'error' } });
  });
});

describe('listTests', () => {
  it('gathers data_tests and tests with their keys and indexes for locating', () => {
    const { file, locate } = parseSchemaFile('models:\n  - name: a\n    data_tests:\n      - unique\n      - not_null\n', 'x.yml');
    const refs = listTests(file.models![0]!);
    expect(refs.map((r) => [r.key, r.index, r.entry])).toEqual([
      ['data_tests', 0, 'unique'],
      ['data_tests', 1, 'not_null'],
    ]);
    expect(locate(['models', 0, refs[1]!.key, refs[1]!.index])).toEqual({ file: 'x.yml', line: 5, column: 9 });
  });
});
