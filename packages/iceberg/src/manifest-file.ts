import { readFile } from 'node:fs/promises';
import { decodeContainer, encodeContainer } from './avro-container.js';
import type { DataFile, EntryStatus, ManifestEntry } from './data-file.js';
import { manifestEntrySchema } from './avro-schemas.js';
import type { PartitionSpec, ResolvedPartitionField } from './partition-spec.js';
import { fromTwosComplement, minimalTwosComplement, uuidToBytes, deserializeValue } from './single-value.js';
import type { Schema } from './types.js';
import { type IcebergValue, primitiveKind } from './values.js';
import { pathFromUri } from './uri.js';

/** Partition values travel in Avro as the transform result's Avro type (decimals as bytes, uuids as fixed). */
function toAvroPartitionValue(p: ResolvedPartitionField, v: IcebergValue | null): unknown {
  if (v === null) return null;
  const kind = primitiveKind(p.resultType);
  if (kind === 'decimal') return Buffer.from(minimalTwosComplement(v as bigint));
  if (kind === 'uuid') return Buffer.from(uuidToBytes(String(v)));
  if (kind === 'long' || kind === 'time' || kind === 'timestamp' || kind === 'timestamptz') return BigInt(v as bigint);
  if (v instanceof Uint8Array) return Buffer.from(v);
  return v;
}

function fromAvroPartitionValue(p: ResolvedPartitionField, v: unknown): IcebergValue | null {
  if (v === null || v === undefined) return null;
  const kind = primitiveKind(p.resultType);
  if (kind === 'decimal') return fromTwosComplement(v as Buffer);
  if (kind === 'uuid') return deserializeValue('uuid', v as Buffer);
  if (Buffer.isBuffer(v)) return Uint8Array.from(v);
  return v as IcebergValue;
}

function mapToAvro<V>(m: Map<number, V>, conv: (v: V) => unknown): { key: number; value: unknown }[] {
  return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([key, value]) => ({ key, value: conv(value) }));
}

function mapFromAvro<V>(v: unknown, conv: (x: unknown) => V): Map<number, V> {
  const out = new Map<number, V>();
  if (Array.isArray(v)) for (const kv of v as { key: number; value: unknown }[]) out.set(kv.key, conv(kv.value));
  return out;
}

export interface ManifestWriteInput {
  schema: Schema;
  spec: PartitionSpec;
  partition: ResolvedPartitionField[];
  entries: ManifestEntry[];
}

export async function encodeManifest(input: ManifestWriteInput): Promise<Buffer> {
  const records = input.entries.map((e) => {
    const f = e.dataFile;
    const partition: Record<string, unknown> = {};
    input.partition.forEach((p, i) => {
      partition[p.field.name] = toAvroPartitionValue(p, f.partition[i] ?? null);
    });
    // Added entries inherit sequence numbers from the manifest list (spec: "Sequence Number Inheritance").
    const inherit = e.status === 1;
    return {
      status: e.status,
      snapshot_id: BigInt(e.snapshotId),
      sequence_number: inherit ? null : BigInt(e.sequenceNumber),
      file_sequence_number: inherit ? null : BigInt(e.fileSequenceNumber),
      data_file: {
        content: 0,
        file_path: f.filePath,
        file_format: f.fileFormat,
        partition,
        record_count: BigInt(f.recordCount),
        file_size_in_bytes: BigInt(f.fileSizeInBytes),
        column_sizes: mapToAvro(f.columnSizes, BigInt),
        value_counts: mapToAvro(f.valueCounts, BigInt),
        null_value_counts: mapToAvro(f.nullValueCounts, BigInt),
        nan_value_counts: null,
        lower_bounds: mapToAvro(f.lowerBounds, (b) => Buffer.from(b)),
        upper_bounds: mapToAvro(f.upperBounds, (b) => Buffer.from(b)),
        key_metadata: null,
        split_offsets: f.splitOffsets ? f.splitOffsets.map(BigInt) : null,
        equality_ids: null,
        sort_order_id: null,
      },
    };
  });
  return encodeContainer(manifestEntrySchema(input.partition), records, {
    schema: JSON.stringify(input.schema),
    'schema-id': String(input.schema['schema-id']),
    'partition-spec': JSON.stringify(input.spec.fields),
    'partition-spec-id': String(input.spec['spec-id']),
    'format-version': '2',
    content: 'data',
  });
}

/**
 * Reads a manifest's entries. `inherited` is the manifest's sequence number from the manifest list,
 * which ADDED entries with a null sequence number take.
 */
export async function readManifest(uri: string, partition: ResolvedPartitionField[], specId: number, inherited: number): Promise<ManifestEntry[]> {
  const { records } = await decodeContainer(await readFile(pathFromUri(uri)));
  return records.map((r) => {
    const df = r.data_file as Record<string, unknown>;
    const part = (df.partition ?? {}) as Record<string, unknown>;
    const seq = r.sequence_number === null || r.sequence_number === undefined ? inherited : Number(r.sequence_number);
    const fileSeq = r.file_sequence_number === null || r.file_sequence_number === undefined ? inherited : Number(r.file_sequence_number);
    const dataFile: DataFile = {
      filePath: String(df.file_path),
      fileFormat: 'PARQUET',
      partition: partition.map((p) => fromAvroPartitionValue(p, part[p.field.name])),
      specId,
      recordCount: Number(df.record_count),
      fileSizeInBytes: Number(df.file_size_in_bytes),
      columnSizes: mapFromAvro(df.column_sizes, Number),
      valueCounts: mapFromAvro(df.value_counts, Number),
      nullValueCounts: mapFromAvro(df.null_value_counts, Number),
      lowerBounds: mapFromAvro(df.lower_bounds, (b) => Uint8Array.from(b as Buffer)),
      upperBounds: mapFromAvro(df.upper_bounds, (b) => Uint8Array.from(b as Buffer)),
      ...(Array.isArray(df.split_offsets) ? { splitOffsets: (df.split_offsets as bigint[]).map(Number) } : {}),
    };
    return { status: Number(r.status) as EntryStatus, snapshotId: Number(r.snapshot_id), sequenceNumber: seq, fileSequenceNumber: fileSeq, dataFile };
  });
}
