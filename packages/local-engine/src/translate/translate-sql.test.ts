import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { LakeformError } from '@lakeform/sql-compiler';
import { openCompatConnection, runAthenaSql, toTrinoValue } from './conformance-harness.js';
import { TRINO_COMPAT_MACRO_NAMES } from './compat-macros.js';
import { clearTranslationCache, translateSql, translationCacheStats } from './translate-sql.js';

let conn: DuckDBConnection;
let close: () => void;

async function rows(sql: string): Promise<unknown[][]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRows().map((r) => r.map(toTrinoValue));
}

beforeAll(async () => {
  ({ conn, close } = await openCompatConnection());
  // The local engine's catalog is named like Athena's, so three-part names resolve unchanged.
  await conn.run(`ATTACH ':memory:' AS awsdatacatalog`);
  await conn.run(`CREATE SCHEMA awsdatacatalog.stg; CREATE SCHEMA awsdatacatalog.cur`);
  await conn.run(`CREATE TABLE awsdatacatalog.stg.sales AS
    SELECT * FROM (VALUES
      (1, 'c1', TIMESTAMP '2024-03-01 10:00:00', CAST(10.50 AS DECIMAL(10,2))),
      (2, 'c1', TIMESTAMP '2024-03-02 11:00:00', CAST(4.25 AS DECIMAL(10,2))),
      (3, 'c2', TIMESTAMP '2024-03-02 12:30:00', CAST(7.00 AS DECIMAL(10,2))),
      (4, 'c2', TIMESTAMP '2024-03-05 09:15:00', CAST(1.75 AS DECIMAL(10,2)))
    ) AS t(sale_id, customer_id, sold_at, amount)`);
});
afterAll(() => close());
beforeEach(() => clearTranslationCache());

const MODEL = `
-- mdw_cur_customer_daily: one row per customer and day
with sales as (
    select sale_id, customer_id, sold_at, amount
    from "awsdatacatalog"."stg"."sales"
),
daily as (
    select
        customer_id,
        cast(sold_at as date) as sales_date,
        count(*) as sales_count,
        sum(amount) as revenue
    from sales
    group by 1, 2
),
ranked as (
    select
        d.*,
        row_number() over (partition by customer_id order by sales_date) as day_number,
        sum(revenue) over (partition by customer_id order by sales_date
                           rows between unbounded preceding and current row) as running_revenue,
        lag(sales_date) over (partition by customer_id order by sales_date) as previous_date
    from daily as d
)
select
    customer_id,
    sales_date,
    day_number,
    sales_count,
    revenue,
    running_revenue,
    date_diff('day', previous_date, sales_date) as days_since_previous,
    date_format(sales_date, '%Y%m%d') as "partition"
from ranked
`;

describe('translateSql on model-sized SQL', () => {
  it('translates CTEs, windows and three-part quoted names, and the CTAS runs on DuckDB', async () => {
    const ctas = `create table "awsdatacatalog"."cur"."customer_daily"
      with (table_type = 'ICEBERG', is_external = false, format = 'parquet', partitioning = ARRAY['partition'])
      as ${MODEL}`;
    const duck = translateSql(ctas, { nodeId: 'model.grocery.customer_daily' });
    expect(duck).toContain('"awsdatacatalog"."stg"."sales"');
    await conn.run(duck);
    const result = await rows(
      `SELECT customer_id, sales_date, day_number, sales_count, revenue, running_revenue, days_since_previous, "partition"
       FROM awsdatacatalog.cur.customer_daily ORDER BY customer_id, sales_date`,
    );
    expect(result).toEqual([
      ['c1', '2024-03-01', 1, 1, '10.50', '10.50', null, '20240301'],
      ['c1', '2024-03-02', 2, 1, '4.25', '14.75', 1, '20240302'],
      ['c2', '2024-03-02', 1, 1, '7.00', '7.00', null, '20240302'],
      ['c2', '2024-03-05', 2, 1, '1.75', '8.75', 3, '20240305'],
    ]);
  });

  it('runs create or replace view, insert into from a time-travel placeholder, merge into and delete from', async () => {
    await conn.run(`CREATE TABLE "__lf_tt_0" AS SELECT 9 AS sale_id, 'c9' AS customer_id`);
    const script = [
      `create or replace view "awsdatacatalog"."cur"."v_customers" as select distinct customer_id from "awsdatacatalog"."stg"."sales"`,
      `create table "awsdatacatalog"."cur"."customers" as select customer_id, 0 as visits from "awsdatacatalog"."cur"."v_customers"`,
      `insert into "awsdatacatalog"."cur"."customers" (customer_id, visits) select customer_id, 1 from "__lf_tt_0"`,
      `merge into "awsdatacatalog"."cur"."customers" as t
         using (select customer_id, count(*) as n from "awsdatacatalog"."stg"."sales" group by customer_id) as s
         on (t.customer_id = s.customer_id)
         when matched then update set visits = s.n
         when not matched then insert (customer_id, visits) values (s.customer_id, s.n)`,
      `delete from "awsdatacatalog"."cur"."customers" where customer_id in (select customer_id from "__lf_tt_0")`,
    ].join(';\n');
    const duck = translateSql(script, { nodeId: 'model.grocery.customers' });
    expect(duck.split(';\n')).toHaveLength(5);
    await conn.run(duck);
    expect(await rows(`SELECT customer_id, visits FROM awsdatacatalog.cur.customers ORDER BY 1`)).toEqual([
      ['c1', 2],
      ['c2', 2],
    ]);
  });

  it('passes time-travel placeholders through as plain table names', () => {
    const duck = translateSql(
      `select a.x, b.y from "__lf_tt_0" as a join __lakeform_time_travel_1 as b on a.id = b.id`,
    );
    expect(duck).toContain('"__lf_tt_0"');
    expect(duck).toContain('__lakeform_time_travel_1');
  });

  it('keeps comments, quoted identifiers and non-BMP characters intact around rewrites', async () => {
    const result = await runAthenaSql(
      conn,
      `select '😀 ' || "x y" as "a""b", /* é */ element_at(split("x y", ','), 2) as second -- trailing 😀
       from (values ('p,q')) as t("x y")`,
    );
    expect(result).toEqual([['😀 p,q', 'q']]);
  });
});

