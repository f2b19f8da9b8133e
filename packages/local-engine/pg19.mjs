import { transpile, tokenize, parse, Dialect } from '@polyglot-sql/sdk';
import fs from 'node:fs';
const sql = fs.readFileSync('/work/main/models/grocery/target/compiled/modern_data_warehouse/models/cur/mdw_cur_ft_sales.sql', 'utf8');
for (const [name, f] of [['tokenize', (s) => tokenize(s, Dialect.Trino)], ['transpile', (s) => transpile(s, Dialect.Trino, Dialect.DuckDB)], ['parse', (s) => parse(s, Dialect.Trino)]]) {
  f(sql); const t0 = performance.now(); for (let i = 0; i < 50; i++) f(sql + ' -- ' + i); console.log(name, (performance.now() - t0) / 50);
}
