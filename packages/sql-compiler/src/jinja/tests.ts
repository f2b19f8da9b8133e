/** Jinja2's builtin tests (`x is defined`, `x is divisibleby 3`, ...). */
import { contains, ge, gt, le, lt, mod } from './ops.js';
import { Builtin, type KwargsMap, LoopContext, Macro, type RenderState, type TestImpl, isCallable } from './runtime.js';
import { PyFloat, Undefined, isDict, isFloat, isIterable, num, pyEq, pyStr } from './values.js';

const hasOwn = Object.prototype.hasOwnProperty;

function arg0(args: unknown[], kw: KwargsMap | null, name: string): unknown {
  if (args.length) return args[0];
  if (kw && hasOwn.call(kw, name)) return kw[name];
  return null;
}

const eq: TestImpl = (_rt, v, a, k) => pyEq(v, arg0(a, k, 'other'));
const ne: TestImpl = (_rt, v, a, k) => !pyEq(v, arg0(a, k, 'other'));
const ltT: TestImpl = (_rt, v, a, k) => lt(v, arg0(a, k, 'other'));
const leT: TestImpl = (_rt, v, a, k) => le(v, arg0(a, k, 'other'));
const gtT: TestImpl = (_rt, v, a, k) => gt(v, arg0(a, k, 'other'));
const geT: TestImpl = (_rt, v, a, k) => ge(v, arg0(a, k, 'other'));

function isStrLower(s: string): boolean {
  return s === s.toLowerCase() && s !== s.toUpperCase();
}

function isStrUpper(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

export const BUILTIN_TESTS: Record<string, TestImpl> = Object.assign(Object.create(null) as object, {
  defined: (_rt: RenderState, v: unknown) => !(v instanceof Undefined),
  undefined: (_rt: RenderState, v: unknown) => v instanceof Undefined,
  none: (_rt: RenderState, v: unknown) => v === null || v === undefined,
  boolean: (_rt: RenderState, v: unknown) => typeof v === 'boolean',
  true: (_rt: RenderState, v: unknown) => v === true,
  false: (_rt: RenderState, v: unknown) => v === false,
  integer: (_rt: RenderState, v: unknown) => typeof v === 'number' && Number.isInteger(v),
  float: (_rt: RenderState, v: unknown) => isFloat(v),
  number: (_rt: RenderState, v: unknown) => typeof v === 'number' || typeof v === 'boolean' || v instanceof PyFloat,
  string: (_rt: RenderState, v: unknown) => typeof v === 'string',
  mapping: (_rt: RenderState, v: unknown) => isDict(v) || v instanceof Map,
  iterable: (_rt: RenderState, v: unknown) => isIterable(v),
  sequence: (_rt: RenderState, v: unknown) => typeof v === 'string' || Array.isArray(v) || isDict(v) || v instanceof Undefined,
  callable: (_rt: RenderState, v: unknown) => isCallable(v) || v instanceof Builtin || v instanceof Macro || v instanceof LoopContext,
  sameas: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const o = arg0(a, k, 'other');
    return v === o || (v === undefined && o === null) || (v === null && o === undefined);
  },
  eq,
  equalto: eq,
  '==': eq,
  ne,
  '!=': ne,
  lt: ltT,
  lessthan: ltT,
  '<': ltT,
  le: leT,
  '<=': leT,
  gt: gtT,
  greaterthan: gtT,
  '>': gtT,
  ge: geT,
  '>=': geT,
  lower: (_rt: RenderState, v: unknown) => isStrLower(pyStr(v)),
  upper: (_rt: RenderState, v: unknown) => isStrUpper(pyStr(v)),
  divisibleby: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => num(mod(v, arg0(a, k, 'num'))) === 0,
  even: (_rt: RenderState, v: unknown) => num(mod(v, 2)) === 0,
  odd: (_rt: RenderState, v: unknown) => num(mod(v, 2)) === 1,
  in: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => contains(arg0(a, k, 'seq'), v),
  escaped: (_rt: RenderState, v: unknown) => v instanceof Undefined,
  filter: (rt: RenderState, v: unknown) => typeof v === 'string' && rt.env.getFilter(v) !== undefined,
  test: (rt: RenderState, v: unknown) => typeof v === 'string' && rt.env.getTest(v) !== undefined,
});
