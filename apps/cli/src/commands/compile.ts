import { readPreviousManifest, writeCompiled, writeManifest } from '@lakeform/sql-compiler';
import type { ProjectFlags } from '../cli-options.js';
import type { Output } from '../output.js';
import { foundLine } from '../summary.js';
import { loadProject } from './load.js';

/** `lakeform compile`: write target/manifest.json and target/compiled/, then show the plan or the SQL. */
export async function compileCommand(flags: ProjectFlags & { inline?: string }, out: Output): Promise<number> {
  const started = Date.now();
  const { project, selected } = await loadProject(flags, out, { compile: true, inline: flags.inline, which: 'compile' });
  out.info(foundLine(project.manifest));
  const previous = readPreviousManifest(project.targetPath);
  writeCompiled(project.targetPath, project.nodes.values(), previous);
  writeManifest(project.targetPath, project.manifest);
  if (project.inlineSql !== undefined) {
    out.info('Compiled inline node is:');
    out.result(project.inlineSql);
    return 0;
  }
  const compiled = project.compiledIds.filter((id) => selected.has(id));
  if (compiled.length === 1) {
    const n = project.nodes.get(compiled[0]!)!;
    out.info(`Compiled node '${n.name}' is:`);
    out.result(n.compiledCode ?? '');
    return 0;
  }
  const plan = compiled
    .map((id) => project.nodes.get(id)!)
    .filter((n) => n.resourceType !== 'test' && n.resourceType !== 'operation');
  const tests = compiled.filter((id) => project.nodes.get(id)!.resourceType === 'test').length;
  out.info(`Compiled ${compiled.length} nodes in ${((Date.now() - started) / 1000).toFixed(2)}s (target: ${project.targetName}, engine: ${project.adapterType}); SQL in ${project.targetPath}/compiled`);
  if (plan.length) {
    out.info('Would build, in dependency order:');
    const w = Math.max(...plan.map((n) => String(n.config['materialized']).length));
    // compiledIds is in dependency order already.
    for (const n of plan) {
      const m = String(n.config['materialized']);
      const what = n.relationName ?? (m === 'ephemeral' ? '(CTE in its consumers)' : '');
      const extra = [n.config['table_type'] ? `table_type=${String(n.config['table_type'])}` : '', Array.isArray(n.config['partitioned_by']) && n.config['partitioned_by'].length ? `partitioned_by=${(n.config['partitioned_by'] as string[]).join(',')}` : ''].filter(Boolean).join(' ');
      out.result(`  ${m.padEnd(w)}  ${what}${extra ? `  ${extra}` : ''}`);
    }
  }
  if (tests) out.info(`and ${tests} data tests`);
  return 0;
}
