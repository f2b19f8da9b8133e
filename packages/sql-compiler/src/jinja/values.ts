/**
 * Python value semantics on top of JS values.
 *
 * Representation (chosen so that data coming from YAML/JSON and host code needs no
 * conversion, and the common values — strings, ints, dicts, lists — are plain JS):
 *
 *   Python         JS
 *   str            string
 *   int            number with an integral value (ints beyond 2^53 lose precision)
 *   float          number with a non-integral value (0.5, NaN, ±Infinity), or a `PyFloat`
 *                  box for floats whose value is integral (1.0, 2.0, -0.0). Use
 *                  `makeFloat(n)` to build a float: it boxes only when needed, so the
 *                  canonical form of a float is "plain number if non-integral, else PyFloat".
 *   bool           boolean
 *   None           null (JS undefined coming from host code also counts as None)
 *   list           Array
 *   tuple          Array tagged with `arr[PY_KIND] === 'tuple'` (see `makeTuple`, `isTuple`).
 *                  dict views (`d.keys()` ...) are arrays tagged 'dict_keys' etc. so that
 *                  they render like Python.
 *   dict           plain object (prototype Object.prototype or null), insertion ordered.
 *                  Keys are strings: non-string keys in dict literals are stringified.
 *   Undefined      `Undefined` instance
 *
 * Host (native) functions receive plain JS numbers: PyFloat arguments are unboxed at the
 * call boundary (top-level arguments and keyword values; see `unbox`/`unboxDeep`).
 */
import { PyError, typeError } from './errors.js';

// ---------------------------------------------------------------------------------------------
// floats

export class PyFloat {
  constructor(readonly value: number) {}
  toString(): string {
    return floatRepr(this.value);
  }
}

/** A Python float with value `n`, in canonical form. */
export function makeFloat(n: number): number | PyFloat {
  return Number.isInteger(n) ? new PyFloat(n) : n;
}

export function isFloat(v: unknown): boolean {
  return v instanceof PyFloat || (typeof v === 'number' && !Number.isInteger(v));
}

export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** int, float or bool (Python bools are ints). */
export function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || v instanceof PyFloat || typeof v === 'boolean';
}

/** Numeric value of an int/float/bool (caller checked `isNumeric`). */
export function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.value;
  return v === true ? 1 : 0;
}

/** Unboxes a PyFloat for host code; everything else is returned as is. */
export function unbox(v: unknown): unknown {
  return v instanceof PyFloat ? v.value : v;
}

/** Unboxes PyFloats anywhere inside lists/dicts (copies only what changes). */
export function unboxDeep(v: unknown): unknown {
  if (v instanceof PyFloat) return v.value;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      const y = unboxDeep(x);
      if (y !== x) {
        out ??= v.slice();
        out[i] = y;
      }
    }
    if (out && isTuple(v)) markTuple(out);
    return out ?? v;
  }
  if (isDict(v)) {
    let out: Record<string, unknown> | null = null;
    for (const k of Object.keys(v)) {
      const x = v[k];
      const y = unboxDeep(x);
      if (y !== x) {
        out ??= { ...v };
        out[k] = y;
      }
    }
    return out ?? v;
  }
  return v;
}

/** Python's repr()/str() of a float. */
export function floatRepr(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // toExponential() without argument yields the shortest round-tripping digits, the same
  // digits Python's repr picks; only the layout differs.
  const e = Math.abs(x).toExponential();
  const ei = e.indexOf('e');
  const digits = e.slice(0, ei).replace('.', '');
  const exp = Number(e.slice(ei + 1));
  const sign = x < 0 ? '-' : '';
  if (exp >= 0 && exp < 16) {
    const intPart = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, '0');
    const frac = digits.length > exp + 1 ? digits.slice(exp + 1) : '0';
    return `${sign}${intPart}.${frac}`;
  }
  if (exp < 0 && exp >= -4) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const ax = Math.abs(exp);
  return `${sign}${mant}e${exp < 0 ? '-' : '+'}${ax < 10 ? '0' : ''}${ax}`;
}

