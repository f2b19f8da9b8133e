import {
  concatToOperator,
  dateAdd,
  elementAtToSubscript,
  jodaFormat,
  matchToListAggregate,
  mysqlFormat,
  reduceToListReduce,
  sequenceRewrite,
  substringRewrite,
  castToCharacter,
  unnestRewrite,
  renameTo,
  variadicAsArray,
  type CallRewrite,
} from './call-rewrites.js';

/**
 * How each Trino function reaches DuckDB:
 * - `native`: polyglot's Trino→DuckDB translation (or DuckDB's function of the same name) has
 *   Trino's semantics; the conformance suite pins the ones models use most.
 * - `rewrite`: a token-level rewrite before polyglot sees the SQL (often a rename to an `lf_*`
 *   macro from compat-macros.ts).
 * - `unsupported`: known to differ; translating it raises E_UNSUPPORTED_SQL.
 * A function that is not listed at all is unsupported too: an unknown result is never guessed.
 */
export type FunctionRule =
  | { readonly kind: 'native'; readonly arity?: readonly number[] }
  | { readonly kind: 'rewrite'; readonly rewrite: CallRewrite; readonly arity?: readonly number[] }
  | { readonly kind: 'unsupported'; readonly why: string };

const native = (arity?: readonly number[]): FunctionRule => (arity ? { kind: 'native', arity } : { kind: 'native' });
const rewrite = (fn: CallRewrite, arity?: readonly number[]): FunctionRule =>
  arity ? { kind: 'rewrite', rewrite: fn, arity } : { kind: 'rewrite', rewrite: fn };
const macro = (arity?: readonly number[], name?: string): FunctionRule => ({
  kind: 'rewrite',
  rewrite: (ctx) => renameTo(`lf_${name ?? ctx.call.name}`)(ctx),
  ...(arity ? { arity } : {}),
});
const unsupported = (why: string): FunctionRule => ({ kind: 'unsupported', why });

const NATIVE = [
  // math
  'abs', 'acos', 'asin', 'atan', 'atan2', 'cbrt', 'ceil', 'ceiling', 'cos', 'cosh', 'degrees', 'exp', 'floor',
  'ln', 'log2', 'log10', 'mod', 'pi', 'power', 'pow', 'radians', 'round', 'sign', 'sin', 'sqrt', 'tan', 'tanh',
  // strings
  'length', 'lower', 'upper', 'lpad', 'rpad', 'ltrim', 'rtrim', 'trim', 'replace', 'reverse', 'position',
  'starts_with', 'chr', 'concat_ws', 'translate',
  // conditional and casts
  'coalesce', 'nullif', 'if', 'try', 'uuid', 'row', 'grouping',
  // date and time
  'extract', 'year', 'quarter', 'month', 'week', 'day', 'day_of_month', 'day_of_week',
  'day_of_year', 'hour', 'minute', 'second', 'now', 'current_date', 'current_timestamp',
  'localtimestamp',
  // aggregates
  'count', 'sum', 'avg', 'min', 'max', 'count_if', 'bool_and', 'bool_or', 'every', 'arbitrary', 'any_value',
  'max_by', 'min_by', 'stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop', 'corr',
  'covar_samp', 'covar_pop', 'histogram', 'array_agg', 'approx_distinct', 'regr_slope', 'regr_intercept',
  // window functions
  'row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead', 'first_value',
  'last_value', 'nth_value',
] as const;

/** Same-named lf_* macros (see compat-macros.ts for why each differs from DuckDB). */
const MACROS: Readonly<Record<string, readonly number[] | undefined>> = {
  date_diff: [3], from_unixtime: [1, 2], to_unixtime: [1], from_iso8601_timestamp: [1], from_iso8601_date: [1],
  to_iso8601: [1], date: [1], millisecond: [1], last_day_of_month: [1], year_of_week: [1], with_timezone: [2], current_timezone: [0],
  split_part: [3], split: [2], substr: [2, 3], codepoint: [1], levenshtein_distance: [2], to_utf8: [1], from_utf8: [1],
  to_hex: [1], from_hex: [1], md5: [1], sha1: [1], sha256: [1], to_base64: [1], from_base64: [1],
  regexp_extract: [2, 3], regexp_replace: [2, 3], regexp_extract_all: [2, 3], regexp_like: [2], regexp_split: [2], regexp_count: [2],
  json_extract_scalar: [2], json_extract: [2], json_parse: [1], json_format: [1], json_array_length: [1], json_size: [2],
  cardinality: [1], array_distinct: [1], array_position: [2], array_max: [1], array_min: [1], array_join: [2, 3],
  array_sort: [1], array_remove: [2], array_except: [2], array_intersect: [2], array_union: [2], arrays_overlap: [2],
  contains: [2], slice: [3], flatten: [1], zip: [2, 3], repeat: [2], map: [0, 2], map_keys: [1],
  map_values: [1], map_from_entries: [1], rand: [0, 1, 2], bitwise_and: [2], bitwise_or: [2], bitwise_xor: [2],
  bitwise_not: [1], truncate: [1], nan: [0], infinity: [0], is_nan: [1], is_finite: [1], is_infinite: [1], approx_percentile: [2], typeof: [1],
};

