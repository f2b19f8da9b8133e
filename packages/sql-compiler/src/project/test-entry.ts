import type { TestEntry } from './schema-file-schema.js';
import { isPlainMapping } from './yaml-path.js';

/** A generic test application in one shape, whichever of dbt's three spellings was used. */
export interface NormalizedTest {
  /** The test's own name: 'unique', 'expression_is_true'. */
  testName: string;
  /** The package part of 'dbt_utils.expression_is_true'. */
  namespace?: string;
  /** Arguments passed to the test macro (column_name/model are added by the caller). */
  args: Record<string, unknown>;
  /** Configs: the `config:` block plus config keys written among the arguments. */
  config: Record<string, unknown>;
  /** `name:` given to the test instance. */
  customName?: string;
  description?: string;
}

/**
 * Keys dbt treats as test configs even when written next to the arguments rather than under
 * `config:` (e.g. `- unique: {severity: warn}`).
 */
export const TEST_CONFIG_KEYS: ReadonlySet<string> = new Set([
  'severity',
  'where',
  'limit',
  'warn_if',
  'error_if',
  'fail_calc',
  'store_failures',
  'store_failures_as',
  'tags',
  'enabled',
  'meta',
  'database',
  'schema',
  'alias',
]);

/**
 * `unique` | `{unique: {...}}` | `{test_name: unique, name: ..., ...}` → one shape. Arguments
 * under `arguments:` (dbt 1.10+) win over the same names written at the top level; a `config:`
 * block wins over config keys written at the top level.
 */
export function normalizeTestEntry(entry: TestEntry): NormalizedTest {
  if (typeof entry === 'string') return { ...splitName(entry), args: {}, config: {} };
  let qualified: string;
  let body: Record<string, unknown>;
  if (typeof entry['test_name'] === 'string') {
    qualified = entry['test_name'];
    body = { ...entry };
    delete body['test_name'];
  } else {
    const [key, value] = Object.entries(entry)[0] ?? ['', undefined];
    qualified = key;
    body = isPlainMapping(value) ? { ...value } : {};
  }
  const args: Record<string, unknown> = {};
  const looseConfig: Record<string, unknown> = {};
  let blockConfig: Record<string, unknown> = {};
  let explicitArgs: Record<string, unknown> = {};
  let customName: string | undefined;
  let description: string | undefined;
  for (const [k, v] of Object.entries(body)) {
    if (k === 'name' && typeof v === 'string') customName = v;
    else if (k === 'description' && typeof v === 'string') description = v;
    else if (k === 'config' && isPlainMapping(v)) blockConfig = v;
    else if (k === 'arguments' && isPlainMapping(v)) explicitArgs = v;
    else if (TEST_CONFIG_KEYS.has(k)) looseConfig[k] = v;
    else args[k] = v;
  }
  const result: NormalizedTest = {
    ...splitName(qualified),
    args: { ...args, ...explicitArgs },
    config: { ...looseConfig, ...blockConfig },
  };
  if (customName !== undefined) result.customName = customName;
  if (description !== undefined) result.description = description;
  return result;
}

function splitName(qualified: string): { testName: string; namespace?: string } {
  const dot = qualified.indexOf('.');
  if (dot <= 0) return { testName: qualified };
  return { namespace: qualified.slice(0, dot), testName: qualified.slice(dot + 1) };
}

/** A test entry with the key and index it was found under, so it can be located later. */
export interface TestRef {
  entry: TestEntry;
  key: 'tests' | 'data_tests';
  index: number;
}

/** The tests of a model/column/source table/…, from `data_tests` or its older name `tests`. */
export function listTests(owner: { tests?: TestEntry[] | undefined; data_tests?: TestEntry[] | undefined }): TestRef[] {
  const refs: TestRef[] = [];
  for (const key of ['data_tests', 'tests'] as const) {
    owner[key]?.forEach((entry, index) => refs.push({ entry, key, index }));
  }
  return refs;
}
