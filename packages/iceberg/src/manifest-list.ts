import { readFile } from 'node:fs/promises';
import { decodeContainer, encodeContainer } from './avro-container.js';
import { manifestListSchema } from './avro-schemas.js';
import { pathFromUri } from './uri.js';

export interface PartitionFieldSummary {
  containsNull: boolean;
  lowerBound: Uint8Array | null;
  upperBound: Uint8Array | null;
}

/** One row of a manifest list (spec "Manifest Lists"). */
export interface ManifestFile {
  manifestPath: string;
  manifestLength: number;
  partitionSpecId: number;
  sequenceNumber: number;
  minSequenceNumber: number;
  addedSnapshotId: number;
  addedFilesCount: number;
  existingFilesCount: number;
  deletedFilesCount: number;
  addedRowsCount: number;
  existingRowsCount: number;
  deletedRowsCount: number;
  partitions: PartitionFieldSummary[];
}

export interface ManifestListHeader {
  snapshotId: number;
  parentSnapshotId: number | null;
  sequenceNumber: number;
}

export async function encodeManifestList(header: ManifestListHeader, manifests: ManifestFile[]): Promise<Buffer> {
  const records = manifests.map((m) => ({
    manifest_path: m.manifestPath,
    manifest_length: BigInt(m.manifestLength),
    partition_spec_id: m.partitionSpecId,
    content: 0,
    sequence_number: BigInt(m.sequenceNumber),
    min_sequence_number: BigInt(m.minSequenceNumber),
    added_snapshot_id: BigInt(m.addedSnapshotId),
    added_files_count: m.addedFilesCount,
    existing_files_count: m.existingFilesCount,
    deleted_files_count: m.deletedFilesCount,
    added_rows_count: BigInt(m.addedRowsCount),
    existing_rows_count: BigInt(m.existingRowsCount),
    deleted_rows_count: BigInt(m.deletedRowsCount),
    partitions: m.partitions.map((p) => ({
      contains_null: p.containsNull,
      contains_nan: null,
      lower_bound: p.lowerBound ? Buffer.from(p.lowerBound) : null,
      upper_bound: p.upperBound ? Buffer.from(p.upperBound) : null,
    })),
    key_metadata: null,
  }));
  return encodeContainer(manifestListSchema, records, {
    'snapshot-id': String(header.snapshotId),
    'parent-snapshot-id': header.parentSnapshotId === null ? 'null' : String(header.parentSnapshotId),
    'sequence-number': String(header.sequenceNumber),
    'format-version': '2',
  });
}

export async function readManifestList(uri: string): Promise<ManifestFile[]> {
  const { records } = await decodeContainer(await readFile(pathFromUri(uri)));
  return records.map((r) => ({
    manifestPath: String(r.manifest_path),
    manifestLength: Number(r.manifest_length),
    partitionSpecId: Number(r.partition_spec_id),
    sequenceNumber: Number(r.sequence_number),
    minSequenceNumber: Number(r.min_sequence_number),
    addedSnapshotId: Number(r.added_snapshot_id),
    addedFilesCount: Number(r.added_files_count),
    existingFilesCount: Number(r.existing_files_count),
    deletedFilesCount: Number(r.deleted_files_count),
    addedRowsCount: Number(r.added_rows_count),
    existingRowsCount: Number(r.existing_rows_count),
    deletedRowsCount: Number(r.deleted_rows_count),
    partitions: Array.isArray(r.partitions)
      ? (r.partitions as Record<string, unknown>[]).map((p) => ({
          containsNull: Boolean(p.contains_null),
          lowerBound: p.lower_bound ? Uint8Array.from(p.lower_bound as Buffer) : null,
          upperBound: p.upper_bound ? Uint8Array.from(p.upper_bound as Buffer) : null,
        }))
      : [],
  }));
}
