import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import avro from 'avsc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileCatalog, type LoadedTable } from './catalog.js';
import { commitMetadata, commitSnapshot } from './commit-snapshot.js';
import type { DataFile } from './data-file.js';
import { manifestEntrySchema, manifestListSchema } from './avro-schemas.js';
import { readManifestList } from './manifest-list.js';
import { planScan } from './scan-planning.js';
import { readSnapshotManifests } from './snapshot-files.js';
import { evolveFields, FieldIdAllocator } from './schema-evolution.js';
import { tableMetadataSchema } from './table-metadata-schema.js';
import { currentSchema, newTableMetadata, resolveSpec, withSchema } from './table-metadata.js';
import { serializeValue } from './single-value.js';
import { dateToDays } from './values.js';
import { pathFromUri, uriFromPath } from './uri.js';

let warehouse: string;
beforeEach(() => {
  warehouse = mkdtempSync(join(tmpdir(), 'lakeform-iceberg-'));
});
afterEach(() => rmSync(warehouse, { recursive: true, force: true }));

const ident = { schema: 'sales', table: 'orders' };

function createOrders(catalog: FileCatalog): LoadedTable {
  const ids = new FieldIdAllocator(0);
  const fields = evolveFields({ type: 'struct', 'schema-id': 0, fields: [] }, [
    { name: 'id', type: 'long' },
    { name: 'order_date', type: 'date' },
    { name: 'tags', type: { type: 'list', 'element-id': 0, element: 'string', 'element-required': false } },
  ], 'replace', ids, 'sales.orders');
  const md = newTableMetadata({ location: uriFromPath(catalog.tableDir(ident)), fields, partition: [{ column: 'order_date', transform: { kind: 'day' } }], nowMs: 1_000 });
  return catalog.commit(ident, undefined, md);
}

/** A data file for one day holding ids lo..hi (the files need not exist for metadata tests). */
function dayFile(table: LoadedTable, day: string, lo: bigint, hi: bigint): DataFile {
  const idField = 1;
  return {
    filePath: uriFromPath(join(table.dir, 'data', `order_date_day=${day}`, `${lo}.parquet`)),
    fileFormat: 'PARQUET',
    partition: [dateToDays(day)],
    specId: 0,
    recordCount: Number(hi - lo + 1n),
    fileSizeInBytes: 100,
    columnSizes: new Map([[idField, 10]]),
    valueCounts: new Map([[idField, Number(hi - lo + 1n)]]),
    nullValueCounts: new Map([[idField, 0]]),
    lowerBounds: new Map([[idField, serializeValue('long', lo)]]),
    upperBounds: new Map([[idField, serializeValue('long', hi)]]),
  };
}

