import type { IcebergValue } from './values.js';

/** A Parquet data file and the statistics a manifest keeps for it (copy-on-write: content 0 only). */
export interface DataFile {
  filePath: string;
  fileFormat: 'PARQUET';
  /** Partition tuple in the order of the spec's fields. */
  partition: (IcebergValue | null)[];
  specId: number;
  recordCount: number;
  fileSizeInBytes: number;
  columnSizes: Map<number, number>;
  valueCounts: Map<number, number>;
  nullValueCounts: Map<number, number>;
  lowerBounds: Map<number, Uint8Array>;
  upperBounds: Map<number, Uint8Array>;
  splitOffsets?: number[];
}

export const ENTRY_STATUS = { EXISTING: 0, ADDED: 1, DELETED: 2 } as const;
export type EntryStatus = (typeof ENTRY_STATUS)[keyof typeof ENTRY_STATUS];

export interface ManifestEntry {
  status: EntryStatus;
  snapshotId: number;
  /** Data sequence number of the file. */
  sequenceNumber: number;
  fileSequenceNumber: number;
  dataFile: DataFile;
}
