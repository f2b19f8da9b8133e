/**
 * Attribute access, item access, slicing and method calls with Jinja2's rules:
 *   `a.b`    getattr first (Python methods of str/list/dict, host object properties), then item;
 *   `a['b']` item first, then attribute.
 * A miss yields an Undefined that remembers the object and name for its error message.
 */
import { DICT_METHODS, LIST_METHODS, type MethodImpl, STR_METHODS, TUPLE_METHODS } from './methods.js';
import {
  Builtin,
  type KwargsMap,
  LoopContext,
  Macro,
  Namespace,
  type RenderState,
  callNative,
  callValue,
} from './runtime.js';
import {
  Kwargs,
  PyFloat,
  Undefined,
  dictKey,
  hasSurrogates,
  isDict,
  makeTuple,
  seqKind,
  typeName,
  undefinedError,
} from './values.js';

const hasOwn = Object.prototype.hasOwnProperty;

function bound<T>(obj: T, name: string, impl: MethodImpl<T>): Builtin {
  return new Builtin(name, (a, k, rt) => impl(obj, a, k, rt), typeName(obj));
}

function isEngineObject(v: object): boolean {
  return (
    v instanceof Undefined ||
    v instanceof Namespace ||
    v instanceof Macro ||
    v instanceof Builtin ||
    v instanceof LoopContext ||
    v instanceof PyFloat ||
    v instanceof Kwargs
  );
}

/** `obj.name` */
export function getattr(obj: unknown, name: string, chainable: boolean): unknown {
  if (typeof obj === 'object' && obj !== null) {
    if (Array.isArray(obj)) {
      const m = (seqKind(obj) === undefined ? LIST_METHODS : TUPLE_METHODS)[name];
      if (m) return bound(obj, name, m);
      // groupby() results expose `.grouper` / `.list`
      if (hasOwn.call(obj, name) && !/^\d+$/.test(name)) return (obj as unknown as Record<string, unknown>)[name];
      return new Undefined(name, obj);
    }
    const proto: unknown = Object.getPrototypeOf(obj);
    if (proto === Object.prototype || proto === null) {
      const m = DICT_METHODS[name];
      if (m) return bound(obj as Record<string, unknown>, name, m);
      if (hasOwn.call(obj, name)) {
        const v = (obj as Record<string, unknown>)[name];
        return v === undefined ? null : v;
      }
      return new Undefined(name, obj);
    }
    return objectAttr(obj, name, chainable);
  }
  if (typeof obj === 'string') {
    const m = STR_METHODS[name];
    if (m) return bound(obj, name, m);
    return new Undefined(name, obj);
  }
  if (typeof obj === 'function' && hasOwn.call(obj, name)) {
    const v = (obj as unknown as Record<string, unknown>)[name];
    return v === undefined ? null : v;
  }
  return new Undefined(name, obj === undefined ? null : obj);
}

/** Fast path for `obj.name` when `name` is not a dict method name. */
export function getattrKey(obj: unknown, name: string, chainable: boolean): unknown {
  if (typeof obj === 'object' && obj !== null && !Array.isArray(obj)) {
    const proto: unknown = Object.getPrototypeOf(obj);
    if (proto === Object.prototype || proto === null) {
      const v = (obj as Record<string, unknown>)[name];
      if (v !== undefined) return v;
      return hasOwn.call(obj, name) ? null : new Undefined(name, obj);
    }
  }
  return getattr(obj, name, chainable);
}

function objectAttr(obj: object, name: string, chainable: boolean): unknown {
  if (obj instanceof Undefined) {
    if (chainable) return obj;
    throw undefinedError(obj);
  }
  if (obj instanceof Namespace) {
    if (hasOwn.call(obj.attrs, name)) {
      const v = obj.attrs[name];
      return v === undefined ? null : v;
    }
    return new Undefined(name, obj);
  }
  if (obj instanceof LoopContext) return obj.attr(name);
  if (obj instanceof Macro) {
    if (name === 'name') return obj.name;
    if (name === 'arguments') return makeTuple(obj.code.params.slice());
    if (name === 'catch_kwargs') return obj.code.kwargsSlot >= 0;
    if (name === 'catch_varargs') return obj.code.varargsSlot >= 0;
    if (name === 'caller') return obj.code.callerSlot >= 0;
    return new Undefined(name, obj);
  }
  if (isEngineObject(obj)) return new Undefined(name, obj);
  if (obj instanceof Map) return new Undefined(name, obj);
  // Host objects: own or inherited properties; methods come back bound to the object.
  if (name in obj) {
    const v = (obj as Record<string, unknown>)[name];
    if (typeof v === 'function') return (v as (...a: unknown[]) => unknown).bind(obj);
    return v === undefined ? null : v;
  }
  return new Undefined(name, obj);
}

