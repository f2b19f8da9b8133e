import type { CompiledProject } from '../compile/compile-project.js';
import type { NodeDraft } from '../compile/node-draft.js';
import { injectCtes } from '../compile/inject-ctes.js';
import { renderError } from '../compile/render-node.js';
import type { WarehouseColumn } from '../context/warehouse.js';
import { LakeformError } from '../errors.js';
import { closestName } from '../suggest.js';
import { parseFixtureInput, type FixtureInput } from './fixture-input.js';
import { readFixture, type Fixture, type FixtureLookup } from './fixture-rows.js';
import { fixtureSelect, inferColumnType, textFixtureSelect, type FixtureColumn } from './fixture-sql.js';
import { readUnitTest } from './unit-test-entry.js';
import { unitTestError, type UnitTestOrigin } from './unit-test-error.js';
import { UnitTestSession } from './unit-test-session.js';

export interface CompiledUnitTest {
  uniqueId: string;
  name: string;
  /** The YAML file that defines the test. */
  file: string;
  /** unique id of the model under test. */
  model: string;
  description: string;
  tags: string[];
  enabled: boolean;
  /** The model's SQL with every given input as a CTE: one Athena (Trino) query. */
  sql: string;
  /** The expected rows as one query. For dict/csv rows every value is varchar text, to be cast to the model's column types. */
  expectSql: string;
  /** The columns the test compares (those of `expect`); empty for `format: sql` until the query runs. */
  columns: string[];
  /** dict/csv expectations are text (cast when compared); sql expectations carry their own types. */
  expectFormat: 'rows' | 'sql';
  /** The inputs, as CTE names with the columns and types each got. */
  inputs: { input: string; cte: string; columns: FixtureColumn[] }[];
}

const asDict = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * Compiles one unit test (dbt 1.8 `unit_tests:`) to a query the local engine can run without any
 * upstream table: the model rendered with vars / env_vars / macros overridden and every
 * ref() / source() / this read from a CTE of the given rows.
 */
