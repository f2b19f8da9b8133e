import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueries, planTests, runTests, type TestPlan, type TestResult } from '../src/index.js';
import { buildFixture, compiledCount, type BuiltProject } from './project.js';

/**
 * Every generic test the batch reproduces, on data that passes one variant and fails another
 * (fixtures/checks/models/people.sql and people.yml). For each: the batched count is the expected
 * number, and the same as counting the rows of the test's own compiled SQL.
 */
const EXPECTED: Record<string, number> = {
  nn_pass: 0, nn_fail: 2, nn_where: 2,
  uq_pass: 0, uq_fail: 1, uq_where: 0,
  av_pass: 0, av_fail: 3, av_bool_pass: 0, av_bool_fail: 1,
  eit_pass: 0, eit_fail: 1, eit_column: 1,
  ar_pass: 0, ar_fail: 2, ar_exclusive: 2,
  nes_pass: 0, nes_fail: 2, nes_notrim: 1,
  nav_pass: 0, nav_fail: 2,
  alo_pass: 0, alo_fail: 1, alo_where: 1, alo_grouped: 1,
  nc_pass: 0, nc_fail: 1, nc_where: 1, nc_grouped: 2,
  nnp_pass: 0, nnp_fail: 1, nnp_grouped: 1,
  rec_pass: 0, rec_fail: 1, rec_date: 0, rec_grouped: 2,
  ucc_pass: 0, ucc_fail: 2, ucc_quoted: 2,
  between_pass: 0, between_fail: 2, between_rowcond: 1, between_strict: 2,
  inset_pass: 0, inset_fail: 3,
  regex_pass: 0, regex_fail: 1,
  notnull_pass: 0, notnull_fail: 1,
  benull_pass: 0, benull_fail: 4,
  recent_pass: 0, recent_fail: 1, recent_rowcond: 1,
  rowcount_pass: 0, rowcount_fail: 1, rowcount_where: 1, rowcount_grouped: 0, rowcount_grouped_fail: 3,
  ecvbu_pass: 0, ecvbu_fail: 1,
  eccbu_pass: 0, eccbu_fail: 1, eccbu_any: 1,
  // relationships reads a second relation: joined into the batch as a semi-join on the parent.
  rel_fail: 2,
};

/** Run on their own: a project's own test, a singular test, the only batchable test of groups_ref. */
const SINGLE: Record<string, number> = { rel_pass: 0, is_even_fail: 3, assert_no_big_scores: 1 };

describe('conformance: batched counts equal dbt counts', () => {
  let p: BuiltProject;
  let plan: TestPlan;
  let results: Map<string, TestResult>;
  let queries: ReturnType<typeof countQueries>['queries'];

  beforeAll(async () => {
    p = await buildFixture('checks');
    const ids = [...Object.keys(EXPECTED), ...Object.keys(SINGLE)].map((n) => p.test(n).unique_id);
    plan = planTests(p.manifest, ids);
    const counted = countQueries(p.engine);
    queries = counted.queries;
    results = new Map((await runTests(plan, counted.engine, { failingRows: 0 })).map((r) => [r.node.name, r]));
  });
  afterAll(async () => p?.close());

  it.each(Object.entries(EXPECTED))('%s: batched count %i equals its compiled SQL', async (name, expected) => {
    const r = results.get(name)!;
    expect(r.result.status === 'error' ? r.result.message : r.result.failures).toBe(expected);
    expect(r.batched).toBe(true);
    expect(await compiledCount(p.engine, p.test(name))).toBe(expected);
    expect(r.result.status).toBe(expected === 0 ? 'pass' : 'fail');
  });

  it.each(Object.entries(SINGLE))('%s runs on its own and counts %i', async (name, expected) => {
    const r = results.get(name)!;
    expect(r.result.failures).toBe(expected);
    expect(r.batched).toBe(false);
    expect(await compiledCount(p.engine, p.test(name))).toBe(expected);
  });

  it('scans each tested model once: one batched query per model plus one query per unbatchable test', () => {
    expect(plan.batches.map((b) => b.relationId)).toEqual(['model.checks.people']);
    expect(plan.batches[0]!.testIds).toHaveLength(Object.keys(EXPECTED).length);
    expect(plan.singles.map((t) => t.node.name).sort()).toEqual(Object.keys(SINGLE).sort());
    // 1 batch (which also reads the relationships parent) + 3 singles, against 68 queries for one query per test.
    expect(plan.batches[0]!.relations.length).toBeGreaterThan(1);
    expect(queries).toHaveLength(1 + Object.keys(SINGLE).length);
    expect(queries.every((q) => q.ok)).toBe(true);
    expect(queries.filter((q) => q.sql.includes('grouping sets'))).toHaveLength(1);
  });
});

/** Whole-table checks on an empty model (one group even with no rows), and tests on a CSV source. */
const EMPTY_AND_SOURCE: Record<string, number> = {
  empty_rowcount: 1, empty_rowcount_grouped: 0, empty_recency: 1, empty_recent: 1,
  empty_nn: 0, empty_uq: 0, empty_alo: 1, empty_alo_grouped: 0, empty_nc: 0, empty_nnp: 0,
  // CSV columns are strings and an empty field is '' (Athena's OpenCSVSerde), so not_null passes.
  src_nn: 0, src_uq: 1, src_av: 1,
};

describe('conformance on an empty model and on a source', () => {
  let p: BuiltProject;
  let results: Map<string, TestResult>;
  let plan: TestPlan;

  beforeAll(async () => {
    p = await buildFixture('checks');
    plan = planTests(p.manifest, Object.keys(EMPTY_AND_SOURCE).map((n) => p.test(n).unique_id));
    results = new Map((await runTests(plan, p.engine, { failingRows: 0 })).map((r) => [r.node.name, r]));
  });
  afterAll(async () => p?.close());

  it.each(Object.entries(EMPTY_AND_SOURCE))('%s: batched count %i equals its compiled SQL', async (name, expected) => {
    const r = results.get(name)!;
    expect(r.result.status === 'error' ? r.result.message : r.result.failures).toBe(expected);
    expect(r.batched).toBe(true);
    expect(await compiledCount(p.engine, p.test(name))).toBe(expected);
  });

  it('batches a source like a model: one query per relation', () => {
    expect(plan.batches.map((b) => b.relationId).sort()).toEqual(['model.checks.empty_people', 'source.checks.raw.events']);
    expect(plan.batches.find((b) => b.relationId === 'source.checks.raw.events')!.sources.map((s) => s.name)).toEqual(['events']);
  });
});
