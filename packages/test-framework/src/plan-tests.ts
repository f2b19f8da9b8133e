import { LakeformError, type Manifest, type ManifestNode, type ManifestSource } from '@lakeform/sql-compiler';
import type { BatchCheck, SemiCheck } from './batch-check.js';
import { buildBatchQuery, distinctKeys, MAX_GROUPING_KEYS } from './batch-query.js';
import { rendersWithBuiltinMacros } from './builtin-macros.js';
import { batchCheckFor } from './check-catalog.js';
import { singleTestSql } from './single-query.js';
import { readTestConfig, type TestConfig } from './test-config.js';
import { parseThreshold, type Threshold } from './threshold.js';
import { allOf } from './sql-text.js';

export interface RelationTarget {
  database: string | null;
  schema: string;
  identifier: string;
}

export interface PlannedTest {
  uniqueId: string;
  node: ManifestNode;
  config: TestConfig;
  /** The model, seed, snapshot or source the test is attached to (null for a singular test reading several). */
  relationId: string | null;
  /** Judged in JavaScript for batched tests; single tests let SQL judge them. */
  warnIf: Threshold | undefined;
  errorIf: Threshold | undefined;
  /** Counted by its relation's batched query. */
  batched: boolean;
  /** Why it runs on its own (unset when batched). */
  singleReason?: string;
  /** dbt's own query for the test: failures, should_warn, should_error. Also the fallback of a batched test. */
  singleSql: string;
  /** The test's compiled SQL: its failing rows. */
  compiledSql: string;
  /** Sources the test's SQL reads (the local engine maps them to files first). */
  sources: ManifestSource[];
  /** Where store_failures writes: `<target schema>_dbt_test__audit.<test alias>` unless configured. */
  auditRelation: RelationTarget;
}

export interface TestBatch {
  relationId: string;
  relationName: string;
  testIds: string[];
  sql: string;
  /** Output column of each test's failure count. */
  columns: { testId: string; column: string }[];
  sources: ManifestSource[];
  /** Every relation the query reads: the tested one first, then those semi-joined (relationships). */
  relations: string[];
}

export interface TestPlan {
  /** In the order the ids were given. */
  tests: PlannedTest[];
  byId: ReadonlyMap<string, PlannedTest>;
  batches: TestBatch[];
  batchOf: ReadonlyMap<string, TestBatch>;
  /** Tests that run on their own. */
  singles: PlannedTest[];
}

export interface PlanOptions {
  /** false: every test runs its own query, as dbt does (the bench's baseline). Default true. */
  batch?: boolean;
}

