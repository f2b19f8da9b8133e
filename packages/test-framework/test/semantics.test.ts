import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeDag, withTestEdges } from '@lakeform/runner';
import { countQueries, planTests, runTests, testNodeRunner, TestQueryLog, type TestResult } from '../src/index.js';
import { buildFixture, type BuiltProject } from './project.js';

/** severity, warn_if / error_if, limit, fail_calc, store_failures and a broken test, on fixtures/checks/models/people_copy.yml. */
describe('running tests as dbt judges them', () => {
  let p: BuiltProject;
  let results: Map<string, TestResult>;
  let log: TestQueryLog;

  beforeAll(async () => {
    p = await buildFixture('checks');
    log = new TestQueryLog();
    const plan = planTests(p.manifest, p.testIdsOn('people_copy'));
    results = new Map((await runTests(plan, p.engine, { log, threads: 2 })).map((r) => [r.node.name, r]));
  });
  afterAll(async () => p?.close());

  const status = (name: string) => {
    const r = results.get(name)!.result;
    return { status: r.status, failures: r.failures, message: r.message.split('\n')[0] };
  };

  it('passes a clean column and fails a dirty one with dbt\'s message', () => {
    expect(status('cp_pass')).toEqual({ status: 'pass', failures: 0, message: 'PASS' });
    expect(status('cp_range_fail')).toEqual({ status: 'fail', failures: 1, message: 'Got 1 result, configured to fail if != 0' });
  });

  it('severity warn (any case) warns instead of failing', () => {
    expect(status('cp_sev_warn')).toEqual({ status: 'warn', failures: 2, message: 'Got 2 results, configured to warn if != 0' });
  });

  it('error_if and warn_if are judged against the failure count', () => {
    expect(status('cp_under_thresholds')).toEqual({ status: 'pass', failures: 2, message: 'PASS' });
    expect(status('cp_error_ge')).toEqual({ status: 'fail', failures: 2, message: 'Got 2 results, configured to fail if >= 2' });
    expect(status('cp_warn_band')).toEqual({ status: 'warn', failures: 2, message: 'Got 2 results, configured to warn if >=1' });
    expect(status('cp_warn_only_sev')).toEqual({ status: 'pass', failures: 2, message: 'PASS' });
  });

  it('a threshold only SQL can judge runs the test on its own and SQL judges it', () => {
    expect(status('cp_sql_threshold')).toEqual({ status: 'warn', failures: 2, message: 'Got 2 results, configured to warn if between 1 and 3' });
    expect(results.get('cp_sql_threshold')!.batched).toBe(false);
  });

  it('limit caps the failure count; a custom fail_calc is computed over the failing rows', () => {
    // Here from its own query (cp_broken broke the batch); a batched limit is checked below.
    expect(status('cp_limited')).toEqual({ status: 'fail', failures: 2, message: 'Got 2 results, configured to fail if != 0' });
    // unique on code: one failing row (B) with n_records 2.
    expect(status('cp_calc')).toEqual({ status: 'fail', failures: 2, message: 'Got 2 results, configured to fail if != 0' });
    expect(results.get('cp_calc')!.batched).toBe(false);
  });

  it('a broken test errors alone: its siblings in the failed batch still pass or fail', () => {
    const broken = results.get('cp_broken')!;
    expect(broken.result.status).toBe('error');
    expect(broken.result.message).toMatch(/no_such_column/);
    const others = [...results.values()].filter((r) => r.node.name !== 'cp_broken');
    expect(others.every((r) => r.result.status !== 'error')).toBe(true);
    const summary = log.summary();
    expect(summary.byKind.batch).toBe(1);
    expect(log.records.find((r) => r.kind === 'batch')!.ok).toBe(false);
    // The batch's tests fell back to their own queries.
    expect(log.records.filter((r) => r.kind === 'single' && r.testIds[0] === broken.uniqueId)).toHaveLength(1);
  });

  it('fetches up to 5 failing rows of a failing or warning test for its message', () => {
    const r = results.get('cp_error_ge')!;
    expect(r.failingRows?.columns).toEqual(['code']);
    expect(r.failingRows?.rows).toEqual([[null], [null]]);
    expect(r.result.message.split('\n').slice(1)).toEqual(['first 2 failing rows:', '  code=null', '  code=null']);
    expect(results.get('cp_pass')!.failingRows).toBeUndefined();
  });

  it('store_failures keeps the failing rows in <schema>_dbt_test__audit.<test>', async () => {
    const stored = await p.engine.execute('select value_field, n_records from main_dbt_test__audit.cp_stored order by value_field');
    expect(stored.rows.map((r) => [r[0], Number(r[1])])).toEqual([
      ['gone', 1],
      ['inactive', 1],
      ['weird', 1],
    ]);
    expect(status('cp_stored')).toEqual({ status: 'fail', failures: 3, message: 'Got 3 results, configured to fail if != 0' });
  });
});

