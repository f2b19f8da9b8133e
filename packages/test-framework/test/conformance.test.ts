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

/**
 * Tests that read a second relation or compare neighbouring rows run on their own query, on
 * fixtures/checks/models/ranges.sql (g1: [0,10) [10,20) [25,30), seq 1 2 3, days 01-01..01-03;
 * g2: [0,5) [4,8) [8,8), seq 1 3 4, days 01-05 01-06 01-06). ranges_copy is the same rows,
 * ranges_changed has row 6's hi 9 instead of 8, groups_ref is {g1, g2}, people's grp is g1 g1 g2 g2 g3 g3.
 * Each count below is derived by hand from that data.
 */
const ON_THEIR_OWN: Record<string, number> = {
  // relationships_where(grp -> groups_ref.grp): every child row counts, duplicates included.
  relw_pass: 0, // g1 and g2 are both in groups_ref
  relw_to_cond: 3, // parents restricted to g1: the three g2 rows (4, 5, 6) have no parent
  relw_from_cond: 2, // children restricted to lo >= 4 (rows 2, 3, 5, 6): rows 5 and 6 are g2
  // equal_rowcount: dbt_utils' fail_calc sums the row count difference.
  erc_pass: 0, // 6 rows against ranges_copy's 6
  erc_fail: 4, // 6 against groups_ref's 2
  erc_grouped: 4, // by grp against people: g1 |3-2| + g2 |3-2| + g3 |0-2| (a group missing on one side counts)
  erc_grouped_pass: 0, // ranges_changed has the same 3 + 3
  // fewer_rows_than: fail_calc sums the excess rows, 1 for a tie.
  frt_pass: 0, // where grp = 'g1': 3 rows against people's 6
  frt_tie: 1, // 6 against 6
  frt_more: 4, // 6 against groups_ref's 2: 4 too many
  frt_grouped: 2, // by grp against people: g1 3 > 2 (1), g2 3 > 2 (1), g3 0 < 2 (0)
  // equality: fail_calc is the rows of both set differences plus their imbalance.
  eq_pass: 0, // every column, against ranges_copy
  eq_fail: 2, // every column, against ranges_changed: row 6 with hi 8 (a - b) and with hi 9 (b - a): 2 + |1 - 1|
  eq_cols_pass: 0, // compare_columns leave hi out, the only changed column
  eq_cols_fail: 2, // (grp, hi): a - b is empty (g2,8 is still in b), b - a is (g2,9): 1 + |0 - 1|
  // mutually_exclusive_ranges on [lo, hi): a row fails on a bad bound or a bad gap to the next range.
  mer_pass: 0, // where grp = 'g1': 10 <= 10, 20 <= 25, last row
  mer_fail: 2, // per grp: g2's [0,5) overlaps [4,8); [8,8) is empty
  mer_zero: 1, // zero_length_range_allowed: [8,8) is fine, [0,5) still overlaps
  mer_not_allowed: 3, // gaps not_allowed: g1's 20 != 25; g2's [0,5) overlaps; [8,8) is empty
  mer_required: 4, // gaps required: g1's 10 touches 10; g2's [0,5) overlaps, 8 touches 8, [8,8) is empty
  mer_whole: 3, // no partition, ordered (lo, hi): [0,5) -> 0, [0,10) -> 4 overlap; [8,8) is empty
  // sequential_values: each value must be the previous one (ordered, per group) plus interval.
  seq_pass: 0, // id 1..6
  seq_interval: 5, // id with interval 2: every row after the first
  seq_fail: 2, // seq ordered 1 1 2 3 3 4: the second 1 and the second 3
  seq_grouped: 1, // per grp: g1 1 2 3; g2 1 3 4: 3 follows 1
  seq_date: 1, // day per grp, datepart day: g2's second 01-06 follows 01-06
  // cardinality_equality: (value, count) pairs in one side's counts but not the other's, both ways.
  ce_pass: 0, // grp counts g1 3, g2 3 in both
  ce_fail: 3, // hi: (8, 2) only in ranges; (8, 1) and (9, 1) only in ranges_changed
  ce_people: 5, // grp: (g1, 3) (g2, 3) against (g1, 2) (g2, 2) (g3, 2)
  // expect_column_to_exist: one failing row per problem.
  ecte_pass: 0, // lo exists
  ecte_index_pass: 0, // hi is the 4th column
  ecte_index_fail: 1, // hi is not the 3rd column
  ecte_lower: 0, // names compared lower-cased
  ecte_missing: 1, // there is no column nope
};

describe('conformance of tests that run on their own', () => {
  let p: BuiltProject;
  let plan: TestPlan;
  let results: Map<string, TestResult>;
  let queries: ReturnType<typeof countQueries>['queries'];

  beforeAll(async () => {
    p = await buildFixture('checks');
    plan = planTests(p.manifest, Object.keys(ON_THEIR_OWN).map((n) => p.test(n).unique_id));
    const counted = countQueries(p.engine);
    queries = counted.queries;
    results = new Map((await runTests(plan, counted.engine, { failingRows: 0 })).map((r) => [r.node.name, r]));
  });
  afterAll(async () => p?.close());

  it.each(Object.entries(ON_THEIR_OWN))('%s runs on its own and counts %i', async (name, expected) => {
    const r = results.get(name)!;
    expect(r.result.status === 'error' ? r.result.message : r.result.failures).toBe(expected);
    expect(r.result.status).toBe(expected === 0 ? 'pass' : 'fail');
    expect(r.batched).toBe(false);
    expect(await compiledCount(p.engine, p.test(name))).toBe(expected);
  });

  it("keeps dbt_utils' failure count for the row count and equality tests: their macros set fail_calc", () => {
    const failCalc = (name: string) => plan.byId.get(p.test(name).unique_id)!.config.failCalc;
    expect(failCalc('erc_fail')).toBe('coalesce(sum(diff_count), 0)');
    expect(failCalc('frt_more')).toBe('coalesce(sum(row_count_delta), 0)');
    expect(failCalc('eq_fail')).toMatch(/^count\(\*\) \+ coalesce\(abs\(sum\(case when which_diff = 'a_minus_b'/);
    expect(failCalc('seq_fail')).toBe('count(*)');
    // erc_fail's single query returns one row, yet reports the 4 missing rows.
    expect(results.get('erc_fail')!.result.message.split('\n')[0]).toBe('Got 4 results, configured to fail if != 0');
  });

  it('issues one query per test, none of them a batch', () => {
    expect(plan.batches).toEqual([]);
    expect(queries).toHaveLength(Object.keys(ON_THEIR_OWN).length);
    expect(queries.every((q) => q.ok)).toBe(true);
  });
});
