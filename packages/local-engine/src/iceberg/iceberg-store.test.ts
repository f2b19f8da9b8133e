import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileCatalog, tableMetadataSchema } from '@lakeform/iceberg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IcebergStore } from './iceberg-store.js';
import { type TestWarehouse, openTestWarehouse } from './test-warehouse.js';

let w: TestWarehouse;
let store: IcebergStore;
beforeEach(async () => {
  w = await openTestWarehouse();
  store = await IcebergStore.open(w.conn, w.dir);
});
afterEach(() => w.close());

const SALES = `
  SELECT range::INTEGER AS id, (range * 1000)::BIGINT AS big, (range * 1.25)::DECIMAL(12, 2) AS amount,
         'item ' || range AS Name, DATE '2024-01-30' + range::INTEGER AS sold_on,
         TIMESTAMP '2024-01-30 08:15:00' + to_days(range::INTEGER) AS sales_at,
         range % 2 = 0 AS paid, [range::INTEGER, 7] AS tags, (range % 3)::VARCHAR AS region
    FROM range(8)`;

async function ids(sql: string): Promise<number[]> {
  return (await w.rows(sql)).map((r) => Number(r.id));
}

function parquetFiles(sql: string): number {
  return sql.match(/\.parquet'/g)?.length ?? 0;
}

describe('IcebergStore round trip', () => {
  it('creates a table from a SELECT and reads every type back through the view and scanSql', async () => {
    const result = await store.write('Sales', 'Orders', SALES, { kind: 'overwrite' });
    expect(result).toMatchObject({ rowsWritten: 8, addedFiles: 1, removedFiles: 0 });
    const viaView = await w.rows('SELECT * FROM sales.orders ORDER BY id');
    const viaScan = await w.rows(`SELECT * FROM ${await store.scanSql('sales', 'orders')} t ORDER BY id`);
    const direct = await w.rows(`SELECT * FROM (${SALES}) ORDER BY id`);
    expect(viaView).toEqual(direct.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]))));
    expect(viaScan).toEqual(viaView);
    expect(viaView[3]).toMatchObject({ id: 3, big: 3000n, amount: 3.75, name: 'item 3', paid: false, tags: [3, 7] });
    expect(await store.columns('sales', 'orders')).toEqual([
      { name: 'id', dataType: 'INTEGER' }, { name: 'big', dataType: 'BIGINT' }, { name: 'amount', dataType: 'DECIMAL(12,2)' },
      { name: 'name', dataType: 'VARCHAR' }, { name: 'sold_on', dataType: 'DATE' }, { name: 'sales_at', dataType: 'TIMESTAMP' },
      { name: 'paid', dataType: 'BOOLEAN' }, { name: 'tags', dataType: 'INTEGER[]' }, { name: 'region', dataType: 'VARCHAR' },
    ]);
    const md = JSON.parse(readFileSync(join(w.dir, 'sales', 'orders', 'metadata', 'v1.metadata.json'), 'utf8')) as unknown;
    expect(tableMetadataSchema.safeParse(md).success).toBe(true);
    // Parquet columns carry the Iceberg field ids, nested list elements included.
    const dataFile = readdirSync(join(w.dir, 'sales', 'orders', 'data')).find((f) => f.endsWith('.parquet')) ?? '';
    const schema = await w.rows(`SELECT name, field_id FROM parquet_schema('${join(w.dir, 'sales', 'orders', 'data', dataFile)}') WHERE field_id IS NOT NULL`);
    expect(schema.map((r) => [r.name, Number(r.field_id)])).toEqual([
      ['id', 1], ['big', 2], ['amount', 3], ['name', 4], ['sold_on', 5], ['sales_at', 6], ['paid', 7], ['tags', 8], ['element', 9], ['region', 10],
    ]);
  });

  it.each([
    ['identity', ['region'], ['region=0', 'region=1', 'region=2']],
    ['day', ['day(sales_at)'], ['sales_at_day=2024-01-30', 'sales_at_day=2024-02-06']],
    ['month', ['month(sold_on)'], ['sold_on_month=2024-01', 'sold_on_month=2024-02']],
    ['bucket', ['bucket(4, id)'], []],
    ['truncate', ['truncate(5, big)'], ['big_trunc=0', 'big_trunc=5000']],
  ])('writes %s partitions into their own folders and reads the same rows', async (_kind, partitionedBy, expectedDirs) => {
    await store.write('sales', 'parts', SALES, { kind: 'overwrite' }, { partitionedBy });
    expect(await w.rows('SELECT * FROM sales.parts ORDER BY id')).toEqual(await w.rows(`SELECT id, big, amount, "Name" AS name, sold_on, sales_at, paid, tags, region FROM (${SALES}) ORDER BY id`));
    const dirs = readdirSync(join(w.dir, 'sales', 'parts', 'data'));
    for (const d of expectedDirs) expect(dirs).toContain(d);
    const plan = await store.planScan('sales', 'parts');
    const total = plan.files.reduce((n, f) => n + f.recordCount, 0);
    expect(total).toBe(8);
    expect(plan.files.length).toBeGreaterThan(1);
  });

  it('puts rows in the buckets the spec murmur3 hash chooses', async () => {
    await store.write('sales', 'b', 'SELECT 34::INTEGER AS id UNION ALL SELECT 35::INTEGER', { kind: 'overwrite' }, { partitionedBy: ['bucket(16, id)'] });
    const dirs = readdirSync(join(w.dir, 'sales', 'b', 'data'));
    // bucket[16](34) = (2017239379 & MAX_INT) % 16, from the spec's hash vector.
    expect(dirs).toContain(`id_bucket=${(2017239379 & 0x7fffffff) % 16}`);
  });
});