describe('a table through its life', () => {
  it('assigns nested field ids and validates its metadata with the zod schema', () => {
    const t = createOrders(new FileCatalog(warehouse));
    const schema = currentSchema(t.metadata);
    expect(schema.fields.map((f) => f.id)).toEqual([1, 2, 3]);
    expect(schema.fields[2]?.type).toMatchObject({ type: 'list', 'element-id': 4 });
    expect(t.metadata['last-column-id']).toBe(4);
    const onDisk = JSON.parse(readFileSync(join(t.dir, 'metadata', 'v1.metadata.json'), 'utf8')) as unknown;
    expect(tableMetadataSchema.safeParse(onDisk).success).toBe(true);
    expect(readFileSync(join(t.dir, 'metadata', 'version-hint.text'), 'utf8')).toBe('1');
    expect(tableMetadataSchema.safeParse({ ...(onDisk as object), 'format-version': 1 }).success).toBe(false);
  });

  it('keeps every snapshot, rewrites only manifests that lose files, and prunes by partition and bounds', async () => {
    const catalog = new FileCatalog(warehouse);
    let t = createOrders(catalog);
    t = await commitSnapshot(catalog, t, { operation: 'append', added: [dayFile(t, '2024-01-01', 1n, 10n), dayFile(t, '2024-01-02', 11n, 20n)], removed: new Set() });
    t = await commitSnapshot(catalog, t, { operation: 'append', added: [dayFile(t, '2024-01-03', 21n, 30n)], removed: new Set() });
    const gone = dayFile(t, '2024-01-01', 1n, 10n).filePath;
    t = await commitSnapshot(catalog, t, { operation: 'overwrite', added: [dayFile(t, '2024-01-01', 100n, 105n)], removed: new Set([gone]) });

    expect(t.metadata.snapshots).toHaveLength(3);
    expect(t.version).toBe(4);
    const snap = t.metadata.snapshots?.[2];
    expect(snap?.summary).toMatchObject({ operation: 'overwrite', 'added-data-files': '1', 'deleted-data-files': '1', 'deleted-records': '10', 'total-records': '26', 'total-data-files': '3' });
    expect(t.metadata['metadata-log']).toHaveLength(3);

    const manifests = await readSnapshotManifests(t.metadata, snap);
    const statuses = manifests.flatMap((m) => m.entries.map((e) => e.status)).sort();
    // added(1), existing(0: 01-02 carried from the rewritten manifest), deleted(2), and the reused manifest's added 01-03.
    expect(statuses).toEqual([0, 1, 1, 2]);

    const all = await planScan(t);
    expect(all.files).toHaveLength(3);
    const byDay = await planScan(t, { predicates: [{ column: 'order_date', op: '=', value: '2024-01-02' }] });
    expect(byDay.files.map((f) => f.recordCount)).toEqual([10]);
    const byRange = await planScan(t, { predicates: [{ column: 'order_date', op: '>=', value: '2024-01-02' }, { column: 'id', op: 'in', values: [25n, 26n] }] });
    expect(byRange.files.map((f) => f.partition[0])).toEqual([dateToDays('2024-01-03')]);
    const byBounds = await planScan(t, { predicates: [{ column: 'id', op: '>', value: 99n }] });
    expect(byBounds.files).toHaveLength(1);
    expect(byBounds.totalFiles).toBe(3);

    const first = t.metadata.snapshots?.[0];
    const old = await planScan(t, { at: { snapshotId: BigInt(first?.['snapshot-id'] ?? 0) } });
    expect(old.files).toHaveLength(2);
    const asOf = await planScan(t, { at: { timestampMs: (t.metadata.snapshots?.[1]?.['timestamp-ms'] ?? 0) } });
    expect(asOf.snapshot?.['snapshot-id']).toBe(t.metadata.snapshots?.[1]?.['snapshot-id']);
    await expect(planScan(t, { at: { snapshotId: 42n } })).rejects.toThrow(/sales\.orders has no snapshot 42/);
    await expect(planScan(t, { at: { timestampMs: 5 } })).rejects.toMatchObject({ code: 'E_ICEBERG_SNAPSHOT_NOT_FOUND' });
  });

  it('writes Avro files that avsc decodes with the spec schemas and field ids', async () => {
    const catalog = new FileCatalog(warehouse);
    let t = createOrders(catalog);
    t = await commitSnapshot(catalog, t, { operation: 'append', added: [dayFile(t, '2024-01-01', 1n, 10n)], removed: new Set() });
    const listUri = t.metadata.snapshots?.[0]?.['manifest-list'] ?? '';
    const header = avro.extractFileHeader(pathFromUri(listUri));
    expect(header?.meta['avro.schema']).toMatchObject({ name: 'manifest_file' });
    const listSchema = header?.meta['avro.schema'] as { fields: { name: string; 'field-id': number }[] };
    expect(listSchema.fields.find((f) => f.name === 'added_snapshot_id')?.['field-id']).toBe(503);
    expect(String(header?.meta['format-version'])).toBe('2');

    const rows: Record<string, unknown>[] = [];
    await new Promise<void>((resolve, reject) => {
      avro.createFileDecoder(pathFromUri(listUri), { readerSchema: manifestListSchema as avro.Schema })
        .on('data', (r: Record<string, unknown>) => rows.push(r)).on('end', () => resolve()).on('error', reject);
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ added_files_count: 1, content: 0 });

    const manifests = await readManifestList(listUri);
    const mPath = pathFromUri(manifests[0]?.manifestPath ?? '');
    const entries: Record<string, unknown>[] = [];
    const entrySchema = manifestEntrySchema(resolveSpec(t.metadata, 0));
    await new Promise<void>((resolve, reject) => {
      avro.createFileDecoder(mPath, { readerSchema: entrySchema as avro.Schema })
        .on('data', (r: Record<string, unknown>) => entries.push(r)).on('end', () => resolve()).on('error', reject);
    });
    const df = entries[0]?.data_file as Record<string, unknown>;
    expect(entries[0]?.status).toBe(1);
    expect(df.partition).toEqual({ order_date_day: dateToDays('2024-01-01') });
    expect(df.record_count).toBe(10);
    expect((df.lower_bounds as { key: number; value: Buffer }[])[0]?.key).toBe(1);
    const mHeader = avro.extractFileHeader(mPath);
    expect(JSON.parse(String(mHeader?.meta['partition-spec']))).toEqual([{ 'source-id': 2, 'field-id': 1000, name: 'order_date_day', transform: 'day' }]);
  });

  it('rejects a commit whose base moved (optimistic concurrency) and repairs a lagging hint', async () => {
    const catalog = new FileCatalog(warehouse);
    const t = createOrders(catalog);
    const a = catalog.load(ident);
    const b = catalog.load(ident);
    await commitSnapshot(catalog, a, { operation: 'append', added: [dayFile(a, '2024-01-01', 1n, 2n)], removed: new Set() });
    await expect(commitSnapshot(catalog, b, { operation: 'append', added: [dayFile(b, '2024-01-02', 3n, 4n)], removed: new Set() })).rejects.toMatchObject({ code: 'E_ICEBERG_COMMIT_CONFLICT' });
    // A crash between creating v3 and moving the hint: the hint lags, the catalog still finds v3.
    const latest = catalog.load(ident);
    const evolved = withSchema(latest.metadata, [...currentSchema(latest.metadata).fields, { id: 5, name: 'note', required: false, type: 'string' }]);
    commitMetadata(catalog, latest, evolved);
    writeFileSync(join(t.dir, 'metadata', 'version-hint.text'), '2');
    expect(catalog.load(ident).version).toBe(3);
    catalog.repairHint(ident);
    expect(readFileSync(join(t.dir, 'metadata', 'version-hint.text'), 'utf8')).toBe('3');
    expect(catalog.list()).toEqual([ident]);
    catalog.drop(ident);
    expect(catalog.exists(ident)).toBe(false);
    expect(() => catalog.load(ident)).toThrow(/sales\.orders does not exist/);
  });

  it('evolves schemas: appends keep ids, sync drops and widens, illegal changes fail', () => {
    const ids = new FieldIdAllocator(2);
    const schema = { type: 'struct' as const, 'schema-id': 0, fields: [{ id: 1, name: 'a', required: false, type: 'int' }, { id: 2, name: 'b', required: false, type: 'string' }] };
    expect(evolveFields(schema, [{ name: 'C', type: 'long' }], 'append_new_columns', ids, 't').map((f) => [f.id, f.name])).toEqual([[1, 'a'], [2, 'b'], [3, 'c']]);
    expect(evolveFields(schema, [{ name: 'a', type: 'long' }], 'sync_all_columns', ids, 't')).toEqual([{ id: 1, name: 'a', required: false, type: 'long' }]);
    expect(() => evolveFields(schema, [{ name: 'b', type: 'int' }], 'sync_all_columns', ids, 't')).toThrow(/cannot change type from string to int/);
  });
});
