import { icebergError } from './iceberg-error.js';
import { type IcebergType, parseDecimal } from './types.js';
import { type IcebergValue, primitiveKind } from './values.js';

/** Two's-complement big-endian bytes of a bigint, as few as represent it (decimal encoding). */
export function minimalTwosComplement(value: bigint): Uint8Array {
  const bytes: number[] = [];
  let v = value;
  for (;;) {
    const byte = Number(BigInt.asUintN(8, v));
    bytes.unshift(byte);
    v >>= 8n;
    const signBitSet = (byte & 0x80) !== 0;
    if ((v === 0n && !signBitSet) || (v === -1n && signBitSet)) break;
  }
  return Uint8Array.from(bytes);
}

export function fromTwosComplement(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  const first = bytes[0];
  if (first !== undefined && first & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return v;
}

export function uuidToBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw icebergError('E_ICEBERG_LITERAL', `'${uuid}' is not a UUID`, 'Write UUIDs as 8-4-4-4-12 hex digits.');
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

function bytesToUuid(bytes: Uint8Array): string {
  const h = Buffer.from(bytes).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Single-value binary serialization (spec Appendix D), used for lower/upper bounds. */
export function serializeValue(type: IcebergType, value: IcebergValue): Uint8Array {
  const kind = primitiveKind(type);
  const buf = (n: number): Buffer => Buffer.alloc(n);
  switch (kind) {
    case 'boolean':
      return Uint8Array.from([value ? 1 : 0]);
    case 'int':
    case 'date': {
      const b = buf(4);
      b.writeInt32LE(Number(value));
      return b;
    }
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz': {
      const b = buf(8);
      b.writeBigInt64LE(BigInt(value as number | bigint));
      return b;
    }
    case 'float': {
      const b = buf(4);
      b.writeFloatLE(Number(value));
      return b;
    }
    case 'double': {
      const b = buf(8);
      b.writeDoubleLE(Number(value));
      return b;
    }
    case 'decimal':
      return minimalTwosComplement(BigInt(value as bigint));
    case 'string':
      return Buffer.from(String(value), 'utf8');
    case 'uuid':
      return uuidToBytes(String(value));
    case 'binary':
    case 'fixed':
      return value as Uint8Array;
    default:
      throw icebergError('E_ICEBERG_TYPE', `values of type ${kind} have no single-value serialization`, 'Only primitive types have bounds.');
  }
}

export function deserializeValue(type: IcebergType, bytes: Uint8Array): IcebergValue {
  const kind = primitiveKind(type);
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (kind) {
    case 'boolean':
      return b[0] !== 0;
    case 'int':
    case 'date':
      return b.readInt32LE(0);
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      return b.readBigInt64LE(0);
    case 'float':
      return b.readFloatLE(0);
    case 'double':
      return b.readDoubleLE(0);
    case 'decimal':
      void parseDecimal(type);
      return fromTwosComplement(bytes);
    case 'string':
      return b.toString('utf8');
    case 'uuid':
      return bytesToUuid(bytes);
    case 'binary':
    case 'fixed':
      return Uint8Array.from(bytes);
    default:
      throw icebergError('E_ICEBERG_TYPE', `values of type ${kind} have no single-value serialization`, 'Only primitive types have bounds.');
  }
}