describe('write modes, snapshots and time travel', () => {
  it('appends, replaces partitions, merges and delete-inserts, one snapshot per write', async () => {
    await store.write('s', 't', SALES, { kind: 'overwrite' }, { partitionedBy: ['region'] });
    await store.write('s', 't', `SELECT 100 AS id, '1' AS region, 'appended' AS name`, { kind: 'append' });
    expect(await ids('SELECT id FROM s.t ORDER BY id')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 100]);

    // insert_overwrite: region 1 is replaced by the new rows, regions 0 and 2 stay.
    const rp = await store.write('s', 't', `SELECT 200 AS id, '1' AS region`, { kind: 'replace-partitions' });
    expect(rp.removedFiles).toBe(2);
    expect(await ids('SELECT id FROM s.t ORDER BY id')).toEqual([0, 2, 3, 5, 6, 200]);

    // merge: id 3 (region 0) is replaced, id 300 is new; only region 0's file is rewritten.
    const merged = await store.write('s', 't', `SELECT * FROM (VALUES (3, '0', 'merged'), (300, '2', 'new')) v(id, region, name)`, { kind: 'merge', uniqueKey: ['ID'] });
    expect(merged.removedFiles).toBe(1);
    expect(await w.rows('SELECT id, name FROM s.t WHERE id IN (3, 300) ORDER BY id')).toEqual([{ id: 3, name: 'merged' }, { id: 300, name: 'new' }]);
    expect(await ids('SELECT id FROM s.t ORDER BY id')).toEqual([0, 2, 3, 5, 6, 200, 300]);

    // delete+insert with a predicate: id 5 matches but the predicate keeps the old row, so both exist.
    await store.write('s', 't', `SELECT * FROM (VALUES (5, '2', 'di'), (6, '0', 'di')) v(id, region, name)`, { kind: 'delete-insert', uniqueKey: ['id'], predicates: ['DBT_INTERNAL_DEST.region = \'0\''] });
    expect(await w.rows("SELECT id, name FROM s.t WHERE id IN (5, 6) ORDER BY id, name")).toEqual([{ id: 5, name: 'di' }, { id: 5, name: 'item 5' }, { id: 6, name: 'di' }]);

    const snaps = await store.snapshots('s', 't');
    expect(snaps.map((s) => s.summary.operation)).toEqual(['append', 'append', 'overwrite', 'overwrite', 'overwrite']);
    expect(snaps.map((s) => s.summary['total-records'])).toEqual(['8', '9', '6', '7', '8']);

    // Full refresh keeps history: a new snapshot replaces every file.
    await store.write('s', 't', 'SELECT 1 AS id', { kind: 'overwrite' });
    expect(await w.rows('SELECT * FROM s.t')).toEqual([{ id: 1 }]);
    expect(await store.snapshots('s', 't')).toHaveLength(6);
  });

  it('travels back by snapshot id and by timestamp after three writes', async () => {
    await store.write('s', 'tt', 'SELECT 1 AS id', { kind: 'overwrite' });
    await store.write('s', 'tt', 'SELECT 2 AS id', { kind: 'append' });
    await store.write('s', 'tt', 'SELECT 3 AS id', { kind: 'overwrite' });
    const snaps = await store.snapshots('s', 'tt');
    expect(snaps).toHaveLength(3);
    const [first, second] = snaps;
    const read = async (at: Parameters<IcebergStore['scanSql']>[2]): Promise<number[]> => ids(`SELECT id FROM ${await store.scanSql('s', 'tt', at)} ORDER BY id`);
    expect(await read({ snapshotId: BigInt(first?.['snapshot-id'] ?? 0) })).toEqual([1]);
    expect(await read({ timestampMs: second?.['timestamp-ms'] ?? 0 })).toEqual([1, 2]);
    expect(await read(undefined)).toEqual([3]);
    await expect(store.scanSql('s', 'tt', { snapshotId: 12345n })).rejects.toThrow(/s\.tt has no snapshot 12345/);
    await expect(store.scanSql('s', 'tt', { timestampMs: (first?.['timestamp-ms'] ?? 0) - 1 })).rejects.toMatchObject({ code: 'E_ICEBERG_SNAPSHOT_NOT_FOUND' });
    await expect(store.scanSql('s', 'missing')).rejects.toMatchObject({ code: 'E_ICEBERG_TABLE_NOT_FOUND', message: expect.stringContaining('s.missing') });
  });
});

