/**
 * End-to-end tests of `lakeform build | run | seed | snapshot | show | retry` on the local engine:
 * real processes against temp copies of models/grocery with data from tools/datagen, and small
 * projects written on the fly. Nothing is written into the repository.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunResultsSchema } from '@lakeform/runner';
import { GROCERY, REPO, lakeform } from '../test/spawn-cli.js';

const DATAGEN = join(REPO, 'tools', 'datagen', 'bin', 'datagen.mjs');
const STACK_LINE = /^ {4}at /m;
let ROOT = '';

function grocery(label: string, sales = 3000): string {
  const project = join(ROOT, label);
  cpSync(GROCERY, project, { recursive: true, filter: (src) => !['target', '.lakeform', 'raw'].includes(relative(GROCERY, src).split(sep)[0]!) });
  execFileSync(process.execPath, [DATAGEN, 'grocery', '--out', join(project, 'raw'), '--sales', String(sales), '--seed', '7'], { stdio: 'ignore' });
  return project;
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
}

const runResults = (project: string) => RunResultsSchema.parse(JSON.parse(readFileSync(join(project, 'target', 'run_results.json'), 'utf8')));
const statusOf = (project: string) => Object.fromEntries(runResults(project).results.map((r) => [r.unique_id.split('.').pop()!, r.status]));

async function showJson(project: string, sql: string): Promise<Record<string, unknown>[]> {
  const r = await lakeform(['show', '--inline', sql, '--output', 'json', '--limit', '-1', '-q'], project);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { show: Record<string, unknown>[] }).show;
}

function snapshotIds(project: string, schema: string, table: string): number[] {
  const dir = join(project, '.lakeform', 'warehouse', schema, table, 'metadata');
  const version = readFileSync(join(dir, 'version-hint.text'), 'utf8').trim();
  const meta = JSON.parse(readFileSync(join(dir, `v${version}.metadata.json`), 'utf8')) as { snapshots: { 'snapshot-id': number }[] };
  return meta.snapshots.map((s) => s['snapshot-id']);
}

beforeAll(() => {
  ROOT = mkdtempSync(join(tmpdir(), 'lakeform-run-e2e-'));
  if (!existsSync(join(REPO, 'apps', 'cli', 'dist', 'lakeform.mjs')) || !existsSync(join(REPO, 'tools', 'datagen', 'dist', 'datagen.mjs'))) {
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit', timeout: 300_000 });
  }
});
afterAll(() => {
  if (ROOT) rmSync(ROOT, { recursive: true, force: true });
});

describe('lakeform build on models/grocery', () => {
  let project = '';
  beforeAll(() => {
    project = grocery('grocery');
  });

  it('builds every layer, writes run_results.json (v6) and prints the summary', async () => {
    const r = await lakeform(['build'], project);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // 12 models and 70 data tests; the ~1 % of sales without a SalesDate warn two not_null tests.
    expect(r.stdout).toMatch(/Done\. PASS=80 WARN=2 ERROR=0 SKIP=0 TOTAL=82/);
    expect(r.stdout).toMatch(/WARN \d+ not_null_mdw_cur_ft_sales_sales_at \.+ \[WARN \d+ in/);
    expect(r.stdout).toMatch(/OK created sql incremental model cur\.mdw_cur_ft_sales \.+ \[CREATE TABLE \(3000 rows\) in \d+\.\d\ds\]/);
    const rr = runResults(project);
    expect(rr.metadata.dbt_schema_version).toBe('https://schemas.getdbt.com/dbt/run-results/v6.json');
    expect(new Set(rr.results.map((x) => x.status))).toEqual(new Set(['success', 'pass', 'warn']));
    const fact = rr.results.find((x) => x.unique_id.endsWith('.mdw_cur_ft_sales'))!;
    expect(fact.adapter_response).toMatchObject({ rows_affected: 3000 });
    // The cur layer is real Iceberg: metadata, manifests and Parquet data under the warehouse folder.
    const data = join(project, '.lakeform', 'warehouse', 'cur', 'mdw_cur_ft_sales', 'data');
    expect(readdirSync(data).filter((d) => d.startsWith('partition=')).length).toBeGreaterThan(100);
  });

  it('show previews a model and an inline query; JSON output is machine-readable', async () => {
    const table = await lakeform(['show', '--select', 'mdw_std_dim_employees', '--limit', '2'], project);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n').filter((l) => l.startsWith('|'));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\| employee_sk +\| employee_id/);
    const rows = await showJson(project, "select count(*) as n, min(partition) as first_day from {{ ref('mdw_cur_ft_sales') }}");
    expect(rows).toEqual([{ n: 3000, first_day: '20180101' }]);
  });

  it('a rebuild adds an Iceberg snapshot; FOR VERSION AS OF reads the older one', async () => {
    const before = snapshotIds(project, 'cur', 'mdw_cur_ft_sales');
    appendFileSync(join(project, 'raw', 'sales', 'dt=2018-05-09', 'sales.csv'), '999999,1,1,1,2,0,0,2018-05-09 12:00:00.000,ZZZZZZZZZZZZZZZZZZ\n');
    const r = await lakeform(['run', '--select', 'mdw_stg_sales+', '--log-format', 'json'], project);
    expect(r.code).toBe(0);
    const events = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.filter((e) => e['event'] === 'node_finished').map((e) => e['unique_id'])).toEqual(
      expect.arrayContaining(['model.modern_data_warehouse.mdw_cur_ft_sales', 'model.modern_data_warehouse.mdw_cur_daily_revenue']),
    );
    expect(events.at(-1)).toMatchObject({ event: 'run_finished', exit_code: 0 });
    const after = snapshotIds(project, 'cur', 'mdw_cur_ft_sales');
    expect(after).toHaveLength(before.length + 1);
    expect(await showJson(project, "select count(*) as n from {{ ref('mdw_cur_ft_sales') }}")).toEqual([{ n: 3001 }]);
    expect(await showJson(project, `select count(*) as n from {{ ref('mdw_cur_ft_sales') }} for version as of ${before.at(-1)}`)).toEqual([{ n: 3000 }]);
    const bad = await lakeform(['show', '--inline', "select * from {{ ref('mdw_cur_ft_sales') }} for version as of 42"], project);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/E_ICEBERG_SNAPSHOT_NOT_FOUND: table cur\.mdw_cur_ft_sales has no snapshot 42/);
    expect(bad.stderr).not.toMatch(STACK_LINE);
  });

  it('a SQL error fails its model, skips its descendants, keeps the old table, and retry re-runs only those', async () => {
    const model = join(project, 'models', 'std', 'mdw_std_dim_products.sql');
    const good = readFileSync(model, 'utf8');
    writeFileSync(model, good.replace(/from \{\{ ref\('mdw_stg_products'\) \}\}/, "from {{ ref('mdw_stg_products') }} where no_such_column > 0"));
    const r = await lakeform(['build'], project);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ERROR creating sql table model std\.mdw_std_dim_products/);
    expect(r.stdout).toMatch(/Error in model mdw_std_dim_products \(models\/std\/mdw_std_dim_products\.sql\)/);
    expect(r.stdout).toMatch(/no_such_column/);
    expect(r.stdout).not.toMatch(STACK_LINE);
    const st = statusOf(project);
    expect(st).toMatchObject({ mdw_std_dim_products: 'error', mdw_cur_ft_sales: 'skipped', mdw_cur_daily_revenue: 'skipped', mdw_std_dim_customers: 'success' });
    // The failed build damaged nothing: the previous table still reads.
    expect(await showJson(project, "select count(*) as n from {{ ref('mdw_std_dim_products') }}")).toEqual([{ n: 452 }]);
    writeFileSync(model, good);
    const skippedBefore = Object.values(statusOf(project)).filter((s) => s === 'skipped').length;
    const retry = await lakeform(['retry'], project);
    expect(retry.code).toBe(0);
    // Exactly the failed model and everything skipped after it (its tests and what reads it).
    const retried = runResults(project).results;
    expect(retried).toHaveLength(skippedBefore + 1);
    expect(retried.filter((x) => x.unique_id.startsWith('model.')).map((x) => x.unique_id.split('.').pop()).sort()).toEqual(['mdw_cur_daily_revenue', 'mdw_cur_ft_sales', 'mdw_std_dim_products']);
    expect(retry.stdout).toMatch(/ERROR=0 SKIP=0/);
  });

  it('a killed build leaves the Iceberg table readable at its last snapshot; the next run succeeds', async () => {
    const before = snapshotIds(project, 'cur', 'mdw_cur_ft_sales');
    const killed = await lakeform(['run', '--select', 'mdw_cur_ft_sales', '--full-refresh'], project, {
      onStdout: (text, child) => {
        if (text.includes('START sql table model cur.mdw_cur_ft_sales')) setTimeout(() => child.kill('SIGKILL'), 150);
      },
    });
    expect(killed.signal === 'SIGKILL' || killed.code === 0).toBe(true);
    const rows = await showJson(project, "select count(*) as n from {{ ref('mdw_cur_ft_sales') }}");
    expect(rows).toEqual([{ n: 3001 }]);
    const after = snapshotIds(project, 'cur', 'mdw_cur_ft_sales');
    // Either the kill came before the commit (no new snapshot) or after it (one): never half of one.
    expect(after.length - before.length).toBeLessThanOrEqual(1);
    const next = await lakeform(['run', '--select', 'mdw_cur_ft_sales'], project);
    expect(next.code).toBe(0);
    expect(await showJson(project, "select count(*) as n from {{ ref('mdw_cur_ft_sales') }}")).toEqual([{ n: 3001 }]);
  });

  it('Ctrl-C lets running nodes finish, skips the rest and exits 2', async () => {
    let sent = false;
    const r = await lakeform(['build', '--threads', '1'], project, {
      onStdout: (text, child) => {
        if (!sent && text.includes('1 of 82 START')) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Interrupted/);
    const st = Object.values(statusOf(project));
    expect(st.filter((s) => s === 'success').length).toBeGreaterThanOrEqual(1);
    expect(st.filter((s) => s === 'skipped').length).toBeGreaterThanOrEqual(1);
    expect(await showJson(project, "select count(*) as n from {{ ref('mdw_cur_ft_sales') }}")).toEqual([{ n: 3001 }]);
  });
});

describe('bad input is a clear error that damages nothing', () => {
  it('a missing source file names the source, the model and where it looked', async () => {
    const project = grocery('missing-source', 200);
    rmSync(join(project, 'raw', 'employees'), { recursive: true });
    const r = await lakeform(['run'], project);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Error in model mdw_stg_employees/);
    expect(r.stdout).toMatch(/E_SOURCE_NOT_FOUND: no data files for source 'mdw_raw\.employees' \(looked in .*raw\/employees\)/);
    expect(statusOf(project)).toMatchObject({ mdw_stg_employees: 'error', mdw_std_dim_employees: 'skipped', mdw_stg_sales: 'success' });
  });

  it('a malformed CSV row names the model and the file', async () => {
    const project = grocery('bad-csv', 200);
    appendFileSync(join(project, 'raw', 'categories', 'categories.csv'), '12,"Unclosed quote\n');
    const r = await lakeform(['run', '--select', 'mdw_stg_categories+'], project);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Error in model mdw_stg_categories/);
    expect(r.stdout).toMatch(/categories\.csv/);
    expect(r.stdout).not.toMatch(STACK_LINE);
  });

  it('usage errors exit 2', async () => {
    const project = grocery('usage', 100);
    const threads = await lakeform(['run', '--threads', '0'], project);
    expect(threads.code).toBe(2);
    expect(threads.stderr).toMatch(/--threads: --threads must be at least 1/);
    const show = await lakeform(['show', '--select', 'stg'], project);
    expect(show.code).toBe(1);
    expect(show.stderr).toMatch(/show previews one node; the selection matched 7/);
  });
});

describe('hooks and warehouse-only configs', () => {
  it('on-run-start/end and pre/post hooks run through the engine; grants are ignored with one notice', async () => {
    const project = join(ROOT, 'hooks');
    writeFiles(project, {
      'dbt_project.yml':
        "name: hooks\nprofile: hooks\nconfig-version: 2\non-run-start:\n  - create table if not exists main.audit (what varchar)\non-run-end:\n  - \"insert into main.audit values ('end')\"\nmodels:\n  hooks:\n    +grants: {select: ['analyst']}\n",
      'profiles.yml': 'hooks:\n  target: dev\n  outputs:\n    dev:\n      type: local\n',
      'models/a.sql': "{{ config(materialized='table', pre_hook=\"insert into main.audit values ('pre {{ this.name }}')\", post_hook=[\"insert into main.audit values ('post {{ this.name }}')\"]) }}\nselect 1 as x",
      'models/b.sql': "select * from {{ ref('a') }}",
    });
    const r = await lakeform(['run'], project);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/config 'grants' is ignored by the local engine/g)).toHaveLength(1);
    const audit = await showJson(project, 'select what from main.audit order by what');
    expect(audit.map((x) => x['what'])).toEqual(['end', 'post a', 'pre a']);
  });
});

describe('seed and snapshot', () => {
  it('seed loads typed CSVs; snapshot records SCD2 versions', async () => {
    const project = join(ROOT, 'small');
    writeFiles(project, {
      'dbt_project.yml': 'name: small\nprofile: small\nconfig-version: 2\n',
      'profiles.yml': 'small:\n  target: dev\n  outputs:\n    dev:\n      type: local\n',
      'seeds/plans.csv': 'plan_id,name,price,active,launched\n1,basic,9.99,true,2024-01-01\n2,pro,29.00,false,2024-02-01\n',
      'snapshots/plans_history.sql': "{% snapshot plans_history %}\n{{ config(target_schema='history', unique_key='plan_id', strategy='check', check_cols=['price']) }}\nselect * from {{ ref('plans') }}\n{% endsnapshot %}\n",
    });
    const seed = await lakeform(['seed'], project);
    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/OK loaded seed file main\.plans \.+ \[INSERT 2 in/);
    const snap = await lakeform(['snapshot'], project);
    expect(snap.code).toBe(0);
    writeFileSync(join(project, 'seeds/plans.csv'), 'plan_id,name,price,active,launched\n1,basic,12.99,true,2024-01-01\n2,pro,29.00,false,2024-02-01\n');
    expect((await lakeform(['build'], project)).code).toBe(0);
    const rows = await showJson(project, "select plan_id, price, dbt_valid_to is null as is_current from {{ ref('plans_history') }} order by plan_id, dbt_valid_from");
    expect(rows).toEqual([
      { plan_id: 1, price: 9.99, is_current: false },
      { plan_id: 1, price: 12.99, is_current: true },
      { plan_id: 2, price: 29, is_current: true },
    ]);
  });
});


describe('the daily incremental of models/grocery', () => {
  it("var('partition') merges exactly that day's drop, idempotently", async () => {
    const project = grocery('daily', 2000);
    expect((await lakeform(['run'], project)).code).toBe(0);
    const before = await showJson(project, "select count(*) as n from {{ ref('mdw_cur_ft_sales') }}");
    const gen = execFileSync(process.execPath, [DATAGEN, 'grocery', '--out', join(project, 'raw'), '--append-day', '2018-05-10', '--sales', '40'], { encoding: 'utf8' });
    expect(gen).toMatch(/40 rows/);
    // Sales without a SalesDate belong to no day partition of the fact (partition is NULL).
    const dated = readFileSync(join(project, 'raw', 'sales', 'dt=2018-05-10', 'sales.csv'), 'utf8').trim().split('\n').slice(1).filter((l) => l.split(',')[7] !== '').length;
    expect(dated).toBeGreaterThan(30);
    for (let i = 0; i < 2; i++) {
      const r = await lakeform(['run', '--select', 'mdw_cur_ft_sales+', '--vars', '{partition: "20180510"}'], project);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('[MERGE (40 rows)');
      expect(r.stdout).toMatch(/OK created sql incremental model cur\.mdw_cur_daily_revenue \.+ \[INSERT OVERWRITE \(1 rows\)/);
    }
    const days = await showJson(project, "select partition, count(*) as n from {{ ref('mdw_cur_ft_sales') }} where partition >= '20180509' group by 1 order by 1");
    expect(days.at(-1)).toEqual({ partition: '20180510', n: dated });
    expect(await showJson(project, "select count(*) as n from {{ ref('mdw_cur_ft_sales') }}")).toEqual([{ n: (before[0]!['n'] as number) + 40 }]);
    // The daily aggregate, built incrementally, equals a full rebuild of it.
    const incremental = await showJson(project, "select * from {{ ref('mdw_cur_daily_revenue') }} order by sales_date");
    expect((await lakeform(['run', '--select', 'mdw_cur_daily_revenue', '--full-refresh'], project)).code).toBe(0);
    expect(await showJson(project, "select * from {{ ref('mdw_cur_daily_revenue') }} order by sales_date")).toEqual(incremental);
  });
});

describe('data tests on a deliberately broken grocery dataset', () => {
  it('fail exactly the tests they should, with the right counts', async () => {
    const project = grocery('broken', 1500);
    const raw = (p: string) => join(project, 'raw', p);
    // RFC 4180 fields: names may hold quoted commas.
    const fields = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"'));
    const csvRows = (p: string) => readFileSync(raw(p), 'utf8').trim().split('\n').slice(1).map(fields);
    // Duplicate id: category 1 delivered twice.
    appendFileSync(raw('categories/categories.csv'), '1,Confections (again)\n');
    // Unexpected category: a product in category 77, which does not exist.
    appendFileSync(raw('products/products.csv'), '9999,Mystery Item,5.0000,77,Low,2018-01-01 00:00:00.000,Weak,False,10\n');
    const products = csvRows('products/products.csv');
    const inCategory1 = new Set(products.filter((p) => p[3] === '1').map((p) => p[0]));
    const otherProduct = products.find((p) => p[3] !== '1' && p[3] !== '77')![0];
    // Null key and orphan foreign key, in the last day's drop.
    appendFileSync(raw('sales/dt=2018-05-09/sales.csv'), `,1,1,${otherProduct},2,0,0,2018-05-09 10:00:00.000,NULLKEY00000000000\n888888,1,1,99999,2,0,0,2018-05-09 11:00:00.000,ORPHAN000000000000\n`);
    const sales = readdirSync(raw('sales')).flatMap((d) => csvRows(`sales/${d}/sales.csv`));
    const salesInCategory1 = new Set(sales.filter((s) => s[0] !== '' && inCategory1.has(s[3]!)).map((s) => s[0])).size;
    expect(inCategory1.size).toBeGreaterThan(0);
    expect(salesInCategory1).toBeGreaterThan(0);

    expect((await lakeform(['run'], project)).code).toBe(0);
    const t = await lakeform(['test'], project);
    expect(t.code).toBe(1);
    const failed = Object.fromEntries(
      runResults(project)
        .results.filter((r) => r.status === 'fail' || r.status === 'error')
        .map((r) => [r.unique_id.split('.')[2], r.status === 'fail' ? r.failures : 'error']),
    );
    expect(failed).toEqual({
      unique_mdw_stg_categories_category_id: 1,
      unique_mdw_std_dim_products_product_id: inCategory1.size,
      unique_mdw_std_dim_products_product_sk: inCategory1.size,
      relationships_mdw_std_dim_products_category_id__category_id__ref_mdw_stg_categories_: 1,
      unique_mdw_cur_ft_sales_sales_id: salesInCategory1,
      not_null_mdw_stg_sales_sales_id: 1,
      not_null_mdw_cur_ft_sales_sales_id: 1,
      not_null_mdw_cur_ft_sales_product_sk: 1,
      not_null_mdw_cur_ft_sales_unit_price: 1,
      not_null_mdw_cur_ft_sales_gross_amount: 1,
      not_null_mdw_cur_ft_sales_discount_amount: 1,
      not_null_mdw_cur_ft_sales_net_amount: 1,
    });
    // Failures print the test, its counts and failing rows; no stack traces.
    expect(t.stdout).toMatch(/Failure in test unique_mdw_stg_categories_category_id \(models\/stg\/schema\.yml\)/);
    expect(t.stdout).toMatch(/Got 1 result, configured to fail if != 0|Got 1 results, configured to fail if != 0/);
    expect(t.stdout).toMatch(/ERROR=12 /);
    const at = /Failure in test unique_mdw_stg_categories_category_id[^\n]*\n(?:[^\n]*\n){0,12}?\S*\s+compiled code at (\S+)/.exec(t.stdout)?.[1];
    expect(at && existsSync(join(project, at))).toBe(true);
    expect(t.stdout).not.toMatch(STACK_LINE);
  });
});

describe('lakeform source freshness', () => {
  it('checks sources with thresholds against their newest row and writes sources.json', async () => {
    const project = grocery('freshness', 300);
    const r = await lakeform(['source', 'freshness'], project);
    // The generated sales end on 2018-05-09: long past error_after (3 days).
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 of 1 ERROR STALE freshness of mdw_raw\.sales/);
    const doc = JSON.parse(readFileSync(join(project, 'target', 'sources.json'), 'utf8')) as { metadata: { dbt_schema_version: string }; results: { unique_id: string; status: string; max_loaded_at: string }[] };
    expect(doc.metadata.dbt_schema_version).toBe('https://schemas.getdbt.com/dbt/sources/v3.json');
    expect(doc.results).toEqual([expect.objectContaining({ unique_id: 'source.modern_data_warehouse.mdw_raw.sales', status: 'error', max_loaded_at: expect.stringMatching(/^2018-05-09/) })]);
  });
});

describe('unit tests', () => {
  it('run before the build with no warehouse data; a failing one keeps its model (and what reads it) from being built', async () => {
    const project = join(ROOT, 'unit');
    writeFiles(project, {
      'dbt_project.yml': 'name: unit\nprofile: unit\nconfig-version: 2\nmodels:\n  unit:\n    +materialized: table\n',
      'profiles.yml': 'unit:\n  target: dev\n  outputs:\n    dev:\n      type: local\n',
      'seeds/orders.csv': 'id,amount\n1,50\n2,300\n',
      'models/big_orders.sql': "select id, amount from {{ ref('orders') }} where amount > 100",
      'models/doubled.sql': "select id, amount * 2 as amount2 from {{ ref('orders') }}",
      'models/after_doubled.sql': "select * from {{ ref('doubled') }}",
      'models/unit_tests.yml': [
        'unit_tests:',
        '  - name: keeps_big',
        '    model: big_orders',
        '    given:',
        "      - input: ref('orders')",
        '        rows: [{id: 1, amount: 50}, {id: 2, amount: 300}]',
        '    expect:',
        '      rows: [{id: 2, amount: 300}]',
        '  - name: doubles_wrongly',
        '    model: doubled',
        '    given:',
        "      - input: ref('orders')",
        '        format: csv',
        '        rows: |',
        '          id,amount',
        '          1,5',
        '    expect:',
        '      rows: [{id: 1, amount2: 11}]',
        '',
      ].join('\n'),
    });
    const r = await lakeform(['build'], project);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/PASS unit test big_orders::keeps_big/);
    expect(r.stdout).toMatch(/FAIL unit test doubled::doubles_wrongly/);
    expect(r.stdout).toMatch(/\(id: 1, amount2: 11\)/);
    expect(r.stdout).toMatch(/Unit tests: 1 passed, 1 failed/);
    expect(statusOf(project)).toMatchObject({ orders: 'success', big_orders: 'success', doubled: 'error', after_doubled: 'skipped', keeps_big: 'pass', doubles_wrongly: 'fail' });
  });
});

describe('unit tests without a warehouse', () => {
  it("run on a stand-in local engine when the target is Athena (test_type:unit)", async () => {
    const project = join(ROOT, 'unit-athena');
    writeFiles(project, {
      'dbt_project.yml': 'name: ua\nprofile: ua\nconfig-version: 2\n',
      'profiles.yml': 'ua:\n  target: prod\n  outputs:\n    prod:\n      type: athena\n      s3_staging_dir: s3://results/\n      region_name: eu-west-1\n      schema: analytics\n      database: awsdatacatalog\n',
      'models/sources.yml': 'version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n',
      'models/paid.sql': "select id, amount from {{ source('raw', 'orders') }} where status = 'paid'",
      'models/unit_tests.yml': "unit_tests:\n  - name: only_paid\n    model: paid\n    given:\n      - input: source('raw', 'orders')\n        rows: [{id: 1, amount: 5, status: paid}, {id: 2, amount: 7, status: open}]\n    expect:\n      rows: [{id: 1, amount: 5}]\n",
    });
    const r = await lakeform(['test', '--select', 'test_type:unit'], project);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 of 1 PASS unit test paid::only_paid/);
    expect(statusOf(project)).toEqual({ only_paid: 'pass' });
  });
});
