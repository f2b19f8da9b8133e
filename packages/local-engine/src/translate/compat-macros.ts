/**
 * DuckDB settings and macros that give translated Athena SQL Trino's semantics. The translator
 * renames Trino calls whose DuckDB namesake behaves differently to `lf_*` macros; the names are
 * prefixed so that neither polyglot nor DuckDB can confuse them with a built-in.
 *
 * Macros are TEMP: they live in DuckDB's `temp` catalog, which is always on the search path,
 * whatever catalog/schema the connection has `USE`d (the engine's catalog is `awsdatacatalog`).
 */

/** Session settings that make DuckDB evaluate expressions the way Athena does. */
const SETTINGS = [
  // Trino: integer / integer truncates (7 / 2 = 3).
  'SET integer_division = true',
  // Athena sessions run in UTC; timestamps without zone are interpreted in it.
  "SET TimeZone = 'UTC'",
];

const UNIT_INTERVAL = `CASE lower(unit)
    WHEN 'millisecond' THEN to_milliseconds(n)
    WHEN 'second' THEN to_seconds(n)
    WHEN 'minute' THEN to_minutes(n)
    WHEN 'hour' THEN to_hours(n)
    WHEN 'day' THEN to_days(n)
    WHEN 'week' THEN to_weeks(n)
    WHEN 'month' THEN to_months(n)
    WHEN 'quarter' THEN to_months(n * 3)
    WHEN 'year' THEN to_years(n)
    ELSE error('date_add: unknown unit ' || unit) END`;

