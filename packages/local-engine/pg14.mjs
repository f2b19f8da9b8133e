import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
const c = await inst.connect();
async function q(s){ try { const r = await c.runAndReadAll(s); console.log(s, '=>', JSON.stringify(r.getRowObjectsJson())); } catch(e){ console.log(s, 'ERR', e.message.split('\n')[0]); } }
await q(`select list_transform([123.45e0, 1e20, 1.5e-7, 0.001e0, 100.0e0, 1e7, 12345678.9e0, 1e16, 1.7976931348623157e308, 5e-324, 0.1e0, 1e15, 123456789012345680e0], x -> CAST(x AS VARCHAR)) a`);
await q(`select CAST(CAST(1.5 AS FLOAT) AS VARCHAR) a, CAST(CAST(0.1 AS FLOAT) AS VARCHAR) b`);
await q(`create macro m(x) as CASE WHEN typeof(x) = 'DOUBLE' THEN 'd' || CAST(CAST(CAST(x AS VARCHAR) AS DOUBLE) AS VARCHAR) ELSE CAST(x AS VARCHAR) END`);
await q(`select m(1.5e0) a, m(date '2024-01-01') b, m([1,2]) c, m('x') d`);
