import { icebergError } from './iceberg-error.js';
import type { Snapshot, TableMetadata } from './table-metadata-schema.js';
import { currentSnapshot } from './table-metadata.js';

export type SnapshotSelector = { snapshotId: number | bigint } | { timestampMs: number };

/**
 * The snapshot a read sees: the current one, one by id, or the one that was current at a time
 * (from the snapshot log, as Trino's FOR TIMESTAMP AS OF does). Undefined means an empty table.
 */
export function selectSnapshot(md: TableMetadata, tableName: string, at?: SnapshotSelector): Snapshot | undefined {
  if (!at) return currentSnapshot(md);
  const snapshots = md.snapshots ?? [];
  if ('snapshotId' in at) {
    const id = Number(at.snapshotId);
    const s = snapshots.find((x) => x['snapshot-id'] === id);
    if (!s) {
      const known = snapshots.map((x) => x['snapshot-id']).join(', ') || 'none';
      throw icebergError('E_ICEBERG_SNAPSHOT_NOT_FOUND', `table ${tableName} has no snapshot ${String(at.snapshotId)}`, `Use one of its snapshot ids: ${known}.`);
    }
    return s;
  }
  const log = md['snapshot-log'] ?? [];
  let chosen: number | undefined;
  for (const entry of log) if (entry['timestamp-ms'] <= at.timestampMs) chosen = entry['snapshot-id'];
  if (chosen === undefined) {
    const first = log[0];
    throw icebergError(
      'E_ICEBERG_SNAPSHOT_NOT_FOUND',
      `table ${tableName} has no snapshot at or before ${new Date(at.timestampMs).toISOString()}`,
      first ? `Its first snapshot was taken at ${new Date(first['timestamp-ms']).toISOString()}.` : 'The table has no snapshots yet.',
    );
  }
  const s = snapshots.find((x) => x['snapshot-id'] === chosen);
  if (!s) throw icebergError('E_ICEBERG_SNAPSHOT_NOT_FOUND', `table ${tableName}: snapshot ${chosen} from its log has expired`, 'Pick a later time.');
  return s;
}
