/**
 * Test support for the conformance suite: run Athena SQL through the translator on a real DuckDB
 * and turn the result into the values Trino would show, so expectations read like Trino output.
 *
 * Text forms (Trino's): DATE 'YYYY-MM-DD'; TIMESTAMP 'YYYY-MM-DD HH:MM:SS.fff' (millisecond
 * precision, Athena's timestamp(3)); TIMESTAMP WITH TIME ZONE the same plus ' UTC' (sessions run in
 * UTC); DECIMAL with its scale ('3.3750'); varbinary as upper-case hex. Arrays are JS arrays, maps
 * and named rows objects, unnamed rows (DuckDB structs from row()/zip) arrays of their fields.
 */
import {
  DuckDBArrayValue,
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBUUIDValue,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import { installTrinoCompat } from './compat-macros.js';
import { translateSql } from './translate-sql.js';

export type TrinoValue = null | boolean | number | string | TrinoValue[] | { [key: string]: TrinoValue };

export async function openCompatConnection(): Promise<{ conn: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const conn = await instance.connect();
  await installTrinoCompat(conn);
  return {
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

function timestampText(micros: bigint): string {
  const iso = new Date(Number(micros / 1000n)).toISOString();
  return iso.replace('T', ' ').replace('Z', '');
}

/** DuckDB struct fields named by DuckDB (v1, v2… or '') stand for Trino's unnamed row fields. */
function isUnnamedRow(keys: string[]): boolean {
  return keys.every((k, i) => k === '' || k === `v${i + 1}` || k === `f${i + 1}` || /^list_\d+$/.test(k) || k === String(i));
}

export function toTrinoValue(v: DuckDBValue): TrinoValue {
  if (v === null) return null;
  if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof DuckDBDecimalValue) return v.toString();
  if (v instanceof DuckDBDateValue) return v.toString();
  if (v instanceof DuckDBTimestampTZValue) return `${timestampText(v.micros)} UTC`;
  if (v instanceof DuckDBTimestampValue) return timestampText(v.micros);
  if (v instanceof DuckDBListValue || v instanceof DuckDBArrayValue) return v.items.map(toTrinoValue);
  if (v instanceof DuckDBMapValue) {
    return Object.fromEntries(v.entries.map((e) => [String(toTrinoValue(e.key)), toTrinoValue(e.value)]));
  }
  if (v instanceof DuckDBStructValue) {
    const keys = Object.keys(v.entries);
    if (isUnnamedRow(keys)) return keys.map((k) => toTrinoValue(v.entries[k] ?? null));
    return Object.fromEntries(keys.map((k) => [k, toTrinoValue(v.entries[k] ?? null)]));
  }
  if (v instanceof DuckDBBlobValue) return Buffer.from(v.bytes).toString('hex').toUpperCase();
  if (v instanceof DuckDBUUIDValue) return v.toString();
  return v.toString();
}

/** Translate Athena SQL, run it, and return all rows as Trino values. */
export async function runAthenaSql(conn: DuckDBConnection, sql: string): Promise<TrinoValue[][]> {
  const duck = translateSql(sql, { nodeId: 'model.conformance.case' });
  const reader = await conn.runAndReadAll(duck);
  return reader.getRows().map((row) => row.map(toTrinoValue));
}