const RULES = new Map<string, FunctionRule>([
  ...NATIVE.map((n) => [n, native()] as const),
  ...Object.entries(MACROS).map(([n, arity]) => [n, macro(arity)] as const),
  ['strpos', native([2])],
  ['dow', rewrite(renameTo('day_of_week'), [1])],
  ['doy', rewrite(renameTo('day_of_year'), [1])],
  ['week_of_year', rewrite(renameTo('week'), [1])],
  ['substring', rewrite(substringRewrite)],
  ['random', macro([0, 1, 2], 'rand')],
  ['date_trunc', macro([2])],
  ['date_add', rewrite(dateAdd, [3])],
  ['date_format', rewrite(mysqlFormat('lf_strftime', 'print'), [2])],
  ['date_parse', rewrite(mysqlFormat('lf_strptime', 'parse'), [2])],
  ['format_datetime', rewrite(jodaFormat('lf_strftime'), [2])],
  ['parse_datetime', rewrite(jodaFormat('lf_parse_datetime'), [2])],
  ['unnest', rewrite(unnestRewrite)],
  ['sequence', rewrite(sequenceRewrite, [2, 3])],
  ['cast', rewrite(castToCharacter)],
  ['try_cast', rewrite(castToCharacter)],
  ['element_at', rewrite(elementAtToSubscript, [2])],
  ['concat', rewrite(concatToOperator)],
  ['greatest', rewrite(variadicAsArray('lf_greatest'))],
  ['least', rewrite(variadicAsArray('lf_least'))],
  ['transform', rewrite(renameTo('list_transform'), [2])],
  ['filter', rewrite(renameTo('list_filter'), [2])],
  ['reduce', rewrite(reduceToListReduce, [4])],
  ['any_match', rewrite(matchToListAggregate('list_bool_or', false), [2])],
  ['all_match', rewrite(matchToListAggregate('list_bool_and', false), [2])],
  ['none_match', rewrite(matchToListAggregate('list_bool_or', true), [2])],
  // Known to differ, with the reason users see.
  ['format', unsupported("Java's Formatter syntax has no exact DuckDB equivalent; build the string with concat/lpad/round")],
  ['url_extract_host', unsupported('DuckDB has no URL functions built in; use regexp_extract')],
  ['url_extract_path', unsupported('DuckDB has no URL functions built in; use regexp_extract')],
  ['url_extract_parameter', unsupported('DuckDB has no URL functions built in; use regexp_extract')],
  ['crc32', unsupported('DuckDB has no CRC-32 function')],
  ['xxhash64', unsupported('DuckDB has no xxHash64 function')],
  ['murmur3', unsupported('DuckDB has no Murmur3 function')],
  ['normalize', unsupported('DuckDB has no Unicode normalization function')],
  ['soundex', unsupported('DuckDB has no soundex function')],
  ['transform_keys', unsupported('DuckDB cannot apply a lambda to map keys')],
  ['transform_values', unsupported('DuckDB cannot apply a lambda to map values')],
  ['map_filter', unsupported('DuckDB cannot filter a map with a lambda')],
  ['zip_with', unsupported('DuckDB has no two-list lambda')],
  ['json_array_contains', unsupported('the result depends on JSON value types DuckDB does not compare the same way')],
  ['json_array_get', unsupported('DuckDB has no json_array_get')],
  ['listagg', unsupported('DuckDB cannot express LISTAGG ... WITHIN GROUP with overflow behaviour; use array_join(array_agg(x ORDER BY …), sep)')],
]);

export function ruleFor(name: string): FunctionRule | undefined {
  return RULES.get(name);
}

/** Every Trino function name the translator accepts (native or rewritten). */
export function supportedFunctionNames(): string[] {
  return [...RULES].filter(([, r]) => r.kind !== 'unsupported').map(([n]) => n).sort();
}
