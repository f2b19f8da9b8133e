import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
const c = await inst.connect();
async function q(s){ try { const r = await c.runAndReadAll(s); console.log(s, '=>', JSON.stringify(r.getRowObjectsJS(), (k,v)=> typeof v==='bigint'? v.toString()+'n': v)); } catch(e){ console.log(s, 'ERR', e.message.split('\n')[0]); } }
await q(`select version()`);
await q(`select list_transform([1,2], x -> x + 1) a`);
await q(`select transform([1,2], x -> x + 1) a`);
await q(`select current_setting('lambda_syntax') a`);
await q(`select * from duckdb_extensions() where loaded`);
await q(`select cast(1.5 as decimal(10,2))*cast(2.25 as decimal(10,2)) a, typeof(cast(1.5 as decimal(10,2))*cast(2.25 as decimal(10,2))) t`);
await q(`select 7/2 a, -7//2 b, -7%3 c, typeof(7//2) d`);
await q(`select timestamp '2024-01-01 10:00:00' a, date '2024-01-01' d, current_timestamp ct, typeof(current_timestamp) t, current_setting('TimeZone') tz`);
await q(`select map([1,2],['a','b']) m, [1,2,3] l, {'a':1} s, 1.5::decimal(10,2) dec, 1.5::double dbl, 'x'::blob b, uuid() u`);