export function intStr(n: number): string {
  if (n > -1e21 && n < 1e21) return String(n);
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : n < 0 ? '-inf' : 'nan';
  return BigInt(n).toString();
}

/** str() of a JS number: integral values are ints, others floats. */
export function numberStr(n: number): string {
  return Number.isInteger(n) ? intStr(n) : floatRepr(n);
}

// ---------------------------------------------------------------------------------------------
// tuples and other tagged sequences

/** Tag on arrays that are not plain lists. */
export const PY_KIND: unique symbol = Symbol('lakeform.jinja.kind');
export type SeqKind = 'tuple' | 'dict_keys' | 'dict_values' | 'dict_items';
type Tagged = unknown[] & { [PY_KIND]?: SeqKind };

export function makeTuple(items: unknown[]): unknown[] {
  (items as Tagged)[PY_KIND] = 'tuple';
  return items;
}

function markTuple(items: unknown[]): void {
  (items as Tagged)[PY_KIND] = 'tuple';
}

export function tagSeq(items: unknown[], kind: SeqKind): unknown[] {
  (items as Tagged)[PY_KIND] = kind;
  return items;
}

export function seqKind(v: unknown[]): SeqKind | undefined {
  return (v as Tagged)[PY_KIND];
}

export function isTuple(v: unknown): v is unknown[] {
  return Array.isArray(v) && (v as Tagged)[PY_KIND] === 'tuple';
}

export function isList(v: unknown): v is unknown[] {
  return Array.isArray(v) && (v as Tagged)[PY_KIND] === undefined;
}

// ---------------------------------------------------------------------------------------------
// dicts

export function isDict(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const p: unknown = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/** Dict keys are strings; other keys are converted the way they would print. */
export function dictKey(k: unknown): string {
  return typeof k === 'string' ? k : pyStr(k);
}

const hasOwn = Object.prototype.hasOwnProperty;
export function hasKey(d: object, k: string): boolean {
  return hasOwn.call(d, k);
}

// ---------------------------------------------------------------------------------------------
// Undefined

const NO_OBJ: unique symbol = Symbol('no-object');

/**
 * Jinja2's default Undefined. `name` is the missing name; `obj` the object an attribute or item
 * was looked up on (if any); `hint` overrides the message.
 */
export class Undefined {
  readonly name: string | undefined;
  readonly obj: unknown;
  readonly hint: string | undefined;
  /** Item lookups with non-string keys report "has no element". */
  readonly key: unknown;

  constructor(name?: string, obj: unknown = NO_OBJ, hint?: string, key?: unknown) {
    this.name = name;
    this.obj = obj;
    this.hint = hint;
    this.key = key;
  }

  get message(): string {
    if (this.hint !== undefined) return this.hint;
    if (this.obj === NO_OBJ) return `${pyRepr(this.name ?? null)} is undefined`;
    if (this.key !== undefined && typeof this.key !== 'string') {
      return `${objectTypeRepr(this.obj)} has no element ${pyRepr(this.key)}`;
    }
    return `${pyRepr(objectTypeRepr(this.obj))} has no attribute ${pyRepr(this.name ?? null)}`;
  }

  toString(): string {
    return '';
  }
}

export const UNDEFINED = new Undefined();

export function isUndefined(v: unknown): v is Undefined {
  return v instanceof Undefined;
}

export function undefinedError(u: Undefined): PyError {
  return new PyError('UndefinedError', u.message);
}

function objectTypeRepr(obj: unknown): string {
  if (obj === null || obj === undefined) return 'None';
  return `${typeName(obj)} object`;
}

// ---------------------------------------------------------------------------------------------
// host-call keyword arguments

/** Keyword arguments passed to host functions as a trailing argument. */
export class Kwargs {
  constructor(readonly values: Record<string, unknown>) {}
}

// ---------------------------------------------------------------------------------------------
// protocol for engine objects (Macro, Namespace, LoopContext...)

/** Objects implementing this render/repr like the corresponding Python object. */
export const PY_REPR: unique symbol = Symbol('lakeform.jinja.repr');
/** Python type name of an engine object, for error messages. */
export const PY_TYPE: unique symbol = Symbol('lakeform.jinja.type');

interface PyObject {
  [PY_REPR]?: () => string;
  [PY_TYPE]?: string;
}

export function typeName(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return 'str';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'boolean':
      return 'bool';
    case 'undefined':
      return 'NoneType';
    case 'function':
      return 'function';
    case 'bigint':
      return 'int';
    case 'object': {
      if (v === null) return 'NoneType';
      if (Array.isArray(v)) return seqKind(v) ?? 'list';
      if (v instanceof PyFloat) return 'float';
      if (v instanceof Undefined) return 'Undefined';
      const t = (v as PyObject)[PY_TYPE];
      if (t !== undefined) return t;
      if (isDict(v)) return 'dict';
      const ctor = (v as { constructor?: { name?: string } }).constructor;
      return ctor?.name ?? 'object';
    }
    default:
      return 'object';
  }
}