const JINJA = /\{\{|\{%/;
const SQL_COMMENT = /--|\/\*/;

/**
 * Groups the selected tests by the relation they test. The batchable tests of a relation share one
 * query (one scan); a relation with a single batchable test runs that test's own query instead.
 * Tests that read another relation (relationships, equality, …), singular tests, custom generic
 * tests, non-default fail_calc or thresholds SQL must judge, and anything else without an exact
 * batched form run on their own with dbt's wrapper. Queries per run ≤ tested relations + such tests.
 */
export function planTests(manifest: Manifest, testIds: readonly string[], opts: PlanOptions = {}): TestPlan {
  const tests: PlannedTest[] = [];
  const checks = new Map<string, BatchCheck>();
  for (const id of [...new Set(testIds)]) {
    const node = manifest.nodes[id];
    if (!node || node.resource_type !== 'test') {
      throw new LakeformError({ code: 'E_TEST_UNKNOWN', message: `${id} is not a test in the manifest`, hint: 'select tests by their unique_id from target/manifest.json (resource_type test)' });
    }
    const planned = planOne(manifest, node);
    tests.push(planned.test);
    if (planned.check && opts.batch !== false) checks.set(id, planned.check);
    else if (planned.check) planned.test.singleReason = 'batching is off';
  }

  const byRelation = new Map<string, PlannedTest[]>();
  for (const t of tests) {
    if (!checks.has(t.uniqueId) || t.relationId === null) continue;
    const list = byRelation.get(t.relationId);
    if (list) list.push(t);
    else byRelation.set(t.relationId, [t]);
  }

  const batches: TestBatch[] = [];
  const batchOf = new Map<string, TestBatch>();
  for (const [relationId, members] of byRelation) {
    const accepted: PlannedTest[] = [];
    const acceptedChecks: BatchCheck[] = [];
    for (const t of members) {
      const check = checks.get(t.uniqueId)!;
      if (distinctKeys([...acceptedChecks, check]).size > MAX_GROUPING_KEYS) {
        t.singleReason = `its relation's batch already groups by ${MAX_GROUPING_KEYS} expressions`;
        continue;
      }
      accepted.push(t);
      acceptedChecks.push(check);
    }
    if (accepted.length < 2) {
      for (const t of accepted) t.singleReason = 'the only batchable test of its relation';
      continue;
    }
    const relation = relationOf(manifest, relationId)!;
    const query = buildBatchQuery(relation.name, accepted.map((t, i) => ({ testId: t.uniqueId, check: acceptedChecks[i]! })));
    const others = [...new Set(acceptedChecks.flatMap((c) => (c.shape === 'semi' ? [c.reads] : [])))].filter((r) => r !== relationId);
    const sources = [...relation.sources, ...others.flatMap((r) => relationOf(manifest, r)?.sources ?? [])];
    const batch: TestBatch = { relationId, relationName: relation.name, testIds: accepted.map((t) => t.uniqueId), sql: query.sql, columns: query.columns, sources, relations: [relationId, ...others] };
    batches.push(batch);
    for (const t of accepted) {
      t.batched = true;
      delete t.singleReason;
      batchOf.set(t.uniqueId, batch);
    }
  }
  return { tests, byId: new Map(tests.map((t) => [t.uniqueId, t])), batches, batchOf, singles: tests.filter((t) => !t.batched) };
}

function planOne(manifest: Manifest, node: ManifestNode): { test: PlannedTest; check?: BatchCheck } {
  const compiled = node.compiled_code;
  if (compiled === undefined || compiled.trim() === '') {
    throw new LakeformError({
      code: 'E_TEST_NOT_COMPILED',
      message: `test ${node.name} has no compiled SQL`,
      node: node.unique_id,
      location: { file: node.original_file_path },
      hint: 'compile the selected tests before planning them (compileProject with compile: true)',
    });
  }
  const config = readTestConfig(node);
  const reads = [...new Set(node.depends_on.nodes)];
  const relationId = node.attached_node ?? (reads.length === 1 ? reads[0]! : null);
  const sources = reads.filter((id) => id.startsWith('source.')).map((id) => manifest.sources[id]).filter((s): s is ManifestSource => s !== undefined);
  const test: PlannedTest = {
    uniqueId: node.unique_id,
    node,
    config,
    relationId,
    warnIf: parseThreshold(config.warnIf),
    errorIf: parseThreshold(config.errorIf),
    batched: false,
    singleSql: singleTestSql(compiled, config),
    compiledSql: compiled,
    sources,
    auditRelation: { database: node.database, schema: node.schema, identifier: node.alias },
  };
  const verdict = batchVerdict(manifest, node, test, reads);
  if (typeof verdict === 'string') {
    test.singleReason = verdict;
    return { test };
  }
  return { test, check: verdict };
}

/** The test's batched check, or why it runs on its own. */
function batchVerdict(manifest: Manifest, node: ManifestNode, test: PlannedTest, reads: string[]): BatchCheck | string {
  const meta = node.test_metadata;
  if (!meta) return 'singular test';
  const relationships = meta.name === 'relationships' && (meta.namespace === null || meta.namespace === undefined || meta.namespace === 'dbt');
  if (relationships && test.relationId !== null && reads.length <= 2 && reads.includes(test.relationId)) {
    // A self-referencing relationship (a parent key in the same table) reads one relation.
    return relationshipsVerdict(manifest, node, test, reads.find((r) => r !== test.relationId) ?? test.relationId);
  }
  if (test.relationId === null || reads.length !== 1 || reads[0] !== test.relationId) return `reads ${reads.length} relations`;
  if (!relationOf(manifest, test.relationId)) return 'its relation has no name to query (ephemeral model?)';
  if (!test.config.countsRows) return `fail_calc is ${test.config.failCalc}`;
  if (!test.warnIf || !test.errorIf) return 'warn_if/error_if is not a comparison with a number';
  if (!rendersWithBuiltinMacros(node)) return 'rendered by macros of the project (custom or overridden test)';
  const { model: _model, ...kwargs } = meta.kwargs;
  const fragments = `${JSON.stringify(kwargs)}\n${test.config.where ?? ''}`;
  if (JINJA.test(fragments)) return 'its arguments hold unrendered Jinja';
  // The batch writes each fragment on one line among others: a comment would swallow its neighbours.
  if (SQL_COMMENT.test(fragments)) return 'its arguments hold a SQL comment';
  if (node.column_name && kwargs['column_name'] === undefined) kwargs['column_name'] = node.column_name;
  const check = batchCheckFor(meta.namespace, meta.name, { kwargs, where: test.config.where });
  return check.shape === 'single' ? check.reason : check;
}

/**
 * relationships, joined into the child model's batch: a child row fails when its value is not null
 * and no parent row has it — exactly the rows dbt's left join returns. The parent is read through a
 * semi-join in the same query (Athena scans it once, alongside the child).
 */
function relationshipsVerdict(manifest: Manifest, node: ManifestNode, test: PlannedTest, parentId: string): SemiCheck | string {
  const parent = relationOf(manifest, parentId);
  if (!parent) return 'its parent relation has no name to query (ephemeral model?)';
  if (!relationOf(manifest, test.relationId!)) return 'its relation has no name to query (ephemeral model?)';
  if (!test.config.countsRows) return `fail_calc is ${test.config.failCalc}`;
  if (!test.warnIf || !test.errorIf) return 'warn_if/error_if is not a comparison with a number';
  if (!rendersWithBuiltinMacros(node)) return 'rendered by macros of the project (custom or overridden test)';
  const kwargs = node.test_metadata!.kwargs as Record<string, unknown>;
  const column = typeof kwargs['column_name'] === 'string' ? kwargs['column_name'] : node.column_name;
  const field = kwargs['field'];
  if (typeof column !== 'string' || !column.trim() || typeof field !== 'string' || !field.trim()) return 'its column_name or field is not a plain SQL expression';
  const fragments = `${column}\n${field}\n${test.config.where ?? ''}`;
  if (JINJA.test(fragments)) return 'its arguments hold unrendered Jinja';
  if (SQL_COMMENT.test(fragments)) return 'its arguments hold a SQL comment';
  return {
    shape: 'semi',
    reads: parentId,
    flag: `coalesce((${column}) in (select ${field} from ${parent.name} where ${field} is not null), false)`,
    aggregate: (flag) => `count_if(${allOf(test.config.where, `${column} is not null`, `not ${flag}`)})`,
  };
}

function relationOf(manifest: Manifest, id: string): { name: string; sources: ManifestSource[] } | undefined {
  const source = manifest.sources[id];
  if (source) return { name: source.relation_name, sources: [source] };
  const node = manifest.nodes[id];
  if (!node || node.relation_name === null || node.relation_name === '') return undefined;
  if ((node.config as Record<string, unknown>)['materialized'] === 'ephemeral') return undefined;
  return { name: node.relation_name, sources: [] };
}
