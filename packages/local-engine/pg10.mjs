import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
const c = await inst.connect();
async function q(s){ try { const r = await c.runAndReadAll(s); console.log(s, '=>', JSON.stringify(r.getRowObjectsJson())); } catch(e){ console.log(s, 'ERR', e.message.split('\n')[0]); } }
await q(`select element_at([10,20,30], 2) a, element_at([10,20], 5) b, element_at([10,20,30], -1) c, element_at(map(['a','b'],[1,2]), 'b') d, (map(['a','b'],[1,2]))['z'] e, ([10,20])[5] f, (map(['a','b'],[1,2]))['b'] g`);
await q(`select len(map(['a'],[1])) a, cardinality(map(['a'],[1])) b, len([1,2]) c`);
await q(`select hex(encode('abc')) a, md5(encode('abc')) b, sha256(encode('abc')) c, unhex(md5('abc')) d, sha1('a') e`);
await q(`select list_position([1,NULL,NULL], NULL) a, list_filter([1,2,2,NULL,1,NULL], (x, i) -> list_position([1,2,2,NULL,1,NULL], x) = i) b`);
await q(`select list_reduce([1,2,3], (s, x) -> s + x, 0) a, arg_max_null(x, y) b, arg_max(x, y) c from (values (null, 10), ('a', 5)) t(x, y)`);
await q(`select strftime(date '2024-03-05', '%A %B %-d %-m %y') a, try(cast('x' as integer)) b, 1 & 3 c, xor(1, 3) d, unicode('A') e, levenshtein('kitten','sitting') f, to_base64(encode('abc')) g`);
await q(`select typeof([1]) a, typeof(map(['a'],[1])) b, typeof({'a': 1}) c, typeof('x'::json) d, typeof(1::hugeint) e`);
await q(`select json_extract_string('{"a":{"b":1}}', '$.a') a, json_extract_string('{"a":null}', '$.a') b, json_type('{"a":null}', '$.a') c, json('{"a": 1, "b": [1, 2]}') d, json_type('{"a":1}', '$.z') e`);
await q(`select split_part('a,b', ',', 5) a, string_split('a,b,,c', ',') b, substring('hello', 0) c, substring('hello', -3, 2) d, substring('abc', -5) e`);