/** `obj[key]` (key not a slice). */
export function getitem(obj: unknown, key: unknown, chainable: boolean): unknown {
  if (Array.isArray(obj)) {
    let i: number;
    if (typeof key === 'number' && Number.isInteger(key)) i = key;
    else if (typeof key === 'boolean') i = key ? 1 : 0;
    else if (typeof key === 'string') {
      // Item lookup first: host "named arrays" (e.g. agate rows) carry named own properties.
      if (hasOwn.call(obj, key) && !/^\d+$/.test(key)) return (obj as unknown as Record<string, unknown>)[key] ?? null;
      return getattr(obj, key, chainable);
    } else return new Undefined(undefined, obj, undefined, key);
    if (i < 0) i += obj.length;
    if (i >= 0 && i < obj.length) {
      const v: unknown = obj[i];
      return v === undefined ? null : v;
    }
    return new Undefined(undefined, obj, undefined, key);
  }
  if (typeof obj === 'object' && obj !== null) {
    if (isDict(obj)) {
      const k = typeof key === 'string' ? key : dictKey(key);
      if (hasOwn.call(obj, k)) {
        const v = obj[k];
        return v === undefined ? null : v;
      }
      if (typeof key === 'string') return getattr(obj, key, chainable);
      return new Undefined(undefined, obj, undefined, key);
    }
    if (obj instanceof Undefined) {
      if (chainable) return obj;
      throw undefinedError(obj);
    }
    if (obj instanceof Map) {
      if (obj.has(key)) {
        const v: unknown = obj.get(key);
        return v === undefined ? null : v;
      }
      return new Undefined(undefined, obj, undefined, key);
    }
    if (typeof key === 'string') return getattr(obj, key, chainable);
    return new Undefined(undefined, obj, undefined, key);
  }
  if (typeof obj === 'string') {
    if (typeof key === 'number' && Number.isInteger(key)) {
      const chars = hasSurrogates(obj) ? Array.from(obj) : null;
      const n = chars ? chars.length : obj.length;
      const i = key < 0 ? key + n : key;
      if (i >= 0 && i < n) return chars ? chars[i] : obj[i];
      return new Undefined(undefined, obj, undefined, key);
    }
    if (typeof key === 'string') return getattr(obj, key, chainable);
    return new Undefined(undefined, obj, undefined, key);
  }
  if (typeof key === 'string') return getattr(obj, key, chainable);
  return new Undefined(undefined, obj === undefined ? null : obj, undefined, key);
}

function sliceIndex(v: unknown): number | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** Python slice index computation (PySlice_AdjustIndices). */
export function sliceIndices(len: number, start: number | null, stop: number | null, step: number): number[] {
  const out: number[] = [];
  const lower = step < 0 ? -1 : 0;
  const upper = step < 0 ? len - 1 : len;
  const adj = (x: number | null, def: number): number => {
    if (x === null) return def;
    if (x < 0) {
      x += len;
      return x < lower ? lower : x;
    }
    return x > upper ? upper : x;
  };
  const a = adj(start, step < 0 ? upper : lower);
  const b = adj(stop, step < 0 ? lower : upper);
  if (step > 0) for (let i = a; i < b; i += step) out.push(i);
  else for (let i = a; i > b; i += step) out.push(i);
  return out;
}

/** `obj[start:stop:step]` */
export function sliceValue(obj: unknown, startV: unknown, stopV: unknown, stepV: unknown, chainable: boolean): unknown {
  if (obj instanceof Undefined) {
    if (chainable) return obj;
    throw undefinedError(obj);
  }
  const start = sliceIndex(startV);
  const stop = sliceIndex(stopV);
  const stepI = sliceIndex(stepV);
  if (start === undefined || stop === undefined || stepI === undefined) return new Undefined('slice', obj);
  const step = stepI ?? 1;
  if (step === 0) return new Undefined('slice', obj);
  if (typeof obj === 'string') {
    if (step === 1 && !hasSurrogates(obj)) {
      const idx = sliceIndices(obj.length, start, stop, 1);
      return idx.length ? obj.slice(idx[0], (idx[idx.length - 1] as number) + 1) : '';
    }
    const chars = Array.from(obj);
    return sliceIndices(chars.length, start, stop, step)
      .map((i) => chars[i])
      .join('');
  }
  if (Array.isArray(obj)) {
    const out = sliceIndices(obj.length, start, stop, step).map((i) => obj[i] as unknown);
    return seqKind(obj) === 'tuple' ? makeTuple(out) : out;
  }
  return new Undefined('slice', obj === undefined ? null : obj);
}

/** `obj.name(args...)` without materializing a bound method. */
export function callMethod(obj: unknown, name: string, args: unknown[], kwargs: KwargsMap | null, rt: RenderState): unknown {
  if (typeof obj === 'string') {
    const m = STR_METHODS[name];
    if (m) return m(obj, args, kwargs, rt);
  } else if (typeof obj === 'object' && obj !== null) {
    if (Array.isArray(obj)) {
      const m = (seqKind(obj) === undefined ? LIST_METHODS : TUPLE_METHODS)[name];
      if (m) return m(obj, args, kwargs, rt);
    } else {
      const proto: unknown = Object.getPrototypeOf(obj);
      if (proto === Object.prototype || proto === null) {
        const m = DICT_METHODS[name];
        if (m) return m(obj as Record<string, unknown>, args, kwargs, rt);
        const v = (obj as Record<string, unknown>)[name];
        if (typeof v === 'function' && hasOwn.call(obj, name)) return callNative(v, obj, args, kwargs);
      } else if (obj instanceof LoopContext) {
        if (name === 'cycle') return obj.cycle(args);
        if (name === 'changed') return obj.changed(args);
      } else if (!isEngineObject(obj) && name in obj) {
        const v = (obj as Record<string, unknown>)[name];
        if (typeof v === 'function') return callNative(v, obj, args, kwargs);
      }
    }
  }
  return callValue(getattr(obj, name, rt.chainable), args, kwargs, rt);
}
