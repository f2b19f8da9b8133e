/**
 * Python operators: arithmetic with the int/float distinction, `~`, `in`, comparisons.
 * Each binary operator has a fast path for two JS numbers (the overwhelmingly common case).
 */
import { PyError, typeError } from './errors.js';
import { percentFormat } from './format.js';
import {
  PyFloat,
  Undefined,
  hasKey,
  isDict,
  isNumeric,
  makeFloat,
  makeTuple,
  num,
  pyCompare,
  pyEq,
  pyStr,
  seqKind,
  typeName,
  undefinedError,
} from './values.js';

function isIntLike(v: unknown): boolean {
  return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'boolean';
}

/** Result of an arithmetic op: int when both operands are ints, else float. */
function numResult(r: number, a: unknown, b: unknown): number | PyFloat {
  if (isIntLike(a) && isIntLike(b)) return r;
  return makeFloat(r);
}

function checkUndefined(a: unknown, b: unknown): void {
  if (a instanceof Undefined) throw undefinedError(a);
  if (b instanceof Undefined) throw undefinedError(b);
}

/**
 * Python's operator protocol for host objects (class instances such as modules.datetime values):
 * `a.__add__(b)`, then the reflected `b.__radd__(a)`. A method answering `undefined` stands for
 * NotImplemented. Plain dicts never take part: their keys are data, not methods.
 */
function dunder(a: unknown, b: unknown, name: string, reflected: string): unknown {
  if (typeof a === 'object' && a !== null && !isDict(a) && !Array.isArray(a)) {
    const f = (a as Record<string, unknown>)[name];
    if (typeof f === 'function') {
      const r: unknown = (f as (o: unknown) => unknown).call(a, b);
      if (r !== undefined) return r;
    }
  }
  if (typeof b === 'object' && b !== null && !isDict(b) && !Array.isArray(b)) {
    const f = (b as Record<string, unknown>)[reflected];
    if (typeof f === 'function') {
      const r: unknown = (f as (o: unknown) => unknown).call(b, a);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

function unsupported(op: string, a: unknown, b: unknown): PyError {
  checkUndefined(a, b);
  return typeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

export function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    return Number.isInteger(r) && !(Number.isInteger(a) && Number.isInteger(b)) ? new PyFloat(r) : r;
  }
  if (typeof a === 'string') {
    if (typeof b === 'string') return a + b;
    checkUndefined(a, b);
    throw typeError(`can only concatenate str (not "${typeName(b)}") to str`);
  }
  if (isNumeric(a) && isNumeric(b)) return numResult(num(a) + num(b), a, b);
  if (Array.isArray(a)) {
    if (Array.isArray(b) && seqKind(a) === seqKind(b) && (seqKind(a) === undefined || seqKind(a) === 'tuple')) {
      const r = a.concat(b);
      return seqKind(a) === 'tuple' ? makeTuple(r) : r;
    }
    checkUndefined(a, b);
    const k = typeName(a);
    throw typeError(`can only concatenate ${k} (not "${typeName(b)}") to ${k}`);
  }
  const r = dunder(a, b, '__add__', '__radd__');
  if (r !== undefined) return r;
  throw unsupported('+', a, b);
}

export function sub(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    return Number.isInteger(r) && !(Number.isInteger(a) && Number.isInteger(b)) ? new PyFloat(r) : r;
  }
  if (isNumeric(a) && isNumeric(b)) return numResult(num(a) - num(b), a, b);
  const r = dunder(a, b, '__sub__', '__rsub__');
  if (r !== undefined) return r;
  throw unsupported('-', a, b);
}

function repeat(seq: unknown, n: number): unknown {
  const times = Math.max(0, n);
  if (typeof seq === 'string') return seq.repeat(times);
  const arr = seq as unknown[];
  let out: unknown[] = [];
  for (let i = 0; i < times; i++) out = out.concat(arr);
  return seqKind(arr) === 'tuple' ? makeTuple(out) : out;
}

export function mul(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    return Number.isInteger(r) && !(Number.isInteger(a) && Number.isInteger(b)) ? new PyFloat(r) : r;
  }
  if (isNumeric(a) && isNumeric(b)) return numResult(num(a) * num(b), a, b);
  if ((typeof a === 'string' || Array.isArray(a)) && isIntLike(b)) return repeat(a, num(b));
  if ((typeof b === 'string' || Array.isArray(b)) && isIntLike(a)) return repeat(b, num(a));
  if ((typeof a === 'string' || Array.isArray(a)) && isNumeric(b)) {
    throw typeError(`can't multiply sequence by non-int of type '${typeName(b)}'`);
  }
  throw unsupported('*', a, b);
}

