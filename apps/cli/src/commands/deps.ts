import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtinHubNames, builtinPackageFor, LakeformError, loadPackagesFile } from '@lakeform/sql-compiler';
import type { ProjectFlags } from '../cli-options.js';
import type { Output } from '../output.js';
import { findProjectDir } from '../project-dir.js';

/**
 * `lakeform deps`: checks packages.yml. `local:` packages are used in place; hub packages Lakeform
 * ships are reported as built in. Nothing is downloaded, ever.
 */
export async function depsCommand(flags: ProjectFlags, out: Output): Promise<number> {
  const projectDir = findProjectDir(flags.projectDir);
  const pf = loadPackagesFile(projectDir);
  if (!pf || pf.packages.length === 0) {
    out.info('No packages.yml (or it lists no packages): nothing to install.');
    return 0;
  }
  for (const w of pf.warnings) out.warn(w);
  for (const spec of pf.packages as Record<string, unknown>[]) {
    if (typeof spec['local'] === 'string') {
      const dir = resolve(projectDir, spec['local']);
      if (!existsSync(join(dir, 'dbt_project.yml'))) {
        throw new LakeformError({ code: 'E_PACKAGE_NOT_FOUND', message: `local package ${spec['local']} has no dbt_project.yml (looked in ${dir})`, location: { file: 'packages.yml' }, hint: 'fix the local: path' });
      }
      out.info(`Installed from local path ${spec['local']} (used in place)`);
      continue;
    }
    const hub = typeof spec['package'] === 'string' ? spec['package'] : undefined;
    const builtin = hub ? builtinPackageFor(hub) : undefined;
    if (hub && builtin) {
      out.info(`${hub}${spec['version'] ? ` (${JSON.stringify(spec['version'])})` : ''}: built into Lakeform as '${builtin}', nothing to download`);
      continue;
    }
    throw new LakeformError({
      code: 'E_PACKAGE_UNAVAILABLE',
      message: `package ${hub ?? JSON.stringify(spec)} is not built into Lakeform, and Lakeform does not download packages`,
      location: { file: 'packages.yml' },
      hint: `built in: ${builtinHubNames().join(', ')}; vendor anything else into the repository and use local: <path>`,
    });
  }
  return 0;
}
