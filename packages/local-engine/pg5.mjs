import { tokenize, Dialect, transpile } from '@polyglot-sql/sdk';
const s = `with a (x) as (select cast(x as row(a decimal(10,2))) from "awsdatacatalog"."stg"."x" -- hi
) select /* c */ "f"(1), x in (1), exists (select 1), count(*) filter (where x), 'it''s' from a as t(x) where x <> 1`;
const t = tokenize(s, Dialect.Trino);
console.log(JSON.stringify(t.tokens.slice(0,3)));
console.log(t.tokens.map(x=>`${x.token_type ?? x.tokenType}:${x.text}`).join(' '));
console.log(transpile(s, Dialect.Trino, Dialect.DuckDB).sql);
