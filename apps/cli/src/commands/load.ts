import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileProject, selectFromManifest, type CompiledProject, type IndirectSelectionMode, type Manifest, type Warehouse } from '@lakeform/sql-compiler';
import { parseVars, type ProjectFlags } from '../cli-options.js';
import type { Output } from '../output.js';
import { findProjectDir } from '../project-dir.js';

export interface LoadOptions {
  compile: boolean;
  inline?: string;
  resourceTypes?: string[];
  indirectSelection?: IndirectSelectionMode;
  which: string;
  /** Answers is_incremental(), run_query and adapter calls while compiling (run, build, show). */
  warehouse?: Warehouse;
}

/** Whether the flags (or a selectors.yml default) narrow the project to a selection. */
export function narrowsSelection(flags: ProjectFlags, projectDir: string): boolean {
  return !!(flags.select?.length || flags.exclude?.length || flags.selector || flags.state) || existsSync(join(projectDir, 'selectors.yml'));
}

/** Parses (and optionally compiles) the project the flags point at, applying node selection. */
export async function loadProject(flags: ProjectFlags, out: Output, opts: LoadOptions): Promise<{ project: CompiledProject; selected: Set<string> }> {
  const projectDir = findProjectDir(flags.projectDir);
  const vars = parseVars(flags.vars);
  let selected: Set<string> | undefined;
  const selectIn = (m: Manifest) => {
    const r = selectFromManifest(m, {
      projectDir,
      select: flags.select,
      exclude: flags.exclude,
      selector: flags.selector,
      stateDir: flags.state,
      resourceTypes: opts.resourceTypes,
      indirectSelection: opts.indirectSelection,
    });
    for (const u of r.unmatched) out.warn({ code: 'W_NOTHING_SELECTED', message: u.message });
    selected = r.selected;
    return r.selected;
  };
  const selecting = narrowsSelection(flags, projectDir) || !!(opts.resourceTypes?.length || opts.indirectSelection);
  const project = await compileProject({
    projectDir,
    ...(flags.profilesDir ? { profilesDir: flags.profilesDir } : {}),
    ...(flags.target ? { target: flags.target } : {}),
    vars,
    compile: opts.compile,
    ...(opts.inline !== undefined && !flags.select?.length ? { selectIds: () => new Set<string>() } : selecting ? { selectIds: selectIn } : {}),
    ...(opts.inline !== undefined ? { inline: opts.inline } : {}),
    fullRefresh: !!flags.fullRefresh,
    which: opts.which,
    ...(opts.warehouse ? { warehouse: opts.warehouse } : {}),
  });
  out.debug(`compile phases: ${project.timings.map((t) => `${t.name} ${t.ms.toFixed(0)}ms`).join(', ')}`);
  for (const w of project.warnings) out.warn(w);
  for (const l of project.logs) if (l.level === 'info' || l.level === 'warn') out.info(l.message);
  if (!selected) selected = selecting ? selectIn(project.manifest) : allIds(project.manifest);
  return { project, selected };
}

function allIds(m: Manifest): Set<string> {
  return new Set([...Object.keys(m.nodes), ...Object.keys(m.sources), ...Object.keys(m.exposures)]);
}
