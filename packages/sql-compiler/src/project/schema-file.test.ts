import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/fixtures/yaml/fake-render.js';
import { LakeformError } from '../errors.js';
import { loadSchemaFile, parseSchemaFile } from './schema-file.js';
import { YamlSchemaError } from './validate.js';

function schemaError(text: string): YamlSchemaError {
  try {
    parseSchemaFile(text, 'models/schema.yml');
  } catch (e) {
    if (e instanceof YamlSchemaError) return e;
    throw e;
  }
  throw new Error('expected a schema error');
}

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

describe('loadSchemaFile: a realistic file with every entry kind', () => {
  const loaded = loadSchemaFile(join(FIXTURES, 'schema/full.yml'), 'models/full.yml');
  const { file } = loaded;

  it('loads every entry kind', () => {
    expect(file.models?.map((m) => m.name)).toEqual(['stg_orders', 'dim_customers']);
    expect(file.sources?.[0]?.tables?.map((t) => t.name)).toEqual(['orders', 'events']);
    expect(file.seeds?.[0]?.config?.column_types).toEqual({ code: 'varchar(2)' });
    expect(file.snapshots?.[0]?.relation).toBe("source('raw', 'orders')");
    expect(file.analyses?.[0]?.name).toBe('revenue_by_month');
    expect(file.macros?.[0]?.arguments?.[0]?.type).toBe('string');
    expect(file.exposures?.[0]?.owner.email).toBe('alice@example.com');
    expect(file.groups?.[0]?.name).toBe('finance');
    expect(file.unit_tests?.[0]?.given?.map((g) => g.format ?? 'dict')).toEqual(['dict', 'csv', 'sql']);
  });

  it('keeps values unrendered and normalises tags to lists', () => {
    expect(file.models?.[0]?.description).toBe("{{ doc('stg_orders') }}");
    expect(file.sources?.[0]?.schema).toBe("{{ env_var('RAW_SCHEMA', 'raw') }}");
    expect(file.models?.[0]?.config?.tags).toEqual(['staging']);
  });

  it('reads versions, access and YAML 1.1 booleans', () => {
    const dim = file.models?.[1];
    expect(dim?.latest_version).toBe('2');
    expect(dim?.access).toBe('public');
    expect(dim?.versions?.map((v) => v.v)).toEqual(['1', '2']);
    expect(dim?.deprecation_date).toBe('2030-01-01');
    expect(file.models?.[0]?.columns?.[0]?.quote).toBe(true);
  });

  it('keeps source freshness, including an explicit null', () => {
    const raw = file.sources?.[0];
    expect(raw?.freshness?.warn_after).toEqual({ count: 12, period: 'hour' });
    expect(raw?.tables?.[0]?.freshness).toBeNull();
    expect(raw?.tables?.[1]?.external?.location).toBe('s3://bucket/events/');
  });

  it('warns about nothing: meta, config, test arguments, external and semantic models are free-form', () => {
    expect(loaded.warnings).toEqual([]);
  });

  it('locates entries for later errors', () => {
    expect(loaded.locate(['models', 0, 'columns', 1, 'data_tests', 1])).toEqual({ file: 'models/full.yml', line: 29, column: 13 });
  });
});