describe('batching against one query per test', () => {
  let p: BuiltProject;
  beforeAll(async () => {
    p = await buildFixture('checks');
  });
  afterAll(async () => p?.close());

  it('batch: false runs one query per test (the bench baseline) with the same verdicts', async () => {
    const ids = p.testIdsOn('people').filter((id) => !p.manifest.nodes[id]!.depends_on.nodes.includes('model.checks.groups_ref'));
    const batchedRun = countQueries(p.engine);
    const batched = await runTests(planTests(p.manifest, ids), batchedRun.engine, { failingRows: 0 });
    const aloneRun = countQueries(p.engine);
    const alone = await runTests(planTests(p.manifest, ids, { batch: false }), aloneRun.engine, { failingRows: 0 });
    expect(aloneRun.queries).toHaveLength(ids.length);
    expect(batchedRun.queries).toHaveLength(2); // the people batch + is_even (a project's own test)
    expect(alone.map((r) => [r.node.name, r.result.status, r.result.failures])).toEqual(batched.map((r) => [r.node.name, r.result.status, r.result.failures]));
  });

  it('limit caps a batched count too', async () => {
    const plan = planTests(p.manifest, ['cp_limited', 'cp_pass', 'cp_range_fail'].map((n) => p.test(n).unique_id));
    const [limited] = await runTests(plan, p.engine, { failingRows: 0 });
    expect(limited!.batched).toBe(true);
    expect([limited!.result.status, limited!.result.failures]).toEqual(['fail', 2]);
  });

  it('--store-failures stores every test; store_failures_as wins over it', async () => {
    const plan = planTests(p.manifest, [p.test('cp_range_fail').unique_id, p.test('cp_pass').unique_id]);
    await runTests(plan, p.engine, { storeFailures: true, failingRows: 0 });
    const failing = await p.engine.execute('select score from main_dbt_test__audit.cp_range_fail');
    expect(failing.rows.map((r) => Number(r[0]))).toEqual([-5]);
    const passing = await p.engine.execute('select count(*) from main_dbt_test__audit.cp_pass');
    expect(Number(passing.rows[0]![0])).toBe(0);
  });
});

describe('tests as DAG nodes', () => {
  let p: BuiltProject;
  beforeAll(async () => {
    p = await buildFixture('checks');
  });
  afterAll(async () => p?.close());

  it('runs each model right before its tests; the tests of a model share one batched query', async () => {
    const testIds = [...p.testIdsOn('people_copy'), ...p.testIdsOn('groups_ref')];
    const plan = planTests(p.manifest, testIds);
    const counted = countQueries(p.engine);
    const tests = testNodeRunner(plan, counted.engine, { failingRows: 0 });
    const models = Object.values(p.manifest.nodes).filter((n) => n.resource_type === 'model');
    const nodes = [...models, ...testIds.map((id) => p.manifest.nodes[id]!)];
    const outcome = await executeDag({
      nodes,
      parents: withTestEdges(nodes, p.manifest.parent_map),
      threads: 3,
      run: (node) => (tests.handles(node) ? tests.run(node) : p.engine.materialize(node, { sources: new Map(), projectDir: p.dir, fullRefresh: true, notice: () => undefined })),
    });
    const byName = new Map(outcome.results.map((r) => [r.node.name, r.result]));
    expect(byName.get('cp_pass')!.status).toBe('pass');
    expect(byName.get('cp_sev_warn')!.status).toBe('warn');
    expect(byName.get('cp_range_fail')).toMatchObject({ status: 'fail', failures: 1 });
    expect(byName.get('cp_broken')!.status).toBe('error');
    expect(byName.get('rel_pass')).toMatchObject({ status: 'pass', failures: 0 });
    // people_copy's batch ran once (and failed because of cp_broken); every test has a result.
    expect(counted.queries.filter((q) => q.sql.includes('lf_batch'))).toHaveLength(1);
    expect(tests.results()).toHaveLength(testIds.length);
    expect(outcome.counts).toMatchObject({ success: models.length, error: 1 });
    const order = outcome.results.map((r) => r.node.unique_id);
    for (const t of testIds) expect(order.indexOf(p.manifest.nodes[t]!.attached_node!)).toBeLessThan(order.indexOf(t));
  });
});
