import type { ManifestNode } from '@lakeform/sql-compiler';
import { BUILTIN_TEST_PACKAGES } from './check-catalog.js';

/**
 * Whether a generic test was rendered by Lakeform's own dbt / dbt_utils / dbt_expectations macros.
 * A project may override a test (a root `test_unique` macro, or a dispatched `my_pkg__test_unique`);
 * then its SQL is the project's and only its compiled code says what it counts.
 */
export function rendersWithBuiltinMacros(node: ManifestNode): boolean {
  return node.depends_on.macros.every((id) => {
    const m = /^macro\.([^.]+)\.(.+)$/.exec(id);
    if (!m) return false;
    // Naming macros place the test's audit relation; they never change what a test counts.
    return BUILTIN_TEST_PACKAGES.has(m[1]!) || NAMING_MACROS.has(m[2]!);
  });
}

const NAMING_MACROS = new Set(['generate_schema_name', 'generate_alias_name', 'generate_database_name']);
