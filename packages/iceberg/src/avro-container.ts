import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import avro from 'avsc';

/** Avro `long` as a JS bigint, so ids and counts never lose precision. */
const bigintLong = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
  toBuffer: (n: bigint) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(n);
    return buf;
  },
  fromJSON: (v: unknown) => BigInt(v as number),
  toJSON: (n: bigint) => Number(n),
  isValid: (n: unknown) => typeof n === 'bigint',
  compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

export function avroType(schema: object): avro.Type {
  return avro.Type.forSchema(schema as avro.Schema, { registry: { long: bigintLong } });
}

const headerType = avro.Type.forSchema({
  type: 'record',
  name: 'org.apache.avro.file.Header',
  fields: [
    { name: 'magic', type: { type: 'fixed', name: 'Magic', size: 4 } },
    { name: 'meta', type: { type: 'map', values: 'bytes' } },
    { name: 'sync', type: { type: 'fixed', name: 'Sync', size: 16 } },
  ],
});
const plainLong = avro.Type.forSchema('long');

/**
 * Encodes records as an Avro object container file (one deflate block). Written here rather than
 * with avsc's BlockEncoder because that one drops the schema's custom attributes (`field-id`),
 * which Iceberg readers need in the `avro.schema` header.
 */
export async function encodeContainer(schema: object, records: object[], metadata: Record<string, string>): Promise<Buffer> {
  const type = avroType(schema);
  const meta: Record<string, Buffer> = { 'avro.schema': Buffer.from(JSON.stringify(schema), 'utf8'), 'avro.codec': Buffer.from('deflate', 'utf8') };
  for (const [k, v] of Object.entries(metadata)) meta[k] = Buffer.from(v, 'utf8');
  const sync = randomBytes(16);
  const parts: Buffer[] = [headerType.toBuffer({ magic: Buffer.from([0x4f, 0x62, 0x6a, 0x01]), meta, sync })];
  if (records.length > 0) {
    const body = deflateRawSync(Buffer.concat(records.map((r) => type.toBuffer(r))));
    parts.push(plainLong.toBuffer(records.length), plainLong.toBuffer(body.length), body, sync);
  }
  return Buffer.concat(parts);
}

export interface DecodedContainer {
  schema: unknown;
  metadata: Record<string, string>;
  records: Record<string, unknown>[];
}

export async function decodeContainer(bytes: Buffer): Promise<DecodedContainer> {
  const decoder = new avro.streams.BlockDecoder({ parseHook: (s: avro.Schema) => avroType(s as object) });
  const records: Record<string, unknown>[] = [];
  const metadata: Record<string, string> = {};
  let schema: unknown;
  const done = new Promise<void>((resolve, reject) => {
    decoder.on('metadata', (type: avro.Type, _codec: string, header: { meta: Record<string, Buffer> }) => {
      schema = type.schema({ exportAttrs: true });
      for (const [k, v] of Object.entries(header.meta)) metadata[k] = v.toString('utf8');
    });
    decoder.on('data', (r: Record<string, unknown>) => records.push(r));
    decoder.on('end', () => resolve());
    decoder.on('error', reject);
  });
  decoder.end(bytes);
  await done;
  return { schema, metadata, records };
}
