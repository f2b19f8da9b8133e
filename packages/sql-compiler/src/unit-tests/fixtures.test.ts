import { describe, expect, it } from 'vitest';
import { parseCsvFixture, CsvFixtureError } from './csv-fixture.js';
import { parseFixtureInput } from './fixture-input.js';
import { fixtureSelect, inferColumnType } from './fixture-sql.js';

describe('unit-test fixtures', () => {
  it('parses the input forms', () => {
    expect(parseFixtureInput("ref('orders')")).toEqual({ kind: 'ref', call: { package: null, name: 'orders', version: null } });
    expect(parseFixtureInput('ref("pkg", "orders", v=2)')).toEqual({ kind: 'ref', call: { package: 'pkg', name: 'orders', version: '2' } });
    expect(parseFixtureInput(" source('raw' , 'orders') ")).toEqual({ kind: 'source', sourceName: 'raw', tableName: 'orders' });
    expect(parseFixtureInput('this')).toEqual({ kind: 'this' });
    expect(parseFixtureInput('orders')).toBeUndefined();
  });

  it('reads CSV with quotes, embedded commas and empty fields as NULL', () => {
    expect(parseCsvFixture('id,name,note\n1,"a, b",\n2,"say ""hi""",""\n')).toEqual({
      columns: ['id', 'name', 'note'],
      rows: [
        ['1', 'a, b', null],
        ['2', 'say "hi"', ''],
      ],
    });
    expect(() => parseCsvFixture('id\n"open')).toThrow(CsvFixtureError);
  });

  it('infers types from values and writes typed rows', () => {
    expect(inferColumnType(['1', '2'], true)).toBe('bigint');
    expect(inferColumnType(['1', '2.5'], true)).toBe('double');
    expect(inferColumnType(['1'], false)).toBe('varchar');
    expect(inferColumnType(['2024-01-01', null], false)).toBe('date');
    expect(inferColumnType([null], false)).toBeNull();
    expect(fixtureSelect([{ name: 'id', type: 'int' }, { name: 'n', type: null }], [{ id: 1, n: "o'k" }])).toBe(`select cast('1' as integer) as "id", 'o''k' as "n"`);
    expect(fixtureSelect([{ name: 'id', type: 'string' }], [])).toBe('select cast(null as varchar) as "id" where 1 = 0');
  });
});
