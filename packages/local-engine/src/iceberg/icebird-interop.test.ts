import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { icebergMetadata, icebergRead } from 'icebird';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IcebergStore } from './iceberg-store.js';
import { type TestWarehouse, openTestWarehouse } from './test-warehouse.js';

/** icebird reads through fetch; this one serves file:// URLs (with Range requests) from the warehouse. */
async function fileFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!url.startsWith('file:')) throw new Error(`test fetch only serves file:// URLs, got ${url}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(fileURLToPath(url));
  } catch {
    return new Response('not found', { status: 404 });
  }
  const range = new Headers(init?.headers).get('Range');
  const m = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
  if (m) {
    const start = Number(m[1]);
    const end = m[2] ? Number(m[2]) + 1 : bytes.length;
    return new Response(bytes.subarray(start, end), { status: 206 });
  }
  return new Response(bytes, { status: 200 });
}

let w: TestWarehouse;
let store: IcebergStore;
beforeEach(async () => {
  w = await openTestWarehouse();
  store = await IcebergStore.open(w.conn, w.dir);
  vi.stubGlobal('fetch', fileFetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
  w.close();
});

/** Both readers' values in one comparable form (icebird leaves absent values undefined). */
function normalize(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(normalize);
  return v;
}

function byId(rows: Record<string, unknown>[], columns: string[]): unknown[][] {
  return rows.map((r) => columns.map((c) => normalize(r[c]))).sort((a, b) => Number(a[0]) - Number(b[0]));
}

const SOURCE = `
  SELECT range::INTEGER AS id, (range * 1000)::BIGINT AS big, 'item ' || range AS name, range % 2 = 0 AS paid,
         DATE '2024-01-30' + range::INTEGER AS sold_on, TIMESTAMP '2024-01-30 08:15:00' + to_days(range::INTEGER) AS sales_at,
         (range * 1.5)::DOUBLE AS score, [range::INTEGER, 7] AS tags, (range * 1.25)::DECIMAL(12, 2) AS amount
    FROM range(6)`;
const COLUMNS = ['id', 'big', 'name', 'paid', 'sold_on', 'sales_at', 'score', 'tags', 'amount'];

describe('an independent Iceberg reader (icebird)', () => {
  it('reads the same rows as DuckDB from partitioned tables, after merges and schema evolution', async () => {
    await store.write('lake', 'events', SOURCE, { kind: 'overwrite' }, { partitionedBy: ['day(sales_at)'] });
    await store.write('lake', 'events', `SELECT 2 AS id, 'changed' AS name, TIMESTAMP '2024-01-31 09:00:00' AS sales_at`, { kind: 'merge', uniqueKey: ['id'] });
    await store.evolveSchema('lake', 'events', [{ name: 'note', type: 'VARCHAR' }], 'append_new_columns');
    await store.write('lake', 'events', `SELECT 10 AS id, 'late' AS name, 'hello' AS note, TIMESTAMP '2024-03-01 00:00:00' AS sales_at`, { kind: 'append' });

    const tableUrl = pathToFileURL(join(w.dir, 'lake', 'events')).href;
    const metadata = await icebergMetadata({ tableUrl });
    expect(metadata['format-version']).toBe(2);
    const fromIcebird = await icebergRead({ tableUrl, metadata });
    const fromDuck = await w.rows('SELECT * FROM lake.events');
    expect(fromIcebird).toHaveLength(7);
    expect(byId(fromIcebird, [...COLUMNS, 'note'])).toEqual(byId(fromDuck, [...COLUMNS, 'note']));
    expect(fromIcebird.find((r) => Number(r.id) === 2)?.name).toBe('changed');
    expect(fromIcebird.find((r) => Number(r.id) === 10)?.note).toBe('hello');
  });

  it('reads an older metadata version (time travel through the metadata file)', async () => {
    await store.write('lake', 'tt', SOURCE, { kind: 'overwrite' });
    await store.write('lake', 'tt', 'SELECT 99 AS id', { kind: 'overwrite' });
    const tableUrl = pathToFileURL(join(w.dir, 'lake', 'tt')).href;
    const old = await icebergRead({ tableUrl, metadataFileName: 'v1.metadata.json' });
    expect(byId(old, COLUMNS)).toEqual(byId(await w.rows(`SELECT * FROM (${SOURCE})`), COLUMNS));
    const now = await icebergRead({ tableUrl });
    expect(now.map((r) => Number(r.id))).toEqual([99]);
  });
});
