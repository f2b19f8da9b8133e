import { bind } from '../context/arguments.js';
import { recordConfig, recordRef, recordSource, refCallOf } from '../context/recorded-calls.js';
import { Kwargs, type Template } from '../jinja/index.js';
import type { NodeDraft } from './node-draft.js';

/**
 * The parse pass without rendering, for templates whose ref/source/config calls are all literal
 * (see jinja/static-calls.ts) — most models. Returns false when the template must be rendered.
 */
export function applyStaticParse(n: NodeDraft, template: Template): boolean {
  const calls = template.staticCalls;
  if (!calls) return false;
  let refs: ReturnType<typeof refCallOf>[];
  let sources: [string, string][];
  try {
    refs = calls.refs.map((c) => refCallOf(c.args, c.kwargs));
    sources = calls.sources.map((c) => {
      const v = bind('source', Object.keys(c.kwargs).length ? [...c.args, new Kwargs(c.kwargs)] : c.args, ['source_name', 'table_name'], { required: 2 }).values;
      return [String(v['source_name']), String(v['table_name'])];
    });
    // config() takes keywords or one dict; anything else is left to rendering to report.
    if (calls.configs.some((c) => c.args.some((a) => !a || typeof a !== 'object' || Array.isArray(a)))) return false;
  } catch {
    // A malformed call: rendering reports it with its line.
    return false;
  }
  for (const c of calls.configs) recordConfig(n, c.args, c.kwargs);
  for (const r of refs) recordRef(n, r);
  for (const [s, t] of sources) recordSource(n, s, t);
  return true;
}
