import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LakeformError } from '@lakeform/sql-compiler';

/**
 * --project-dir, else DBT_PROJECT_DIR, else the nearest folder upwards from the working directory
 * holding a dbt_project.yml.
 */
export function findProjectDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const explicit = flag ?? env['DBT_PROJECT_DIR'];
  if (explicit) {
    const dir = resolve(cwd, explicit);
    if (!existsSync(join(dir, 'dbt_project.yml'))) {
      throw new LakeformError({
        code: 'E_NO_PROJECT',
        message: `no dbt_project.yml in ${dir}`,
        hint: 'pass --project-dir pointing at the folder that holds dbt_project.yml, or run lakeform init to create a project',
      });
    }
    return dir;
  }
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, 'dbt_project.yml'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new LakeformError({
    code: 'E_NO_PROJECT',
    message: `no dbt_project.yml in ${resolve(cwd)} or any folder above it`,
    hint: 'cd into a project, pass --project-dir (e.g. --project-dir models/grocery), or run lakeform init to create one',
  });
}
