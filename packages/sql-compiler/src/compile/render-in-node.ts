import { LakeformError } from '../errors.js';
import type { CompiledProject } from './compile-project.js';
import { renderNode } from './render-node.js';

/**
 * Renders a Jinja string in a node's context at run time — hooks (`grant select on {{ this }}`)
 * are stored unrendered, as dbt stores them, and rendered just before they run.
 */
export async function renderInNode(project: CompiledProject, nodeId: string, source: string): Promise<string> {
  if (!source.includes('{{') && !source.includes('{%')) return source;
  const prepared = project.prepared;
  const node = project.nodes.get(nodeId);
  if (!prepared || !node) {
    throw new LakeformError({ code: 'E_INTERNAL', message: `cannot render a hook of ${nodeId}: the project was not compiled in this process` });
  }
  const template = prepared.templates.parse(source, node.originalFilePath, `${nodeId}.hook`);
  return (await renderNode(prepared.state, node, template, 'compile')).output;
}
