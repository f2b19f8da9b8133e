import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeNewFile } from './atomic-file.js';
import type { CommitHooks, FileCatalog, LoadedTable } from './catalog.js';
import type { DataFile, ManifestEntry } from './data-file.js';
import { encodeManifest } from './manifest-file.js';
import { encodeManifestList, type ManifestFile, type PartitionFieldSummary } from './manifest-list.js';
import type { ResolvedPartitionField } from './partition-spec.js';
import { serializeValue } from './single-value.js';
import { readSnapshotManifests } from './snapshot-files.js';
import type { Snapshot, TableMetadata } from './table-metadata-schema.js';
import { currentSchema, currentSnapshot, resolveSpec, schemaById, specById } from './table-metadata.js';
import { compareValues, type IcebergValue } from './values.js';
import { uriFromPath } from './uri.js';

export type SnapshotOperation = 'append' | 'overwrite' | 'replace' | 'delete';

export interface SnapshotChange {
  operation: SnapshotOperation;
  /** New data files, written under the table's default spec. */
  added: DataFile[];
  /** Paths (URIs, as in the manifests) of live files this snapshot removes. */
  removed: ReadonlySet<string>;
}

export interface CommitOptions {
  hooks?: CommitHooks;
  nowMs?: number;
}

/** Snapshot ids stay below 2^53 so JSON readers in any language keep them exact. */
function newSnapshotId(md: TableMetadata): number {
  const used = new Set((md.snapshots ?? []).map((s) => s['snapshot-id']));
  for (;;) {
    const id = randomInt(1, 2 ** 47) * 64 + randomInt(0, 64);
    if (!used.has(id)) return id;
  }
}

function partitionSummaries(partition: ResolvedPartitionField[], files: DataFile[]): PartitionFieldSummary[] {
  return partition.map((p, i) => {
    let containsNull = false;
    let lo: IcebergValue | undefined;
    let hi: IcebergValue | undefined;
    for (const f of files) {
      const v = f.partition[i] ?? null;
      if (v === null) {
        containsNull = true;
        continue;
      }
      if (lo === undefined || compareValues(v, lo) < 0) lo = v;
      if (hi === undefined || compareValues(v, hi) > 0) hi = v;
    }
    return {
      containsNull,
      lowerBound: lo === undefined ? null : serializeValue(p.resultType, lo),
      upperBound: hi === undefined ? null : serializeValue(p.resultType, hi),
    };
  });
}

interface ManifestDraft {
  specId: number;
  entries: ManifestEntry[];
}

async function writeManifest(table: LoadedTable, md: TableMetadata, draft: ManifestDraft, snapshotId: number, sequenceNumber: number): Promise<ManifestFile> {
  const partition = resolveSpec(md, draft.specId);
  const bytes = await encodeManifest({ schema: currentSchema(md), spec: specById(md, draft.specId), partition, entries: draft.entries });
  const path = join(table.dir, 'metadata', `${randomUUID()}-m0.avro`);
  writeNewFile(path, bytes);
  const count = (s: number): ManifestEntry[] => draft.entries.filter((e) => e.status === s);
  const rows = (es: ManifestEntry[]): number => es.reduce((n, e) => n + e.dataFile.recordCount, 0);
  const live = draft.entries.filter((e) => e.status !== 2);
  const seqs = draft.entries.map((e) => (e.status === 1 ? sequenceNumber : e.sequenceNumber));
  return {
    manifestPath: uriFromPath(path),
    manifestLength: bytes.length,
    partitionSpecId: draft.specId,
    sequenceNumber,
    minSequenceNumber: seqs.length ? Math.min(...seqs) : sequenceNumber,
    addedSnapshotId: snapshotId,
    addedFilesCount: count(1).length,
    existingFilesCount: count(0).length,
    deletedFilesCount: count(2).length,
    addedRowsCount: rows(count(1)),
    existingRowsCount: rows(count(0)),
    deletedRowsCount: rows(count(2)),
    partitions: partitionSummaries(partition, live.map((e) => e.dataFile)),
  };
}

/**
 * Writes one snapshot: a manifest of the added files, rewritten manifests for those that lose files
 * (their other files carried as EXISTING, the removed ones marked DELETED), untouched manifests
 * reused as they are, a manifest list, and the new table metadata — then commits it.
 */
