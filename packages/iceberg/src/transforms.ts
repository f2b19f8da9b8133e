import { icebergError } from './iceberg-error.js';
import { murmur3x86_32 } from './murmur3.js';
import { minimalTwosComplement, uuidToBytes } from './single-value.js';
import type { IcebergType } from './types.js';
import { type IcebergValue, daysToDate, primitiveKind, unscaledToDecimal } from './values.js';
import { parseDecimal } from './types.js';

export type Transform =
  | { kind: 'identity' }
  | { kind: 'year' }
  | { kind: 'month' }
  | { kind: 'day' }
  | { kind: 'hour' }
  | { kind: 'bucket'; n: number }
  | { kind: 'truncate'; width: number }
  | { kind: 'void' };

export function parseTransform(text: string): Transform {
  const t = text.trim().toLowerCase();
  if (t === 'identity' || t === 'year' || t === 'month' || t === 'day' || t === 'hour' || t === 'void') return { kind: t };
  const m = /^(bucket|truncate)\[(\d+)\]$/.exec(t);
  if (m && Number(m[2]) > 0) return m[1] === 'bucket' ? { kind: 'bucket', n: Number(m[2]) } : { kind: 'truncate', width: Number(m[2]) };
  throw icebergError('E_ICEBERG_TRANSFORM', `unknown partition transform '${text}'`, 'Use identity, year, month, day, hour, bucket[N], truncate[W] or void.');
}

export function transformToString(t: Transform): string {
  if (t.kind === 'bucket') return `bucket[${t.n}]`;
  if (t.kind === 'truncate') return `truncate[${t.width}]`;
  return t.kind;
}

const TIME_KINDS = new Set(['date', 'timestamp', 'timestamptz']);
const BUCKET_KINDS = new Set(['int', 'long', 'decimal', 'date', 'time', 'timestamp', 'timestamptz', 'string', 'uuid', 'fixed', 'binary']);
const TRUNCATE_KINDS = new Set(['int', 'long', 'decimal', 'string', 'binary']);

/** Checks that a transform applies to a source type; throws a LakeformError naming both if not. */
export function checkTransform(t: Transform, source: IcebergType, column: string): void {
  const kind = primitiveKind(source);
  const ok =
    t.kind === 'identity' || t.kind === 'void'
      ? typeof source === 'string'
      : t.kind === 'hour'
        ? kind === 'timestamp' || kind === 'timestamptz'
        : t.kind === 'bucket'
          ? BUCKET_KINDS.has(kind)
          : t.kind === 'truncate'
            ? TRUNCATE_KINDS.has(kind)
            : TIME_KINDS.has(kind);
  if (!ok) {
    throw icebergError('E_ICEBERG_TRANSFORM', `partition transform ${transformToString(t)} cannot apply to column '${column}' of type ${typeof source === 'string' ? source : source.type}`, 'Partition by a column whose type the transform supports (e.g. day() needs a date or timestamp).');
  }
}

export function transformResultType(t: Transform, source: IcebergType): IcebergType {
  switch (t.kind) {
    case 'identity':
    case 'truncate':
      return source;
    case 'bucket':
    case 'year':
    case 'month':
    case 'hour':
      return 'int';
    case 'day':
      return 'date';
    case 'void':
      return source;
  }
}

/** The bytes the spec hashes for bucket[N] (ints and dates hash as longs). */
export function bucketHashBytes(source: IcebergType, value: IcebergValue): Uint8Array {
  const kind = primitiveKind(source);
  switch (kind) {
    case 'int':
    case 'long':
    case 'date':
    case 'time':
    case 'timestamp':
    case 'timestamptz': {
      const b = Buffer.alloc(8);
      b.writeBigInt64LE(BigInt(value as number | bigint));
      return b;
    }
    case 'decimal':
      return minimalTwosComplement(value as bigint);
    case 'string':
      return Buffer.from(String(value), 'utf8');
    case 'uuid':
      return uuidToBytes(String(value));
    default:
      return value as Uint8Array;
  }
}

