import { compileToTarget, foundLine, planLine, writeCompiled, writeManifest } from '@lakeform/sql-compiler';
import { parseVars, type ProjectFlags } from '../cli-options.js';
import type { Output } from '../output.js';
import { findProjectDir } from '../project-dir.js';
import { loadProject, narrowsSelection } from './load.js';

/** Beyond this many nodes the plan is summarised by materialization instead of listed. */
const PLAN_LINES = 200;

/** The build plan, in dependency order; long plans are cut and summarised by materialization. */
function printPlan(lines: string[], tests: number, out: Output): void {
  if (lines.length === 0) return;
  out.info('Would build, in dependency order:');
  const rows = lines.map((l) => l.split('\t') as [string, string]);
  const w = Math.max(...rows.map(([m]) => m.length));
  for (const [m, what] of rows.slice(0, PLAN_LINES)) out.result(`  ${m.padEnd(w)}  ${what}`);
  if (rows.length > PLAN_LINES) {
    const byKind = new Map<string, number>();
    for (const [m] of rows.slice(PLAN_LINES)) byKind.set(m, (byKind.get(m) ?? 0) + 1);
    out.result(`  ... and ${rows.length - PLAN_LINES} more (${[...byKind].map(([k, v]) => `${v} ${k}`).join(', ')})`);
  }
  if (tests) out.info(`and ${tests} data tests`);
}

/** `lakeform compile`: write target/manifest.json and target/compiled/, then show the plan or the SQL. */
export async function compileCommand(flags: ProjectFlags & { inline?: string }, out: Output): Promise<number> {
  const started = Date.now();
  const projectDir = findProjectDir(flags.projectDir);
  const selecting = narrowsSelection(flags, projectDir) || flags.inline !== undefined;
  if (!selecting) {
    // The whole project: compiled with the partial-parse cache, artifacts written by the compiler.
    const r = await compileToTarget({
      projectDir,
      ...(flags.profilesDir ? { profilesDir: flags.profilesDir } : {}),
      ...(flags.target ? { target: flags.target } : {}),
      vars: parseVars(flags.vars),
      fullRefresh: !!flags.fullRefresh,
      which: 'compile',
    });
    for (const w of r.project?.warnings ?? []) out.warn(w);
    for (const l of r.project?.logs ?? []) if (l.level !== 'debug') out.info(l.message);
    out.debug(`compile phases: ${r.timings.map((t) => `${t.name} ${t.ms.toFixed(0)}ms`).join(', ')}`);
    if (r.fullReason) out.debug(`full compile: ${r.fullReason}`);
    out.info(r.found);
    const secs = ((Date.now() - started) / 1000).toFixed(2);
    if (r.partial) {
      out.info(`Partial parse: recompiled ${r.compiledIds.length} changed model${r.compiledIds.length === 1 ? '' : 's'} in ${secs}s; SQL in ${r.targetPath}/compiled`);
    } else {
      const p = r.project!;
      out.info(`Compiled ${r.compiledIds.length} nodes in ${secs}s (target: ${p.targetName}, engine: ${p.adapterType}); SQL in ${r.targetPath}/compiled`);
    }
    printPlan(r.plan, r.tests, out);
    return 0;
  }
  const { project, selected } = await loadProject(flags, out, { compile: true, indirectSelection: 'eager', ...(flags.inline !== undefined ? { inline: flags.inline } : {}), which: 'compile' });
  out.info(foundLine(project.manifest));
  writeCompiled(project.targetPath, project.nodes.values());
  writeManifest(project.targetPath, project.manifest);
  if (project.inlineSql !== undefined) {
    out.info('Compiled inline node is:');
    out.result(project.inlineSql);
    return 0;
  }
  const compiled = project.compiledIds.filter((id) => selected.has(id));
  // As dbt: one selected node (tests picked up with it aside) prints its SQL.
  const primary = compiled.filter((id) => project.nodes.get(id)!.resourceType !== 'test');
  const single = primary.length === 1 ? primary : compiled.length === 1 ? compiled : [];
  if (single.length === 1) {
    const n = project.nodes.get(single[0]!)!;
    out.info(`Compiled node '${n.name}' is:`);
    out.result(n.compiledCode ?? '');
    return 0;
  }
  out.info(`Compiled ${compiled.length} nodes in ${((Date.now() - started) / 1000).toFixed(2)}s (target: ${project.targetName}, engine: ${project.adapterType}); SQL in ${project.targetPath}/compiled`);
  const nodes = compiled.map((id) => project.nodes.get(id)!);
  const plan = nodes.filter((n) => n.resourceType !== 'test' && n.resourceType !== 'operation');
  printPlan(plan.map(planLine), nodes.filter((n) => n.resourceType === 'test').length, out);
  return 0;
}