// ---------------------------------------------------------------------------------------------
// str() and repr()

/** What `{{ v }}` renders: Python's str(v), with Undefined rendering as ''. */
export function pyStr(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return Number.isInteger(v) ? intStr(v) : floatRepr(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'undefined':
      return 'None';
    case 'object':
      if (v === null) return 'None';
      if (v instanceof Undefined) return '';
      return pyRepr(v);
    default:
      return pyRepr(v);
  }
}

/** Python repr(v). */
export function pyRepr(v: unknown): string {
  return repr(v, null);
}

function repr(v: unknown, seen: unknown[] | null): string {
  switch (typeof v) {
    case 'string':
      return strRepr(v);
    case 'number':
      return Number.isInteger(v) ? intStr(v) : floatRepr(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'undefined':
      return 'None';
    case 'bigint':
      return v.toString();
    case 'function':
      return `<function ${v.name || '<lambda>'}>`;
    case 'object': {
      if (v === null) return 'None';
      if (v instanceof PyFloat) return floatRepr(v.value);
      if (Array.isArray(v)) return seqRepr(v, seen);
      if (v instanceof Undefined) return 'Undefined';
      const r = (v as PyObject)[PY_REPR];
      if (r !== undefined) return r.call(v);
      if (isDict(v)) return dictRepr(v, seen);
      // Host objects (e.g. relations) render through their own toString, like Python __str__.
      if ((v as object).toString !== Object.prototype.toString) return String(v);
      return `<${typeName(v)} object>`;
    }
    default:
      return String(v);
  }
}

function seqRepr(v: unknown[], seen: unknown[] | null): string {
  const kind = seqKind(v);
  if (seen?.includes(v)) return kind === 'tuple' ? '(...)' : '[...]';
  const s = seen ?? [];
  s.push(v);
  let body = '';
  for (let i = 0; i < v.length; i++) body += (i ? ', ' : '') + repr(v[i], s);
  s.pop();
  switch (kind) {
    case undefined:
      return `[${body}]`;
    case 'tuple':
      return v.length === 1 ? `(${body},)` : `(${body})`;
    default:
      return `${kind}([${body}])`;
  }
}

function dictRepr(v: Record<string, unknown>, seen: unknown[] | null): string {
  if (seen?.includes(v)) return '{...}';
  const s = seen ?? [];
  s.push(v);
  let body = '';
  let first = true;
  for (const k in v) {
    if (!hasOwn.call(v, k)) continue;
    body += `${first ? '' : ', '}${strRepr(k)}: ${repr(v[k], s)}`;
    first = false;
  }
  s.pop();
  return `{${body}}`;
}

const SIMPLE_STR = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;
// Characters Python's str.isprintable() rejects (besides the ASCII controls handled first).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

/** Python repr of a str. */
export function strRepr(s: string): string {
  if (SIMPLE_STR.test(s)) return `'${s}'`;
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === q || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x7f) out += ch;
    else if (NON_PRINTABLE.test(ch)) {
      if (c < 0x100) out += `\\x${c.toString(16).padStart(2, '0')}`;
      else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
      else out += `\\U${c.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + q;
}

// ---------------------------------------------------------------------------------------------
// truthiness, equality, ordering

/** Python truthiness. */
export function truthy(v: unknown): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v.length > 0;
    case 'number':
      return v !== 0; // NaN is truthy in Python, and NaN !== 0
    case 'undefined':
      return false;
    case 'object': {
      if (v === null) return false;
      if (Array.isArray(v)) return v.length > 0;
      if (v instanceof Undefined) return false;
      if (v instanceof PyFloat) return v.value !== 0;
      if (isDict(v)) {
        for (const k in v) if (hasOwn.call(v, k)) return true;
        return false;
      }
      if (v instanceof Map || v instanceof Set) return v.size > 0;
      return true;
    }
    default:
      return true;
  }
}

/** Python `==`. */
export function pyEq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'string' || tb === 'string') return false;
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (isNumeric(a)) return isNumeric(b) && num(a) === num(b);
  if (ta !== 'object' || tb !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    if (seqKind(a) !== seqKind(b)) return false;
    for (let i = 0; i < a.length; i++) if (!pyEq(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Undefined) return b instanceof Undefined;
  if (isDict(a)) {
    if (!isDict(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (!hasOwn.call(b, k) || !pyEq(a[k], b[k])) return false;
    return true;
  }
  const eqf = (a as Record<string, unknown>)['__eq__'];
  if (typeof eqf === 'function') return (eqf as (o: unknown) => unknown).call(a, b) === true;
  return false;
}

/** Python's ordering: negative, zero or positive; TypeError for unorderable operands. */
export function pyCompare(a: unknown, b: unknown, op: string): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Undefined) throw undefinedError(a);
  if (b instanceof Undefined) throw undefinedError(b);
  if (isNumeric(a) && isNumeric(b)) {
    const x = num(a);
    const y = num(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  if (Array.isArray(a) && Array.isArray(b) && (seqKind(a) === 'tuple') === (seqKind(b) === 'tuple')) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pyEq(a[i], b[i])) return pyCompare(a[i], b[i], op);
    }
    return a.length - b.length;
  }
  // Host objects with Python's rich comparisons (modules.datetime values): __eq__ / __lt__.
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !isDict(a) && !isDict(b)) {
    const lt = (x: object, y: unknown): boolean => {
      const f = (x as Record<string, unknown>)['__lt__'];
      return typeof f === 'function' && (f as (o: unknown) => unknown).call(x, y) === true;
    };
    const eqf = (a as Record<string, unknown>)['__eq__'];
    if (typeof eqf === 'function' && (eqf as (o: unknown) => unknown).call(a, b) === true) return 0;
    if (lt(a, b)) return -1;
    if (lt(b, a)) return 1;
  }
  throw typeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

// ---------------------------------------------------------------------------------------------
// iteration and length

const SURROGATE = /[\uD800-\uDFFF]/;

/** Python's list(str): code points, not UTF-16 units. */
export function strChars(s: string): string[] {
  return SURROGATE.test(s) ? Array.from(s) : s.split('');
}

/** len() for str. */
export function strLen(s: string): number {
  return SURROGATE.test(s) ? Array.from(s).length : s.length;
}

export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

/** The items `for x in v` iterates over. The result must not be mutated by the caller. */
export function iterate(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return strChars(v);
  if (v instanceof Undefined) return [];
  if (isDict(v)) return Object.keys(v);
  if (v !== null && typeof v === 'object') {
    if (v instanceof Map) return Array.from(v.keys());
    if (Symbol.iterator in v) return Array.from(v as Iterable<unknown>);
  }
  throw typeError(`'${typeName(v)}' object is not iterable`);
}

export function isIterable(v: unknown): boolean {
  if (Array.isArray(v) || typeof v === 'string' || v instanceof Undefined || isDict(v)) return true;
  return v !== null && typeof v === 'object' && Symbol.iterator in v;
}

/** Python len(). */
export function pyLen(v: unknown): number {
  if (typeof v === 'string') return strLen(v);
  if (Array.isArray(v)) return v.length;
  if (v instanceof Undefined) return 0;
  if (isDict(v)) return Object.keys(v).length;
  if (v instanceof Map || v instanceof Set) return v.size;
  throw typeError(`object of type '${typeName(v)}' has no len()`);
}
