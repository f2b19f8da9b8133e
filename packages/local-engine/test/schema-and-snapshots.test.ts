import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_NO_DOWNLOAD, type LocalEngine } from '../src/index.js';
import { buildProject, openEngine, rows } from './run-project.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lf-schema-'));
  dirs.push(dir);
  const all: Record<string, string> = {
    'dbt_project.yml': 'name: p\nprofile: p\nconfig-version: 2\n',
    'profiles.yml': 'p:\n  target: dev\n  outputs:\n    dev:\n      type: local\n      sources_root: data\n',
    ...files,
  };
  for (const [p, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const messages = (o: Awaited<ReturnType<typeof buildProject>>) => o.results.filter((r) => r.result.status !== 'success').map((r) => r.result.message);

describe('on_schema_change', () => {
  const model = (mode: string, cols: string, tt: string) =>
    `{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='${mode}'${tt}) }}\nselect ${cols}`;

  for (const tt of ['', ", table_type='iceberg'"]) {
    const kind = tt ? 'iceberg' : 'native';
    it(`append_new_columns adds the column; old rows read NULL (${kind})`, async () => {
      const dir = project({ 'models/m.sql': model('append_new_columns', '1 as a, 2 as b', tt) });
      const engine: LocalEngine = await openEngine(dir);
      try {
        expect(messages(await buildProject(engine, dir))).toEqual([]);
        writeFileSync(join(dir, 'models/m.sql'), model('append_new_columns', "3 as a, 4 as b, 'x' as c", tt));
        expect(messages(await buildProject(engine, dir))).toEqual([]);
        expect(await rows(engine, 'select a, b, c from main.m order by a')).toEqual([
          { a: 1, b: 2, c: null },
          { a: 3, b: 4, c: 'x' },
        ]);
      } finally {
        await engine.close();
      }
    });

    it(`fail stops with E_SCHEMA_CHANGE and leaves the table as it was (${kind})`, async () => {
      const dir = project({ 'models/m.sql': model('fail', '1 as a', tt) });
      const engine = await openEngine(dir);
      try {
        await buildProject(engine, dir);
        writeFileSync(join(dir, 'models/m.sql'), model('fail', '2 as a, 3 as b', tt));
        const [msg] = messages(await buildProject(engine, dir));
        expect(msg).toMatch(/E_SCHEMA_CHANGE: the columns of m changed \(new columns b\) and on_schema_change is 'fail'/);
        expect(msg).toMatch(/--full-refresh --select m/);
        expect(await rows(engine, 'select * from main.m')).toEqual([{ a: 1 }]);
      } finally {
        await engine.close();
      }
    });

    it(`sync_all_columns drops what the model no longer selects (${kind})`, async () => {
      const dir = project({ 'models/m.sql': model('sync_all_columns', '1 as a, 2 as b', tt) });
      const engine = await openEngine(dir);
      try {
        await buildProject(engine, dir);
        writeFileSync(join(dir, 'models/m.sql'), model('sync_all_columns', '5 as a', tt));
        expect(messages(await buildProject(engine, dir))).toEqual([]);
        expect((await engine.getColumns({ database: null, schema: 'main', identifier: 'm' })).map((c) => c.name)).toEqual(['a']);
        expect(await rows(engine, 'select a from main.m order by a')).toEqual([{ a: 1 }, { a: 5 }]);
      } finally {
        await engine.close();
      }
    });
  }
});

describe('snapshots with the timestamp strategy', () => {
  it('versions rows by updated_at and closes rows deleted at the source', async () => {
    const snap = `{% snapshot s %}\n{{ config(target_schema='snaps', unique_key='id', strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate', table_type='iceberg') }}\nselect * from {{ source('raw', 'items') }}\n{% endsnapshot %}\n`;
    const dir = project({
      'models/sources.yml': 'version: 2\nsources:\n  - name: raw\n    tables:\n      - name: items\n        meta: {format: csv}\n',
      'data/raw/items/items.csv': 'id,name,updated_at\n1,a,2024-01-01 00:00:00\n2,b,2024-01-01 00:00:00\n',
      'snapshots/s.sql': snap,
    });
    const engine = await openEngine(dir);
    try {
      expect(messages(await buildProject(engine, dir))).toEqual([]);
      // Row 1 changes (newer updated_at), row 2 disappears, row 3 arrives; a stale row never versions.
      writeFileSync(join(dir, 'data/raw/items/items.csv'), 'id,name,updated_at\n1,a2,2024-02-01 00:00:00\n3,c,2024-02-01 00:00:00\n');
      expect(messages(await buildProject(engine, dir))).toEqual([]);
      const r = await rows(engine, "select id, name, date_format(dbt_valid_from, '%Y-%m') as vfrom, dbt_valid_to is null as current from snaps.s order by id, dbt_valid_from");
      expect(r).toEqual([
        { id: '1', name: 'a', vfrom: '2024-01', current: false },
        { id: '1', name: 'a2', vfrom: '2024-02', current: true },
        { id: '2', name: 'b', vfrom: '2024-01', current: false },
        { id: '3', name: 'c', vfrom: '2024-02', current: true },
      ]);
      const closed = await rows(engine, "select date_format(dbt_valid_to, '%Y-%m') as vto from snaps.s where id = '1' and dbt_valid_to is not null");
      expect(closed).toEqual([{ vto: '2024-02' }]);
      // Running again with no change adds nothing.
      await buildProject(engine, dir);
      expect(await rows(engine, 'select count(*) as n from snaps.s')).toEqual([{ n: 4n }]);
    } finally {
      await engine.close();
    }
  });
});

describe('sources in Parquet and JSON', () => {
  it('reads Parquet with lower-cased names and JSON lines with declared types, a malformed line a row of NULLs (as Athena with ignore.malformed.json)', async () => {
    const dir = project({
      'models/sources.yml':
        'version: 2\nsources:\n  - name: raw\n    tables:\n      - name: events\n        columns:\n          - {name: event_id, data_type: bigint}\n          - {name: kind, data_type: string}\n      - name: users\n',
      'data/raw/events/e.jsonl': '{"event_id": 1, "kind": "click"}\nnot json at all\n{"event_id": 2, "kind": "view"}\n',
      'models/counts.sql': "select (select count(*) from {{ source('raw', 'events') }}) as events, (select count(event_id) from {{ source('raw', 'events') }}) as parsed, (select max(userid) from {{ source('raw', 'users') }}) as top_user",
    });
    const engine = await openEngine(dir);
    try {
      const duck = await DuckDBInstance.create(':memory:', { ...DUCKDB_NO_DOWNLOAD });
      await (await duck.connect()).run(`copy (select 7 as "UserID", 'x' as "Name") to '${join(dir, 'data', 'users.parquet')}' (format parquet)`);
      duck.closeSync();
      expect(messages(await buildProject(engine, dir))).toEqual([]);
      expect(await rows(engine, 'select * from main.counts')).toEqual([{ events: 3n, parsed: 2n, top_user: 7 }]);
      expect((await engine.getColumns({ database: null, schema: 'raw', identifier: 'events' })).map((c) => `${c.name} ${c.dataType}`)).toEqual(['event_id BIGINT', 'kind VARCHAR']);
    } finally {
      await engine.close();
    }
  });
});

describe('sources partitioned in key=value folders', () => {
  it('exposes the partition key as a string column and names the file columns by position', async () => {
    const dir = project({
      'models/sources.yml': 'version: 2\nsources:\n  - name: raw\n    tables:\n      - name: sales\n        columns:\n          - {name: SaleID}\n          - {name: Amount}\n          - {name: dt}\n',
      'data/raw/sales/dt=2024-01-01/part.csv': 'id,amt\n1,10\n2,20\n',
      'data/raw/sales/dt=2024-01-02/part.csv': 'id,amt\n3,30\n',
      'models/day.sql': "select saleid, amount, dt from {{ source('raw', 'sales') }} where dt = '2024-01-02'",
    });
    const engine = await openEngine(dir);
    try {
      expect(messages(await buildProject(engine, dir))).toEqual([]);
      expect(await rows(engine, 'select * from main.day')).toEqual([{ saleid: '3', amount: '30', dt: '2024-01-02' }]);
      expect((await engine.getColumns({ database: null, schema: 'raw', identifier: 'sales' })).map((c) => `${c.name} ${c.dataType}`)).toEqual(['saleid VARCHAR', 'amount VARCHAR', 'dt VARCHAR']);
    } finally {
      await engine.close();
    }
  });
});