export async function commitSnapshot(catalog: FileCatalog, base: LoadedTable, change: SnapshotChange, opts: CommitOptions = {}): Promise<LoadedTable> {
  const md = base.metadata;
  const parent = currentSnapshot(md);
  const snapshotId = newSnapshotId(md);
  const sequenceNumber = md['last-sequence-number'] + 1;
  const previous = await readSnapshotManifests(md, parent);
  mkdirSync(join(base.dir, 'metadata'), { recursive: true });

  const drafts: ManifestDraft[] = [];
  const reused: ManifestFile[] = [];
  let removedFiles = 0;
  let removedRows = 0;
  let removedSize = 0;
  for (const { manifest, entries } of previous) {
    const live = entries.filter((e) => e.status !== 2);
    const hit = live.some((e) => change.removed.has(e.dataFile.filePath));
    if (!hit) {
      if (live.length > 0) reused.push(manifest);
      continue;
    }
    const rewritten = live.map((e): ManifestEntry => {
      if (!change.removed.has(e.dataFile.filePath)) return { ...e, status: 0 };
      removedFiles += 1;
      removedRows += e.dataFile.recordCount;
      removedSize += e.dataFile.fileSizeInBytes;
      return { ...e, status: 2, snapshotId };
    });
    drafts.push({ specId: manifest.partitionSpecId, entries: rewritten });
  }
  if (change.added.length > 0) {
    drafts.unshift({
      specId: md['default-spec-id'],
      entries: change.added.map((f) => ({ status: 1, snapshotId, sequenceNumber, fileSequenceNumber: sequenceNumber, dataFile: f })),
    });
  }

  const written: ManifestFile[] = [];
  for (const d of drafts) written.push(await writeManifest(base, md, d, snapshotId, sequenceNumber));
  const manifests = [...written, ...reused];
  const listBytes = await encodeManifestList({ snapshotId, parentSnapshotId: parent?.['snapshot-id'] ?? null, sequenceNumber }, manifests);
  const listPath = join(base.dir, 'metadata', `snap-${snapshotId}-1-${randomUUID()}.avro`);
  writeNewFile(listPath, listBytes);

  const addedRows = change.added.reduce((n, f) => n + f.recordCount, 0);
  const addedSize = change.added.reduce((n, f) => n + f.fileSizeInBytes, 0);
  const prevSummary = parent?.summary ?? { operation: 'append' };
  const prevTotal = (k: string): number => Number(prevSummary[k] ?? 0);
  const changedPartitions = new Set(change.added.map((f) => JSON.stringify(f.partition, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))));
  // Snapshot times strictly increase so FOR TIMESTAMP AS OF can tell consecutive commits apart.
  const lastTs = Math.max(md['last-updated-ms'], ...(md.snapshots ?? []).map((s) => s['timestamp-ms']));
  const timestampMs = Math.max(opts.nowMs ?? Date.now(), lastTs + 1);
  const summary: Snapshot['summary'] = {
    operation: change.operation,
    'added-data-files': String(change.added.length),
    'added-records': String(addedRows),
    'added-files-size': String(addedSize),
    'deleted-data-files': String(removedFiles),
    'deleted-records': String(removedRows),
    'removed-files-size': String(removedSize),
    'changed-partition-count': String(changedPartitions.size),
    'total-records': String(prevTotal('total-records') + addedRows - removedRows),
    'total-files-size': String(prevTotal('total-files-size') + addedSize - removedSize),
    'total-data-files': String(prevTotal('total-data-files') + change.added.length - removedFiles),
    'total-delete-files': '0',
    'total-position-deletes': '0',
    'total-equality-deletes': '0',
  };
  const snapshot: Snapshot = {
    'snapshot-id': snapshotId,
    ...(parent ? { 'parent-snapshot-id': parent['snapshot-id'] } : {}),
    'sequence-number': sequenceNumber,
    'timestamp-ms': timestampMs,
    'manifest-list': uriFromPath(listPath),
    summary,
    'schema-id': schemaById(md, md['current-schema-id'])['schema-id'],
  };
  const next: TableMetadata = {
    ...md,
    'last-sequence-number': sequenceNumber,
    'last-updated-ms': timestampMs,
    'current-snapshot-id': snapshotId,
    snapshots: [...(md.snapshots ?? []), snapshot],
    'snapshot-log': [...(md['snapshot-log'] ?? []), { 'timestamp-ms': timestampMs, 'snapshot-id': snapshotId }],
    refs: { ...(md.refs ?? {}), main: { 'snapshot-id': snapshotId, type: 'branch' } },
  };
  return catalog.commit(base, base, next, opts.hooks);
}

/** Commits a metadata-only change (schema evolution, new partition spec): no new snapshot. */
export function commitMetadata(catalog: FileCatalog, base: LoadedTable, next: TableMetadata, opts: CommitOptions = {}): LoadedTable {
  const now = Math.max(opts.nowMs ?? Date.now(), base.metadata['last-updated-ms']);
  return catalog.commit(base, base, { ...next, 'last-updated-ms': now }, opts.hooks);
}
