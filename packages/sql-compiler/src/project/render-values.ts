import type { SourceLocation } from '../errors.js';
import { isPlainMapping, type YamlPath } from './yaml-path.js';

/**
 * Renders one Jinja template found in a YAML value. Supplied by the caller (the compiler owns the
 * Jinja engine and its context: env_var, var, target …); may throw a located LakeformError.
 */
export type RenderFn = (template: string, where: SourceLocation) => string;

export interface RenderValuesOptions {
  render: RenderFn;
  locate: (path: YamlPath) => SourceLocation;
  /** Paths left as written (rendered later, at run time, or when used). */
  skip?: (path: YamlPath, key: string) => boolean;
  /** Map what a template rendered to, e.g. "True" → true. Identity by default. */
  convert?: (rendered: string) => unknown;
}

const TEMPLATE = /\{\{|\{%/;

export function hasJinja(s: string): boolean {
  return TEMPLATE.test(s);
}

/**
 * Renders every string containing `{{` or `{%` under `value` (located at `basePath`). Returns a
 * new value where something changed; untouched subtrees are shared, not copied.
 */
export function renderValues(value: unknown, basePath: YamlPath, options: RenderValuesOptions): unknown {
  const path = [...basePath];
  return visit(value, path, options);
}

function visit(value: unknown, path: (string | number)[], o: RenderValuesOptions): unknown {
  if (typeof value === 'string') {
    if (!TEMPLATE.test(value)) return value;
    const rendered = o.render(value, o.locate(path));
    return o.convert ? o.convert(rendered) : rendered;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const next = visit(value[i], path, o);
      path.pop();
      if (next !== value[i]) (out ??= value.slice())[i] = next;
    }
    return out ?? value;
  }
  if (isPlainMapping(value)) {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      if (o.skip?.(path, k)) continue;
      path.push(k);
      const next = visit(v, path, o);
      path.pop();
      if (next !== v) (out ??= { ...value })[k] = next;
    }
    return out ?? value;
  }
  return value;
}
