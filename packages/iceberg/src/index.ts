/**
 * @lakeform/iceberg — the Apache Iceberg v2 table format on a local filesystem: table metadata,
 * Avro manifests and manifest lists, snapshots, partition transforms, a file catalog with atomic
 * commits, and scan planning with partition and column-bound pruning. No query engine here.
 */
export * from './types.js';
export * from './values.js';
export { murmur3x86_32 } from './murmur3.js';
export { serializeValue, deserializeValue, minimalTwosComplement, fromTwosComplement } from './single-value.js';
export * from './transforms.js';
export * from './partition-spec.js';
export * from './table-metadata-schema.js';
export * from './table-metadata.js';
export * from './schema-evolution.js';
export type { DataFile, ManifestEntry, EntryStatus } from './data-file.js';
export { ENTRY_STATUS } from './data-file.js';
export { encodeManifest, readManifest } from './manifest-file.js';
export { encodeManifestList, readManifestList, type ManifestFile, type PartitionFieldSummary } from './manifest-list.js';
export { manifestEntrySchema, manifestListSchema, partitionRecordSchema } from './avro-schemas.js';
export { decodeContainer, type DecodedContainer } from './avro-container.js';
export { FileCatalog, parseMetadata, tableName, type CommitHooks, type LoadedTable, type TableIdent } from './catalog.js';
export { commitSnapshot, commitMetadata, type SnapshotChange, type SnapshotOperation, type CommitOptions } from './commit-snapshot.js';
export { readSnapshotManifests, liveEntries, type ManifestWithEntries } from './snapshot-files.js';
export { selectSnapshot, type SnapshotSelector } from './snapshot-selection.js';
export { planScan, type ScanPlan, type ScanPredicate, type ComparisonOp } from './scan-planning.js';
export { uriFromPath, pathFromUri } from './uri.js';
export { icebergError } from './iceberg-error.js';
