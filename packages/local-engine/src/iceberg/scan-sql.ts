import { type DataFile, type NestedField, pathFromUri } from '@lakeform/iceberg';
import { icebergToDuckdb } from './duckdb-types.js';
import { readSchemaOption } from './field-ids-sql.js';
import { quoteIdent, stringList } from './sql-text.js';

/**
 * A DuckDB FROM-clause item reading exactly these data files with these columns. Columns map by
 * Iceberg field id, so renamed or added columns read correctly from older files.
 */
export function readFilesSql(files: DataFile[], fields: NestedField[], extra: { filename?: boolean } = {}): string {
  const columns = fields.map((f) => quoteIdent(f.name));
  if (files.length === 0) {
    const nulls = fields.map((f) => `CAST(NULL AS ${icebergToDuckdb(f.type)}) AS ${quoteIdent(f.name)}`);
    if (extra.filename) nulls.push('CAST(NULL AS VARCHAR) AS filename');
    return `(SELECT ${nulls.join(', ')} WHERE false)`;
  }
  const paths = files.map((f) => pathFromUri(f.filePath));
  const select = extra.filename ? [...columns, 'filename'] : columns;
  return `(SELECT ${select.join(', ')} FROM read_parquet(${stringList(paths)}, schema = ${readSchemaOption(fields)}${extra.filename ? ', filename = true' : ''}))`;
}
