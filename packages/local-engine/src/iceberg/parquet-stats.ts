import type { DuckDBConnection } from '@duckdb/node-api';
import { type IcebergType, type IcebergValue, type NestedField, coerceLiteral, compareValues, primitiveKind, serializeValue } from '@lakeform/iceberg';
import { stringList } from './sql-text.js';

export interface FileStats {
  recordCount: number;
  columnSizes: Map<number, number>;
  valueCounts: Map<number, number>;
  nullValueCounts: Map<number, number>;
  lowerBounds: Map<number, Uint8Array>;
  upperBounds: Map<number, Uint8Array>;
  splitOffsets: number[];
}

interface Leaf {
  id: number;
  type: IcebergType;
  /** Top-level primitive columns get bounds; nested leaves only sizes and counts. */
  bounded: boolean;
}

/** Parquet `path_in_schema` (as parquet_metadata prints it) → the Iceberg leaf it stores. */
function leavesByPath(fields: NestedField[]): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const visit = (path: string[], id: number, type: IcebergType, top: boolean): void => {
    if (typeof type === 'string') {
      out.set(path.join(', '), { id, type, bounded: top });
      return;
    }
    if (type.type === 'list') visit([...path, 'list', 'element'], type['element-id'], type.element, false);
    else if (type.type === 'map') {
      visit([...path, 'key_value', 'key'], type['key-id'], type.key, false);
      visit([...path, 'key_value', 'value'], type['value-id'], type.value, false);
    } else for (const f of type.fields) visit([...path, f.name], f.id, f.type, false);
  };
  for (const f of fields) visit([f.name], f.id, f.type, true);
  return out;
}

/** Parquet statistics print as text; bounds are kept only for types whose text reads back exactly. */
function parseStat(type: IcebergType, text: string | null): IcebergValue | undefined {
  if (text === null) return undefined;
  const kind = primitiveKind(type);
  if (kind === 'binary' || kind === 'fixed' || kind === 'boolean' && text !== 'true' && text !== 'false') return undefined;
  try {
    const v = coerceLiteral(type, text);
    if (typeof v === 'number' && Number.isNaN(v)) return undefined;
    serializeValue(type, v); // proves the text was a well-formed value of the type
    return v;
  } catch {
    return undefined;
  }
}

/**
 * Column statistics of freshly written Parquet files, from DuckDB's parquet_metadata() (per row
 * group, summed or min/maxed per file) and parquet_file_metadata() for row counts.
 */
export async function readParquetStats(conn: DuckDBConnection, paths: string[], fields: NestedField[]): Promise<Map<string, FileStats>> {
  const out = new Map<string, FileStats>();
  if (paths.length === 0) return out;
  const files = await conn.runAndReadAll(`SELECT file_name, num_rows FROM parquet_file_metadata(${stringList(paths)})`);
  for (const r of files.getRowObjectsJS()) {
    out.set(String(r.file_name), {
      recordCount: Number(r.num_rows),
      columnSizes: new Map(),
      valueCounts: new Map(),
      nullValueCounts: new Map(),
      lowerBounds: new Map(),
      upperBounds: new Map(),
      splitOffsets: [],
    });
  }
  const leaves = leavesByPath(fields);
  const rows = await conn.runAndReadAll(
    `SELECT file_name, row_group_id, path_in_schema, num_values, stats_null_count, total_compressed_size,
            coalesce(stats_min_value, stats_min) AS lo, coalesce(stats_max_value, stats_max) AS hi, file_offset, column_id
       FROM parquet_metadata(${stringList(paths)}) ORDER BY file_name, row_group_id, column_id`,
  );
  const lows = new Map<string, IcebergValue | null>();
  const highs = new Map<string, IcebergValue | null>();
  for (const r of rows.getRowObjectsJS()) {
    const stats = out.get(String(r.file_name));
    const leaf = leaves.get(String(r.path_in_schema));
    if (!stats || !leaf) continue;
    const add = (m: Map<number, number>, v: unknown): void => {
      m.set(leaf.id, (m.get(leaf.id) ?? 0) + Number(v ?? 0));
    };
    add(stats.columnSizes, r.total_compressed_size);
    add(stats.valueCounts, r.num_values);
    if (r.stats_null_count !== null) add(stats.nullValueCounts, r.stats_null_count);
    if (Number(r.column_id) === 0 && r.file_offset !== null) stats.splitOffsets.push(Number(r.file_offset));
    if (!leaf.bounded) continue;
    const key = `${String(r.file_name)}\u0000${leaf.id}`;
    const allNull = Number(r.num_values) === Number(r.stats_null_count ?? -1);
    if (allNull) continue;
    // A row group without a bound poisons the file's bound (null marks "unknown").
    const lo = parseStat(leaf.type, r.lo === null ? null : String(r.lo));
    const hi = parseStat(leaf.type, r.hi === null ? null : String(r.hi));
    const prevLo = lows.get(key);
    const prevHi = highs.get(key);
    lows.set(key, lo === undefined || prevLo === null ? null : prevLo === undefined || compareValues(lo, prevLo) < 0 ? lo : prevLo);
    highs.set(key, hi === undefined || prevHi === null ? null : prevHi === undefined || compareValues(hi, prevHi) > 0 ? hi : prevHi);
  }
  for (const [file, stats] of out) {
    for (const leaf of leaves.values()) {
      const key = `${file}\u0000${leaf.id}`;
      const lo = lows.get(key);
      const hi = highs.get(key);
      if (lo !== undefined && lo !== null) stats.lowerBounds.set(leaf.id, serializeValue(leaf.type, lo));
      if (hi !== undefined && hi !== null) stats.upperBounds.set(leaf.id, serializeValue(leaf.type, hi));
    }
  }
  return out;
}
