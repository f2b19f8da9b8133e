/**
 * Globals every template sees: range, dict, namespace, cycler, joiner, lipsum, and dbt's
 * `return` (every dbt template runs where `return` is defined, so it is built in).
 */
import { typeError, valueError } from './errors.js';
import { Builtin, Cycler, type KwargsMap, makeJoiner, makeNamespace, returnFunction } from './runtime.js';
import { Undefined, dictKey, isDict, iterate, typeName, undefinedError } from './values.js';

function rangeInt(v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Undefined) throw undefinedError(v);
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** Python's range(), materialized as a list (renders as a list, not as `range(0, n)`). */
function range(args: unknown[]): unknown[] {
  if (!args.length) throw typeError('range expected at least 1 argument, got 0');
  if (args.length > 3) throw typeError(`range expected at most 3 arguments, got ${args.length}`);
  let start = 0;
  let stop: number;
  let step = 1;
  if (args.length === 1) stop = rangeInt(args[0]);
  else {
    start = rangeInt(args[0]);
    stop = rangeInt(args[1]);
    if (args.length === 3) step = rangeInt(args[2]);
  }
  if (step === 0) throw valueError('range() arg 3 must not be zero');
  const out: number[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return out;
}

function dict(args: unknown[], kwargs: KwargsMap | null): Record<string, unknown> {
  if (args.length > 1) throw typeError(`dict expected at most 1 argument, got ${args.length}`);
  const out: Record<string, unknown> = {};
  const src = args[0];
  if (src !== undefined) {
    if (isDict(src)) Object.assign(out, src);
    else
      for (const pair of iterate(src)) {
        const kv = iterate(pair);
        if (kv.length !== 2) throw valueError(`dictionary update sequence element has length ${kv.length}; 2 is required`);
        out[dictKey(kv[0])] = kv[1];
      }
  }
  if (kwargs) Object.assign(out, kwargs);
  return out;
}

const LOREM =
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua'.split(' ');

/** Deterministic stand-in for Jinja2's random lorem ipsum (content differs from Jinja2). */
function lipsum(args: unknown[], kwargs: KwargsMap | null): string {
  const n = typeof args[0] === 'number' ? args[0] : typeof kwargs?.n === 'number' ? kwargs.n : 5;
  const paras: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = LOREM.slice(0, 20 + (i % 5));
    const text = words.join(' ');
    paras.push(`${text[0]?.toUpperCase() ?? ''}${text.slice(1)}.`);
  }
  return paras.join('\n\n');
}

export function defaultGlobals(): Record<string, unknown> {
  const g = Object.create(null) as Record<string, unknown>;
  g.range = new Builtin('range', (a) => range(a));
  g.dict = new Builtin('dict', (a, k) => dict(a, k));
  g.namespace = new Builtin('namespace', (a, k) => makeNamespace(a, k));
  g.cycler = new Builtin('cycler', (a) => {
    if (!a.length) throw typeError('at least one item has to be provided');
    return new Cycler(a.slice());
  });
  g.joiner = new Builtin('joiner', (a, k) => makeJoiner(a.length ? a[0] : (k?.sep ?? ', ')));
  g.lipsum = new Builtin('lipsum', (a, k) => lipsum(a, k));
  g.return = returnFunction;
  return g;
}
