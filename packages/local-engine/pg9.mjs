import { tokenize, Dialect, transpile } from '@polyglot-sql/sdk';
const t = tokenize(`select array[1,2][1], x -> x, "a"`, Dialect.Trino);
console.log(t.tokens.map(x=>x.token_type+':'+x.text).join(' '));
for (const s of [`select lf_x(1, x -> x + 1), list_transform(a, x -> x), list_reduce(a, (s, x) -> s + x, 0), generate_series(1,3), unhex('a'), hex(b), encode('a'), strftime(ts, '%Y'), array_to_string(a, ','), list_slice(a,1,2), flatten(a), approx_quantile(x, 0.5), list_position(a, 1), list_max(a), (a || b || c), ARRAY[1,2], date_sub('day', a, b)`, `select json_extract_string(j, '$.a'), list_filter(a, (x, i) -> x > i), strptime(a, '%Y'), epoch(x), make_timestamp(1::bigint), to_timestamp(1), timezone('UTC', x), x::timestamptz`])
 console.log(transpile(s, Dialect.Trino, Dialect.DuckDB).sql[0]);
