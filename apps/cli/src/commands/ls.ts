import { LakeformError, type Manifest } from '@lakeform/sql-compiler';
import type { ProjectFlags } from '../cli-options.js';
import type { Output } from '../output.js';
import { loadProject } from './load.js';

const DEFAULT_KEYS = ['name', 'resource_type', 'package_name', 'original_file_path', 'unique_id', 'alias', 'config', 'tags', 'depends_on'];

/** dbt's selector form: package.folder.name, source:pkg.src.table, exposure:pkg.name. */
function selectorName(m: Manifest, id: string): string {
  const n = m.nodes[id];
  if (n) return n.fqn.join('.');
  const s = m.sources[id];
  if (s) return `source:${s.fqn.join('.')}`;
  const e = m.exposures[id];
  if (e) return `exposure:${e.fqn.join('.')}`;
  return id;
}

function entryOf(m: Manifest, id: string): Record<string, unknown> | undefined {
  return (m.nodes[id] ?? m.sources[id] ?? m.exposures[id]) as Record<string, unknown> | undefined;
}

/** `lakeform ls`: list selected resources (selector names, names, paths or JSON). */
export async function lsCommand(flags: ProjectFlags & { resourceType?: string[]; output?: string; outputKeys?: string[] }, out: Output): Promise<number> {
  const output = flags.output ?? 'selector';
  if (!['selector', 'name', 'path', 'json'].includes(output)) {
    throw new LakeformError({ code: 'E_CLI_USAGE', message: `--output ${output} is not one of selector, name, path, json` });
  }
  const { project, selected } = await loadProject(flags, out, {
    compile: false,
    which: 'list',
    // dbt's default: selecting a model also lists the tests on it.
    indirectSelection: 'eager',
    ...(flags.resourceType?.length ? { resourceTypes: flags.resourceType } : {}),
  });
  const m = project.manifest;
  const ids = [...selected].sort((a, b) => selectorName(m, a).localeCompare(selectorName(m, b)) || a.localeCompare(b));
  const lines: string[] = [];
  for (const id of ids) {
    const e = entryOf(m, id);
    if (!e) continue;
    if (output === 'name') lines.push(String(e['name']));
    else if (output === 'path') lines.push(String(e['original_file_path']));
    else if (output === 'json') {
      const keys = flags.outputKeys?.length ? flags.outputKeys.flatMap((k) => k.split(/[\s,]+/)).filter(Boolean) : DEFAULT_KEYS;
      const o: Record<string, unknown> = {};
      for (const k of keys) if (k in e) o[k] = e[k];
      lines.push(JSON.stringify(o));
    } else lines.push(selectorName(m, id));
  }
  if (lines.length) out.result(lines.join('\n'));
  return 0;
}
