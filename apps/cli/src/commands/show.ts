import { LakeformError, type ManifestSource } from '@lakeform/sql-compiler';
import type { ColumnInfo } from '@lakeform/runner';
import type { ProjectFlags } from '../cli-options.js';
import type { Output } from '../output.js';
import { findProjectDir } from '../project-dir.js';
import { openEngine } from '../run/open-engine.js';
import { formatCell, jsonCell } from '../run/format-value.js';
import { loadProject } from './load.js';

export interface ShowFlags extends ProjectFlags {
  inline?: string;
  limit: number;
  output: 'table' | 'json';
}

/** Athena's FOR VERSION/TIMESTAMP AS OF is legal in `--inline`: `select * from {{ ref('m') }} for version as of 3`. */
export async function showCommand(flags: ShowFlags, out: Output): Promise<number> {
  if (flags.inline === undefined && !flags.select?.length) {
    throw new LakeformError({ code: 'E_CLI_USAGE', message: 'show needs --select <model> or --inline <sql>', hint: "e.g. lakeform show --select mdw_cur_ft_sales --limit 10, or --inline 'select count(*) from {{ ref(\"m\") }}'" });
  }
  if (!Number.isInteger(flags.limit) || flags.limit < -1) throw new LakeformError({ code: 'E_CLI_USAGE', message: `--limit must be a whole number (or -1 for all rows); got ${flags.limit}` });
  const projectDir = findProjectDir(flags.projectDir);
  const { engine } = await openEngine(projectDir, flags);
  try {
    const { project, selected } = await loadProject(flags, out, { compile: true, which: 'show', warehouse: engine.warehouse, ...(flags.inline !== undefined ? { inline: flags.inline } : { resourceTypes: ['model', 'seed', 'snapshot', 'analysis'] }) });
    let name: string;
    let sql: string;
    let reads: string[];
    if (flags.inline !== undefined) {
      name = 'inline_query';
      sql = project.inlineSql ?? '';
      reads = [...project.sources.keys()].filter((id) => sql.includes(project.sources.get(id)!.relationName));
    } else {
      const picked = [...selected].map((id) => project.manifest.nodes[id]).filter((n) => n && n.resource_type !== 'test');
      if (picked.length !== 1) {
        throw new LakeformError({ code: 'E_CLI_USAGE', message: `show previews one node; the selection matched ${picked.length}${picked.length ? ` (${picked.slice(0, 5).map((n) => n!.name).join(', ')})` : ''}`, hint: 'select a single model, e.g. --select mdw_cur_ft_sales' });
      }
      const node = picked[0]!;
      name = node.name;
      if (node.resource_type === 'seed') sql = `select * from ${node.relation_name}`;
      else sql = node.compiled_code ?? '';
      reads = ((node.depends_on as { nodes?: string[] }).nodes ?? []).filter((id) => id.startsWith('source.'));
    }
    const sources = reads.map((id) => project.manifest.sources[id]).filter((s): s is ManifestSource => !!s);
    const body = sql.trim().replace(/;\s*$/, '');
    const wrapped = flags.limit === -1 ? body : `select * from (\n${body}\n) as lakeform_show limit ${flags.limit}`;
    const r = await engine.execute(wrapped, { nodeId: name, sources });
    if (flags.output === 'json') {
      out.result(JSON.stringify({ node: name, show: r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c.name, jsonCell(row[i], c.dataType)]))) }, null, 2));
    } else {
      out.info(`Previewing ${flags.inline !== undefined ? 'inline node' : `node '${name}'`}:`);
      out.result(renderTable(r.columns, r.rows));
    }
    return 0;
  } finally {
    await engine.close();
  }
}

/** A Markdown-style table, as dbt show prints. */
function renderTable(columns: ColumnInfo[], rows: unknown[][]): string {
  const cells = rows.map((row) => columns.map((c, i) => formatCell(row[i], c.dataType)));
  const widths = columns.map((c, i) => Math.max(c.name.length, 3, ...cells.map((r) => r[i]!.length)));
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(columns.map((c) => c.name)), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.map(line)].join('\n');
}
