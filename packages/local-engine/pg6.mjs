import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
const c = await inst.connect();
async function q(s){ try { const r = await c.runAndReadAll(s); console.log(s, '=>', JSON.stringify(r.getRowObjectsJson())); } catch(e){ console.log(s, 'ERR', e.message.split('\n')[0]); } }
await q(`select function_name, parameter_types, return_type from duckdb_functions() where return_type='DATE' and function_type='scalar'`);
await q(`select typeof(date_trunc('day', date '2024-01-02')) a`);
await q(`create macro m(a) as a + 1, (a,b) as a + b`);
await q(`select m(1) x, m(1,2) y`);
await q(`create macro mt(l, f) as list_transform(l, f)`);
await q(`select mt([1,2], x -> x + 1) x`);
await q(`select date_sub('month', date '2024-01-31', date '2024-02-29') a, date_sub('day', timestamp '2024-01-01 23:00', timestamp '2024-01-02 01:00') b`);
await q(`set integer_division=true`);
await q(`select 7/2 a, -7/2 b, 7.0/2 c, 7/2.0 d, typeof(7/2) e, -7 % 3 f, cast(1 as decimal(10,2))/cast(3 as decimal(10,2)) g, 1e0/0 h`);
