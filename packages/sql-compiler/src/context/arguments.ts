import { Kwargs } from '../jinja/index.js';

/**
 * Native functions called from templates receive positional arguments and, when the call site
 * used keywords, a trailing Kwargs. This binds them to Python-style parameters.
 */
export function bind(
  fn: string,
  args: unknown[],
  params: readonly string[],
  opts: { required?: number; varargs?: boolean; extraKwargs?: boolean } = {},
): { values: Record<string, unknown>; rest: unknown[]; extra: Record<string, unknown> } {
  let positional = args;
  let kwargs: Record<string, unknown> = {};
  const last = args[args.length - 1];
  if (last instanceof Kwargs) {
    positional = args.slice(0, -1);
    kwargs = { ...last.values };
  }
  const values: Record<string, unknown> = {};
  const rest: unknown[] = [];
  positional.forEach((v, i) => {
    if (i < params.length) values[params[i]!] = v;
    else if (opts.varargs) rest.push(v);
    else throw new TypeError(`${fn}() takes at most ${params.length} positional argument(s) (${positional.length} given)`);
  });
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) {
    if (params.includes(k)) {
      if (k in values) throw new TypeError(`${fn}() got multiple values for argument '${k}'`);
      values[k] = v;
    } else if (opts.extraKwargs) extra[k] = v;
    else throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'`);
  }
  const required = opts.required ?? 0;
  for (let i = 0; i < required; i++) {
    if (!(params[i]! in values)) throw new TypeError(`${fn}() missing required argument '${params[i]}'`);
  }
  return { values, rest, extra };
}

/** Just the keyword arguments (and positionals) without declared parameters: `config(...)`. */
export function splitKwargs(args: unknown[]): { positional: unknown[]; kwargs: Record<string, unknown> } {
  const last = args[args.length - 1];
  if (last instanceof Kwargs) return { positional: args.slice(0, -1), kwargs: { ...last.values } };
  return { positional: args, kwargs: {} };
}
