/**
 * Conformance suite: each case is Athena (Trino) SQL, translated, run on a real DuckDB with the
 * compat macros, and compared with the value Athena returns. `src` documents where the expected
 * value comes from: a Trino documentation page (trino.io/docs/current/...) example, or Trino's
 * documented semantics for that function. Values are compared in Trino's text forms (see
 * conformance-harness.ts): dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DD HH:MM:SS.fff', decimals with
 * their scale. Doubles are compared to 12 significant digits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openCompatConnection, runAthenaSql, type TrinoValue } from './conformance-harness.js';

interface Case {
  /** Athena SQL; the first column of the first row is compared unless `rows` is set. */
  sql: string;
  expect: TrinoValue;
  src: string;
  /** Compare every row (each an array of column values). */
  rows?: true;
}

const DT = 'trino.io/docs/current/functions/datetime.html';
const STR = 'trino.io/docs/current/functions/string.html';
const ARR = 'trino.io/docs/current/functions/array.html';
const MAP = 'trino.io/docs/current/functions/map.html';
const JSN = 'trino.io/docs/current/functions/json.html';
const RE = 'trino.io/docs/current/functions/regexp.html';
const MATH = 'trino.io/docs/current/functions/math.html';
const AGG = 'trino.io/docs/current/functions/aggregate.html';
const WIN = 'trino.io/docs/current/functions/window.html';
const COND = 'trino.io/docs/current/functions/conditional.html';
const CONV = 'trino.io/docs/current/functions/conversion.html';
const BIN = 'trino.io/docs/current/functions/binary.html';
const BIT = 'trino.io/docs/current/functions/bitwise.html';
const CMP = 'trino.io/docs/current/functions/comparison.html';
const SEL = 'trino.io/docs/current/sql/select.html';
const LAMBDA = 'trino.io/docs/current/functions/lambda.html';
const DEC = 'trino.io/docs/current/language/types.html (decimal) and functions/math.html';
const OPS = 'trino.io/docs/current/functions/math.html#mathematical-operators';

