import type { Engine, NodeResult, QueryResult } from '@lakeform/runner';
import { compileUnitTest, LakeformError, quoteIdent, readUnitTest, unitTestError, type CompiledProject, type CompiledUnitTest } from '@lakeform/sql-compiler';
import { castTypeForResult } from './engine-column-type.js';
import { diffMessage, diffRows, type RowDiff } from './row-diff.js';

export interface UnitTestResult {
  uniqueId: string;
  /** The model under test (unique id), when the test compiled. */
  model?: string;
  result: NodeResult;
  /** The comparison, for a test that ran to a verdict. */
  diff?: RowDiff;
  compiled?: CompiledUnitTest;
  error?: unknown;
}

/**
 * Runs dbt unit tests on an engine: each test's model query (its inputs as CTEs, so nothing
 * upstream needs to exist) and its expected rows, compared as dbt compares them. Never rejects for
 * one test's failure: an error becomes that test's `error` result.
 */
export async function runUnitTests(project: CompiledProject, ids: readonly string[], engine: Engine): Promise<UnitTestResult[]> {
  const out: UnitTestResult[] = [];
  for (const id of ids) out.push(await runOne(project, id, engine));
  return out;
}

async function runOne(project: CompiledProject, id: string, engine: Engine): Promise<UnitTestResult> {
  const startedAt = new Date().toISOString();
  const timing = (name: 'compile' | 'execute', from: string) => ({ name, startedAt: from, completedAt: new Date().toISOString() });
  let compiled: CompiledUnitTest;
  try {
    // A disabled test is reported, not compiled: its fixtures may be unfinished.
    const { origin, entry } = readUnitTest(project.manifest, id);
    if ((entry.config as { enabled?: unknown } | undefined)?.enabled === false) {
      return { uniqueId: origin.uniqueId, result: { status: 'skipped', message: 'SKIP (enabled: false)', queryIds: [], timing: [timing('compile', startedAt)], adapterResponse: { unit_test: true } } };
    }
    compiled = await compileUnitTest(project, id);
  } catch (e) {
    return { uniqueId: id, result: errorResult(e, [timing('compile', startedAt)]), error: e };
  }
  const compileTiming = timing('compile', startedAt);
  const base = { uniqueId: compiled.uniqueId, model: compiled.model, compiled };
  const executeFrom = new Date().toISOString();
  try {
    const { diff, queryIds } = await compare(compiled, engine);
    const failures = diff.missing.length + diff.unexpected.length;
    const result: NodeResult = {
      status: failures === 0 ? 'pass' : 'fail',
      message: failures === 0 ? 'PASS' : diffMessage(diff),
      queryIds,
      timing: [compileTiming, timing('execute', executeFrom)],
      adapterResponse: { unit_test: true },
      failures,
    };
    return { ...base, result, diff };
  } catch (e) {
    return { ...base, result: errorResult(e, [compileTiming, timing('execute', executeFrom)]), error: e };
  }
}

async function compare(t: CompiledUnitTest, engine: Engine): Promise<{ diff: RowDiff; queryIds: string[] }> {
  const queryIds: string[] = [];
  const run = async (sql: string, what: string): Promise<QueryResult> => {
    try {
      const r = await engine.execute(sql, { nodeId: t.uniqueId });
      queryIds.push(...r.stats.queryIds);
      return r;
    } catch (e) {
      throw queryError(t, e, what);
    }
  };
  const actual = await run(t.sql, `the model query of ${t.model}`);
  let columns = t.columns;
  if (t.expectFormat === 'sql') columns = (await run(`select * from (\n${t.expectSql}\n) lf_expected limit 0`, 'the expect SELECT')).columns.map((c) => c.name);
  const index = columns.map((c) => actual.columns.findIndex((a) => a.name.toLowerCase() === c.toLowerCase()));
  const absent = columns.filter((_c, i) => index[i] === -1);
  if (absent.length > 0) {
    throw unitTestError(
      t,
      'E_UNIT_TEST_COLUMN',
      `expect names ${absent.map((c) => `'${c}'`).join(', ')}, which the model does not return`,
      `the model returns: ${actual.columns.map((c) => c.name).join(', ')}`,
    );
  }
  // dbt casts the expected values to the types of the model's columns before comparing.
  const casts = columns.map((c, i) => {
    const type = castTypeForResult(actual.columns[index[i]!]!.dataType);
    return type ? `cast(${quoteIdent(c)} as ${type}) as ${quoteIdent(c)}` : quoteIdent(c);
  });
  const expected = await run(`select ${casts.join(', ')} from (\n${t.expectSql}\n) lf_expected`, 'the expected rows (cast to the model column types)');
  const projected = actual.rows.map((r) => index.map((i) => r[i!]));
  return { diff: diffRows(columns, projected, expected.rows), queryIds };
}

const TYPE_ERROR = /conver|cast|invalid (input|value)|could not parse|type mismatch|mismatched types|cannot be cast/i;

function queryError(t: CompiledUnitTest, e: unknown, what: string): LakeformError {
  const msg = e instanceof Error ? e.message : String(e);
  if (TYPE_ERROR.test(msg)) {
    return unitTestError(t, 'E_UNIT_TEST_TYPE', `a value does not fit its column type in ${what}: ${msg}`, 'check the given/expect values against the column types (declare data_type in the YAML columns to type a given input)', e);
  }
  return unitTestError(t, 'E_UNIT_TEST_QUERY', `${what} failed: ${msg}`, 'the compiled query is in the result (compiled.sql); check the model SQL and the given columns it reads', e);
}

function errorResult(e: unknown, timing: NodeResult['timing']): NodeResult {
  const message = e instanceof LakeformError ? e.format() : e instanceof Error ? e.message : String(e);
  return { status: 'error', message, queryIds: [], timing, adapterResponse: { unit_test: true, ...(e instanceof LakeformError ? { code: e.code } : {}) } };
}
