import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LakeformError } from '@lakeform/sql-compiler';
import type { Output } from '../output.js';
import { initFiles } from './init-template.js';

/** `lakeform init NAME`: a new project folder that compiles and runs on the local engine as is. */
export async function initCommand(name: string | undefined, opts: { dir?: string }, out: Output): Promise<number> {
  const projectName = name ?? 'my_lakehouse';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(projectName)) {
    throw new LakeformError({ code: 'E_CLI_USAGE', message: `'${projectName}' is not a valid project name`, hint: 'use letters, digits and underscores, starting with a letter (e.g. my_lakehouse)' });
  }
  const dir = resolve(opts.dir ?? projectName);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new LakeformError({ code: 'E_PROJECT_EXISTS', message: `${dir} exists and is not a folder`, hint: 'choose another project name, or pass --dir <folder>' });
  }
  if (existsSync(join(dir, 'dbt_project.yml'))) {
    throw new LakeformError({ code: 'E_PROJECT_EXISTS', message: `${dir} already holds a dbt_project.yml`, hint: 'choose another name or folder; init never overwrites a project' });
  }
  try {
    for (const [file, content] of Object.entries(initFiles(projectName))) {
      const p = join(dir, file);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content, { flag: 'wx' });
    }
  } catch (e) {
    throw new LakeformError({
      code: 'E_INIT_WRITE',
      message: `cannot create the project in ${dir}: ${e instanceof Error ? e.message : String(e)}`,
      hint: 'choose an empty folder you can write to',
      cause: e,
    });
  }
  out.info(`Created project '${projectName}' in ${dir}`);
  out.info(`Next: cd ${dir} && npx lakeform compile`);
  return 0;
}
