import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProject, compileUnitTest, LakeformError, resolveTarget, type CompiledProject } from '@lakeform/sql-compiler';
import { LocalEngine } from '@lakeform/local-engine';
import { runUnitTests, type UnitTestResult } from './run-unit-tests.js';

let dir: string;
let engine: LocalEngine;
let project: CompiledProject;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lakeform-unit-tests-'));
  cpSync(join(import.meta.dirname, '../../test/unit-fixtures/shop'), dir, { recursive: true });
  const { profile } = resolveTarget({ projectDir: dir });
  engine = await LocalEngine.open({ projectDir: dir, target: profile.target as never, threads: 1 });
  // No model is built: unit tests read only their given rows.
  project = await compileProject({ projectDir: dir, env: {} });
});

afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(name: string): Promise<UnitTestResult> {
  const [r] = await runUnitTests(project, [name], engine);
  return r!;
}

describe('runUnitTests on the local engine', () => {
  it('mocks a source with dict rows; columns not given are NULL', async () => {
    const r = await run('stg_orders_drops_cancelled');
    expect(r.result.message).toBe('PASS');
    expect(r.result.status).toBe('pass');
    expect(r.compiled!.sql).toContain('__dbt__cte__raw__orders');
    expect(r.compiled!.sql).not.toContain('"raw"."orders"');
  });

  it('takes csv and sql givens and compares only the expected columns', async () => {
    const r = await run('order_totals_csv_and_sql');
    expect(r.result.status).toBe('pass');
    expect(r.diff!.columns).toEqual(['customer_id', 'total']);
    expect(r.compiled!.tags).toEqual(['totals']);
  });

  it('reads a csv fixture file and a sql expectation', async () => {
    const r = await run('order_totals_fixture_file');
    expect(r.result.message).toBe('PASS');
  });

  it('applies vars overrides over the project vars', async () => {
    expect((await run('big_orders_var_override')).result.status).toBe('pass');
    expect((await run('big_orders_project_var')).result.status).toBe('pass');
  });

  it('overrides is_incremental and reads this from the given rows', async () => {
    const inc = await run('orders_inc_incremental_run');
    expect(inc.result.message).toBe('PASS');
    expect(inc.compiled!.sql).toContain('__dbt__cte__orders_inc__this');
    const full = await run('orders_inc_full_refresh');
    expect(full.result.status).toBe('pass');
    expect(full.compiled!.sql).not.toContain('__this');
  });

  it('applies env_vars and macro overrides', async () => {
    const r = await run('customer_regions_overrides');
    expect(r.result.message).toBe('PASS');
    expect(r.compiled!.sql).toContain("'us' as region");
  });

  it('reports a failing test with the rows missing and unexpected (a multiset)', async () => {
    const r = await run('big_orders_wrong_expectation');
    expect(r.result.status).toBe('fail');
    expect(r.result.failures).toBe(2);
    expect(r.result.message).toBe(
      [
        'actual differs from expected: 1 row missing, 1 unexpected row',
        '  missing (expected, not produced):',
        '    (id: 9, amount: 999)',
        '  unexpected (produced, not expected):',
        '    (id: 2, amount: 300)',
      ].join('\n'),
    );
  });

  it('refuses a model input that is not given, as dbt does', async () => {
    const r = await run('order_totals_one_input_missing');
    expect(r.result.status).toBe('error');
    expect(r.error).toBeInstanceOf(LakeformError);
    expect((r.error as LakeformError).code).toBe('E_UNIT_TEST_INPUT_MISSING');
    expect(r.result.message).toContain("reads ref('stg_orders')");
    expect(r.result.message).toContain('models/unit_tests.yml');
  });

  it.each([
    ['unknown_model', 'E_UNIT_TEST_UNKNOWN_MODEL', 'did you mean model: big_orders?'],
    ['input_not_read', 'E_UNIT_TEST_INPUT_UNUSED', "ref('stg_orders')"],
    ['bad_csv', 'E_UNIT_TEST_CSV', 'row 1 has 3 fields'],
    ['type_mismatch', 'E_UNIT_TEST_TYPE', 'type_mismatch'],
  ])('%s is a %s error naming the test and its file', async (name, code, text) => {
    const r = await run(name);
    expect(r.result.status).toBe('error');
    const e = r.error as LakeformError;
    expect(e.code).toBe(code);
    expect(e.message).toContain(`unit test '${name}' (models/unit_tests.yml)`);
    expect(e.format()).toContain(text);
  });

  it('skips a disabled test', async () => {
    expect((await run('disabled_test')).result.status).toBe('skipped');
  });

  it('finds a test by unique id as well as by name', async () => {
    const t = await compileUnitTest(project, 'unit_test.shop.big_orders.big_orders_var_override');
    expect(t.sql).toContain('>= 5');
    expect(t.model).toBe('model.shop.big_orders');
  });
});