describe('schema evolution', () => {
  it('appends columns without breaking old snapshots, then sync drops a column', async () => {
    await store.write('s', 'evo', "SELECT 1 AS id, 'a' AS name", { kind: 'overwrite' });
    const before = (await store.snapshots('s', 'evo'))[0];
    await store.evolveSchema('s', 'evo', [{ name: 'id', dataType: 'INTEGER' }, { name: 'name', dataType: 'VARCHAR' }, { name: 'Score', dataType: 'DOUBLE' }], 'append_new_columns');
    expect(await w.rows('SELECT * FROM s.evo')).toEqual([{ id: 1, name: 'a', score: null }]);
    await store.write('s', 'evo', "SELECT 2 AS id, 'b' AS name, 2.5 AS score", { kind: 'append' });
    expect(await w.rows('SELECT * FROM s.evo ORDER BY id')).toEqual([{ id: 1, name: 'a', score: null }, { id: 2, name: 'b', score: 2.5 }]);

    await store.evolveSchema('s', 'evo', [{ name: 'id', type: 'BIGINT' }, { name: 'score', type: 'DOUBLE' }], 'sync_all_columns');
    expect(await store.columns('s', 'evo')).toEqual([{ name: 'id', dataType: 'BIGINT' }, { name: 'score', dataType: 'DOUBLE' }]);
    expect(await w.rows('SELECT * FROM s.evo ORDER BY id')).toEqual([{ id: 1n, score: null }, { id: 2n, score: 2.5 }]);
    // The first snapshot still reads with the schema it was written with.
    expect(await w.rows(`SELECT * FROM ${await store.scanSql('s', 'evo', { snapshotId: BigInt(before?.['snapshot-id'] ?? 0) })}`)).toEqual([{ id: 1, name: 'a' }]);
    await expect(store.evolveSchema('s', 'evo', [{ name: 'id', type: 'VARCHAR' }], 'sync_all_columns')).rejects.toThrow(/cannot change type from long to string/);
  });
});

/** How many Parquet files DuckDB opened for a query, from its JSON profile. */
async function filesRead(sql: string): Promise<number> {
  const out = join(w.dir, `profile-${Math.random().toString(36).slice(2)}.json`);
  await w.conn.run("PRAGMA enable_profiling = 'json'");
  await w.conn.run(`PRAGMA profiling_output = '${out}'`);
  await w.rows(sql);
  await w.conn.run('PRAGMA disable_profiling');
  return [...readFileSync(out, 'utf8').matchAll(/"Total Files Read": "(\d+)"/g)].reduce((n, m) => n + Number(m[1]), 0);
}

