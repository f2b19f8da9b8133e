import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
const c = await inst.connect();
async function q(s){ try { const r = await c.runAndReadAll(s); console.log(s, '=>', JSON.stringify(r.getRowObjectsJson())); } catch(e){ console.log(s, 'ERR', e.message.split('\n')[0]); } }
await q(`select function_name, parameter_types, return_type from duckdb_functions() where (list_contains(parameter_types, 'DATE') or return_type = 'DATE') and function_type = 'scalar' and function_name not in ('make_date')`);
