import { tokenize, Dialect, transpile } from '@polyglot-sql/sdk';
const s = `select '😀é' as "a😀", foo(1) -- x😀
, bar(2)`;
const t = tokenize(s, Dialect.Trino);
for (const x of t.tokens) console.log(x.token_type, JSON.stringify(x.text), x.span.start, x.span.end, JSON.stringify(s.slice(x.span.start, x.span.end)), x.comments, x.trailing_comments);
console.log(transpile(`select 1; select 2;`, Dialect.Trino, Dialect.DuckDB));
console.log(transpile(`select x from t -- trailing`, Dialect.Trino, Dialect.DuckDB));