export function bucketOf(source: IcebergType, value: IcebergValue, n: number): number {
  return (murmur3x86_32(bucketHashBytes(source, value)) & 0x7fffffff) % n;
}

const MICROS_PER_HOUR = 3_600_000_000n;
const MICROS_PER_DAY = 86_400_000_000n;

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

/** Days since epoch of a date (number) or timestamp (bigint micros). */
function toDays(value: IcebergValue): number {
  return typeof value === 'bigint' ? Number(floorDiv(value, MICROS_PER_DAY)) : Number(value);
}

function yearMonth(days: number): { year: number; month: number } {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
}

/** Applies a transform to one source value (null stays null, as the spec says). */
export function applyTransform(t: Transform, source: IcebergType, value: IcebergValue | null): IcebergValue | null {
  if (value === null || t.kind === 'void') return null;
  switch (t.kind) {
    case 'identity':
      return value;
    case 'year':
      return yearMonth(toDays(value)).year - 1970;
    case 'month': {
      const { year, month } = yearMonth(toDays(value));
      return (year - 1970) * 12 + month;
    }
    case 'day':
      return toDays(value);
    case 'hour':
      return Number(floorDiv(value as bigint, MICROS_PER_HOUR));
    case 'bucket':
      return bucketOf(source, value, t.n);
    case 'truncate': {
      const kind = primitiveKind(source);
      if (kind === 'int') {
        const v = Number(value);
        return v - (((v % t.width) + t.width) % t.width);
      }
      if (kind === 'long' || kind === 'decimal') {
        const v = value as bigint;
        const w = BigInt(t.width);
        return v - (((v % w) + w) % w);
      }
      if (kind === 'string') return Array.from(String(value)).slice(0, t.width).join('');
      return (value as Uint8Array).slice(0, t.width);
    }
  }
}

/** The partition value as it appears in a data file path (`day=2024-01-15`), per the spec's human strings. */
export function humanString(t: Transform, source: IcebergType, value: IcebergValue | null): string {
  if (value === null) return 'null';
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  switch (t.kind) {
    case 'year':
      return String(1970 + Number(value));
    case 'month': {
      const v = Number(value);
      const y = 1970 + Math.floor(v / 12);
      return `${y}-${pad((((v % 12) + 12) % 12) + 1)}`;
    }
    case 'day':
      return daysToDate(Number(value));
    case 'hour': {
      const ms = Number(value) * 3_600_000;
      const d = new Date(ms);
      return `${d.toISOString().slice(0, 10)}-${pad(d.getUTCHours())}`;
    }
    case 'bucket':
      return String(value);
    default:
      break;
  }
  const kind = primitiveKind(source);
  if (kind === 'date') return daysToDate(Number(value));
  if (kind === 'timestamp' || kind === 'timestamptz') {
    const ms = Number(floorDiv(value as bigint, 1000n));
    return new Date(ms).toISOString().replace(/Z$/, '');
  }
  if (kind === 'decimal') return unscaledToDecimal(value as bigint, parseDecimal(source)?.scale ?? 0);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value);
}

/** True when a transform keeps order, so range predicates on the source project onto the partition. */
export function preservesOrder(t: Transform): boolean {
  return t.kind !== 'bucket' && t.kind !== 'void';
}

/** The partition field name Iceberg writers give by default (`ts_day`, `id_bucket`, ...). */
export function defaultPartitionName(t: Transform, sourceName: string): string {
  switch (t.kind) {
    case 'identity':
      return sourceName;
    case 'bucket':
      return `${sourceName}_bucket`;
    case 'truncate':
      return `${sourceName}_trunc`;
    case 'void':
      return `${sourceName}_null`;
    default:
      return `${sourceName}_${t.kind}`;
  }
}