const CASES: Record<string, Case> = {
  // ---- date and time ----------------------------------------------------------------------
  'date_format docs example': { sql: `SELECT date_format(TIMESTAMP '2022-10-20 05:10:00', '%m-%d-%Y %H')`, expect: '10-20-2022 05', src: `${DT} date_format example` },
  'date_format MySQL specifiers %Y-%m-%d %H:%i:%s.%f': { sql: `SELECT date_format(TIMESTAMP '2024-03-05 14:07:09.123', '%Y-%m-%d %H:%i:%s.%f')`, expect: '2024-03-05 14:07:09.123000', src: `${DT} MySQL date functions table: %i minutes, %s seconds, %f fraction (6 digits)` },
  'date_format names %W %M %e %c %y': { sql: `SELECT date_format(DATE '2024-03-05', '%W %M %e %c %y')`, expect: 'Tuesday March 5 3 24', src: `${DT}: %W weekday name, %M month name, %e/%c unpadded day/month, %y two-digit year` },
  'date_format %r %T %j': { sql: `SELECT date_format(TIMESTAMP '2024-03-05 14:07:09', '%r|%T|%j')`, expect: '02:07:09 PM|14:07:09|065', src: `${DT}: %r = %h:%i:%s %p, %T = %H:%i:%s, %j day of year 001..366` },
  'date_parse': { sql: `SELECT date_parse('2024-03-05 14:07:09', '%Y-%m-%d %H:%i:%s')`, expect: '2024-03-05 14:07:09.000', src: `${DT} date_parse (returns timestamp(3))` },
  'date_parse unpadded': { sql: `SELECT date_parse('5/3/2024', '%e/%c/%Y')`, expect: '2024-03-05 00:00:00.000', src: `${DT}: %e, %c accept 1 or 2 digits when parsing` },
  'format_datetime Joda': { sql: `SELECT format_datetime(TIMESTAMP '2024-03-05 14:07:09', 'yyyy-MM-dd HH:mm:ss')`, expect: '2024-03-05 14:07:09', src: `${DT} format_datetime (Joda-Time pattern)` },
  'format_datetime names and literal': { sql: `SELECT format_datetime(TIMESTAMP '2024-03-05 14:07:09', 'EEE, MMM d ''at'' h a')`, expect: 'Tue, Mar 5 at 2 PM', src: `${DT} format_datetime; Joda DateTimeFormat: EEE, MMM, d, 'literal', h, a` },
  'parse_datetime': { sql: `SELECT to_unixtime(parse_datetime('2024-03-05 14:07', 'yyyy-MM-dd HH:mm'))`, expect: 1709647620, src: `${DT} parse_datetime (Joda pattern, session zone UTC)` },
  'day_of_week Monday is 1': { sql: `SELECT day_of_week(DATE '2024-01-01')`, expect: 1, src: `${DT} day_of_week: ISO day of the week, 1 (Monday) to 7 (Sunday)` },
  'day_of_week Sunday is 7': { sql: `SELECT dow(DATE '2024-01-07')`, expect: 7, src: `${DT} dow is an alias of day_of_week` },
  'day_of_year': { sql: `SELECT day_of_year(DATE '2024-03-05')`, expect: 65, src: `${DT} day_of_year (1 to 366); 2024 is a leap year` },
  'week ISO': { sql: `SELECT week(DATE '2023-01-01'), week(DATE '2024-01-01')`, expect: 52, src: `${DT} week: ISO week of the year (2023-01-01 is a Sunday in ISO week 52 of 2022)` },
  'year_of_week ISO': { sql: `SELECT year_of_week(DATE '2023-01-01')`, expect: 2022, src: `${DT} year_of_week: year of the ISO week` },
  'millisecond': { sql: `SELECT millisecond(TIMESTAMP '2024-01-01 00:00:21.123')`, expect: 123, src: `${DT} millisecond: millisecond of the second (0-999)` },
  'extract and field functions': { sql: `SELECT ARRAY[extract(YEAR FROM TIMESTAMP '2024-03-05 14:07:09'), month(DATE '2024-03-05'), day(DATE '2024-03-05'), hour(TIMESTAMP '2024-03-05 14:07:09'), minute(TIMESTAMP '2024-03-05 14:07:09'), second(TIMESTAMP '2024-03-05 14:07:09'), quarter(DATE '2024-03-05')]`, expect: [2024, 3, 5, 14, 7, 9, 1], src: `${DT} extract and convenience extraction functions` },
  'date_diff day': { sql: `SELECT date_diff('day', DATE '2024-01-01', DATE '2024-03-01')`, expect: 60, src: `${DT} date_diff(unit, timestamp1, timestamp2) = timestamp2 - timestamp1 in unit` },
  'date_diff counts whole units': { sql: `SELECT date_diff('day', TIMESTAMP '2024-01-01 23:00:00', TIMESTAMP '2024-01-02 01:00:00')`, expect: 0, src: `${DT} date_diff: whole units elapsed (2 hours is 0 days)` },
  'date_diff month': { sql: `SELECT date_diff('month', DATE '2024-01-15', DATE '2024-03-14')`, expect: 1, src: `${DT} date_diff: one whole month elapsed` },
  'date_diff negative hour': { sql: `SELECT date_diff('hour', TIMESTAMP '2024-01-02 00:00:00', TIMESTAMP '2024-01-01 21:30:00')`, expect: -2, src: `${DT} date_diff: negative when timestamp2 precedes timestamp1, truncated` },
  'date_add month end of month': { sql: `SELECT date_add('month', 1, DATE '2024-01-31')`, expect: '2024-02-29', src: `${DT} date_add; month arithmetic clamps to the last day of the month and keeps the DATE type` },
  'date_add day on timestamp': { sql: `SELECT date_add('day', -1, TIMESTAMP '2024-03-01 10:00:00')`, expect: '2024-02-29 10:00:00.000', src: `${DT} date_add with a negative value subtracts` },
  'date_add hour on timestamp': { sql: `SELECT date_add('hour', 36, TIMESTAMP '2024-03-01 10:00:00')`, expect: '2024-03-02 22:00:00.000', src: `${DT} date_add` },
  'date_add on cast date': { sql: `SELECT date_add('year', 1, CAST('2024-02-29' AS DATE))`, expect: '2025-02-28', src: `${DT} date_add keeps DATE; Feb 29 + 1 year clamps to Feb 28` },
  'date plus interval month': { sql: `SELECT DATE '2024-01-31' + INTERVAL '1' MONTH`, expect: '2024-02-29', src: `trino.io/docs/current/functions/datetime.html#date-and-time-operators: date + interval month is a date` },
  'timestamp plus interval day': { sql: `SELECT TIMESTAMP '2024-01-01 10:00:00' + INTERVAL '1' DAY`, expect: '2024-01-02 10:00:00.000', src: `${DT} operators: timestamp + interval day to second` },
  'timestamp minus interval hour': { sql: `SELECT TIMESTAMP '2024-01-01 01:00:00' - INTERVAL '2' HOUR`, expect: '2023-12-31 23:00:00.000', src: `${DT} operators` },
  'date_trunc month on date stays date': { sql: `SELECT date_trunc('month', DATE '2024-03-15')`, expect: '2024-03-01', src: `${DT} date_trunc: result has the type of the input` },
  'date_trunc week Monday': { sql: `SELECT date_trunc('week', DATE '2024-03-15')`, expect: '2024-03-11', src: `${DT} date_trunc week: ISO weeks start on Monday` },
  'date_trunc hour': { sql: `SELECT date_trunc('hour', TIMESTAMP '2024-03-15 10:37:12')`, expect: '2024-03-15 10:00:00.000', src: `${DT} date_trunc example` },
  'date_trunc quarter and year': { sql: `SELECT ARRAY[date_trunc('quarter', DATE '2024-08-15'), date_trunc('year', DATE '2024-08-15')]`, expect: ['2024-07-01', '2024-01-01'], src: `${DT} date_trunc units quarter and year` },
  'from_iso8601_timestamp': { sql: `SELECT from_iso8601_timestamp('2024-03-05T14:07:09Z')`, expect: '2024-03-05 14:07:09.000 UTC', src: `${DT} from_iso8601_timestamp returns timestamp(3) with time zone` },
  'from_iso8601_timestamp offset': { sql: `SELECT to_unixtime(from_iso8601_timestamp('2024-03-05T14:07:09+02:00'))`, expect: 1709640429, src: `${DT} from_iso8601_timestamp honours the offset` },
  'from_iso8601_date': { sql: `SELECT from_iso8601_date('2024-03-05')`, expect: '2024-03-05', src: `${DT} from_iso8601_date` },
  'to_iso8601 date': { sql: `SELECT to_iso8601(DATE '2024-03-05')`, expect: '2024-03-05', src: `${DT} to_iso8601` },
  'to_unixtime': { sql: `SELECT to_unixtime(TIMESTAMP '1970-01-02 00:00:00')`, expect: 86400, src: `${DT} to_unixtime returns double seconds since epoch (session zone UTC)` },
  'from_unixtime': { sql: `SELECT from_unixtime(86400)`, expect: '1970-01-02 00:00:00.000 UTC', src: `${DT} from_unixtime returns timestamp(3) with time zone` },
  'AT TIME ZONE wall clock': { sql: `SELECT hour(TIMESTAMP '2024-01-01 12:00:00 UTC' AT TIME ZONE 'America/New_York')`, expect: 7, src: `${DT} AT TIME ZONE converts the instant to the zone (EST = UTC-5)` },
  'AT TIME ZONE plain timestamp': { sql: `SELECT format_datetime(TIMESTAMP '2024-07-01 12:00:00' AT TIME ZONE 'Asia/Tokyo', 'yyyy-MM-dd HH:mm')`, expect: '2024-07-01 21:00', src: `${DT}: a timestamp without zone is read in the session zone (UTC) and converted` },
  'with_timezone': { sql: `SELECT to_unixtime(with_timezone(TIMESTAMP '2024-01-01 12:00:00', 'America/New_York'))`, expect: 1704128400, src: `${DT} with_timezone: the wall-clock time in the zone (12:00 EST = 17:00 UTC)` },
  'last_day_of_month': { sql: `SELECT last_day_of_month(DATE '2024-02-10')`, expect: '2024-02-29', src: `${DT} last_day_of_month` },
  'cast timestamp(3)': { sql: `SELECT CAST(TIMESTAMP '2024-03-05 14:07:09.123456' AS timestamp(3))`, expect: '2024-03-05 14:07:09.123', src: `trino.io/docs/current/language/types.html#timestamp-p: precision 3 = milliseconds` },
  'cast varchar to date and timestamp': { sql: `SELECT ARRAY[CAST(CAST('2024-03-05' AS DATE) AS varchar), CAST(CAST('2024-03-05 01:02:03' AS timestamp) AS varchar)]`, expect: ['2024-03-05', '2024-03-05 01:02:03'], src: `${CONV} cast between varchar and date/timestamp` },
  'current_timestamp is a zoned timestamp': { sql: `SELECT to_unixtime(current_timestamp) > 1.7e9 AND CAST(current_date AS varchar) LIKE '20%'`, expect: true, src: `${DT} current_timestamp (timestamp(3) with time zone), current_date` },
  'date function': { sql: `SELECT date(TIMESTAMP '2024-03-05 23:59:59')`, expect: '2024-03-05', src: `${DT} date(x) = CAST(x AS date)` },
  'current_timezone': { sql: `SELECT current_timezone()`, expect: 'UTC', src: `${DT} current_timezone; Athena sessions run in UTC` },

  // ---- numbers ----------------------------------------------------------------------------
  'integer division truncates': { sql: `SELECT ARRAY[7 / 2, -7 / 2, 7 % 3, -7 % 3, mod(-7, 3)]`, expect: [3, -3, 1, -1, -1], src: `${OPS}: integer division truncates towards zero; % has the sign of the dividend` },
  'double division': { sql: `SELECT 7 / 2e0`, expect: 3.5, src: `${OPS}: division with a double operand` },
  'decimal multiplication scale': { sql: `SELECT CAST(1.50 AS decimal(10,2)) * CAST(2.25 AS decimal(10,2))`, expect: '3.3750', src: `${DEC}: decimal(p1,s1) * decimal(p2,s2) has scale s1 + s2` },
  'decimal addition': { sql: `SELECT CAST(1.25 AS decimal(10,2)) + CAST(0.5 AS decimal(10,1))`, expect: '1.75', src: `${DEC}: addition scale is max(s1, s2)` },
  'round half up on decimals': { sql: `SELECT round(CAST(2.345 AS decimal(10,3)), 2) = 2.35 AND round(CAST(-2.345 AS decimal(10,3)), 2) = -2.35`, expect: true, src: `${MATH} round: half away from zero` },
  'round doubles half away from zero': { sql: `SELECT ARRAY[round(2.5e0), round(-2.5e0), round(1.005e0 * 1000) / 1000]`, expect: [3, -3, 1.005], src: `${MATH} round(x): rounds half away from zero` },
  'floor ceil abs sign': { sql: `SELECT ARRAY[floor(-1.5e0), ceil(1.2e0), abs(-3e0), sign(-2e0), truncate(-1.7e0)]`, expect: [-2, 2, 3, -1, -1], src: `${MATH} floor, ceiling, abs, sign, truncate` },
  'power sqrt cbrt log': { sql: `SELECT ARRAY[power(2, 10), sqrt(16), cbrt(27), log10(1000), log2(8), ln(exp(1))]`, expect: [1024, 4, 3, 3, 3, 1], src: `${MATH}` },
  'nan infinity predicates': { sql: `SELECT ARRAY[is_nan(nan()), is_infinite(-infinity()), is_finite(1e0), is_finite(infinity())]`, expect: [true, true, true, false], src: `${MATH} nan, infinity, is_nan, is_infinite, is_finite` },
  'pi': { sql: `SELECT pi()`, expect: 3.141592653589793, src: `${MATH} pi` },
  'greatest least': { sql: `SELECT ARRAY[greatest(1, 5, 3), least(4, 2, 8)]`, expect: [5, 2], src: `${CMP} greatest/least` },
  'greatest with null is null': { sql: `SELECT greatest(1, NULL, 3)`, expect: null, src: `${CMP}: greatest returns NULL if any argument is NULL` },
  'bitwise': { sql: `SELECT ARRAY[bitwise_and(12, 10), bitwise_or(12, 10), bitwise_xor(12, 10), bitwise_not(0)]`, expect: [8, 14, 6, -1], src: `${BIT}` },
  'rand ranges': { sql: `SELECT rand() >= 0 AND rand() < 1 AND rand(10) BETWEEN 0 AND 9 AND random(5, 7) BETWEEN 5 AND 6`, expect: true, src: `${MATH} rand(): [0,1); rand(n): [0,n); random(m, n): [m,n). (Not IN: DuckDB re-evaluates a volatile left side per IN item.)` },

  // ---- strings ----------------------------------------------------------------------------
  'concat': { sql: `SELECT concat('a', 'b', 'c')`, expect: 'abc', src: `${STR} concat` },
  'concat with null is null': { sql: `SELECT concat('a', NULL)`, expect: null, src: `${STR} concat: NULL if any argument is NULL (SQL semantics of ||)` },
  'concat operator': { sql: `SELECT 'a' || 'b' || CAST(1 AS varchar)`, expect: 'ab1', src: `${STR} || operator` },
  'length lower upper': { sql: `SELECT ARRAY[CAST(length('hello') AS varchar), lower('ÄbC'), upper('äbc')]`, expect: ['5', 'äbc', 'ÄBC'], src: `${STR} length, lower, upper` },
  'lpad rpad': { sql: `SELECT ARRAY[lpad('7', 3, '0'), lpad('abcd', 2, '0'), rpad('a', 3, 'xy')]`, expect: ['007', 'ab', 'axy'], src: `${STR} lpad/rpad: truncates to size when longer` },
  'split': { sql: `SELECT split('a,b,,c', ',')`, expect: ['a', 'b', '', 'c'], src: `${STR} split` },
  'split_part': { sql: `SELECT split_part('a,b,c', ',', 2)`, expect: 'b', src: `${STR} split_part: field index starts at 1` },
  'split_part past the end is null': { sql: `SELECT split_part('a,b', ',', 5)`, expect: null, src: `${STR} split_part: NULL if the index is larger than the number of fields` },
  'strpos': { sql: `SELECT ARRAY[strpos('hello', 'l'), strpos('hello', 'z'), position('lo' IN 'hello')]`, expect: [3, 0, 4], src: `${STR} strpos: 1-based, 0 when not found` },
  'substr positive': { sql: `SELECT ARRAY[substr('hello', 2), substr('hello', 2, 3), substring('hello', 4)]`, expect: ['ello', 'ell', 'lo'], src: `${STR} substr: 1-based start` },
  'substring FROM FOR syntax': { sql: `SELECT ARRAY[substring('hello' FROM 2 FOR 3), substring('hello' FROM 3)]`, expect: ['ell', 'llo'], src: `${STR} substring(string FROM start [FOR length])` },
  'substr negative start': { sql: `SELECT ARRAY[substr('hello', -3), substr('hello', -3, 2)]`, expect: ['llo', 'll'], src: `${STR} substr: negative start counts from the end` },
  'substr start zero': { sql: `SELECT substr('hello', 0)`, expect: '', src: `${STR} substr: start 0 yields an empty string` },
  'replace': { sql: `SELECT ARRAY[replace('hello', 'l', 'L'), replace('hello', 'l')]`, expect: ['heLLo', 'heo'], src: `${STR} replace (2-argument form removes)` },
  'reverse': { sql: `SELECT reverse('abc')`, expect: 'cba', src: `${STR} reverse` },
  'trim ltrim rtrim': { sql: `SELECT ARRAY[trim('  a  '), ltrim('  a  '), rtrim('  a  ')]`, expect: ['a', 'a  ', '  a'], src: `${STR} trim, ltrim, rtrim` },
  'chr codepoint': { sql: `SELECT ARRAY[chr(65), CAST(codepoint('A') AS varchar)]`, expect: ['A', '65'], src: `${STR} chr, codepoint` },
  'starts_with': { sql: `SELECT starts_with('hello', 'he') AND NOT starts_with('hello', 'lo')`, expect: true, src: `${STR} starts_with` },
  'levenshtein_distance': { sql: `SELECT levenshtein_distance('kitten', 'sitting')`, expect: 3, src: `${STR} levenshtein_distance` },
  'concat_ws skips null': { sql: `SELECT concat_ws('-', 'a', NULL, 'b')`, expect: 'a-b', src: `${STR} concat_ws skips NULL values` },
  'translate': { sql: `SELECT translate('abcd', 'ab', 'xy')`, expect: 'xycd', src: `${STR} translate` },

  // ---- regular expressions ------------------------------------------------------------
  'regexp_like': { sql: `SELECT regexp_like('abc123', '\\d+') AND NOT regexp_like('abc', '^b')`, expect: true, src: `${RE} regexp_like: true if the pattern matches anywhere` },
  'regexp_extract': { sql: `SELECT regexp_extract('abc123def456', '\\d+')`, expect: '123', src: `${RE} regexp_extract: first match` },
  'regexp_extract group': { sql: `SELECT regexp_extract('abc123', '([a-z]+)(\\d+)', 2)`, expect: '123', src: `${RE} regexp_extract(string, pattern, group)` },
  'regexp_extract no match is null': { sql: `SELECT regexp_extract('abc', '\\d+')`, expect: null, src: `${RE} regexp_extract: NULL when there is no match` },
  'regexp_extract_all': { sql: `SELECT regexp_extract_all('a1b22c333', '\\d+')`, expect: ['1', '22', '333'], src: `${RE} regexp_extract_all` },
  'regexp_replace Java backreference': { sql: `SELECT regexp_replace('abc123', '(\\d+)', '<$1>')`, expect: 'abc<123>', src: `${RE} regexp_replace: $g refers to a capturing group, all matches replaced` },
  'regexp_replace all matches removed': { sql: `SELECT regexp_replace('a1b2c3', '\\d')`, expect: 'abc', src: `${RE} regexp_replace(string, pattern) removes every match` },
  'regexp_split': { sql: `SELECT regexp_split('a1b22c', '\\d+')`, expect: ['a', 'b', 'c'], src: `${RE} regexp_split` },
  'regexp_count': { sql: `SELECT regexp_count('a1b22c333', '\\d+')`, expect: 3, src: `${RE} regexp_count` },

  // ---- JSON ---------------------------------------------------------------------------
  'json_extract_scalar': { sql: `SELECT json_extract_scalar('{"a":{"b":"x"}}', '$.a.b')`, expect: 'x', src: `${JSN} json_extract_scalar` },
  'json_extract_scalar array index': { sql: `SELECT json_extract_scalar('{"a":[1,2]}', '$.a[1]')`, expect: '2', src: `${JSN} JSONPath array index is 0-based` },
  'json_extract_scalar non-scalar is null': { sql: `SELECT json_extract_scalar('{"a":{"b":1}}', '$.a')`, expect: null, src: `${JSN} json_extract_scalar: only scalars, NULL for objects/arrays` },
  'json_extract and json_format': { sql: `SELECT json_format(json_extract('{"a":{"b":1}}', '$.a'))`, expect: '{"b":1}', src: `${JSN} json_extract returns json; json_format serializes it` },
  'json_parse and json_format': { sql: `SELECT json_format(json_parse('[1, 2, {"a": true}]'))`, expect: '[1,2,{"a":true}]', src: `${JSN} json_parse / json_format (compact text)` },
  'json_array_length and json_size': { sql: `SELECT ARRAY[json_array_length('[1,2,3]'), json_size('{"a":[1,2],"b":{"c":1,"d":2}}', '$.b')]`, expect: [3, 2], src: `${JSN} json_array_length, json_size` },
  'cast json to array': { sql: `SELECT CAST(json_parse('[1,2,3]') AS array(integer))`, expect: [1, 2, 3], src: `${JSN} cast from JSON to array(integer)` },

  // ---- arrays ---------------------------------------------------------------------------
  'element_at array': { sql: `SELECT ARRAY[element_at(ARRAY[10,20,30], 2), element_at(ARRAY[10,20,30], -1)]`, expect: [20, 30], src: `${ARR} element_at: 1-based, negative counts from the end` },
  'element_at out of range is null': { sql: `SELECT element_at(ARRAY[10,20], 5)`, expect: null, src: `${ARR} element_at: NULL when the index is past the end` },
  'subscript': { sql: `SELECT ARRAY[10,20,30][1]`, expect: 10, src: `${ARR} subscript operator []` },
  'cardinality': { sql: `SELECT cardinality(ARRAY[1,2,3])`, expect: 3, src: `${ARR} / ${MAP} cardinality` },
  'flatten': { sql: `SELECT flatten(ARRAY[ARRAY[1,2], ARRAY[3]])`, expect: [1, 2, 3], src: `${ARR} flatten` },
  'array_distinct keeps first occurrences': { sql: `SELECT array_distinct(ARRAY[3,1,3,2,1])`, expect: [3, 1, 2], src: `${ARR} array_distinct (order of first occurrence)` },
  'array_join': { sql: `SELECT ARRAY[array_join(ARRAY['a','b','c'], '-'), array_join(ARRAY['a',NULL,'c'], ','), array_join(ARRAY['a',NULL], ',', 'N')]`, expect: ['a-b-c', 'a,c', 'a,N'], src: `${ARR} array_join: NULLs skipped unless null_replacement is given` },
  'array_agg ordered': { sql: `SELECT array_agg(x ORDER BY x DESC) FROM (VALUES 2, 3, 1) AS t(x)`, expect: [3, 2, 1], src: `${AGG} array_agg with ORDER BY` },
  'contains': { sql: `SELECT contains(ARRAY[1,2,3], 2) AND NOT contains(ARRAY[1,2,3], 5)`, expect: true, src: `${ARR} contains` },
  'slice': { sql: `SELECT ARRAY[slice(ARRAY[1,2,3,4], 2, 2), slice(ARRAY[1,2,3,4], -2, 2)]`, expect: [[2, 3], [3, 4]], src: `${ARR} slice(x, start, length); negative start counts from the end` },
  'transform lambda': { sql: `SELECT transform(ARRAY[1,2], x -> x + 1)`, expect: [2, 3], src: `${LAMBDA} transform` },
  'filter lambda': { sql: `SELECT filter(ARRAY[1,2,3,4], x -> x % 2 = 0)`, expect: [2, 4], src: `${LAMBDA} filter` },
  'reduce lambda': { sql: `SELECT reduce(ARRAY[1,2,3], 0, (s, x) -> s + x, s -> s)`, expect: 6, src: `${LAMBDA} reduce example` },
  'reduce with output function': { sql: `SELECT reduce(ARRAY[5,20,50], 0, (s, x) -> s + x, s -> s * 2)`, expect: 150, src: `${LAMBDA} reduce: the output function is applied to the final state` },
  'any_match all_match none_match': { sql: `SELECT ARRAY[any_match(ARRAY[1,2], x -> x > 1), all_match(ARRAY[1,2], x -> x > 1), none_match(ARRAY[1,2], x -> x > 5)]`, expect: [true, false, true], src: `${ARR} any_match, all_match, none_match` },
  'sequence': { sql: `SELECT ARRAY[sequence(1, 5), sequence(1, 10, 3)]`, expect: [[1, 2, 3, 4, 5], [1, 4, 7, 10]], src: `${ARR} sequence(start, stop[, step]) inclusive` },
  'sequence of dates': { sql: `SELECT ARRAY[sequence(DATE '2024-02-28', DATE '2024-03-01'), sequence(DATE '2024-01-01', DATE '2024-01-15', INTERVAL '7' DAY)]`, expect: [['2024-02-28', '2024-02-29', '2024-03-01'], ['2024-01-01', '2024-01-08', '2024-01-15']], src: `${ARR} sequence(start, stop[, step]) for dates: default step one day, result array(date)` },
  'array_sort nulls last': { sql: `SELECT array_sort(ARRAY['b', NULL, 'a'])`, expect: ['a', 'b', null], src: `${ARR} array_sort: ascending, NULLs last` },
  'array_position': { sql: `SELECT ARRAY[array_position(ARRAY[10,20,30], 20), array_position(ARRAY[10,20], 99)]`, expect: [2, 0], src: `${ARR} array_position: 1-based, 0 when not found` },
  'array_max array_min': { sql: `SELECT ARRAY[array_max(ARRAY[1,5,3]), array_min(ARRAY[4,2,8])]`, expect: [5, 2], src: `${ARR} array_max, array_min` },
  'array_max with null is null': { sql: `SELECT array_max(ARRAY[1, NULL, 3])`, expect: null, src: `${ARR} array_max: NULL if any element is NULL` },
  'zip': { sql: `SELECT CAST(zip(ARRAY[1,2], ARRAY['a','b']) AS array(row(n integer, s varchar)))`, expect: [{ n: 1, s: 'a' }, { n: 2, s: 'b' }], src: `${ARR} zip: array of rows (named here by a cast so the fields can be compared)` },
  'array set functions': { sql: `SELECT ARRAY[array_union(ARRAY[1,2], ARRAY[2,3]), array_intersect(ARRAY[1,2,3], ARRAY[3,2]), array_except(ARRAY[1,2,3], ARRAY[2]), array_remove(ARRAY[1,2,1], 1)]`, expect: [[1, 2, 3], [2, 3], [1, 3], [2]], src: `${ARR} array_union, array_intersect, array_except, array_remove` },
  'arrays_overlap': { sql: `SELECT arrays_overlap(ARRAY[1,2], ARRAY[2,3])`, expect: true, src: `${ARR} arrays_overlap` },
  'concat arrays': { sql: `SELECT concat(ARRAY[1], ARRAY[2, 3])`, expect: [1, 2, 3], src: `${ARR} concat(array1, array2)` },
  'repeat': { sql: `SELECT repeat('ab', 3)`, expect: ['ab', 'ab', 'ab'], src: `${ARR} repeat(element, count) returns an array` },
  'unnest cross join': { sql: `SELECT x FROM (VALUES 1) AS v(id) CROSS JOIN UNNEST(sequence(1, 3)) AS t(x) ORDER BY x`, expect: [[1], [2], [3]], rows: true, src: `${SEL}#unnest` },
  'unnest with ordinality': { sql: `SELECT x, i FROM UNNEST(ARRAY['a','b']) WITH ORDINALITY AS t(x, i) ORDER BY i`, expect: [['a', 1], ['b', 2]], rows: true, src: `${SEL}#unnest WITH ORDINALITY` },
  'unnest two arrays': { sql: `SELECT a, b FROM UNNEST(ARRAY[1,2], ARRAY['x']) AS t(a, b) ORDER BY a`, expect: [[1, 'x'], [2, null]], rows: true, src: `${SEL}#unnest: several arrays are zipped, padded with NULL` },

  // ---- maps ---------------------------------------------------------------------------
  'map constructor and element_at': { sql: `SELECT element_at(map(ARRAY['a','b'], ARRAY[1,2]), 'b')`, expect: 2, src: `${MAP} map, element_at` },
  'element_at missing key is null': { sql: `SELECT element_at(map(ARRAY['a'], ARRAY[1]), 'z')`, expect: null, src: `${MAP} element_at: NULL when the key is not present` },
  'map_keys map_values': { sql: `SELECT ARRAY[map_keys(map(ARRAY['a','b'], ARRAY['1','2'])), map_values(map(ARRAY['a','b'], ARRAY['1','2']))]`, expect: [['a', 'b'], ['1', '2']], src: `${MAP} map_keys, map_values` },
  'map_from_entries': { sql: `SELECT map_from_entries(ARRAY[ROW('a', 1), ROW('b', 2)])`, expect: { a: 1, b: 2 }, src: `${MAP} map_from_entries` },

  // ---- binary -------------------------------------------------------------------------
  'md5 to_hex': { sql: `SELECT to_hex(md5(to_utf8('abc')))`, expect: '900150983CD24FB0D6963F7D28E17F72', src: `${BIN} md5 returns varbinary; to_hex is upper-case (RFC 1321 test vector)` },
  'sha256': { sql: `SELECT to_hex(sha256(to_utf8('abc')))`, expect: 'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD', src: `${BIN} sha256 (FIPS 180-2 test vector)` },
  'md5 is varbinary': { sql: `SELECT md5(to_utf8('abc'))`, expect: '900150983CD24FB0D6963F7D28E17F72', src: `${BIN} md5(binary) → varbinary` },
  'from_utf8 roundtrip': { sql: `SELECT from_utf8(to_utf8('héllo'))`, expect: 'héllo', src: `${BIN} to_utf8/from_utf8` },
  'base64 and hex': { sql: `SELECT ARRAY[to_base64(to_utf8('abc')), to_hex(from_hex('0a1B')), from_utf8(from_base64('YWJj'))]`, expect: ['YWJj', '0A1B', 'abc'], src: `${BIN} to_base64, from_hex, from_base64` },

  // ---- conditionals, casts, types ---------------------------------------------------------
  'if': { sql: `SELECT ARRAY[if(1 > 2, 'a', 'b'), if(false, 'x')]`, expect: ['b', null], src: `${COND} if(condition, true_value[, false_value])` },
  'coalesce nullif': { sql: `SELECT ARRAY[coalesce(NULL, 2, 3), nullif(1, 1), nullif(1, 2)]`, expect: [2, null, 1], src: `${COND} coalesce, nullif` },
  'try_cast': { sql: `SELECT ARRAY[try_cast('abc' AS integer), try_cast('12' AS integer)]`, expect: [null, 12], src: `${CONV} try_cast: NULL instead of an error` },
  'try': { sql: `SELECT ARRAY[try(CAST('x' AS integer)), try(CAST('7' AS integer))]`, expect: [null, 7], src: `${COND} try: NULL when the expression fails` },
  'boolean to varchar': { sql: `SELECT ARRAY[CAST(true AS varchar), CAST(false AS varchar)]`, expect: ['true', 'false'], src: `${CONV} cast(boolean as varchar)` },
  'integer and decimal to varchar': { sql: `SELECT ARRAY[CAST(123 AS varchar), CAST(CAST(1.50 AS decimal(4,2)) AS varchar)]`, expect: ['123', '1.50'], src: `${CONV}: decimals print their scale` },
  'double to varchar is scientific': { sql: `SELECT ARRAY[CAST(1e0 AS varchar), CAST(123.45e0 AS varchar), CAST(-0.001e0 AS varchar), CAST(1e20 AS varchar), CAST(1.5e-7 AS varchar), CAST(0e0 AS varchar), CAST(CAST(2.5 AS real) AS varchar), CAST(nan() AS varchar), CAST(-infinity() AS varchar)]`, expect: ['1.0E0', '1.2345E2', '-1.0E-3', '1.0E20', '1.5E-7', '0.0E0', '2.5E0', 'NaN', '-Infinity'], src: `${CONV}: Trino casts DOUBLE/REAL to varchar in scientific notation (Java Double.toString digits)` },
  'cast to varchar(n) truncates': { sql: `SELECT CAST('abcdef' AS varchar(3))`, expect: 'abc', src: `${CONV}: casting varchar to a shorter varchar(n) truncates` },
  'timestamp with time zone literals': { sql: `SELECT ARRAY[to_unixtime(TIMESTAMP '2024-01-01 00:00:00 America/New_York'), to_unixtime(TIMESTAMP '2024-01-01 02:00:00 +02:00'), to_unixtime(TIMESTAMP '2024-01-01 00:00:00 UTC')]`, expect: [1704085200, 1704067200, 1704067200], src: `${DT}: a zone in a TIMESTAMP literal makes it a timestamp with time zone` },
  'typeof': { sql: `SELECT ARRAY[typeof(1), typeof(CAST(1 AS bigint)), typeof(1.5e0), typeof(CAST(1 AS decimal(10,2))), typeof(true), typeof(DATE '2024-01-01'), typeof(CAST('a' AS varchar))]`, expect: ['integer', 'bigint', 'double', 'decimal(10,2)', 'boolean', 'date', 'varchar'], src: `${CONV} typeof` },
  'uuid shape': { sql: `SELECT regexp_like(CAST(uuid() AS varchar), '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')`, expect: true, src: `trino.io/docs/current/functions/uuid.html uuid(): random UUID, canonical lower-case text` },
  'CASE simple and searched': { sql: `SELECT ARRAY[CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END, CASE WHEN 1 > 2 THEN 'x' ELSE 'y' END, CASE 3 WHEN 1 THEN 'one' END]`, expect: ['two', 'y', null], src: `${COND} CASE` },
  'IN and NOT IN': { sql: `SELECT 2 IN (1, 2, 3) AND 5 NOT IN (1, 2)`, expect: true, src: `${CMP} IN` },
  'LIKE with ESCAPE': { sql: `SELECT ARRAY['a_c' LIKE 'a!_c' ESCAPE '!', 'abc' LIKE 'a!_c' ESCAPE '!', 'abc' LIKE 'a%']`, expect: [true, false, true], src: `${CMP} LIKE ... ESCAPE` },
  'BETWEEN': { sql: `SELECT ARRAY[5 BETWEEN 1 AND 5, 6 BETWEEN 1 AND 5, 3 NOT BETWEEN 1 AND 2]`, expect: [true, false, true], src: `${CMP} BETWEEN is inclusive` },
  'IS DISTINCT FROM': { sql: `SELECT ARRAY[NULL IS DISTINCT FROM 1, NULL IS NOT DISTINCT FROM NULL, 1 IS DISTINCT FROM 1]`, expect: [true, true, false], src: `${CMP} IS DISTINCT FROM` },

  // ---- aggregates -------------------------------------------------------------------------
  'count_if bool_and bool_or': { sql: `SELECT ARRAY[CAST(count_if(x > 1) AS varchar), CAST(bool_and(x > 0) AS varchar), CAST(bool_or(x > 2) AS varchar)] FROM (VALUES 1, 2, 3) AS t(x)`, expect: ['2', 'true', 'true'], src: `${AGG} count_if, bool_and, bool_or` },
  'arbitrary single value': { sql: `SELECT arbitrary(x) FROM (VALUES 'only') AS t(x)`, expect: 'only', src: `${AGG} arbitrary` },
  'max_by min_by': { sql: `SELECT ARRAY[max_by(name, score), min_by(name, score)] FROM (VALUES ('a', 1), ('b', 3), ('c', 2)) AS t(name, score)`, expect: ['b', 'a'], src: `${AGG} max_by, min_by` },
  'max_by returns null x': { sql: `SELECT max_by(name, score) FROM (VALUES (NULL, 10), ('a', 5)) AS t(name, score)`, expect: null, src: `${AGG} max_by: the x of the row with the maximum y, even when x is NULL` },
  'stddev variance': { sql: `SELECT ARRAY[stddev(x), variance(x), stddev_pop(x)] FROM (VALUES 2, 4, 4, 4, 5, 5, 7, 9) AS t(x)`, expect: [2.138089935299395, 4.571428571428571, 2], src: `${AGG} stddev/variance are the sample versions` },
  'corr': { sql: `SELECT corr(x, y) FROM (VALUES (1, 2), (2, 4), (3, 6)) AS t(x, y)`, expect: 1, src: `${AGG} corr` },
  'histogram': { sql: `SELECT histogram(x) FROM (VALUES 'a', 'b', 'a') AS t(x)`, expect: { a: 2, b: 1 }, src: `${AGG} histogram: map of value to count` },
  'approx_distinct small set': { sql: `SELECT approx_distinct(x) FROM (VALUES 1, 1, 2, 3, NULL) AS t(x)`, expect: 3, src: `${AGG} approx_distinct (exact for tiny inputs; NULLs ignored)` },
  'approx_percentile median': { sql: `SELECT approx_percentile(x, 0.5) FROM (VALUES 5, 1, 4, 2, 3) AS t(x)`, expect: 3, src: `${AGG} approx_percentile returns a value of the input` },
  'avg of integers is double': { sql: `SELECT avg(x) FROM (VALUES 1, 2) AS t(x)`, expect: 1.5, src: `${AGG} avg returns double for integer input` },

  // ---- window functions -------------------------------------------------------------------
  'ranking functions': {
    sql: `SELECT x, row_number() OVER (ORDER BY x), rank() OVER (ORDER BY x), dense_rank() OVER (ORDER BY x), ntile(2) OVER (ORDER BY x), percent_rank() OVER (ORDER BY x), cume_dist() OVER (ORDER BY x) FROM (VALUES 10, 20, 20, 30) AS t(x) ORDER BY 2`,
    expect: [[10, 1, 1, 1, 1, 0, 0.25], [20, 2, 2, 2, 1, 1 / 3, 0.75], [20, 3, 2, 2, 2, 1 / 3, 0.75], [30, 4, 4, 3, 2, 1, 1]],
    rows: true,
    src: `${WIN} ranking functions`,
  },
  'value functions with frames': {
    sql: `SELECT x, lag(x) OVER w, lag(x, 1, 0) OVER w, lead(x) OVER w, first_value(x) OVER w, last_value(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), nth_value(x, 2) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), sum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2, 3) AS t(x) WINDOW w AS (ORDER BY x) ORDER BY x`,
    expect: [[1, null, 0, 2, 1, 3, 2, 1], [2, 1, 1, 3, 1, 3, 2, 3], [3, 2, 2, null, 1, 3, 2, 5]],
    rows: true,
    src: `${WIN} value functions and frames`,
  },
  'last_value default frame': { sql: `SELECT array_agg(lv ORDER BY x) FROM (SELECT x, last_value(x) OVER (ORDER BY x) AS lv FROM (VALUES 1, 2, 3) AS t(x))`, expect: [1, 2, 3], src: `${WIN}: the default frame is RANGE UNBOUNDED PRECEDING to CURRENT ROW` },
  'partitioned running sum': { sql: `SELECT g, x, sum(x) OVER (PARTITION BY g ORDER BY x) FROM (VALUES ('a', 1), ('a', 2), ('b', 5)) AS t(g, x) ORDER BY g, x`, expect: [['a', 1, 1], ['a', 2, 3], ['b', 5, 5]], rows: true, src: `${WIN} PARTITION BY` },

  // ---- query constructs -------------------------------------------------------------------
  'VALUES inline table': { sql: `SELECT id, name FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, name) ORDER BY id`, expect: [[1, 'a'], [2, 'b']], rows: true, src: `trino.io/docs/current/sql/values.html` },
  'GROUPING SETS': { sql: `SELECT a, b, count(*) FROM (VALUES ('x', 1), ('x', 2), ('y', 1)) AS t(a, b) GROUP BY GROUPING SETS ((a), (b)) ORDER BY a NULLS LAST, b NULLS LAST`, expect: [['x', null, 2], ['y', null, 1], [null, 1, 2], [null, 2, 1]], rows: true, src: `${SEL}#grouping-sets` },
  'ROLLUP with grouping()': { sql: `SELECT a, grouping(a), count(*) FROM (VALUES 'x', 'x', 'y') AS t(a) GROUP BY ROLLUP (a) ORDER BY 2, 1`, expect: [['x', 0, 2], ['y', 0, 1], [null, 1, 3]], rows: true, src: `${SEL}#rollup and grouping operation` },
  'CUBE': { sql: `SELECT count(*) FROM (SELECT a, b FROM (VALUES ('x', 1), ('y', 2)) AS t(a, b) GROUP BY CUBE (a, b))`, expect: 7, src: `${SEL}#cube: all 4 grouping sets (2 + 2 + 2 + 1 rows)` },
  'UNION INTERSECT EXCEPT': { sql: `SELECT ARRAY[(SELECT count(*) FROM (SELECT 1 UNION SELECT 1)), (SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 1)), (SELECT count(*) FROM (SELECT 1 INTERSECT SELECT 2)), (SELECT count(*) FROM (SELECT 1 EXCEPT SELECT 2))]`, expect: [1, 2, 0, 1], src: `${SEL}#union-intersect-except` },
  'CTE': { sql: `WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT y FROM b`, expect: 2, src: `${SEL}#with-clause` },
  'count distinct and filter': { sql: `SELECT ARRAY[count(DISTINCT x), count(*) FILTER (WHERE x > 1)] FROM (VALUES 1, 1, 2, 3) AS t(x)`, expect: [3, 2], src: `${AGG} DISTINCT and FILTER clause` },
};

let conn: DuckDBConnection;
let close: () => void;

beforeAll(async () => {
  ({ conn, close } = await openCompatConnection());
});
afterAll(() => close());

function near(actual: TrinoValue, expected: TrinoValue): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return actual === expected || Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return expected.length === actual.length && expected.every((e, i) => near(actual[i] ?? null, e));
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && !Array.isArray(expected) && !Array.isArray(actual)) {
    const keys = Object.keys(expected);
    return keys.length === Object.keys(actual).length && keys.every((k) => near(actual[k] ?? null, expected[k] ?? null));
  }
  return actual === expected;
}

describe('Athena (Trino) conformance on the local engine', () => {
  it('covers at least 80 functions and constructs', () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(80);
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const rows = await runAthenaSql(conn, c.sql);
      const actual: TrinoValue = c.rows ? rows : (rows[0]?.[0] ?? null);
      if (!near(actual, c.expect)) expect(actual).toEqual(c.expect);
    });
  }
});
