import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CsvFixtureError, parseCsvFixture } from './csv-fixture.js';
import { unitTestError, type UnitTestOrigin } from './unit-test-error.js';

/** Rows of a `given` or `expect`, normalised: a table of values, or a SELECT the user wrote. */
export type Fixture =
  | { kind: 'rows'; columns: string[]; rows: Record<string, unknown>[]; fromCsv: boolean }
  | { kind: 'sql'; sql: string };

export interface FixtureSpec {
  rows?: Record<string, unknown>[] | string | undefined;
  format?: 'dict' | 'csv' | 'sql' | undefined;
  fixture?: string | undefined;
}

export interface FixtureLookup {
  projectDir: string;
  /** The project's test-paths: fixtures live in `<test-path>/fixtures/`, at any depth. */
  testPaths: string[];
}

/** Reads a fixture spec into rows, loading `fixture:` files (csv or sql) from the fixtures folders. */
export function readFixture(origin: UnitTestOrigin, what: string, spec: FixtureSpec, lookup: FixtureLookup): Fixture {
  const format = spec.format ?? 'dict';
  let text: string | undefined;
  let from = what;
  if (spec.fixture !== undefined) {
    if (format === 'dict') throw unitTestError(origin, 'E_UNIT_TEST_FIXTURE', `${what} names fixture '${spec.fixture}' but has format dict`, 'a fixture file is csv or sql: add format: csv (or sql)');
    const file = findFixtureFile(lookup, spec.fixture, format);
    if (!file) {
      throw unitTestError(origin, 'E_UNIT_TEST_FIXTURE', `${what}: fixture '${spec.fixture}.${format}' was not found`, `put ${spec.fixture}.${format} under ${lookup.testPaths.map((p) => `${p}/fixtures/`).join(' or ')}`);
    }
    text = readFileSync(file, 'utf8');
    from = `${what} (fixture ${relative(lookup.projectDir, file)})`;
  } else if (typeof spec.rows === 'string') {
    if (format === 'dict') throw unitTestError(origin, 'E_UNIT_TEST_FIXTURE', `${what} has rows as text but format dict`, 'write rows as a list of mappings, or set format: csv / sql');
    text = spec.rows;
  } else if (spec.rows !== undefined && format !== 'dict') {
    throw unitTestError(origin, 'E_UNIT_TEST_FIXTURE', `${what} has format ${format} but rows as a list`, `write rows as ${format} text (rows: |), or drop format`);
  }
  if (format === 'sql') {
    if (!text?.trim()) throw unitTestError(origin, 'E_UNIT_TEST_FIXTURE', `${from} has format sql but no SELECT`, 'write the rows as one SELECT statement');
    return { kind: 'sql', sql: text.trim().replace(/;\s*$/, '') };
  }
  if (format === 'csv') {
    try {
      const t = parseCsvFixture(text ?? '');
      return { kind: 'rows', columns: t.columns, rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]]))), fromCsv: true };
    } catch (e) {
      if (e instanceof CsvFixtureError) throw unitTestError(origin, 'E_UNIT_TEST_CSV', `${from} is not valid CSV: ${e.message}`, 'the first line names the columns; quote fields that hold commas or newlines', e);
      throw e;
    }
  }
  const rows = Array.isArray(spec.rows) ? spec.rows : [];
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  return { kind: 'rows', columns, rows, fromCsv: false };
}

function findFixtureFile(lookup: FixtureLookup, name: string, ext: string): string | undefined {
  const want = `${name}.${ext}`;
  const walk = (dir: string): string | undefined => {
    if (!existsSync(dir)) return undefined;
    const entries = readdirSync(dir).sort();
    if (entries.includes(want) && statSync(join(dir, want)).isFile()) return join(dir, want);
    for (const e of entries) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) {
        const found = walk(p);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const tp of lookup.testPaths) {
    const found = walk(join(lookup.projectDir, tp, 'fixtures'));
    if (found) return found;
  }
  return undefined;
}