describe('partition pruning', () => {
  it('the view itself skips partitions a filter on the source column rules out', async () => {
    await store.write('s', 'v', SALES, { kind: 'overwrite' }, { partitionedBy: ['day(sales_at)', 'region'] });
    expect(await filesRead('SELECT * FROM s.v')).toBe(8);
    expect(await filesRead("SELECT * FROM s.v WHERE sales_at >= TIMESTAMP '2024-02-03' AND sales_at < TIMESTAMP '2024-02-04'")).toBe(1);
    expect(await filesRead("SELECT * FROM s.v WHERE region = '1'")).toBe(3);
    expect(await ids("SELECT id FROM s.v WHERE region = '1' ORDER BY id")).toEqual([1, 4, 7]);
    await store.write('s', 'm', SALES, { kind: 'overwrite' }, { partitionedBy: ['month(sold_on)'] });
    expect(await filesRead("SELECT * FROM s.m WHERE sold_on < DATE '2024-02-01'")).toBe(1);
    expect(await ids("SELECT id FROM s.m WHERE sold_on < DATE '2024-02-01' ORDER BY id")).toEqual([0, 1]);
  });


  it('reads only the files of matching partitions and bounds', async () => {
    await store.write('s', 'p', SALES, { kind: 'overwrite' }, { partitionedBy: ['day(sales_at)'] });
    const all = await store.scanSql('s', 'p');
    expect(parquetFiles(all)).toBe(8);
    const oneDay = await store.scanSql('s', 'p', undefined, [{ column: 'sales_at', op: '>=', value: '2024-02-03 00:00:00' }, { column: 'sales_at', op: '<', value: '2024-02-04 00:00:00' }]);
    expect(parquetFiles(oneDay)).toBe(1);
    expect(await ids(`SELECT id FROM ${oneDay}`)).toEqual([4]);
    const byIdIn = await store.scanSql('s', 'p', undefined, [{ column: 'id', op: 'in', values: [1, 6] }]);
    expect(parquetFiles(byIdIn)).toBe(2);
    // DuckDB's profiler confirms the scan opened exactly one file.
    await w.conn.run("PRAGMA enable_profiling = 'json'");
    await w.conn.run(`PRAGMA profiling_output = '${join(w.dir, 'profile.json')}'`);
    await w.rows(`SELECT count(*) FROM ${oneDay}`);
    await w.conn.run('PRAGMA disable_profiling');
    const profile = readFileSync(join(w.dir, 'profile.json'), 'utf8');
    expect(profile).toMatch(/"Total Files Read": "1"/);
    expect(profile).toMatch(/"Filename\(s\)": "[^"]*sales_at_day=2024-02-03[^"]*"/);
  });
});

describe('identity-partitioned tables', () => {
  it('the view reads partition folders: one file for one partition, column types and NULLs kept', async () => {
    await store.write('s', 'ident', "SELECT i AS id, CASE WHEN i % 4 = 3 THEN NULL ELSE 'p/' || (i % 4) END AS part, CAST(i % 2 AS INTEGER) AS k FROM range(40) t(i)", { kind: 'overwrite' }, { partitionedBy: ['part', 'k'] });
    expect(await w.rows("SELECT typeof(part) AS tp, typeof(k) AS tk, count(*) AS n FROM s.ident WHERE part IS NULL GROUP BY ALL")).toEqual([{ tp: 'VARCHAR', tk: 'INTEGER', n: 10n }]);
    expect(await w.rows("SELECT count(*) AS n, sum(id) AS s FROM s.ident WHERE part = 'p/1' AND k = 1")).toEqual([{ n: 10n, s: 190n }]);
    expect(await filesRead("SELECT count(*) FROM s.ident WHERE part = 'p/1' AND k = 1")).toBe(1);
    // After the schema changes, the view maps columns by field id again (and stays correct).
    await store.evolveSchema('s', 'ident', [{ name: 'id', dataType: 'BIGINT' }, { name: 'part', dataType: 'VARCHAR' }, { name: 'k', dataType: 'INTEGER' }, { name: 'extra', dataType: 'VARCHAR' }], 'append_new_columns');
    expect(await w.rows("SELECT count(*) AS n, count(extra) AS e FROM s.ident WHERE part = 'p/1'")).toEqual([{ n: 10n, e: 0n }]);
  });
});

