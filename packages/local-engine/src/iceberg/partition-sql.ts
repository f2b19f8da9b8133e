import type { DuckDBConnection } from '@duckdb/node-api';
import { type IcebergType, type IcebergValue, type ResolvedPartitionField, applyTransform, decimalToUnscaled, icebergError, parseDecimal, primitiveKind, unscaledToDecimal } from '@lakeform/iceberg';
import { icebergToDuckdb } from './duckdb-types.js';
import { quoteIdent } from './sql-text.js';

/**
 * DuckDB SQL for a value's physical Iceberg form (days, microseconds, …) so partition values read
 * back into JS exactly. Decimals and UUIDs come back as text and are converted in JS.
 */
export function physicalSql(type: IcebergType, expr: string): string {
  switch (primitiveKind(type)) {
    case 'int':
      return `CAST(${expr} AS INTEGER)`;
    case 'long':
      return `CAST(${expr} AS BIGINT)`;
    case 'date':
      return `CAST(datediff('day', DATE '1970-01-01', ${expr}) AS INTEGER)`;
    case 'time':
      return `epoch_us(TIMESTAMP '1970-01-01' + ${expr})`;
    case 'timestamp':
    case 'timestamptz':
      return `epoch_us(${expr})`;
    case 'decimal':
    case 'uuid':
      return `CAST(${expr} AS VARCHAR)`;
    default:
      return expr;
  }
}

/** Converts what physicalSql returned (as @duckdb/node-api's JS values) into an IcebergValue. */
export function physicalFromJs(type: IcebergType, v: unknown): IcebergValue | null {
  if (v === null || v === undefined) return null;
  switch (primitiveKind(type)) {
    case 'int':
    case 'date':
    case 'float':
    case 'double':
      return Number(v);
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      return BigInt(v as bigint);
    case 'decimal':
      return decimalToUnscaled(String(v), parseDecimal(type)?.scale ?? 0);
    case 'boolean':
      return Boolean(v);
    case 'binary':
    case 'fixed':
      return v instanceof Uint8Array ? v : new TextEncoder().encode(String(v));
    default:
      return String(v);
  }
}

/** A transform DuckDB computes itself, or undefined when it must go through a JS lookup table. */
function transformSql(p: ResolvedPartitionField, col: string): string | undefined {
  const kind = primitiveKind(p.sourceType);
  const utc = kind === 'timestamptz' ? `timezone('UTC', ${col})` : col;
  const epoch = kind === 'date' ? `DATE '1970-01-01'` : `TIMESTAMP '1970-01-01'`;
  const t = p.transform;
  switch (t.kind) {
    case 'identity':
      return physicalSql(p.sourceType, col);
    case 'year':
    case 'month':
    case 'day':
    case 'hour':
      return `CAST(datediff('${t.kind}', ${epoch}, ${utc}) AS INTEGER)`;
    case 'truncate':
      if (kind === 'int' || kind === 'long') return `(${col} - (((${col} % ${t.width}) + ${t.width}) % ${t.width}))`;
      if (kind === 'string') return `left(${col}, ${t.width})`;
      return undefined;
    case 'void':
      return 'NULL';
    default:
      return undefined;
  }
}

export interface PartitionColumns {
  /** SELECT items computing `__lf_p<i>` per partition field, over the alias `s`. */
  selectItems: string[];
  /** LEFT JOINs of lookup tables for transforms computed in JS (bucket, truncate of decimals). */
  joins: string[];
  /** Temp tables to drop afterwards. */
  tempTables: string[];
}

/**
 * Builds the partition-value columns for the rows of `source`. Bucket hashes follow the spec's
 * murmur3 in JS: the distinct source values go through applyTransform into a lookup table.
 */
export async function partitionColumns(conn: DuckDBConnection, source: string, partition: ResolvedPartitionField[], sourceColumn: (name: string) => string, tag: string): Promise<PartitionColumns> {
  const out: PartitionColumns = { selectItems: [], joins: [], tempTables: [] };
  for (const [i, p] of partition.entries()) {
    const col = `s.${quoteIdent(sourceColumn(p.sourceName))}`;
    const sql = transformSql(p, col);
    if (sql !== undefined) {
      out.selectItems.push(`${sql} AS __lf_p${i}`);
      continue;
    }
    const lookup = `__lf_map_${tag}_${i}`;
    const keyType = primitiveKind(p.sourceType) === 'decimal' || primitiveKind(p.sourceType) === 'uuid' ? 'VARCHAR' : icebergToDuckdb(p.sourceType);
    const resultType = icebergToDuckdb(p.resultType);
    await conn.run(`CREATE TEMP TABLE ${lookup} (k ${keyType}, v ${primitiveKind(p.resultType) === 'decimal' ? 'VARCHAR' : resultType})`);
    out.tempTables.push(lookup);
    const distinct = await conn.runAndReadAll(`SELECT DISTINCT ${physicalSql(p.sourceType, col)} AS k FROM ${source} s WHERE ${col} IS NOT NULL`);
    const keys = distinct.getRowObjectsJS().map((r) => r.k);
    const appender = await conn.createAppender(lookup);
    for (const k of keys) {
      const v = physicalFromJs(p.sourceType, k);
      const result = applyTransform(p.transform, p.sourceType, v);
      appendPhysical(appender, p.sourceType, k);
      appendResult(appender, p, result);
      appender.endRow();
    }
    appender.closeSync();
    out.joins.push(`LEFT JOIN ${lookup} ON ${lookup}.k = ${physicalSql(p.sourceType, col)}`);
    out.selectItems.push(`${lookup}.v AS __lf_p${i}`);
  }
  return out;
}

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

function appendPhysical(a: Appender, type: IcebergType, k: unknown): void {
  switch (primitiveKind(type)) {
    case 'int':
    case 'date':
      a.appendInteger(Number(k));
      return;
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      a.appendBigInt(BigInt(k as bigint));
      return;
    case 'binary':
    case 'fixed':
      appendBlobOrFail(a, k);
      return;
    default:
      a.appendVarchar(String(k));
  }
}

function appendBlobOrFail(a: Appender, k: unknown): void {
  if (!(k instanceof Uint8Array)) throw icebergError('E_ICEBERG_TRANSFORM', 'binary partition source did not read back as bytes', 'Partition by a non-binary column.');
  a.appendBlob(k);
}

function appendResult(a: Appender, p: ResolvedPartitionField, v: IcebergValue | null): void {
  if (v === null) {
    a.appendNull();
    return;
  }
  if (primitiveKind(p.resultType) === 'decimal') {
    a.appendVarchar(unscaledToDecimal(v as bigint, parseDecimal(p.resultType)?.scale ?? 0));
    return;
  }
  appendPhysical(a, p.resultType, v);
}
