import type { IcebergType, NestedField } from '@lakeform/iceberg';
import { icebergToDuckdb } from './duckdb-types.js';
import { quoteString } from './sql-text.js';

function idsOf(id: number, type: IcebergType): string {
  if (typeof type === 'string') return String(id);
  if (type.type === 'list') return `{__duckdb_field_id: ${id}, element: ${idsOf(type['element-id'], type.element)}}`;
  if (type.type === 'map') return `{__duckdb_field_id: ${id}, key: ${idsOf(type['key-id'], type.key)}, value: ${idsOf(type['value-id'], type.value)}}`;
  return `{__duckdb_field_id: ${id}, ${type.fields.map((f) => `${quoteString(f.name)}: ${idsOf(f.id, f.type)}`).join(', ')}}`;
}

/** The FIELD_IDS option of COPY … (FORMAT parquet): every column and nested field gets its Iceberg id. */
export function fieldIdsOption(fields: NestedField[]): string {
  return `{${fields.map((f) => `${quoteString(f.name)}: ${idsOf(f.id, f.type)}`).join(', ')}}`;
}

/**
 * The `schema` parameter of read_parquet: columns are matched by field id, so files written before
 * a rename or an added column read correctly (missing ids read as NULL).
 */
export function readSchemaOption(fields: NestedField[]): string {
  return `MAP {${fields.map((f) => `${f.id}: {name: ${quoteString(f.name)}, type: ${quoteString(icebergToDuckdb(f.type))}, default_value: NULL}`).join(', ')}}`;
}