export async function compileUnitTest(project: CompiledProject, unitTestId: string): Promise<CompiledUnitTest> {
  const { origin, entry } = readUnitTest(project.manifest, unitTestId);
  const prepared = project.prepared;
  if (!prepared) throw new LakeformError({ code: 'E_INTERNAL', message: `cannot compile unit test ${origin.name}: the project was not compiled in this process` });
  const model = findModel(project, origin, entry.model, entry.package_name);
  const config = asDict(entry.config);
  const lookup: FixtureLookup = { projectDir: project.projectDir, testPaths: testPathsOf(prepared.rootProject) };

  // Inputs: each given row set becomes a CTE named as dbt names ephemeral CTEs.
  const inputs = new Map<string, string>();
  const ctes: { id: string; name: string; sql: string }[] = [];
  const described: CompiledUnitTest['inputs'] = [];
  let thisCte: string | undefined;
  const parents = new Set(model.dependsOn);
  for (const [i, given] of (entry.given ?? []).entries()) {
    const what = `given[${i}] (${given.input})`;
    const input = parseFixtureInput(given.input);
    if (!input) throw unitTestError(origin, 'E_UNIT_TEST_INPUT', `${what} is not ref('...'), source('...', '...') or this`, "write input: ref('model_name'), input: source('source_name', 'table_name') or input: this");
    const target = resolveInput(project, model, origin, input, what);
    if (input.kind !== 'this' && !parents.has(target.id)) {
      throw unitTestError(origin, 'E_UNIT_TEST_INPUT_UNUSED', `${what}: model ${model.name} does not read ${given.input}`, `its inputs are: ${[...parents].map((p) => labelOf(project, p)).join(', ') || 'none'}`);
    }
    if (inputs.has(target.id) || (input.kind === 'this' && thisCte)) throw unitTestError(origin, 'E_UNIT_TEST_INPUT', `${what} is given twice`, 'give each input once');
    const fixture = readFixture(origin, what, given, lookup);
    const known = await knownColumns(project, target);
    const { sql, columns } = inputSelect(fixture, known);
    if (columns.length === 0 && fixture.kind === 'rows') {
      throw unitTestError(origin, 'E_UNIT_TEST_FIXTURE', `${what} has no rows and its columns are unknown`, `give at least one row, or declare the columns of ${given.input} in YAML (columns: with data_type)`);
    }
    const cteName = input.kind === 'this' ? `__dbt__cte__${model.name}__this` : target.cte;
    if (input.kind === 'this') thisCte = cteName;
    else inputs.set(target.id, cteName);
    ctes.push({ id: target.id, name: cteName.replace(/^__dbt__cte__/, ''), sql });
    described.push({ input: given.input, cte: cteName, columns });
  }

  const overrides = asDict(entry.overrides);
  const macros = asDict(overrides['macros']);
  const vars = asDict(overrides['vars']);
  const envVars = Object.fromEntries(Object.entries(asDict(overrides['env_vars'])).map(([k, v]) => [k, String(v)]));
  // A unit test renders without a warehouse (dbt forbids introspective queries in unit tests) and
  // with its overrides taking precedence over --vars and the environment.
  const state = { ...prepared.state, cliVars: { ...prepared.state.cliVars, ...vars }, env: { ...prepared.state.env, ...envVars }, warehouse: undefined, partial: false, fullRefresh: false };
  const template = model.template ?? prepared.templates.parse(model.rawCode, model.originalFilePath, model.uniqueId);
  const extra: Record<string, unknown> = { ...(model.renderExtra ?? {}) };
  for (const [k, v] of Object.entries(macros)) if (!k.includes('.') && !Object.hasOwn(CONTEXT_MEMBERS, k)) extra[k] = () => v;
  const session = new UnitTestSession(state, model, { inputs, thisCte, macros, origin }, extra);
  let output: string;
  try {
    output = template.render(session.ctx, { resolve: session.resolverFor(model.packageName) });
  } catch (e) {
    throw renderError(e, model, template.name);
  }

  const expect = readFixture(origin, 'expect', entry.expect, lookup);
  const expectSql = expect.kind === 'sql' ? expect.sql : textFixtureSelect(expect.columns, expect.rows);
  if (expect.kind === 'rows' && expect.columns.length === 0) {
    throw unitTestError(origin, 'E_UNIT_TEST_FIXTURE', 'expect has no columns', 'list the expected rows (for an empty result, use format: csv with just a header line, or format: sql)');
  }
  return {
    uniqueId: origin.uniqueId,
    name: origin.name,
    file: origin.file,
    model: model.uniqueId,
    description: entry.description ?? '',
    tags: tagsOf(config['tags']),
    enabled: config['enabled'] !== false,
    sql: injectCtes(output, ctes.filter((c) => c.id === model.uniqueId ? thisCte !== undefined && session.used.has('this') : session.used.has(c.id))),
    expectSql,
    columns: expect.kind === 'rows' ? expect.columns : [],
    expectFormat: expect.kind,
    inputs: described,
  };
}

/** Context members that are not macros: an override for these goes to the session, not the context. */
const CONTEXT_MEMBERS: Record<string, true> = { ref: true, source: true, config: true, var: true, env_var: true, is_incremental: true, adapter: true, run_query: true, statement: true, this: true, target: true };

function findModel(project: CompiledProject, origin: UnitTestOrigin, name: string, pkg: string): NodeDraft {
  const candidates = [...project.nodes.values()].filter((n) => n.resourceType === 'model' && n.name === name);
  const model = candidates.find((n) => n.packageName === pkg) ?? candidates[0];
  if (model) return model;
  const near = closestName(name, [...project.nodes.values()].filter((n) => n.resourceType === 'model').map((n) => n.name));
  throw unitTestError(origin, 'E_UNIT_TEST_UNKNOWN_MODEL', `model '${name}' does not exist (or is disabled)`, near ? `did you mean model: ${near}?` : 'model: names a SQL model of this project');
}

