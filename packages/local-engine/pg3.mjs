import { parse, generate, transpile, tokenize, Dialect } from '@polyglot-sql/sdk';
const fns = `date_format(a,'x') day_of_week(a) date_diff('day',a,b) date_add('month',1,a) element_at(a,1) cardinality(a) transform(a, x->x) filter(a,x->x) reduce(a,0,(s,x)->s,s->s) regexp_extract(a,'x',1) regexp_replace(a,'x','y') json_extract_scalar(a,'$') try_cast(a as int) try(a) if(a,1,2) approx_percentile(a,0.5) md5(a) to_hex(a) sha256(a) to_utf8(a) from_utf8(a) format_datetime(a,'y') from_unixtime(a) to_unixtime(a) with_timezone(a,'UTC') strpos(a,'b') substr(a,1) split(a,',') levenshtein_distance(a,b) bitwise_and(a,b) typeof(a) count_if(a) arbitrary(a) max_by(a,b) histogram(a) array_sort(a) zip(a,b) uuid() rand() count(*) sum(a) coalesce(a,b) concat(a,b) length(a) lpad(a,3,'x') split_part(a,',',1) sequence(1,3) map(a,b) map_keys(a) flatten(a) array_join(a,',') array_agg(a) contains(a,1) slice(a,1,2) json_parse(a) json_format(a) json_extract(a,'$') date_trunc('day',a) date_parse(a,'%Y') from_iso8601_timestamp(a) year(a) day_of_year(a) week(a) extract(year from a) chr(65) codepoint('a') starts_with(a,'b') greatest(a,b) nullif(a,b) round(a,2) stddev(a) corr(a,b) array_position(a,1) array_max(a) regexp_like(a,'x') regexp_split(a,',') bool_and(a) last_value(a) over () nth_value(a,2) over () approx_distinct(a) current_timestamp current_date now() map_from_entries(a) array_distinct(a) reverse(a) trim(a) chr(1) row(1,2) array[1,2] lag(a) over (order by b) to_base64(a) sha1(a) xxhash64(a) random() mod(a,b) truncate(a) date(a) parse_datetime(a,'y') last_day_of_month(a) human_readable_seconds(a) url_extract_host(a) array_union(a,b) cosine_similarity(a,b)`;
const parts = fns.match(/[a-z_0-9]+(\([^)]*\)|\[[^\]]*\])?( over \([^)]*\))?/g);
for (const p of parts) {
  const r = parse('select ' + p, Dialect.Trino);
  if (!r.success) { console.log(p, 'PARSE ERR', r.error); continue; }
  const e = r.ast[0].select.expressions[0];
  const k = Object.keys(e)[0];
  const gen = generate(r.ast, Dialect.DuckDB);
  const tr = transpile('select ' + p, Dialect.Trino, Dialect.DuckDB);
  console.log(p.padEnd(40), k.padEnd(20), (k==='function'? e.function.name : ''), '|', gen.sql?.[0], gen.sql?.[0] === tr.sql?.[0] ? '' : ' !!TR: ' + tr.sql?.[0]);
}