describe('concurrency and crashes', () => {
  it('fails a commit whose base moved with a retryable conflict', async () => {
    await store.write('s', 'c', 'SELECT 1 AS id', { kind: 'overwrite' });
    const other = IcebergStore.attach(w.conn, w.dir);
    let raced = false;
    const racing = IcebergStore.attach(w.conn, w.dir, {
      hooks: {
        beforePointerSwap: () => {
          if (raced) return;
          raced = true;
          // Another writer commits v3 while this one still stands on v2.
          const cat = new FileCatalog(w.dir);
          const t = cat.load({ schema: 's', table: 'c' });
          cat.commit(t, t, { ...t.metadata, properties: { ...(t.metadata.properties ?? {}), touched: 'yes' } });
        },
      },
    });
    await expect(racing.write('s', 'c', 'SELECT 2 AS id', { kind: 'append' })).rejects.toMatchObject({ code: 'E_ICEBERG_COMMIT_CONFLICT' });
    // Retrying on top of the new version succeeds.
    await other.write('s', 'c', 'SELECT 2 AS id', { kind: 'append' });
    expect(await ids('SELECT id FROM s.c ORDER BY id')).toEqual([1, 2]);
  });

  it('a crash before the pointer swap leaves the previous snapshot; one after it is repaired on reopen', async () => {
    await store.write('s', 'k', 'SELECT 1 AS id', { kind: 'overwrite' });
    const crash = (): never => {
      throw new Error('simulated crash');
    };
    const before = IcebergStore.attach(w.conn, w.dir, { hooks: { beforePointerSwap: crash } });
    await expect(before.write('s', 'k', 'SELECT 2 AS id', { kind: 'append' })).rejects.toThrow('simulated crash');
    await w.reopen();
    store = await IcebergStore.open(w.conn, w.dir);
    expect(await ids('SELECT id FROM s.k')).toEqual([1]);
    expect(await store.snapshots('s', 'k')).toHaveLength(1);
    await store.write('s', 'k', 'SELECT 3 AS id', { kind: 'append' });
    expect(await ids('SELECT id FROM s.k ORDER BY id')).toEqual([1, 3]);

    const after = IcebergStore.attach(w.conn, w.dir, { hooks: { afterPointerSwap: crash } });
    await expect(after.write('s', 'k', 'SELECT 4 AS id', { kind: 'append' })).rejects.toThrow('simulated crash');
    // The view was not refreshed by the crashed writer...
    expect(await ids('SELECT id FROM s.k ORDER BY id')).toEqual([1, 3]);
    await w.reopen();
    store = await IcebergStore.open(w.conn, w.dir);
    // ...but reopening repairs it from the catalog pointer.
    expect(await ids('SELECT id FROM s.k ORDER BY id')).toEqual([1, 3, 4]);
    await store.write('s', 'k', 'SELECT 5 AS id', { kind: 'append' });
    expect(await ids('SELECT id FROM s.k ORDER BY id')).toEqual([1, 3, 4, 5]);
    expect(await store.snapshots('s', 'k')).toHaveLength(4);
  });

  it('drops a table with its view, and syncViews removes views of tables deleted behind its back', async () => {
    await store.write('s', 'd1', 'SELECT 1 AS id', { kind: 'overwrite' });
    await store.write('s', 'd2', 'SELECT 1 AS id', { kind: 'overwrite' });
    await store.drop('s', 'd1');
    expect(await store.exists('s', 'd1')).toBe(false);
    expect(existsSync(join(w.dir, 's', 'd1'))).toBe(false);
    new FileCatalog(w.dir).drop({ schema: 's', table: 'd2' });
    await store.syncViews();
    expect(await w.rows("SELECT view_name FROM duckdb_views() WHERE schema_name = 's'")).toEqual([]);
  });
});

