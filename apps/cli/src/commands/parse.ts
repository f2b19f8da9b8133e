import { writeManifest } from '@lakeform/sql-compiler';
import type { ProjectFlags } from '../cli-options.js';
import type { Output } from '../output.js';
import { foundLine } from '@lakeform/sql-compiler';
import { loadProject } from './load.js';

/** `lakeform parse`: validate the project and write target/manifest.json without compiling SQL. */
export async function parseCommand(flags: ProjectFlags, out: Output): Promise<number> {
  const started = Date.now();
  const { project } = await loadProject(flags, out, { compile: false, which: 'parse' });
  writeManifest(project.targetPath, project.manifest);
  out.info(foundLine(project.manifest));
  out.info(`Parsed in ${((Date.now() - started) / 1000).toFixed(2)}s; wrote ${project.targetPath}/manifest.json`);
  return 0;
}
