import { transpile, Dialect } from '@polyglot-sql/sdk';
for (const s of [`select '😀 ' || "x y" as "a""b", (split("x y", ','))[2] as second from (values ('p,q')) as t("x y")`, `select "x y" from t`, `select t."x y", "Foo" from t`])
{ const r = transpile(s, Dialect.Trino, Dialect.DuckDB); console.log(r.success ? r.sql.join(' ;; ') : 'ERR ' + r.error); }
