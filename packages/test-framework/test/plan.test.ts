import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProject, LakeformError, type Manifest, type ManifestNode } from '@lakeform/sql-compiler';
import { planTests } from '../src/index.js';

/** Planning needs only the compiled manifest. */
describe('planTests', () => {
  let dir: string;
  let manifest: Manifest;
  const byName = (name: string): ManifestNode => Object.values(manifest.nodes).find((n) => n.name === name)!;
  const id = (name: string) => byName(name).unique_id;
  /** The manifest with one test node changed. */
  const withTest = (name: string, change: (n: ManifestNode) => ManifestNode): Manifest => {
    const n = byName(name);
    return { ...manifest, nodes: { ...manifest.nodes, [n.unique_id]: change(structuredClone(n)) } };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lakeform-plan-'));
    cpSync(join(import.meta.dirname, 'fixtures', 'checks'), dir, { recursive: true });
    manifest = (await compileProject({ projectDir: dir, which: 'test' })).manifest;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says why a test runs on its own', () => {
    const plan = planTests(manifest, ['nn_pass', 'uq_pass', 'rel_fail', 'is_even_fail', 'assert_no_big_scores', 'cp_calc', 'cp_sql_threshold', 'cp_pass'].map(id));
    const reason = (name: string) => plan.byId.get(id(name))!.singleReason;
    // relationships joins its model's batch (the parent read through a semi-join).
    expect(reason('rel_fail')).toBeUndefined();
    expect(plan.byId.get(id('rel_fail'))!.batched).toBe(true);
    expect(reason('is_even_fail')).toMatch(/macros of the project/);
    expect(reason('assert_no_big_scores')).toBe('singular test');
    expect(reason('cp_calc')).toBe('fail_calc is sum(n_records)');
    expect(reason('cp_sql_threshold')).toMatch(/warn_if\/error_if/);
    // cp_calc and cp_sql_threshold cannot join, so cp_pass is alone on people_copy.
    expect(reason('cp_pass')).toBe('the only batchable test of its relation');
    expect(plan.batches.map((b) => b.testIds.map((t) => plan.byId.get(t)!.node.name))).toEqual([['nn_pass', 'uq_pass', 'rel_fail']]);
  });

  it('runs a test overridden by the project, or with unrendered Jinja in its arguments, on its own', () => {
    let m = withTest('nn_pass', (n) => ({ ...n, depends_on: { ...n.depends_on, macros: ['macro.checks.test_not_null'] } }));
    expect(planTests(m, [id('nn_pass'), id('uq_pass'), id('nn_fail')]).byId.get(id('nn_pass'))!.singleReason).toMatch(/macros of the project/);
    m = withTest('av_fail', (n) => ({ ...n, test_metadata: { ...n.test_metadata!, kwargs: { ...n.test_metadata!.kwargs, values: ["{{ var('v') }}"] } } }));
    expect(planTests(m, [id('av_fail'), id('uq_pass'), id('nn_fail')]).byId.get(id('av_fail'))!.singleReason).toMatch(/Jinja/);
    // The macro pastes values between quotes unescaped; the batch would not write the same SQL.
    m = withTest('av_fail', (n) => ({ ...n, test_metadata: { ...n.test_metadata!, kwargs: { ...n.test_metadata!.kwargs, values: ["it's"] } } }));
    expect(planTests(m, [id('av_fail'), id('uq_pass'), id('nn_fail')]).byId.get(id('av_fail'))!.singleReason).toBe('a value holds a quote');
    m = withTest('nn_where', (n) => ({ ...n, config: { ...n.config, where: "grp = 'g3' -- only g3" } }));
    expect(planTests(m, [id('nn_where'), id('uq_pass'), id('nn_fail')]).byId.get(id('nn_where'))!.singleReason).toMatch(/comment/);
  });

  it("still batches a test whose only project macro is a naming macro (generate_schema_name)", () => {
    const m = withTest('nn_pass', (n) => ({ ...n, depends_on: { ...n.depends_on, macros: [...n.depends_on.macros, 'macro.checks.generate_schema_name'] } }));
    const plan = planTests(m, ['nn_pass', 'uq_pass'].map(id));
    expect(plan.byId.get(id('nn_pass'))!.batched).toBe(true);
    const overridden = withTest('nn_pass', (n) => ({ ...n, depends_on: { ...n.depends_on, macros: [...n.depends_on.macros, 'macro.checks.test_not_null'] } }));
    expect(planTests(overridden, ['nn_pass', 'uq_pass'].map(id)).byId.get(id('nn_pass'))!.singleReason).toMatch(/macros of the project/);
  });

  it('keeps the query count within tested relations + tests that cannot be batched', () => {
    const tests = Object.values(manifest.nodes).filter((n) => n.resource_type === 'test');
    const plan = planTests(manifest, tests.map((t) => t.unique_id));
    const relations = new Set(plan.tests.map((t) => t.relationId).filter((r) => r !== null));
    const unbatchable = plan.tests.filter((t) => t.singleReason && t.singleReason !== 'the only batchable test of its relation');
    expect(plan.batches.length + plan.singles.length).toBeLessThanOrEqual(relations.size + unbatchable.length);
    // Most tests batch, and the batched ones share a handful of scans (fixtures/checks/models/ranges.yml
    // holds only tests that cannot batch, so the bound is on the batched tests alone).
    const batched = plan.tests.filter((t) => t.batched).length;
    expect(batched).toBeGreaterThan(tests.length / 2);
    expect(plan.batches.length).toBeLessThan(batched / 4);
    expect(planTests(manifest, tests.map((t) => t.unique_id), { batch: false }).singles).toHaveLength(tests.length);
  });

  it('rejects what it cannot run, with an actionable error', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof LakeformError ? e.code : String(e);
      }
      return 'no error';
    };
    expect(code(() => planTests(manifest, ['model.checks.people']))).toBe('E_TEST_UNKNOWN');
    const uncompiled = withTest('nn_pass', (n) => {
      delete n.compiled_code;
      return n;
    });
    expect(code(() => planTests(uncompiled, [id('nn_pass')]))).toBe('E_TEST_NOT_COMPILED');
    const badSeverity = withTest('nn_pass', (n) => ({ ...n, config: { ...n.config, severity: 'fatal' } }));
    expect(code(() => planTests(badSeverity, [id('nn_pass')]))).toBe('E_TEST_CONFIG');
  });

  it("writes dbt's wrapper for a single test, with limit and thresholds in SQL", () => {
    const plan = planTests(manifest, [id('cp_sql_threshold'), id('cp_limited')], { batch: false });
    const t = plan.byId.get(id('cp_sql_threshold'))!;
    expect(t.singleSql).toMatch(/^select\n  count\(\*\) as failures,\n  count\(\*\) between 1 and 3 as should_warn,\n  count\(\*\) > 100 as should_error\nfrom \(/);
    expect(plan.byId.get(id('cp_limited'))!.singleSql).toMatch(/\n  limit 2\n\) dbt_internal_test$/);
    expect(t.auditRelation).toEqual({ database: 'awsdatacatalog', schema: 'main_dbt_test__audit', identifier: 'cp_sql_threshold' });
  });
});
