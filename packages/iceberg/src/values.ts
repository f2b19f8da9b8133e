import { icebergError } from './iceberg-error.js';
import { type IcebergType, parseDecimal } from './types.js';

/**
 * One value of a primitive Iceberg type in its physical form, as the spec defines it:
 * int/date → number (days for date); long/time/timestamp/timestamptz → bigint (microseconds);
 * float/double → number; decimal → bigint (the unscaled value); string/uuid → string;
 * binary/fixed → Uint8Array; boolean → boolean.
 */
export type IcebergValue = boolean | number | bigint | string | Uint8Array;

const MS_PER_DAY = 86_400_000;

export function primitiveKind(type: IcebergType): string {
  if (typeof type !== 'string') return type.type;
  if (type.startsWith('decimal')) return 'decimal';
  if (type.startsWith('fixed')) return 'fixed';
  return type;
}

/** Days since 1970-01-01 for an ISO date `YYYY-MM-DD`. */
export function dateToDays(iso: string): number {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) throw icebergError('E_ICEBERG_LITERAL', `'${iso}' is not a date (YYYY-MM-DD)`, 'Write dates as YYYY-MM-DD.');
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

export function daysToDate(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Microseconds since the epoch for `YYYY-MM-DD[ T]HH:MM:SS[.ffffff][zone]`. A missing zone means
 * UTC, which is what Athena assumes for session time.
 */
export function timestampToMicros(text: string): bigint {
  const m = /^\s*(-?\d{4,})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?\s*$/i.exec(text);
  if (!m) {
    throw icebergError('E_ICEBERG_LITERAL', `'${text}' is not a timestamp`, "Write timestamps as 'YYYY-MM-DD HH:MM:SS[.ffffff][ UTC|+HH:MM]'.");
  }
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  const fraction = (m[7] ?? '').padEnd(6, '0').slice(0, 6);
  let micros = BigInt(ms) * 1000n + BigInt(fraction || '0');
  const zone = m[8];
  if (zone && !/^(Z|UTC)$/i.test(zone)) {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (z) {
      const offsetMinutes = (Number(z[2]) * 60 + Number(z[3] ?? 0)) * (z[1] === '-' ? -1 : 1);
      micros -= BigInt(offsetMinutes) * 60_000_000n;
    }
  }
  return micros;
}

export function microsToTimestamp(micros: bigint): string {
  const ms = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
  const iso = new Date(Number(ms)).toISOString();
  const frac = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  return `${iso.slice(0, 19)}.${frac.toString().padStart(6, '0')}`;
}

/** Micros since midnight for `HH:MM:SS[.ffffff]`. */
export function timeToMicros(text: string): bigint {
  const m = /^\s*(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*$/.exec(text);
  if (!m) throw icebergError('E_ICEBERG_LITERAL', `'${text}' is not a time`, 'Write times as HH:MM:SS[.ffffff].');
  const seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
  return BigInt(seconds) * 1_000_000n + BigInt((m[4] ?? '').padEnd(6, '0').slice(0, 6) || '0');
}

/** The unscaled value of a decimal literal at the given scale (rounding half away from zero). */
export function decimalToUnscaled(text: string, scale: number): bigint {
  const m = /^\s*([+-])?(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
    throw icebergError('E_ICEBERG_LITERAL', `'${text}' is not a decimal number`, 'Write decimals as digits with an optional point.');
  }
  const frac = m[3] ?? '';
  let unscaled = BigInt((m[2] || '0') + frac.padEnd(scale, '0').slice(0, scale));
  if (frac.length > scale && Number(frac[scale]) >= 5) unscaled += 1n;
  return m[1] === '-' ? -unscaled : unscaled;
}

export function unscaledToDecimal(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${body}` : body;
}

export type Literal = string | number | bigint | boolean | Date | Uint8Array;

/** Converts a user-facing literal (e.g. `'2024-01-15'` for a date column) to the physical value. */
export function coerceLiteral(type: IcebergType, literal: Literal): IcebergValue {
  const kind = primitiveKind(type);
  const bad = (): never => {
    throw icebergError('E_ICEBERG_LITERAL', `${String(literal)} cannot be compared with a ${String(typeof type === 'string' ? type : type.type)} column`, 'Use a literal of the column type.');
  };
  switch (kind) {
    case 'boolean':
      return typeof literal === 'boolean' ? literal : literal === 'true' ? true : literal === 'false' ? false : bad();
    case 'int':
      return typeof literal === 'bigint' ? Number(literal) : typeof literal === 'number' ? literal : typeof literal === 'string' ? Number.parseInt(literal, 10) : bad();
    case 'long':
      return typeof literal === 'bigint' ? literal : typeof literal === 'number' ? BigInt(Math.trunc(literal)) : typeof literal === 'string' ? BigInt(literal) : bad();
    case 'float':
    case 'double':
      return typeof literal === 'number' ? literal : typeof literal === 'bigint' ? Number(literal) : typeof literal === 'string' ? Number(literal) : bad();
    case 'decimal':
      return decimalToUnscaled(String(literal), parseDecimal(type)?.scale ?? 0);
    case 'date':
      return literal instanceof Date ? Math.floor(literal.getTime() / MS_PER_DAY) : typeof literal === 'number' ? literal : typeof literal === 'string' ? dateToDays(literal) : bad();
    case 'time':
      return typeof literal === 'bigint' ? literal : typeof literal === 'string' ? timeToMicros(literal) : bad();
    case 'timestamp':
    case 'timestamptz':
      return literal instanceof Date ? BigInt(literal.getTime()) * 1000n : typeof literal === 'bigint' ? literal : typeof literal === 'string' ? timestampToMicros(literal) : bad();
    case 'string':
    case 'uuid':
      return typeof literal === 'string' ? literal : bad();
    case 'binary':
    case 'fixed':
      return literal instanceof Uint8Array ? literal : typeof literal === 'string' ? new TextEncoder().encode(literal) : bad();
    default:
      return bad();
  }
}

/** Orders two values of the same type as the spec does (strings and bytes: unsigned bytewise). */
export function compareValues(a: IcebergValue, b: IcebergValue): number {
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  throw icebergError('E_ICEBERG_LITERAL', `cannot compare ${typeof a} with ${typeof b}`, 'Compare values of one type.');
}

export function valuesEqual(a: IcebergValue | null, b: IcebergValue | null): boolean {
  if (a === null || b === null) return a === b;
  return compareValues(a, b) === 0;
}