describe('unsupported SQL', () => {
  it('names the function and the model for a Trino function with no faithful DuckDB translation', () => {
    const attempt = () =>
      translateSql(`select url_extract_host(url) from "awsdatacatalog"."stg"."visits"`, {
        nodeId: 'model.web.visits',
        file: 'models/web/visits.sql',
      });
    expect(attempt).toThrow(LakeformError);
    try {
      attempt();
    } catch (e) {
      const err = e as LakeformError;
      expect(err.code).toBe('E_UNSUPPORTED_SQL');
      expect(err.message).toContain('url_extract_host');
      expect(err.message).toContain('model.web.visits');
      expect(err.node).toBe('model.web.visits');
      expect(err.location?.file).toBe('models/web/visits.sql');
      expect(err.hint).toBeTruthy();
    }
  });

  it('refuses unknown functions rather than guessing', () => {
    expect(() => translateSql(`select my_udf(1)`, { nodeId: 'model.x.y' })).toThrow(/my_udf.*model\.x\.y/);
  });

  it('refuses unsupported argument forms and non-literal formats', () => {
    expect(() => translateSql(`select split('a,b', ',', 1)`, { nodeId: 'm' })).toThrow(/split\(\).*3 argument/);
    expect(() => translateSql(`select date_format(ts, fmt) from t`, { nodeId: 'm' })).toThrow(/date_format\(\).*string literal/);
    expect(() => translateSql(`select date_format(ts, '%D') from t`, { nodeId: 'm' })).toThrow(/English suffix/);
    expect(() => translateSql(`select cast(x as char(3)) from t`, { nodeId: 'm' })).toThrow(/cast\(\).*char/);
    expect(() => translateSql(`select * from unnest(map(array['a'], array[1])) as t(k, v)`, { nodeId: 'm' })).toThrow(
      /unnest\(\).*several columns/,
    );
  });

  it('does not cache failures, so each model gets an error naming itself', () => {
    expect(() => translateSql(`select soundex('a')`, { nodeId: 'model.a' })).toThrow(/model\.a/);
    expect(() => translateSql(`select soundex('a')`, { nodeId: 'model.b' })).toThrow(/model\.b/);
  });
});

describe('translation cache', () => {
  it('returns the cached string on a hit', () => {
    const sql = `select date_add('day', 1, current_date)`;
    const first = translateSql(sql);
    expect(translationCacheStats()).toEqual({ size: 1, hits: 0 });
    const second = translateSql(sql, { nodeId: 'another.model' });
    expect(second).toBe(first);
    expect(translationCacheStats()).toEqual({ size: 1, hits: 1 });
  });
});

describe('compat macros', () => {
  it('installs every lf_* macro the translator can emit', async () => {
    const installed = await rows(
      `SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_name LIKE 'lf\\_%' ESCAPE '\\' ORDER BY 1`,
    );
    expect(installed.map((r) => r[0])).toEqual([...TRINO_COMPAT_MACRO_NAMES].sort());
  });

  it('sets integer division and the UTC session zone', async () => {
    expect(await rows(`SELECT 7 / 2, current_setting('TimeZone')`)).toEqual([[3, 'UTC']]);
  });
});
