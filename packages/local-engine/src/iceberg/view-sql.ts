import {
  type DataFile,
  type IcebergType,
  type IcebergValue,
  type NestedField,
  type ResolvedPartitionField,
  daysToDate,
  microsToTimestamp,
  parseDecimal,
  pathFromUri,
  primitiveKind,
  unscaledToDecimal,
} from '@lakeform/iceberg';
import { readFilesSql } from './scan-sql.js';
import { icebergToDuckdb } from './duckdb-types.js';
import { quoteIdent, quoteString, stringList } from './sql-text.js';

/** Above this many partitions the view reads one flat file list (planning many branches costs more than it saves). */
const MAX_BRANCHES = 256;

function literal(type: IcebergType, v: IcebergValue): string | undefined {
  switch (primitiveKind(type)) {
    case 'int':
    case 'long':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return quoteString(String(v));
    case 'date':
      return `DATE '${daysToDate(Number(v))}'`;
    case 'timestamp':
      return `TIMESTAMP '${microsToTimestamp(BigInt(v as bigint)).replace('T', ' ')}'`;
    case 'timestamptz':
      return `TIMESTAMPTZ '${microsToTimestamp(BigInt(v as bigint)).replace('T', ' ')}+00'`;
    case 'decimal': {
      const d = parseDecimal(type);
      return d ? `CAST('${unscaledToDecimal(v as bigint, d.scale)}' AS DECIMAL(${d.precision},${d.scale}))` : undefined;
    }
    default:
      return undefined;
  }
}

const MICROS_PER_HOUR = 3_600_000_000n;

/** [start, end) of the source values a time-transform partition holds, as source-typed values. */
function timeRange(p: ResolvedPartitionField, ordinal: number): [IcebergValue, IcebergValue] | undefined {
  const kind = primitiveKind(p.sourceType);
  const t = p.transform.kind;
  let startDays: number;
  let endDays: number;
  if (t === 'hour') {
    const start = BigInt(ordinal) * MICROS_PER_HOUR;
    return [start, start + MICROS_PER_HOUR];
  }
  if (t === 'day') {
    startDays = ordinal;
    endDays = ordinal + 1;
  } else if (t === 'month' || t === 'year') {
    const months = t === 'year' ? ordinal * 12 : ordinal;
    const span = t === 'year' ? 12 : 1;
    const y = 1970 + Math.floor(months / 12);
    const m = ((months % 12) + 12) % 12;
    startDays = Date.UTC(y, m, 1) / 86_400_000;
    endDays = Date.UTC(y, m + span, 1) / 86_400_000;
  } else return undefined;
  if (kind === 'date') return [startDays, endDays];
  return [BigInt(startDays) * 86_400_000_000n, BigInt(endDays) * 86_400_000_000n];
}

/** A condition every row of a partition satisfies, so DuckDB can drop the branch for filters that contradict it. */
function partitionCondition(p: ResolvedPartitionField, value: IcebergValue | null, column: string): string | undefined {
  const col = quoteIdent(column);
  if (value === null) return p.transform.kind === 'identity' ? `${col} IS NULL` : undefined;
  if (p.transform.kind === 'identity') {
    const lit = literal(p.sourceType, value);
    return lit === undefined ? undefined : `${col} = ${lit}`;
  }
  if (p.transform.kind === 'truncate' && (primitiveKind(p.sourceType) === 'int' || primitiveKind(p.sourceType) === 'long')) {
    const lo = BigInt(value as number | bigint);
    return `${col} >= ${lo} AND ${col} < ${lo + BigInt(p.transform.width)}`;
  }
  const range = timeRange(p, Number(value));
  if (!range) return undefined;
  const lo = literal(p.sourceType, range[0]);
  const hi = literal(p.sourceType, range[1]);
  return lo && hi ? `${col} >= ${lo} AND ${col} < ${hi}` : undefined;
}

/**
 * The body of a table's view: one UNION ALL branch per partition, each constrained by what its
 * partition value implies (e.g. `sales_at >= '2024-01-03' AND sales_at < '2024-01-04'`). DuckDB's
 * optimizer removes branches whose constraint contradicts a query's filter, so filtering the view on
 * a partition source column never opens the other partitions' files.
 */
export function viewSql(files: DataFile[], fields: NestedField[], specs: (specId: number) => ResolvedPartitionField[], opts: { singleSchema?: boolean } = {}): string {
  const hive = opts.singleSchema ? hivePartitionedRead(files, fields, specs) : undefined;
  if (hive) return hive;
  const groups = new Map<string, DataFile[]>();
  for (const f of files) {
    const conditions: string[] = [];
    specs(f.specId).forEach((p, i) => {
      const column = fields.find((x) => x.id === p.field['source-id']);
      if (!column) return;
      const c = partitionCondition(p, f.partition[i] ?? null, column.name);
      if (c) conditions.push(c);
    });
    const key = conditions.join(' AND ');
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  if (groups.size <= 1 || groups.size > MAX_BRANCHES) return `SELECT * FROM ${readFilesSql(files, fields)}`;
  return [...groups.entries()].map(([where, group]) => `SELECT * FROM ${readFilesSql(group, fields)}${where ? ` WHERE ${where}` : ''}`).join('\nUNION ALL\n');
}

const HIVE_SAFE_KINDS = new Set(['string', 'int', 'long', 'date', 'boolean']);

/**
 * The cheap form for tables whose columns never changed and whose partitions are all identity
 * partitions of simple types: one read of the live files with Hive partitioning, so DuckDB skips
 * the files of other partitions from their folder names alone — no per-partition branch to plan
 * (planning a hundred branches cost more than the query itself). Partition values come back as
 * text from the folder names, hence the casts back to the column types.
 */
function hivePartitionedRead(files: DataFile[], fields: NestedField[], specs: (specId: number) => ResolvedPartitionField[]): string | undefined {
  if (files.length === 0) return undefined;
  const keys = new Map<string, NestedField>();
  for (const specId of new Set(files.map((f) => f.specId))) {
    const spec = specs(specId);
    if (spec.length === 0) return undefined;
    for (const p of spec) {
      const column = fields.find((x) => x.id === p.field['source-id']);
      if (!column || p.transform.kind !== 'identity' || p.field.name !== column.name || !HIVE_SAFE_KINDS.has(primitiveKind(column.type))) return undefined;
      keys.set(column.name, column);
    }
  }
  // DuckDB reads a folder value `null` as NULL: a real string 'null' would be misread.
  if (files.some((f) => f.partition.some((v) => typeof v === 'string' && v.toLowerCase() === 'null'))) return undefined;
  if (files.some((f) => specs(f.specId).length !== keys.size)) return undefined;
  const columns = fields.map((f) => (keys.has(f.name) ? `CAST(${quoteIdent(f.name)} AS ${icebergToDuckdb(f.type)}) AS ${quoteIdent(f.name)}` : quoteIdent(f.name)));
  return `SELECT ${columns.join(', ')} FROM read_parquet(${stringList(files.map((f) => pathFromUri(f.filePath)))}, hive_partitioning = true, hive_types_autocast = false)`;
}
