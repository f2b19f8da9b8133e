import {
  type DataFile,
  type IcebergType,
  type IcebergValue,
  type NestedField,
  type ResolvedPartitionField,
  daysToDate,
  microsToTimestamp,
  parseDecimal,
  primitiveKind,
  unscaledToDecimal,
} from '@lakeform/iceberg';
import { readFilesSql } from './scan-sql.js';
import { quoteIdent, quoteString } from './sql-text.js';

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
export function viewSql(files: DataFile[], fields: NestedField[], specs: (specId: number) => ResolvedPartitionField[]): string {
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