/** [name, parameter lists and bodies] — one CREATE MACRO per entry. */
const MACROS: ReadonlyArray<readonly [string, string]> = [
  // --- date and time -------------------------------------------------------------------
  ['lf_strftime', '(x, f) AS strftime(x, f)'],
  ['lf_strptime', '(s, f) AS strptime(s, f)'],
  ['lf_parse_datetime', '(s, f) AS CAST(strptime(s, f) AS TIMESTAMPTZ)'],
  // Trino counts whole units elapsed (Joda); DuckDB's date_diff counts boundaries crossed,
  // date_sub counts whole units.
  ['lf_date_diff', '(unit, a, b) AS date_sub(lower(unit), a, b)'],
  // time_bucket keeps the input type (DATE stays DATE, unlike DuckDB's date_trunc); its default
  // origins (2000-01-01, and the Monday 2000-01-03 for days/weeks) align buckets like Trino.
  [
    'lf_date_trunc',
    `(unit, x) AS time_bucket(CASE lower(unit)
      WHEN 'millisecond' THEN INTERVAL 1 MILLISECOND WHEN 'second' THEN INTERVAL 1 SECOND
      WHEN 'minute' THEN INTERVAL 1 MINUTE WHEN 'hour' THEN INTERVAL 1 HOUR WHEN 'day' THEN INTERVAL 1 DAY
      WHEN 'week' THEN INTERVAL 7 DAY WHEN 'month' THEN INTERVAL 1 MONTH WHEN 'quarter' THEN INTERVAL 3 MONTH
      WHEN 'year' THEN INTERVAL 1 YEAR END, x)`,
  ],
  ['lf_date_add', `(unit, n, x) AS x + ${UNIT_INTERVAL}`],
  ['lf_date_add_date', `(unit, n, x) AS CAST(x + ${UNIT_INTERVAL} AS DATE)`],
  ['lf_from_unixtime', '(s) AS to_timestamp(s), (s, z) AS to_timestamp(s)'],
  ['lf_to_unixtime', '(t) AS epoch(t)'],
  ['lf_from_iso8601_timestamp', '(s) AS CAST(s AS TIMESTAMPTZ)'],
  ['lf_from_iso8601_date', '(s) AS CAST(s AS DATE)'],
  [
    'lf_to_iso8601',
    `(x) AS CASE typeof(x)
      WHEN 'DATE' THEN strftime(x, '%Y-%m-%d')
      WHEN 'TIMESTAMP WITH TIME ZONE' THEN strftime(x, '%Y-%m-%dT%H:%M:%S.%gZ')
      ELSE strftime(x, '%Y-%m-%dT%H:%M:%S.%g') END`,
  ],
  ['lf_date', '(x) AS CAST(x AS DATE)'],
  // DuckDB's millisecond() includes the seconds (21.123 s → 21123); Trino's is 0-999.
  ['lf_millisecond', '(x) AS millisecond(x) % 1000'],
  ['lf_last_day_of_month', '(x) AS last_day(x)'],
  ['lf_year_of_week', '(x) AS isoyear(x)'],
  // Trino keeps the instant and changes the zone; DuckDB has no zoned values, so the result is
  // the wall-clock time in that zone (what Trino prints, without the zone suffix).
  ['lf_at_timezone', '(x, z) AS timezone(z, CAST(x AS TIMESTAMPTZ))'],
  ['lf_with_timezone', '(x, z) AS timezone(z, CAST(x AS TIMESTAMP))'],
  ['lf_current_timezone', "() AS current_setting('TimeZone')"],
  // --- strings -------------------------------------------------------------------------
  // Trino: NULL when the index is past the last field (DuckDB returns '').
  ['lf_split_part', '(s, d, i) AS CASE WHEN i > len(string_split(s, d)) THEN NULL ELSE split_part(s, d, i) END'],
  ['lf_split', '(s, d) AS string_split(s, d)'],
  // Trino: start 0 or before the beginning gives ''.
  [
    'lf_substr',
    `(s, st) AS CASE WHEN st = 0 OR -st > length(s) THEN '' ELSE substring(s, st) END,
     (s, st, n) AS CASE WHEN st = 0 OR -st > length(s) THEN '' ELSE substring(s, st, n) END`,
  ],
  ['lf_codepoint', '(s) AS unicode(s)'],
  ['lf_levenshtein_distance', '(a, b) AS levenshtein(a, b)'],
  ['lf_to_utf8', '(s) AS encode(s)'],
  ['lf_from_utf8', '(b) AS decode(b)'],
  // --- binary and hashing: Trino hashes return varbinary, DuckDB's return hex text --------
  ['lf_to_hex', '(b) AS hex(b)'],
  ['lf_from_hex', '(s) AS unhex(s)'],
  ['lf_md5', '(b) AS unhex(md5(b))'],
  ['lf_sha1', '(b) AS unhex(sha1(b))'],
  ['lf_sha256', '(b) AS unhex(sha256(b))'],
  ['lf_to_base64', '(b) AS to_base64(b)'],
  ['lf_from_base64', '(s) AS from_base64(s)'],
  // --- regular expressions ---------------------------------------------------------------
  // Trino: NULL when there is no match (DuckDB returns '').
  [
    'lf_regexp_extract',
    `(s, p) AS CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p) END,
     (s, p, g) AS CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p, g) END`,
  ],
  ['lf_regexp_extract_all', '(s, p) AS regexp_extract_all(s, p), (s, p, g) AS regexp_extract_all(s, p, g)'],
  // Trino replacements use Java's $n for groups; RE2 uses \n. Trino replaces every match.
  [
    'lf_regexp_replace',
    `(s, p) AS regexp_replace(s, p, '', 'g'),
     (s, p, r) AS regexp_replace(s, p, regexp_replace(r, '\\$(\\d)', '\\\\\\1', 'g'), 'g')`,
  ],
  ['lf_regexp_like', '(s, p) AS regexp_matches(s, p)'],
  ['lf_regexp_split', '(s, p) AS string_split_regex(s, p)'],
  ['lf_regexp_count', '(s, p) AS len(regexp_extract_all(s, p))'],
  // --- JSON ----------------------------------------------------------------------------
  // Trino: NULL for objects and arrays, only scalars are returned.
  [
    'lf_json_extract_scalar',
    `(j, p) AS CASE WHEN json_type(j, p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(j, p) END`,
  ],
  ['lf_json_extract', '(j, p) AS json_extract(j, p)'],
  ['lf_json_parse', '(s) AS json(s)'],
  ['lf_json_format', '(j) AS CAST(json(j) AS VARCHAR)'],
  ['lf_json_array_length', '(j) AS json_array_length(j)'],
  [
    'lf_json_size',
    `(j, p) AS CASE json_type(j, p) WHEN 'ARRAY' THEN json_array_length(j, p)
      WHEN 'OBJECT' THEN len(json_keys(j, p)) WHEN NULL THEN NULL ELSE 0 END`,
  ],
  // --- arrays and maps ------------------------------------------------------------------
  // DuckDB binds every CASE branch, so one macro cannot serve arrays and maps: maps fail to bind
  // (an error, never a wrong value); the translator uses DuckDB's map cardinality for map literals.
  ['lf_cardinality', '(x) AS len(x)'],
  // Trino keeps the first occurrence of each value, in order, and one NULL.
  ['lf_array_distinct', '(a) AS list_filter(a, (x, i) -> list_position(a, x) = i)'],
  ['lf_array_position', '(a, x) AS coalesce(list_position(a, x), 0)'],
  // Trino: NULL when any element is NULL.
  ['lf_array_max', '(a) AS CASE WHEN list_count(a) < len(a) THEN NULL ELSE list_max(a) END'],
  ['lf_array_min', '(a) AS CASE WHEN list_count(a) < len(a) THEN NULL ELSE list_min(a) END'],
  ['lf_greatest', '(l) AS CASE WHEN list_count(l) < len(l) THEN NULL ELSE list_max(l) END'],
  ['lf_least', '(l) AS CASE WHEN list_count(l) < len(l) THEN NULL ELSE list_min(l) END'],
  ['lf_array_join', '(a, d) AS array_to_string(a, d), (a, d, r) AS array_to_string(list_transform(a, x -> coalesce(CAST(x AS VARCHAR), r)), d)'],
  ['lf_array_sort', '(a) AS list_sort(a)'],
  ['lf_array_remove', '(a, v) AS list_filter(a, x -> x <> v)'],
  ['lf_array_except', '(a, b) AS list_filter(lf_array_distinct(a), x -> NOT list_contains(b, x))'],
  ['lf_array_intersect', '(a, b) AS list_filter(lf_array_distinct(a), x -> list_contains(b, x))'],
  ['lf_array_union', '(a, b) AS lf_array_distinct(list_concat(a, b))'],
  ['lf_arrays_overlap', '(a, b) AS list_has_any(a, b)'],
  ['lf_contains', '(a, x) AS list_contains(a, x)'],
  // Trino: slice(array, start, length), start may count from the end.
  [
    'lf_slice',
    `(a, s, n) AS CASE WHEN s > 0 THEN list_slice(a, s, s + n - 1)
      WHEN s < 0 THEN list_slice(a, len(a) + s + 1, len(a) + s + n) END`,
  ],
  ['lf_flatten', '(a) AS flatten(a)'],
  ['lf_zip', '(a, b) AS list_zip(a, b), (a, b, c) AS list_zip(a, b, c)'],
  ['lf_repeat', '(x, n) AS list_transform(range(n), i -> x)'],
  ['lf_sequence', '(a, b) AS generate_series(a, b), (a, b, s) AS generate_series(a, b, s)'],
  // generate_series over dates needs an interval and yields timestamps; Trino yields dates and
  // steps one day by default. Used when the start is a date by its syntax.
  [
    'lf_sequence_date',
    `(a, b) AS list_transform(generate_series(CAST(a AS TIMESTAMP), CAST(b AS TIMESTAMP), INTERVAL 1 DAY), d -> CAST(d AS DATE)),
     (a, b, s) AS list_transform(generate_series(CAST(a AS TIMESTAMP), CAST(b AS TIMESTAMP), s), d -> CAST(d AS DATE))`,
  ],
  ['lf_map', '() AS MAP {}, (k, v) AS map(k, v)'],
  ['lf_map_keys', '(m) AS map_keys(m)'],
  ['lf_map_values', '(m) AS map_values(m)'],
  ['lf_map_from_entries', '(a) AS map_from_entries(a)'],
  // --- numbers --------------------------------------------------------------------------
  [
    'lf_rand',
    `() AS random(),
     (n) AS CAST(floor(random() * n) AS BIGINT),
     (m, n) AS CAST(m + floor(random() * (n - m)) AS BIGINT)`,
  ],
  ['lf_bitwise_and', '(a, b) AS a & b'],
  ['lf_bitwise_or', '(a, b) AS a | b'],
  ['lf_bitwise_xor', '(a, b) AS xor(a, b)'],
  ['lf_bitwise_not', '(a) AS ~a'],
  ['lf_truncate', '(x) AS trunc(x)'],
  ['lf_nan', "() AS CAST('NaN' AS DOUBLE)"],
  ['lf_infinity', "() AS CAST('Infinity' AS DOUBLE)"],
  ['lf_is_nan', '(x) AS isnan(x)'],
  ['lf_is_finite', '(x) AS isfinite(x)'],
  ['lf_is_infinite', '(x) AS isinf(x)'],
  ['lf_approx_percentile', '(x, p) AS quantile_disc(x, p)'],
  // --- types ----------------------------------------------------------------------------
  // Trino casts DOUBLE/REAL to varchar in scientific notation with the shortest digits that
  // round-trip: 123.45 → '1.2345E2', 0.001 → '1.0E-3'. These work on DuckDB's own shortest text
  // ('123.45', '1e-07', '1.2345e+20') of the absolute value.
  [
    'lf_sci_digits',
    `(a) AS rtrim(CASE WHEN contains(a, 'e') THEN replace(split_part(a, 'e', 1), '.', '')
      WHEN split_part(a, '.', 1) <> '0' THEN split_part(a, '.', 1) || split_part(a, '.', 2)
      ELSE ltrim(split_part(a, '.', 2), '0') END, '0')`,
  ],
  [
    'lf_sci_exponent',
    `(a) AS CASE WHEN contains(a, 'e') THEN CAST(split_part(a, 'e', 2) AS INTEGER)
      WHEN split_part(a, '.', 1) <> '0' THEN length(split_part(a, '.', 1)) - 1
      ELSE -(length(split_part(a, '.', 2)) - length(ltrim(split_part(a, '.', 2), '0')) + 1) END`,
  ],
  ['lf_sci_mantissa', `(d) AS left(d, 1) || '.' || CASE WHEN length(d) > 1 THEN substr(d, 2) ELSE '0' END`],
  [
    'lf_sci',
    `(s) AS CASE WHEN lower(s) = 'nan' THEN 'NaN'
      WHEN lower(ltrim(s, '-')) IN ('inf', 'infinity') THEN CASE WHEN starts_with(s, '-') THEN '-Infinity' ELSE 'Infinity' END
      WHEN CAST(s AS DOUBLE) = 0 THEN CASE WHEN starts_with(s, '-') THEN '-0.0E0' ELSE '0.0E0' END
      ELSE CASE WHEN starts_with(s, '-') THEN '-' ELSE '' END
        || lf_sci_mantissa(lf_sci_digits(ltrim(s, '-'))) || 'E' || CAST(lf_sci_exponent(ltrim(s, '-')) AS VARCHAR) END`,
  ],
  [
    'lf_cast_varchar',
    `(x) AS CASE WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN lf_sci(CAST(x AS VARCHAR)) ELSE CAST(x AS VARCHAR) END`,
  ],
  [
    'lf_typeof',
    `(x) AS CASE typeof(x)
      WHEN 'VARCHAR' THEN 'varchar' WHEN 'FLOAT' THEN 'real' WHEN 'BLOB' THEN 'varbinary'
      WHEN 'TIMESTAMP' THEN 'timestamp(6)' WHEN 'TIMESTAMP WITH TIME ZONE' THEN 'timestamp(6) with time zone'
      ELSE lower(typeof(x)) END`,
  ],
];

/** SQL that installs Lakeform's DuckDB settings and macros for Trino functions; run once per connection. */
export const TRINO_COMPAT_MACROS: string = [
  ...SETTINGS,
  ...MACROS.map(([name, body]) => `CREATE OR REPLACE TEMP MACRO ${name}${body}`),
]
  .map((s) => `${s};`)
  .join('\n');

/** Names of every macro in {@link TRINO_COMPAT_MACROS}. */
export const TRINO_COMPAT_MACRO_NAMES: readonly string[] = MACROS.map(([name]) => name);

/** The part of a connection the compat layer needs (a `DuckDBConnection` fits). */
export interface SqlRunner {
  run(sql: string): Promise<unknown>;
}

/** Install {@link TRINO_COMPAT_MACROS} on a DuckDB connection. */
export async function installTrinoCompat(conn: SqlRunner): Promise<void> {
  await conn.run(TRINO_COMPAT_MACROS);
}
