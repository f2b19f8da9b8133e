import { describe, expect, it } from 'vitest';
import { findFunctionCalls } from './function-calls.js';
import { tokenizeTrino } from './trino-tokens.js';

const names = (sql: string) => findFunctionCalls(tokenizeTrino(sql)).map((c) => c.name);

describe('findFunctionCalls', () => {
  it('finds calls, including keyword-named ones, with their top-level arguments', () => {
    const sql = `select if(a, lower(b), c), replace(x, 'y'), date(ts), row(1, 2), filter(arr, v -> v > 0) from t`;
    expect(names(sql)).toEqual(['if', 'lower', 'replace', 'date', 'row', 'filter']);
    const [ifCall] = findFunctionCalls(tokenizeTrino(sql));
    expect(ifCall?.args).toHaveLength(3);
  });

  it('ignores relation names, column lists and aliases followed by a parenthesis', () => {
    expect(names(`insert into "db"."t" (a, b) select 1, 2`)).toEqual([]);
    expect(names(`insert into t (a) values (1)`)).toEqual([]);
    expect(names(`with a (x) as (select 1), b (y) as (select 2) select * from a, b`)).toEqual([]);
    expect(names(`select * from unnest(arr) as t(x) cross join unnest(b) u(y)`)).toEqual(['unnest', 'unnest']);
    expect(names(`create table t (a int) `)).toEqual([]);
  });

  it('ignores types inside casts and clause keywords before a parenthesis', () => {
    expect(names(`select cast(x as row(a decimal(10,2), b array(varchar))), try_cast(y as timestamp(3))`)).toEqual(['cast', 'try_cast']);
    expect(names(`select count(*) filter (where x in (1)) over (partition by y) from t where exists (select 1)`)).toEqual(['count']);
    expect(names(`select a from t group by grouping sets ((a), ()), rollup (a), cube (a)`)).toEqual([]);
  });

  it('does not see calls inside strings and comments', () => {
    expect(names(`select 'f(x)' /* g(y) */ -- h(z)\n from t`)).toEqual([]);
  });
});
