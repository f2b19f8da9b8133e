import { LakeformError, type ManifestSource } from '@lakeform/sql-compiler';
import { athenaTypeToDuckdb } from './athena-types.js';
import type { DuckSession } from './duck-session.js';
import { qualified, quoteIdent, quoteLiteral } from './quote.js';
import { locateSourceFiles, type SourceFiles } from './source-files.js';

/** OpenCSVSerde reads an empty field as '' — DuckDB must not turn it into NULL. */
const NO_NULL_STRING = '<lakeform: no null string>';

const list = (files: string[]) => `[${files.map(quoteLiteral).join(', ')}]`;

/** Partition folder values are strings, as an external table's `string` partition keys are. */
const hive = (f: SourceFiles) => (f.hivePartitioned ? ', hive_partitioning = true, hive_types_autocast = false' : '');

function readerSql(src: ManifestSource, f: SourceFiles): string {
  if (f.format === 'csv') {
    const delim = typeof src.meta['delimiter'] === 'string' ? (src.meta['delimiter'] as string) : ',';
    return `read_csv(${list(f.patterns)}, header = true, all_varchar = true, delim = ${quoteLiteral(delim)}, quote = '"', escape = '"', nullstr = ${quoteLiteral(NO_NULL_STRING)}, filename = false${hive(f)})`;
  }
  if (f.format === 'json') {
    const declared = Object.values(src.columns).filter((c) => typeof c.data_type === 'string' && c.data_type);
    // Athena's JSON SerDe reads the declared columns and NULLs what does not fit; undeclared, DuckDB infers.
    const cols = declared.length
      ? `, columns = {${declared.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(athenaTypeToDuckdb(c.data_type as string, `source ${src.source_name}.${src.name}, column ${c.name}`))}`).join(', ')}}`
      : '';
    return `read_json(${list(f.patterns)}, format = 'newline_delimited', ignore_errors = true${cols}${hive(f)})`;
  }
  return `read_parquet(${list(f.patterns)}, union_by_name = true${hive(f)})`;
}

/**
 * Makes a source table readable under its own relation name, as Athena's external table over the
 * same files: a view with lower-cased column names (Glue stores them so) over the files. For CSV,
 * declared columns name the file's columns by position, as OpenCSVSerde does.
 */
export async function createSourceView(db: DuckSession, src: ManifestSource, projectDir: string, sourcesRoot: string | undefined): Promise<void> {
  const files = locateSourceFiles(src, projectDir, sourcesRoot);
  const reader = readerSql(src, files);
  let described;
  try {
    described = await db.query(`DESCRIBE SELECT * FROM ${reader}`);
  } catch (e) {
    throw new LakeformError({
      code: 'E_SOURCE_READ',
      message: `cannot read source '${src.source_name}.${src.name}' from ${files.location}: ${(e as Error).message.split('\n')[0]}`,
      hint: `check the ${files.format.toUpperCase()} files there`,
      location: { file: src.original_file_path },
      cause: e,
    });
  }
  const fileCols = described.rows.map((r) => String(r[0]));
  // Partition keys come from the folder names, not the files: they keep their names, and the
  // declared columns name the file's own columns by position (as OpenCSVSerde does).
  const keys = new Set(files.hivePartitioned ? files.files.flatMap((f) => f.slice(files.location.length).split(/[\\/]/).slice(0, -1).map((seg) => /^([^=]+)=/.exec(seg)?.[1]).filter((k): k is string => !!k)) : []);
  const isKey = (c: string) => keys.has(c);
  const dataCols = fileCols.filter((c) => !isKey(c));
  const declared = Object.values(src.columns).map((c) => c.name).filter((c) => !keys.has(c) && !keys.has(c.toLowerCase()));
  const positional = files.format === 'csv' && declared.length === dataCols.length;
  let next = 0;
  const select = fileCols.map((c) => `${quoteIdent(c)} AS ${quoteIdent((isKey(c) || !positional ? c : declared[next++]!).toLowerCase())}`).join(', ');
  await db.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(src.schema)}`);
  await db.run(`CREATE OR REPLACE VIEW ${qualified(src.schema, src.identifier)} AS SELECT ${select} FROM ${reader}`);
}
