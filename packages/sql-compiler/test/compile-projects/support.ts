import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { compileProject, type CompileOptions, type CompiledProject, type ManifestNode, type Warehouse } from '../../src/index.js';

/** The realistic fixture projects (each with an EXPECTED.md written against dbt + dbt-athena). */
export const FIXTURES = fileURLToPath(new URL('../fixtures/projects/', import.meta.url));

export type FixtureName = 'jaffle' | 'utils' | 'advanced';

export interface FixtureCompile {
  target?: string;
  env?: Record<string, string>;
  vars?: Record<string, unknown>;
  warehouse?: Warehouse;
  /** Compile this folder instead of the fixture itself (a patched copy). */
  projectDir?: string;
  /** Where profiles.yml is read from; defaults to the project folder. */
  profilesDir?: string;
}

/** Compiles a fixture the way `lakeform compile` would, with a clean environment. */
export function compileFixture(name: FixtureName, o: FixtureCompile = {}): Promise<CompiledProject> {
  const projectDir = o.projectDir ?? join(FIXTURES, name);
  const opts: CompileOptions = { projectDir, profilesDir: o.profilesDir ?? projectDir, env: { ...(o.env ?? {}) } };
  if (o.target !== undefined) opts.target = o.target;
  if (o.vars !== undefined) opts.vars = o.vars;
  if (o.warehouse !== undefined) opts.warehouse = o.warehouse;
  return compileProject(opts);
}

/** The manifest node, failing the test with the known ids when it is missing. */
export function node(p: CompiledProject, uniqueId: string): ManifestNode {
  const n = p.manifest.nodes[uniqueId];
  if (!n) throw new Error(`no node ${uniqueId}; have: ${Object.keys(p.manifest.nodes).join(', ')}`);
  return n;
}

/** A node's compiled SQL as written to the manifest (and target/compiled). */
export function compiled(p: CompiledProject, uniqueId: string): string {
  const n = node(p, uniqueId);
  if (typeof n.compiled_code !== 'string') throw new Error(`${uniqueId} was not compiled`);
  // The draft the CLI writes to target/compiled must hold the same text.
  expect(p.nodes.get(uniqueId)?.compiledCode).toBe(n.compiled_code);
  return n.compiled_code;
}

/** The manifest node of the test with this name (dbt's test names are unique per project). */
export function testNamed(p: CompiledProject, name: string): ManifestNode {
  const found = Object.values(p.manifest.nodes).filter((n) => n.resource_type === 'test' && n.name === name);
  if (found.length !== 1) {
    const names = Object.values(p.manifest.nodes)
      .filter((n) => n.resource_type === 'test')
      .map((n) => n.name)
      .sort();
    throw new Error(`expected one test named ${name}, found ${found.length}; tests: ${names.join(', ')}`);
  }
  return found[0]!;
}

/** Compiled SQL of the test with this name. */
export function compiledTest(p: CompiledProject, name: string): string {
  return compiled(p, testNamed(p, name).unique_id);
}

export const lines = (sql: string): string[] => sql.split('\n');

/**
 * For SQL whose exact layout belongs to a macro package, not to the project (dbt's built-in generic
 * tests, dbt_utils output): whitespace runs become one space and spaces next to `(`, `)` and `,`
 * disappear, so dbt's text and an equivalent layout compare equal token by token.
 */
export function sqlTokens(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),])\s*/g, '$1')
    .trim();
}

/** Splits compiled SQL around a package macro's output: the text before and after must match exactly. */
export function around(sql: string, before: string, after: string): string {
  expect(sql.startsWith(before), `compiled SQL should start with:\n${before}\n--- got:\n${sql}`).toBe(true);
  expect(sql.endsWith(after), `compiled SQL should end with:\n${after}\n--- got:\n${sql}`).toBe(true);
  expect(sql.length).toBeGreaterThanOrEqual(before.length + after.length);
  return sql.slice(before.length, sql.length - after.length);
}

export function sortedIds(p: CompiledProject, type: string): string[] {
  return Object.values(p.manifest.nodes)
    .filter((n) => n.resource_type === type)
    .map((n) => n.unique_id)
    .sort();
}

export function countByType(p: CompiledProject): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of Object.values(p.manifest.nodes)) out[n.resource_type] = (out[n.resource_type] ?? 0) + 1;
  return out;
}

/**
 * A warehouse where every relation already exists, so incremental models compile their
 * incremental branch. Columns come from YAML (undefined answer) and queries are refused.
 */
export const everythingExists: Warehouse = {
  query: (sql) => Promise.reject(new Error(`the fixture should not query the warehouse: ${sql}`)),
  getColumns: () => Promise.resolve(undefined),
  relationExists: () => Promise.resolve({ type: 'table' }),
};

export interface Edit {
  file: string;
  from: string;
  to: string;
}

const copies: string[] = [];

/** A throw-away copy of a fixture with text replacements applied (each must match exactly once). */
export function patchedCopy(name: FixtureName, edits: Edit[]): string {
  const dir = mkdtempSync(join(tmpdir(), `lakeform-${name}-`));
  copies.push(dir);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  for (const e of edits) {
    const path = join(dir, e.file);
    const text = readFileSync(path, 'utf8');
    const at = text.indexOf(e.from);
    if (at < 0 || text.indexOf(e.from, at + 1) >= 0) throw new Error(`edit for ${e.file} must match exactly once: ${e.from}`);
    writeFileSync(path, text.replace(e.from, e.to));
  }
  return dir;
}

/** A folder holding just a profiles.yml. */
export function profilesFolder(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lakeform-profiles-'));
  copies.push(dir);
  writeFileSync(join(dir, 'profiles.yml'), yaml);
  return dir;
}

export function removeCopies(): void {
  for (const d of copies.splice(0)) rmSync(d, { recursive: true, force: true });
}
