import type { ManifestEntry } from './data-file.js';
import { readManifest } from './manifest-file.js';
import { type ManifestFile, readManifestList } from './manifest-list.js';
import type { Snapshot, TableMetadata } from './table-metadata-schema.js';
import { resolveSpec } from './table-metadata.js';

export interface ManifestWithEntries {
  manifest: ManifestFile;
  entries: ManifestEntry[];
}

/** Every manifest of a snapshot with its entries (all statuses). */
export async function readSnapshotManifests(md: TableMetadata, snapshot: Snapshot | undefined): Promise<ManifestWithEntries[]> {
  if (!snapshot) return [];
  const manifests = await readManifestList(snapshot['manifest-list']);
  return Promise.all(
    manifests.map(async (manifest) => ({
      manifest,
      entries: await readManifest(manifest.manifestPath, resolveSpec(md, manifest.partitionSpecId), manifest.partitionSpecId, manifest.sequenceNumber),
    })),
  );
}

/** The data files a snapshot reads: entries that are ADDED or EXISTING. */
export async function liveEntries(md: TableMetadata, snapshot: Snapshot | undefined): Promise<ManifestEntry[]> {
  const manifests = await readSnapshotManifests(md, snapshot);
  return manifests.flatMap((m) => m.entries.filter((e) => e.status !== 2));
}
