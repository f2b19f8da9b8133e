import { describe, expect, it } from 'vitest';
import { athenaTypeToDuckdb } from './athena-types.js';

describe('athenaTypeToDuckdb', () => {
  it.each([
    ['string', 'VARCHAR'],
    ['varchar(20)', 'VARCHAR'],
    ['INT', 'INTEGER'],
    ['bigint', 'BIGINT'],
    ['decimal(10,2)', 'DECIMAL(10, 2)'],
    ['decimal(10)', 'DECIMAL(10, 0)'],
    ['timestamp(3)', 'TIMESTAMP'],
    ['timestamp with time zone', 'TIMESTAMPTZ'],
    ['array<int>', 'INTEGER[]'],
    ['array(varchar)', 'VARCHAR[]'],
    ['map<string,bigint>', 'MAP(VARCHAR, BIGINT)'],
    ['struct<a:int, b:array<string>>', 'STRUCT("a" INTEGER, "b" VARCHAR[])'],
    ['row(a integer, b double)', 'STRUCT("a" INTEGER, "b" DOUBLE)'],
    ['double precision', 'DOUBLE'],
  ])('%s → %s', (athena, duck) => {
    expect(athenaTypeToDuckdb(athena)).toBe(duck);
  });

  it('an unknown type is an error that says where', () => {
    expect(() => athenaTypeToDuckdb('strng', 'seed s column_types.x')).toThrow("unknown column type 'strng' in seed s column_types.x");
    expect(() => athenaTypeToDuckdb('array<int')).toThrow(/unknown column type/);
  });
});