describe('schema file errors', () => {
  it('tests given as a string instead of a list', () => {
    const e = schemaError(lines('models:', '  - name: a', '    columns:', '      - name: id', '        tests: unique'));
    expect(e.code).toBe('E_YAML_SCHEMA');
    expect(e.message).toBe("models[0].columns[0].tests must be a list, got a string ('unique')");
    expect(e.location).toEqual({ file: 'models/schema.yml', line: 5, column: 16 });
    expect(e.hint).toMatch(/- /);
  });

  it('columns given as a mapping', () => {
    const e = schemaError(lines('models:', '  - name: a', '    columns:', '      id:', '        description: x'));
    expect(e.message).toBe('models[0].columns must be a list, got a mapping');
    expect(e.location).toEqual({ file: 'models/schema.yml', line: 4, column: 7 });
  });

  it('a missing name points at the entry', () => {
    const e = schemaError(lines('models:', '  - name: a', '  - description: no name here'));
    expect(e.message).toBe("models[1] is missing the required key 'name'");
    expect(e.location).toEqual({ file: 'models/schema.yml', line: 3, column: 5 });
  });

  it('an invalid freshness period lists the accepted ones', () => {
    const e = schemaError(
      lines('sources:', '  - name: raw', '    freshness:', '      warn_after: {count: 1, period: weeks}', '    tables: [{name: t}]'),
    );
    expect(e.message).toBe("sources[0].freshness.warn_after.period must be one of 'minute', 'hour', 'day'; got a string ('weeks')");
    expect(e.location).toEqual({ file: 'models/schema.yml', line: 4, column: 38 });
  });

  it('materialized is free-form (adapters add their own)', () => {
    expect(() => parseSchemaFile(lines('models:', '  - name: a', '    config: {materialized: my_custom_mat}'), 'x.yml')).not.toThrow();
  });

  it('a test mapping with two keys and no test_name', () => {
    const e = schemaError(lines('models:', '  - name: a', '    data_tests:', '      - unique:', '        not_null:'));
    expect(e.message).toMatch(/^models\[0\]\.data_tests\[0\] has 2 keys \(unique, not_null\); a test is a name, or a mapping/);
    expect(e.location).toEqual({ file: 'models/schema.yml', line: 4, column: 9 });
  });

  it('a test entry that is a number', () => {
    const e = schemaError(lines('models:', '  - name: a', '    tests: [5]'));
    expect(e.message).toBe(
      "models[0].tests[0] must be a test name (like 'unique') or a mapping like {accepted_values: {values: [...]}}, got a number (5)",
    );
  });

  it('tests and data_tests on the same entry', () => {
    const e = schemaError(lines('models:', '  - name: a', '    tests: [unique]', '    data_tests: [not_null]'));
    expect(e.message).toMatch(/^models\[0\]\.data_tests cannot be used together with 'tests'/);
    expect(e.location?.line).toBe(4);
  });

  it('a column name YAML read as a boolean gets a quoting hint', () => {
    const e = schemaError(lines('models:', '  - name: a', '    columns:', '      - name: yes'));
    expect(e.message).toBe('models[0].columns[0].name must be a string, got a boolean (true)');
    expect(e.hint).toMatch(/quotes/);
  });

  it('collects every problem of the file into one error', () => {
    const e = schemaError(lines('models:', '  - description: a', '  - name: b', '    columns: {}', 'sources: raw'));
    expect(e.problems).toHaveLength(3);
    expect(e.problems.map((p) => p.location?.line)).toEqual([2, 4, 5]);
    expect(e.message.split('\n')).toHaveLength(3);
    expect(e.message).toContain('also models/schema.yml:5:10: sources must be a list, got a string');
    expect(e).toBeInstanceOf(LakeformError);
  });

  it('a top level that is not a mapping', () => {
    const e = schemaError('- name: a\n');
    expect(e.message).toBe('the top level must be a mapping, got a list');
  });
});

describe('unknown keys', () => {
  it('are warnings with a location and the closest known key', () => {
    const { warnings, file } = parseSchemaFile(
      lines('models:', '  - name: a', '    desciption: typo', '    columns:', '      - name: id', '        tets: [unique]'),
      'models/schema.yml',
    );
    expect(file.models?.[0]?.name).toBe('a');
    expect(warnings.map((w) => [w.code, w.message, w.location?.line, w.location?.column])).toEqual([
      ['W_UNKNOWN_KEY', "unknown key 'desciption' in models[0]; did you mean 'description'?", 3, 5],
      ['W_UNKNOWN_KEY', "unknown key 'tets' in models[0].columns[0]; did you mean 'tests'?", 6, 9],
    ]);
  });

  it('name no suggestion when nothing is close', () => {
    const { warnings } = parseSchemaFile(lines('models:', '  - name: a', '    owner_team: x'), 'x.yml');
    expect(warnings[0]?.message).toBe("unknown key 'owner_team' in models[0]");
  });

  it('are never reported inside meta, config or test arguments', () => {
    const { warnings } = parseSchemaFile(
      lines(
        'models:',
        '  - name: a',
        '    meta: {desciption: 1}',
        '    config: {desciption: 1, meta: {x: 1}}',
        '    columns:',
        '      - name: id',
        '        meta: {tets: 1}',
        '        tests:',
        '          - accepted_values: {valuez: [1], config: {severty: warn}}',
      ),
      'x.yml',
    );
    expect(warnings).toEqual([]);
  });

  it('are reported at the top level too, and the rest of the file still loads', () => {
    const { warnings, file } = parseSchemaFile(lines('modles:', '  - name: a', 'models:', '  - name: b'), 'x.yml');
    expect(warnings.map((w) => w.message)).toEqual(["unknown key 'modles' at the top level; did you mean 'models'?"]);
    expect(file.models?.[0]?.name).toBe('b');
  });
});
