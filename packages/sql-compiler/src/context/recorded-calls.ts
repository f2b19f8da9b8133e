import type { NodeDraft, RefCall } from '../compile/node-draft.js';

/**
 * How ref(), source() and config() calls land on a node during the parse pass: shared by the
 * rendering context and by the static parser, so both record exactly the same thing.
 */
export function refCallOf(positional: unknown[], kwargs: Record<string, unknown>): RefCall {
  if (positional.length < 1 || positional.length > 2) {
    throw new TypeError(`ref() takes 1 or 2 positional arguments (model name, or package and model name), got ${positional.length}`);
  }
  const version = (kwargs['v'] ?? kwargs['version'] ?? null) as string | number | null;
  return positional.length === 2
    ? { package: String(positional[0]), name: String(positional[1]), version }
    : { package: null, name: String(positional[0]), version };
}

export function recordRef(node: NodeDraft, call: RefCall): void {
  if (!node.refs.some((r) => r.name === call.name && r.package === call.package && r.version === call.version)) node.refs.push(call);
}

export function recordSource(node: NodeDraft, sourceName: string, tableName: string): void {
  if (!node.sources.some(([s, t]) => s === sourceName && t === tableName)) node.sources.push([sourceName, tableName]);
}

/** config(...) in a file: keyword arguments, or one dict of configs. */
export function recordConfig(node: NodeDraft, positional: unknown[], kwargs: Record<string, unknown>): void {
  const values: Record<string, unknown> = {};
  for (const p of positional) {
    if (p && typeof p === 'object' && !Array.isArray(p)) Object.assign(values, p);
    else throw new TypeError('config() takes keyword arguments, or one dict of configs');
  }
  Object.assign(values, kwargs);
  for (const [k, v] of Object.entries(values)) {
    const key = k === 'pre_hook' ? 'pre-hook' : k === 'post_hook' ? 'post-hook' : k;
    node.fileConfig[key] = v;
    // Visible to config.get later in the same render, as in dbt.
    node.config[key] = v;
  }
}
