import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
const c = await inst.connect();
async function q(s){ try { const r = await c.runAndReadAll(s); console.log(s, '=>', JSON.stringify(r.getRowObjectsJson())); } catch(e){ console.log(s, 'ERR', e.message.split('\n')[0]); } }
await q(`select current_setting('ieee_floating_point_ops') a, 1e0/0 b, 0e0/0 c, 1/0 d, 5 // 0 e`);
await q(`set integer_division=true`);
await q(`select 1e0/0 b, 0e0/0 c, 1/0 d, 1.5/0 e, 1 % 0 f`);
await q(`select CAST('2024-01-01 00:00:00 America/New_York' AS TIMESTAMP) a`);
await q(`select CAST('2024-01-01 00:00:00 America/New_York' AS TIMESTAMPTZ) a, CAST('2024-01-01 00:00:00 +02:00' AS TIMESTAMPTZ) b`);
await q(`select CAST('abcdefghijkl' AS VARCHAR(3)) a`);