export function div(a: unknown, b: unknown): unknown {
  if (!isNumeric(a) || !isNumeric(b)) throw unsupported('/', a, b);
  const y = num(b);
  if (y === 0) throw new PyError('ZeroDivisionError', isIntLike(a) && isIntLike(b) ? 'division by zero' : 'float division by zero');
  return makeFloat(num(a) / y);
}

export function floordiv(a: unknown, b: unknown): unknown {
  if (!isNumeric(a) || !isNumeric(b)) throw unsupported('//', a, b);
  const y = num(b);
  const ints = isIntLike(a) && isIntLike(b);
  if (y === 0) throw new PyError('ZeroDivisionError', ints ? 'integer division or modulo by zero' : 'float floor division by zero');
  const r = Math.floor(num(a) / y);
  return ints ? r : makeFloat(r);
}

export function mod(a: unknown, b: unknown): unknown {
  if (typeof a === 'string') return percentFormat(a, b);
  if (!isNumeric(a) || !isNumeric(b)) throw unsupported('%', a, b);
  const x = num(a);
  const y = num(b);
  const ints = isIntLike(a) && isIntLike(b);
  if (y === 0) throw new PyError('ZeroDivisionError', ints ? 'integer modulo by zero' : 'float modulo');
  let r = x % y;
  if (r !== 0 && r < 0 !== y < 0) r += y;
  if (ints) return r === 0 ? 0 : r;
  if (r === 0) r = y < 0 ? -0 : 0;
  return makeFloat(r);
}

export function pow(a: unknown, b: unknown): unknown {
  if (!isNumeric(a) || !isNumeric(b)) throw unsupported('** or pow()', a, b);
  const x = num(a);
  const y = num(b);
  if (isIntLike(a) && isIntLike(b)) {
    if (y >= 0) return x ** y;
    if (x === 0) throw new PyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return makeFloat(x ** y);
  }
  if (x === 0 && y < 0) throw new PyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  return makeFloat(x ** y);
}

export function neg(a: unknown): unknown {
  if (typeof a === 'number') return Number.isInteger(a) ? 0 - a : -a;
  if (a instanceof PyFloat) return new PyFloat(-a.value);
  if (typeof a === 'boolean') return a ? -1 : 0;
  if (a instanceof Undefined) throw undefinedError(a);
  throw typeError(`bad operand type for unary -: '${typeName(a)}'`);
}

export function pos(a: unknown): unknown {
  if (typeof a === 'number' || a instanceof PyFloat) return a;
  if (typeof a === 'boolean') return a ? 1 : 0;
  if (a instanceof Undefined) throw undefinedError(a);
  throw typeError(`bad operand type for unary +: '${typeName(a)}'`);
}

/** `~`: string concatenation of str() of both sides. */
export function concat(a: unknown, b: unknown): string {
  return (typeof a === 'string' ? a : pyStr(a)) + (typeof b === 'string' ? b : pyStr(b));
}

/** `item in container` */
export function contains(container: unknown, item: unknown): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') {
      if (item instanceof Undefined) throw undefinedError(item);
      throw typeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    }
    return container.includes(item);
  }
  if (Array.isArray(container)) {
    if (typeof item === 'string') return container.includes(item);
    for (const x of container) if (x === item || pyEq(x, item)) return true;
    return false;
  }
  if (isDict(container)) {
    if (typeof item === 'string') return hasKey(container, item);
    if (typeof item === 'number' || typeof item === 'boolean') return hasKey(container, pyStr(item));
    if (Array.isArray(item) && seqKind(item) === undefined) throw typeError("unhashable type: 'list'");
    if (isDict(item)) throw typeError("unhashable type: 'dict'");
    return false;
  }
  if (container instanceof Undefined) return false;
  if (container instanceof Map) return container.has(item);
  if (container instanceof Set) return container.has(item);
  if (container === null || container === undefined) throw typeError("argument of type 'NoneType' is not iterable");
  throw typeError(`argument of type '${typeName(container)}' is not iterable`);
}

export function lt(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return pyCompare(a, b, '<') < 0;
}
export function le(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  return pyCompare(a, b, '<=') <= 0;
}
export function gt(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  return pyCompare(a, b, '>') > 0;
}
export function ge(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  return pyCompare(a, b, '>=') >= 0;
}
