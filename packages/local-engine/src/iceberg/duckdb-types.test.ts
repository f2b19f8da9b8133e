import { describe, expect, it } from 'vitest';
import { parseAthenaPartitioning } from './athena-partitioning.js';
import { duckdbToIceberg, icebergToDuckdb } from './duckdb-types.js';

describe('DuckDB ↔ Iceberg types', () => {
  it('maps scalars and nested types both ways', () => {
    const cases: [string, string][] = [
      ['BIGINT', 'BIGINT'], ['INTEGER', 'INTEGER'], ['SMALLINT', 'INTEGER'], ['VARCHAR', 'VARCHAR'], ['DOUBLE', 'DOUBLE'],
      ['DECIMAL(10,2)', 'DECIMAL(10,2)'], ['DATE', 'DATE'], ['TIMESTAMP', 'TIMESTAMP'], ['TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITH TIME ZONE'],
      ['BOOLEAN', 'BOOLEAN'], ['UUID', 'UUID'], ['BLOB', 'BLOB'], ['TIME', 'TIME'],
      ['INTEGER[]', 'INTEGER[]'], ['MAP(VARCHAR, BIGINT)', 'MAP(VARCHAR, BIGINT)'],
      ['STRUCT(a INTEGER, "B c" VARCHAR[])', 'STRUCT(a INTEGER, "b c" VARCHAR[])'],
    ];
    for (const [duck, back] of cases) expect(icebergToDuckdb(duckdbToIceberg(duck))).toBe(back);
    expect(duckdbToIceberg('DECIMAL(38,4)')).toBe('decimal(38, 4)');
    expect(duckdbToIceberg('STRUCT(x DOUBLE)[]')).toMatchObject({ type: 'list', element: { type: 'struct', fields: [{ name: 'x', type: 'double' }] } });
    expect(() => duckdbToIceberg('INTERVAL')).toThrow(/INTERVAL has no Iceberg equivalent/);
  });

  it("parses Athena's partitioned_by entries", () => {
    expect(parseAthenaPartitioning(['Region', 'day(sales_at)', 'bucket(16, id)', 'truncate(10, name)', 'month("TS")'])).toEqual([
      { column: 'region', transform: { kind: 'identity' } },
      { column: 'sales_at', transform: { kind: 'day' } },
      { column: 'id', transform: { kind: 'bucket', n: 16 } },
      { column: 'name', transform: { kind: 'truncate', width: 10 } },
      { column: 'ts', transform: { kind: 'month' } },
    ]);
    expect(() => parseAthenaPartitioning(['bucket(id)'])).toThrow(/cannot read partitioned_by entry/);
  });
});
