import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { compileProject, resolveTarget } from '@lakeform/sql-compiler';
import { LocalEngine } from '@lakeform/local-engine';

it('dump', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lf-scratch-'));
  cpSync(join(import.meta.dirname, 'fixtures', 'checks'), dir, { recursive: true });
  const { profile } = resolveTarget({ projectDir: dir });
  const engine = await LocalEngine.open({ projectDir: dir, target: profile.target as never, threads: 2 });
  const p = await compileProject({ projectDir: dir, which: 'build', warehouse: engine.warehouse });
  const m = p.manifest;
  await engine.materialize(m.nodes['model.checks.people']!, { sources: new Map(), projectDir: dir, fullRefresh: false, notice: () => undefined });
  const qs = [
    `select count_if(id is null) as a, count(distinct case when status not in ('active') then status end) as b from "awsdatacatalog"."main"."people"`,
    `select grouping(id, grp, name) as g, id, grp, name, count(*) as n, count_if(score > 0) as c from "awsdatacatalog"."main"."people" group by grouping sets ((), (id), (grp, name)) order by 1`,
    `select grouping(id) as g, count(*) from "awsdatacatalog"."main"."people" where false group by grouping sets ((), (id))`,
    `select count_if(g = 1 and n > 1) from (select grouping(id) as g, id, count(*) as n from "awsdatacatalog"."main"."people" group by grouping sets ((), (id))) x`,
    `select regexp_like(email, '(?i)^.+@.+$'), cast(current_timestamp as timestamp(6)), date_add('day', -3, cast(current_timestamp as timestamp(6))) from "awsdatacatalog"."main"."people"`,
    `create schema if not exists main_dbt_test__audit`,
    `drop table if exists main_dbt_test__audit.foo`,
    `create table main_dbt_test__audit.foo as select * from (select 1 as x) dbt_internal_test`,
    `select * from main_dbt_test__audit.foo`,
    `select count(*) as failures, count(*) != 0 as should_warn, count(*) >10 as should_error from (select 1 as x limit 1) dbt_internal_test`,
  ];
  for (const q of qs) {
    try {
      const r = await engine.execute(q);
      console.log(q, '\n =>', r.columns.map((c) => `${c.name}:${c.dataType}`).join(','), JSON.stringify(r.rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
    } catch (e) {
      console.log(q, '\n ERR', (e as Error).message);
    }
  }
  await engine.close();
});
