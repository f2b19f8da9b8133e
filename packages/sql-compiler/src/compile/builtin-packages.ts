import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Hub packages Lakeform ships its own implementation of, so a project that lists them needs no
 * network and no `deps` step. Keys are the names packages.yml uses.
 */
const BUILTIN_BY_HUB_NAME: Record<string, string> = {
  'dbt-labs/dbt_utils': 'dbt_utils',
  'fishtown-analytics/dbt_utils': 'dbt_utils',
  'calogica/dbt_expectations': 'dbt_expectations',
  'metaplane/dbt_expectations': 'dbt_expectations',
  'calogica/dbt_date': 'dbt_date',
  'godatadriven/dbt_date': 'dbt_date',
};

export const INTERNAL_PACKAGE = 'dbt';

export function builtinPackageFor(hubName: string): string | undefined {
  return BUILTIN_BY_HUB_NAME[hubName.toLowerCase()];
}

export function builtinHubNames(): string[] {
  return Object.keys(BUILTIN_BY_HUB_NAME);
}

let cachedRoot: string | undefined;

/**
 * Where the shipped packages live. Searched upwards from this module so it works from the source
 * tree (tests), from the bundled CLI (apps/cli/dist), and from an installed copy.
 */
export function builtinPackagesRoot(): string {
  if (cachedRoot) return cachedRoot;
  const candidates: string[] = [];
  const envRoot = process.env['LAKEFORM_BUILTIN_PACKAGES'];
  if (envRoot) candidates.push(envRoot);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    candidates.push(join(dir, 'builtin-packages'), join(dir, 'packages', 'sql-compiler', 'builtin-packages'));
    dir = dirname(dir);
  }
  const found = candidates.find((c) => existsSync(join(c, INTERNAL_PACKAGE, 'dbt_project.yml')));
  if (!found) throw new Error(`Lakeform's built-in macro packages were not found (looked in ${candidates.slice(0, 3).join(', ')}, ...)`);
  cachedRoot = found;
  return found;
}

export function builtinPackageDir(name: string): string {
  return join(builtinPackagesRoot(), name);
}
