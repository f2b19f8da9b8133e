import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/index.js';
import { buildProject, copyFixture, openEngine, rows } from './run-project.js';

const ids = (sql: string) => sql;

describe('local engine: every materialisation on the shop fixture', () => {
  let dir: string;
  let engine: LocalEngine;

  beforeAll(async () => {
    dir = copyFixture('shop');
    engine = await openEngine(dir);
    const first = await buildProject(engine, dir);
    const failed = first.results.filter((r) => r.result.status !== 'success');
    expect(failed.map((r) => `${r.uniqueId}: ${r.result.message}`)).toEqual([]);
  });
  afterAll(async () => {
    await engine?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('views read CSV sources with Athena semantics: strings, lower-cased columns, empty fields kept as empty strings', async () => {
    const raw = await rows(engine, 'select orderid, amount, status from raw.orders order by orderid');
    expect(raw).toEqual([
      { orderid: '1', amount: '12.50', status: 'placed' },
      { orderid: '2', amount: '7.25', status: 'shipped, late' },
      { orderid: '3', amount: '', status: 'placed' },
      { orderid: '4', amount: '100.00', status: 'returned' },
    ]);
    const cols = await engine.getColumns({ database: null, schema: 'raw', identifier: 'orders' });
    expect(cols.map((c) => c.name)).toEqual(['orderid', 'customerid', 'amount', 'orderdate', 'status']);
    expect(cols.every((c) => c.dataType === 'VARCHAR')).toBe(true);
    expect((await engine.getRelation({ database: null, schema: 'main_stg', identifier: 'stg_orders' }))?.type).toBe('view');
  });

  it('JSON-lines sources are read with case-insensitive keys', async () => {
    expect(await rows(engine, ids('select customer_id, customer_name from main_stg.stg_customers order by customer_id'))).toEqual([
      { customer_id: 10n, customer_name: 'Ada' },
      { customer_id: 11n, customer_name: 'Brendan' },
      { customer_id: 12n, customer_name: 'Chen' },
    ]);
  });

  it('tables: native and Iceberg hold the same rows; the ephemeral model is inlined, never built', async () => {
    const native = await rows(engine, 'select order_id, customer_name, amount from main_marts.orders_native order by order_id');
    const iceberg = await rows(engine, 'select order_id, customer_name, amount from main_marts.orders_iceberg order by order_id');
    expect(native).toHaveLength(4);
    expect(iceberg).toEqual(native);
    expect(native[2]).toEqual({ order_id: 3n, customer_name: 'Ada', amount: null });
    expect(await engine.getRelation({ database: null, schema: 'main_marts', identifier: 'order_facts' })).toBeUndefined();
    expect((await engine.getRelation({ database: null, schema: 'main_marts', identifier: 'orders_iceberg' }))?.tableType).toBe('iceberg');
    expect((await engine.getRelation({ database: null, schema: 'main_marts', identifier: 'orders_native' }))?.tableType).toBe('hive');
  });

  it('seeds infer dbt types and honour column_types', async () => {
    const cols = Object.fromEntries((await engine.getColumns({ database: null, schema: 'main_ref_data', identifier: 'country_codes' })).map((c) => [c.name, c.dataType]));
    expect(cols).toEqual({ code: 'VARCHAR', name: 'VARCHAR', population: 'BIGINT', share: 'DOUBLE', is_member: 'BOOLEAN', joined_on: 'DATE', updated_at: 'TIMESTAMP', zip: 'VARCHAR' });
    expect(await rows(engine, "select zip, joined_on is null as no_date from main_ref_data.country_codes where code = 'NO'")).toEqual([{ zip: '0150', no_date: true }]);
  });

  describe('incremental strategies, after a day of new and changed orders', () => {
    beforeAll(async () => {
      // Order 4 changes status; order 5 is new on the latest day; order 6 on a new day.
      appendFileSync(join(dir, 'data/raw/orders/orders_1.csv'), '5,11,3.00,2024-01-03,placed\n6,12,9.99,2024-01-04,placed\n');
      writeFileSync(join(dir, 'data/raw/orders/orders_1.csv'), (await import('node:fs')).readFileSync(join(dir, 'data/raw/orders/orders_1.csv'), 'utf8').replace('4,12,100.00,2024-01-03,returned', '4,12,100.00,2024-01-03,refunded'));
      const second = await buildProject(engine, dir, { only: (id) => id.includes('.inc_') || id.includes('stg_') });
      expect(second.results.filter((r) => r.result.status !== 'success').map((r) => r.result.message)).toEqual([]);
    });

    for (const tt of ['native', 'iceberg']) {
      it(`append (${tt}) adds the rows of the latest day again (no key)`, async () => {
        const r = await rows(engine, `select order_id, status from main_marts.inc_append_${tt} order by order_id, status`);
        // Day 2024-01-03 is re-read (>=): orders 4 and 5 appended next to the old 4.
        expect(r.map((x) => `${x['order_id']}:${x['status']}`)).toEqual(['1:placed', '2:shipped, late', '3:placed', '4:refunded', '4:returned', '5:placed', '6:placed']);
      });
      it(`merge (${tt}) replaces matched keys and inserts new ones`, async () => {
        const r = await rows(engine, `select order_id, status from main_marts.inc_merge_${tt} order by order_id`);
        expect(r.map((x) => `${x['order_id']}:${x['status']}`)).toEqual(['1:placed', '2:shipped, late', '3:placed', '4:refunded', '5:placed', '6:placed']);
      });
      it(`delete+insert (${tt}) gives the same rows as merge`, async () => {
        const r = await rows(engine, `select order_id, status from main_marts.inc_delete_insert_${tt} order by order_id`);
        expect(r.map((x) => `${x['order_id']}:${x['status']}`)).toEqual(['1:placed', '2:shipped, late', '3:placed', '4:refunded', '5:placed', '6:placed']);
      });
      it(`insert_overwrite (${tt}) replaces only the partitions it writes`, async () => {
        const r = await rows(engine, `select partition, count(*) as n from main_marts.inc_insert_overwrite_${tt} group by partition order by partition`);
        expect(r).toEqual([
          { partition: '20240101', n: 2n },
          { partition: '20240102', n: 1n },
          { partition: '20240103', n: 2n },
          { partition: '20240104', n: 1n },
        ]);
      });
    }

    it('--full-refresh rebuilds an incremental model from scratch', async () => {
      await buildProject(engine, dir, { fullRefresh: true, only: (id) => id.endsWith('.inc_append_native') });
      const r = await rows(engine, 'select count(*) as n from main_marts.inc_append_native');
      expect(r).toEqual([{ n: 6n }]);
    });

    it('the check-strategy snapshot closed the changed order and opened a new version', async () => {
      await buildProject(engine, dir, { only: (id) => id.startsWith('snapshot.') });
      const r = await rows(engine, 'select order_id, status, dbt_valid_to is null as current from snapshots.orders_snapshot where order_id = 4 order by dbt_valid_from, current');
      expect(r.map((x) => `${x['status']}:${x['current']}`)).toEqual(['returned:false', 'refunded:true']);
      const all = await rows(engine, 'select count(*) as n, count(distinct dbt_scd_id) as ids from snapshots.orders_snapshot');
      expect(all).toEqual([{ n: 7n, ids: 7n }]);
    });
  });
});