interface InputTarget {
  id: string;
  cte: string;
  /** Columns declared in YAML, with data_type where given. */
  declared: { name: string; dataType: string | null }[];
  relation: { database: string | null; schema: string | null; identifier: string };
}

function resolveInput(project: CompiledProject, model: NodeDraft, origin: UnitTestOrigin, input: FixtureInput, what: string): InputTarget {
  const state = project.prepared!.state;
  try {
    if (input.kind === 'this') {
      return { id: model.uniqueId, cte: '', declared: declaredOf(model), relation: { database: model.database, schema: model.schema, identifier: model.alias } };
    }
    if (input.kind === 'ref') {
      const n = state.resolveRef(model, input.call);
      return { id: n.uniqueId, cte: `__dbt__cte__${n.name}`, declared: declaredOf(n), relation: { database: n.database, schema: n.schema, identifier: n.alias } };
    }
    const s = state.resolveSource(model, input.sourceName, input.tableName);
    const cols = Object.values(asDict(s.entry['columns'])).map((c) => ({ name: String(asDict(c)['name']), dataType: (asDict(c)['data_type'] as string | null | undefined) ?? null }));
    return { id: s.uniqueId, cte: `__dbt__cte__${s.sourceName}__${s.name}`, declared: cols, relation: { database: s.database, schema: s.schema, identifier: s.identifier } };
  } catch (e) {
    if (e instanceof LakeformError && e.code !== 'E_UNIT_TEST_INPUT') throw unitTestError(origin, 'E_UNIT_TEST_INPUT', `${what}: ${e.message}`, e.hint ?? 'check the input name', e);
    throw e;
  }
}

function declaredOf(n: NodeDraft): InputTarget['declared'] {
  return Object.values(n.columns).map((c) => ({ name: c.name, dataType: c.data_type }));
}

/** The input's columns as dbt sees them: the warehouse's when the relation exists, else YAML's. */
async function knownColumns(project: CompiledProject, target: InputTarget): Promise<{ name: string; dataType: string | null }[]> {
  const warehouse = project.prepared?.state.warehouse;
  let fromWarehouse: WarehouseColumn[] | undefined;
  if (warehouse && target.relation.schema) fromWarehouse = await warehouse.getColumns(target.relation).catch(() => undefined);
  const out = (fromWarehouse ?? []).map((c) => ({ name: c.name, dataType: c.dataType as string | null }));
  for (const d of target.declared) {
    const same = out.find((c) => c.name.toLowerCase() === d.name.toLowerCase());
    if (!same) out.push(d);
    else if (!same.dataType) same.dataType = d.dataType;
  }
  return out;
}

/** A given input's SELECT: its rows over the known columns plus any the rows add; missing values NULL. */
function inputSelect(fixture: Fixture, known: { name: string; dataType: string | null }[]): { sql: string; columns: FixtureColumn[] } {
  if (fixture.kind === 'sql') return { sql: fixture.sql, columns: known.map((k) => ({ name: k.name, type: k.dataType })) };
  const columns: FixtureColumn[] = known.map((k) => ({ name: k.name, type: k.dataType }));
  for (const c of fixture.columns) {
    const same = columns.find((k) => k.name.toLowerCase() === c.toLowerCase());
    if (!same) columns.push({ name: c, type: null });
  }
  const rows = fixture.rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) out[columns.find((c) => c.name.toLowerCase() === k.toLowerCase())!.name] = v;
    return out;
  });
  for (const c of columns) if (!c.type) c.type = inferColumnType(rows.map((r) => r[c.name]), fixture.fromCsv);
  return { sql: fixtureSelect(columns, rows), columns };
}

function labelOf(project: CompiledProject, id: string): string {
  const n = project.nodes.get(id);
  if (n) return `ref('${n.name}')`;
  const s = project.sources.get(id);
  return s ? `source('${s.sourceName}', '${s.name}')` : id;
}

function testPathsOf(rootProject: Record<string, unknown>): string[] {
  const tp = rootProject['test-paths'];
  return Array.isArray(tp) ? tp.map(String) : typeof tp === 'string' ? [tp] : ['tests'];
}

function tagsOf(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}
