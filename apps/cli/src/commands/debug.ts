import type { ProjectFlags } from '../cli-options.js';
import type { Output } from '../output.js';
import { loadProject } from './load.js';

/** `lakeform debug`: which project, profile, target and engine a command would use. */
export async function debugCommand(flags: ProjectFlags, out: Output): Promise<number> {
  const { project } = await loadProject(flags, out, { compile: false, which: 'debug' });
  out.result(
    [
      `project:  ${project.projectName} (${project.projectDir})`,
      `target:   ${project.targetName} (type ${String(project.profileTarget['type'])})`,
      `engine:   ${project.adapterType === 'athena' ? 'athena' : 'local (embedded DuckDB + Iceberg)'}`,
      `database: ${String(project.profileTarget['database'])}`,
      `schema:   ${String(project.profileTarget['schema'])}`,
      `threads:  ${String(project.profileTarget['threads'])}`,
      'All checks passed!',
    ].join('\n'),
  );
  return 0;
}
