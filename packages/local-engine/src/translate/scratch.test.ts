import { it } from 'vitest';
import { openCompatConnection, runAthenaSql } from './conformance-harness.js';
it('scratch', async () => {
  const { conn, close } = await openCompatConnection();
  const qs = [
    `select acos(1), asin(0), atan(0), atan2(0, 1), cos(0), cosh(0), degrees(pi()), radians(180), sin(0), tan(0), tanh(0), ceiling(1.2e0), pow(2, 3)`,
    `select millisecond(TIMESTAMP '2024-01-01 00:00:21.123'), day_of_month(DATE '2024-03-05'), localtimestamp, now()`,
    `select every(x), covar_samp(x, x), covar_pop(x, x), regr_slope(x, x), regr_intercept(x, x), var_samp(x), var_pop(x), stddev_samp(x), any_value(x) from (values 1e0, 2e0) t(x)`,
    `select first_value(x) over (order by x), nth_value(x, 1) over (order by x) from (values 1) t(x)`,
    `select map(), map_keys(map()), sequence(DATE '2024-01-01', DATE '2024-01-03', interval '1' day)`,
    `select to_iso8601(TIMESTAMP '2024-03-05 14:07:09.123'), to_iso8601(from_iso8601_timestamp('2024-03-05T14:07:09Z'))`,
    `select typeof(ARRAY[1]), typeof(current_timestamp), typeof(1e0), typeof(cast(1 as real)), typeof(cast(1 as tinyint)), typeof(to_utf8('a'))`,
    `select approx_percentile(x, ARRAY[0.5, 0.9]) from (values 1, 2, 3) t(x)`,
    `select from_unixtime(1.5e0, 'UTC'), date_trunc('day', from_iso8601_timestamp('2024-03-05T14:07:09Z'))`,
  ];
  for (const q of qs) { try { console.log(JSON.stringify(await runAthenaSql(conn, q))); } catch (e) { console.log(q, 'ERR', (e as Error).message); } }
  close();
});
