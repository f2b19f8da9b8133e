import { DuckDBInstance } from '@duckdb/node-api';
import { transpile, Dialect } from '@polyglot-sql/sdk';
const inst = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
const c = await inst.connect();
async function q(s){ try { const r = await c.runAndReadAll(s); console.log(s, '=>', JSON.stringify(r.getRowObjectsJson())); } catch(e){ console.log(s, 'ERR', e.message.split('\n')[0]); } }
await q(`select * from unnest([{'a':1,'b':2}]) as t(x, y)`);
await q(`select * from unnest(map(['k'],[1])) as t(x, y)`);
await q(`select cast(list_zip([1,2],['a','b']) as struct(n integer, s varchar)[]) z`);
for (const s of [`SELECT a FROM t CROSS JOIN UNNEST(x, y) AS u(a, b)`, `select * from unnest(array[1]) t(x)`, `select * from t, unnest(t.arr) as u(x)`, `select x from t cross join unnest(arr) with ordinality u(x, n)`])
  console.log(transpile(s, Dialect.Trino, Dialect.DuckDB).sql[0]);
