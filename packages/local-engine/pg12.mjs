import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
const c = await inst.connect();
async function q(s){ try { const r = await c.runAndReadAll(s); console.log(s, '=>', JSON.stringify(r.getRowObjectsJson())); } catch(e){ console.log(s, 'ERR', e.message.split('\n')[0]); } }
await q(`select typeof(list_zip([1,2],['a','b'])) t, typeof(row(1,'a')) r, typeof(map_from_entries([row('a', 1)])) m`);
await q(`select regexp_replace('abc123', '(\\d+)', regexp_replace('<$1>', '\\$(\\d)', '\\\\\\1', 'g'), 'g') a`);
await q(`select * from unnest([1,2]) with ordinality as t(x, i)`);
await q(`select * from (select unnest([1,2]) as a, unnest(['x']) as b) t`);
await q(`select v.id, t.* from (values (1, [1,2]), (2, [3])) v(id, arr) cross join (select unnest(v.arr) as a, unnest(['x']) as b) t`);
