/**
 * Python methods of str, list, tuple and dict values (`s.split(',')`, `l.append(x)`,
 * `d.items()` ...). Implementations receive the receiver and raw engine values.
 */
import { getattr, getitem } from './access.js';
import { PyError, typeError, valueError } from './errors.js';
import { strFormat } from './format.js';
import { type KwargsMap, type RenderState, callValue } from './runtime.js';
import {
  Undefined,
  dictKey,
  hasKey,
  isDict,
  isTuple,
  iterate,
  makeTuple,
  pyCompare,
  pyEq,
  pyRepr,
  strChars,
  strLen,
  tagSeq,
  typeName,
  undefinedError,
} from './values.js';

export type MethodImpl<T> = (self: T, args: unknown[], kw: KwargsMap | null, rt: RenderState) => unknown;

/** Positional-or-keyword argument `i` named `name`. */
function arg(args: unknown[], kw: KwargsMap | null, i: number, name: string, def: unknown): unknown {
  if (i < args.length) return args[i];
  if (kw !== null && hasKey(kw, name)) return kw[name];
  return def;
}

function argStr(v: unknown, method: string): string {
  if (typeof v === 'string') return v;
  if (v instanceof Undefined) throw undefinedError(v);
  throw typeError(`${method}() argument must be str, not ${typeName(v)}`);
}

function argInt(v: unknown, def: number): number {
  if (v === null || v === undefined) return def;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Undefined) throw undefinedError(v);
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** Python's whitespace (str.isspace), which differs slightly from JS \s. */
const WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WS_CLASS = `[${WS}]`;
const LEAD_WS = new RegExp(`^${WS_CLASS}+`);
const TRAIL_WS = new RegExp(`${WS_CLASS}+$`);
const WS_RUN = new RegExp(`${WS_CLASS}+`);
const IS_WS = new RegExp(`^${WS_CLASS}+$`);

export function pyStrip(s: string, chars: unknown, left: boolean, right: boolean): string {
  if (chars === null || chars === undefined) {
    let r = s;
    if (left) r = r.replace(LEAD_WS, '');
    if (right) r = r.replace(TRAIL_WS, '');
    return r;
  }
  const set = argStr(chars, 'strip');
  let a = 0;
  let b = s.length;
  if (left) while (a < b && set.includes(s[a] as string)) a++;
  if (right) while (b > a && set.includes(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

export function pySplit(s: string, sep: unknown, maxsplit: number): string[] {
  if (sep === null || sep === undefined) {
    const out: string[] = [];
    let rest = s.replace(LEAD_WS, '');
    while (rest) {
      if (maxsplit >= 0 && out.length >= maxsplit) {
        out.push(rest);
        break;
      }
      const m = WS_RUN.exec(rest);
      if (!m) {
        out.push(rest);
        break;
      }
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    return out;
  }
  const sp = argStr(sep, 'split');
  if (sp === '') throw valueError('empty separator');
  if (maxsplit < 0) return s.split(sp);
  const out: string[] = [];
  let i = 0;
  while (out.length < maxsplit) {
    const j = s.indexOf(sp, i);
    if (j === -1) break;
    out.push(s.slice(i, j));
    i = j + sp.length;
  }
  out.push(s.slice(i));
  return out;
}

function pyRsplit(s: string, sep: unknown, maxsplit: number): string[] {
  if (maxsplit < 0) return pySplit(s, sep, -1);
  if (sep === null || sep === undefined) {
    const out: string[] = [];
    let rest = s.replace(TRAIL_WS, '');
    while (rest) {
      if (out.length >= maxsplit) {
        out.unshift(rest);
        break;
      }
      const m = new RegExp(`${WS_CLASS}+(?!.*${WS_CLASS})`, 's').exec(rest);
      if (!m) {
        out.unshift(rest);
        break;
      }
      out.unshift(rest.slice(m.index + m[0].length));
      rest = rest.slice(0, m.index);
    }
    return out;
  }
  const sp = argStr(sep, 'rsplit');
  if (sp === '') throw valueError('empty separator');
  const out: string[] = [];
  let end = s.length;
  while (out.length < maxsplit) {
    const j = s.lastIndexOf(sp, end - sp.length);
    if (j === -1 || end - sp.length < 0) break;
    out.unshift(s.slice(j + sp.length, end));
    end = j;
  }
  out.unshift(s.slice(0, end));
  return out;
}

export function pyReplace(s: string, old: string, repl: string, count: number): string {
  if (count < 0 && old !== '') return s.split(old).join(repl);
  if (count < 0) count = Infinity;
  if (count === 0) return s;
  let out = '';
  let i = 0;
  let n = 0;
  if (old === '') {
    const chars = strChars(s);
    for (const ch of chars) {
      if (n < count) {
        out += repl;
        n++;
      }
      out += ch;
    }
    if (n < count) out += repl;
    return out;
  }
  while (n < count) {
    const j = s.indexOf(old, i);
    if (j === -1) break;
    out += s.slice(i, j) + repl;
    i = j + old.length;
    n++;
  }
  return out + s.slice(i);
}

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** Python str.title(): a letter is uppercased when it follows a non-cased character. */
export function pyTitle(s: string): string {
  let out = '';
  let prevCased = false;
  for (const ch of s) {
    if (isCased(ch)) {
      out += prevCased ? ch.toLowerCase() : ch.toUpperCase();
      prevCased = true;
    } else {
      out += ch;
      prevCased = false;
    }
  }
  return out;
}

export function pyCapitalize(s: string): string {
  if (!s) return s;
  const first = String.fromCodePoint(s.codePointAt(0) ?? 0);
  return first.toUpperCase() + s.slice(first.length).toLowerCase();
}

/** Python's str.center padding split (extra space goes left when width is odd). */
export function pyCenter(s: string, width: number, fill = ' '): string {
  const len = strLen(s);
  if (width <= len) return s;
  const marg = width - len;
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return fill.repeat(left) + s + fill.repeat(marg - left);
}

const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

export function pySplitlines(s: string, keepends: boolean): string[] {
  const out: string[] = [];
  let i = 0;
  LINE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINE_BREAK.exec(s))) {
    out.push(s.slice(i, keepends ? m.index + m[0].length : m.index));
    i = m.index + m[0].length;
  }
  if (i < s.length) out.push(s.slice(i));
  return out;
}

/** Python slice-like start/end arguments of find/count/startswith. */
function subRange(s: string, startV: unknown, endV: unknown): [number, number] {
  const n = s.length;
  let a = argInt(startV, 0);
  let b = argInt(endV, n);
  if (a < 0) a = Math.max(0, a + n);
  if (b < 0) b = Math.max(0, b + n);
  return [Math.min(a, n), Math.min(b, n)];
}

function find(s: string, args: unknown[], kw: KwargsMap | null, reverse: boolean): number {
  const sub = argStr(arg(args, kw, 0, 'sub', undefined), 'find');
  const [a, b] = subRange(s, args[1], args[2]);
  if (b - a < sub.length) return -1;
  const region = s.slice(a, b);
  const j = reverse ? region.lastIndexOf(sub) : region.indexOf(sub);
  return j === -1 ? -1 : j + a;
}

function affix(s: string, args: unknown[], kw: KwargsMap | null, ends: boolean): boolean {
  const what = arg(args, kw, 0, ends ? 'suffix' : 'prefix', undefined);
  const [a, b] = subRange(s, args[1], args[2]);
  const region = s.slice(a, b);
  const options = isTuple(what) ? what : [what];
  for (const o of options) {
    if (typeof o !== 'string') {
      throw typeError(`${ends ? 'endswith' : 'startswith'} first arg must be str or a tuple of str, not ${typeName(o)}`);
    }
    if (ends ? region.endsWith(o) : region.startsWith(o)) return true;
  }
  return false;
}

/** str.format field parts use Python's getattr/getitem (no Jinja fallbacks between them). */
function fieldLookup(obj: unknown, key: string | number, isAttribute: boolean): unknown {
  if (!isAttribute) {
    const v = getitem(obj, key, false);
    if (v instanceof Undefined) {
      if (Array.isArray(obj) || typeof obj === 'string') throw new PyError('IndexError', `${typeName(obj)} index out of range`);
      throw new PyError('KeyError', pyRepr(key));
    }
    return v;
  }
  const name = String(key);
  if (isDict(obj) && DICT_METHODS[name] === undefined) {
    throw new PyError('AttributeError', `'dict' object has no attribute '${name}'`);
  }
  const v = getattr(obj, name, false);
  if (v instanceof Undefined) throw new PyError('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
  return v;
}

export const STR_METHODS: Record<string, MethodImpl<string>> = Object.assign(Object.create(null) as object, {
  lower: (s: string) => s.toLowerCase(),
  upper: (s: string) => s.toUpperCase(),
  casefold: (s: string) => s.toLowerCase(),
  swapcase: (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  strip: (s: string, a: unknown[], k: KwargsMap | null) => pyStrip(s, arg(a, k, 0, 'chars', null), true, true),
  lstrip: (s: string, a: unknown[], k: KwargsMap | null) => pyStrip(s, arg(a, k, 0, 'chars', null), true, false),
  rstrip: (s: string, a: unknown[], k: KwargsMap | null) => pyStrip(s, arg(a, k, 0, 'chars', null), false, true),
  split: (s: string, a: unknown[], k: KwargsMap | null) =>
    pySplit(s, arg(a, k, 0, 'sep', null), argInt(arg(a, k, 1, 'maxsplit', -1), -1)),
  rsplit: (s: string, a: unknown[], k: KwargsMap | null) =>
    pyRsplit(s, arg(a, k, 0, 'sep', null), argInt(arg(a, k, 1, 'maxsplit', -1), -1)),
  splitlines: (s: string, a: unknown[], k: KwargsMap | null) => pySplitlines(s, Boolean(arg(a, k, 0, 'keepends', false))),
  replace: (s: string, a: unknown[], k: KwargsMap | null) =>
    pyReplace(s, argStr(arg(a, k, 0, 'old', undefined), 'replace'), argStr(arg(a, k, 1, 'new', undefined), 'replace'), argInt(arg(a, k, 2, 'count', -1), -1)),
  startswith: (s: string, a: unknown[], k: KwargsMap | null) => affix(s, a, k, false),
  endswith: (s: string, a: unknown[], k: KwargsMap | null) => affix(s, a, k, true),
  join: (s: string, a: unknown[]) => {
    const items = iterate(a[0]);
    for (let i = 0; i < items.length; i++) {
      if (typeof items[i] !== 'string') throw typeError(`sequence item ${i}: expected str instance, ${typeName(items[i])} found`);
    }
    return (items as string[]).join(s);
  },
  format: (s: string, a: unknown[], k: KwargsMap | null) => strFormat(s, a, k ?? {}, fieldLookup),
  format_map: (s: string, a: unknown[]) => strFormat(s, [], (a[0] ?? {}) as Record<string, unknown>, fieldLookup),
  title: (s: string) => pyTitle(s),
  capitalize: (s: string) => pyCapitalize(s),
  count: (s: string, a: unknown[], k: KwargsMap | null) => {
    const sub = argStr(arg(a, k, 0, 'sub', undefined), 'count');
    const [x, y] = subRange(s, a[1], a[2]);
    const region = s.slice(x, y);
    if (sub === '') return strLen(region) + 1;
    return region.split(sub).length - 1;
  },
  find: (s: string, a: unknown[], k: KwargsMap | null) => find(s, a, k, false),
  rfind: (s: string, a: unknown[], k: KwargsMap | null) => find(s, a, k, true),
  index: (s: string, a: unknown[], k: KwargsMap | null) => {
    const i = find(s, a, k, false);
    if (i === -1) throw valueError('substring not found');
    return i;
  },
  rindex: (s: string, a: unknown[], k: KwargsMap | null) => {
    const i = find(s, a, k, true);
    if (i === -1) throw valueError('substring not found');
    return i;
  },
  isdigit: (s: string) => /^\p{Nd}+$/u.test(s),
  isdecimal: (s: string) => /^\p{Nd}+$/u.test(s),
  isnumeric: (s: string) => /^[\p{Nd}\p{Nl}\p{No}]+$/u.test(s),
  isalpha: (s: string) => /^\p{L}+$/u.test(s),
  isalnum: (s: string) => /^[\p{L}\p{Nd}\p{Nl}\p{No}]+$/u.test(s),
  isupper: (s: string) => s === s.toUpperCase() && s !== s.toLowerCase(),
  islower: (s: string) => s === s.toLowerCase() && s !== s.toUpperCase(),
  isspace: (s: string) => IS_WS.test(s),
  istitle: (s: string) => s !== s.toLowerCase() && pyTitle(s) === s,
  isidentifier: (s: string) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(s),
  zfill: (s: string, a: unknown[], k: KwargsMap | null) => {
    const w = argInt(arg(a, k, 0, 'width', undefined), 0);
    const len = strLen(s);
    if (len >= w) return s;
    const sign = s[0] === '-' || s[0] === '+' ? (s[0] as string) : '';
    return sign + '0'.repeat(w - len) + s.slice(sign.length);
  },
  center: (s: string, a: unknown[], k: KwargsMap | null) =>
    pyCenter(s, argInt(arg(a, k, 0, 'width', undefined), 0), String(arg(a, k, 1, 'fillchar', ' '))),
  ljust: (s: string, a: unknown[], k: KwargsMap | null) => {
    const w = argInt(arg(a, k, 0, 'width', undefined), 0);
    return s + String(arg(a, k, 1, 'fillchar', ' ')).repeat(Math.max(0, w - strLen(s)));
  },
  rjust: (s: string, a: unknown[], k: KwargsMap | null) => {
    const w = argInt(arg(a, k, 0, 'width', undefined), 0);
    return String(arg(a, k, 1, 'fillchar', ' ')).repeat(Math.max(0, w - strLen(s))) + s;
  },
  partition: (s: string, a: unknown[]) => {
    const sep = argStr(a[0], 'partition');
    if (sep === '') throw valueError('empty separator');
    const i = s.indexOf(sep);
    return makeTuple(i === -1 ? [s, '', ''] : [s.slice(0, i), sep, s.slice(i + sep.length)]);
  },
  rpartition: (s: string, a: unknown[]) => {
    const sep = argStr(a[0], 'rpartition');
    if (sep === '') throw valueError('empty separator');
    const i = s.lastIndexOf(sep);
    return makeTuple(i === -1 ? ['', '', s] : [s.slice(0, i), sep, s.slice(i + sep.length)]);
  },
  removeprefix: (s: string, a: unknown[]) => {
    const p = argStr(a[0], 'removeprefix');
    return p && s.startsWith(p) ? s.slice(p.length) : s;
  },
  removesuffix: (s: string, a: unknown[]) => {
    const p = argStr(a[0], 'removesuffix');
    return p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  },
  expandtabs: (s: string, a: unknown[], k: KwargsMap | null) => {
    const size = argInt(arg(a, k, 0, 'tabsize', 8), 8);
    let out = '';
    let col = 0;
    for (const ch of s) {
      if (ch === '\t') {
        const n = size > 0 ? size - (col % size) : 0;
        out += ' '.repeat(n);
        col += n;
      } else {
        out += ch;
        col = ch === '\n' || ch === '\r' ? 0 : col + 1;
      }
    }
    return out;
  },
});

// ---------------------------------------------------------------------------------------------
// list / tuple

function indexOf(items: unknown[], x: unknown, a: unknown[]): number {
  const n = items.length;
  let start = argInt(a[1], 0);
  let end = argInt(a[2], n);
  if (start < 0) start = Math.max(0, start + n);
  if (end < 0) end = Math.max(0, end + n);
  for (let i = start; i < Math.min(end, n); i++) if (pyEq(items[i], x)) return i;
  return -1;
}

function count(items: unknown[], x: unknown): number {
  let c = 0;
  for (const it of items) if (pyEq(it, x)) c++;
  return c;
}

/** Python's list.sort: stable, optional key function, TypeError on unorderable items. */
export function sortItems(items: unknown[], key: unknown, reverse: boolean, rt: RenderState | null): void {
  let keys: unknown[] | null = null;
  if (key !== null && key !== undefined) {
    if (!rt) throw typeError('sort key requires a render context');
    keys = items.map((x) => callValue(key, [x], null, rt));
  }
  const idx = items.map((_, i) => i);
  const k = keys ?? items.slice();
  idx.sort((i, j) => {
    const c = pyCompare(k[i], k[j], '<');
    return reverse ? -c : c;
  });
  const copy = items.slice();
  for (let i = 0; i < idx.length; i++) items[i] = copy[idx[i] as number];
}

export const TUPLE_METHODS: Record<string, MethodImpl<unknown[]>> = Object.assign(Object.create(null) as object, {
  index: (l: unknown[], a: unknown[]) => {
    const i = indexOf(l, a[0], a);
    if (i === -1) throw valueError(`${isTuple(l) ? 'tuple.index(x): x not in tuple' : `${pyRepr(a[0])} is not in list`}`);
    return i;
  },
  count: (l: unknown[], a: unknown[]) => count(l, a[0]),
});

export const LIST_METHODS: Record<string, MethodImpl<unknown[]>> = Object.assign(Object.create(null) as object, {
  index: TUPLE_METHODS.index as MethodImpl<unknown[]>,
  count: TUPLE_METHODS.count as MethodImpl<unknown[]>,
  append: (l: unknown[], a: unknown[]) => {
    l.push(a[0]);
    return null;
  },
  extend: (l: unknown[], a: unknown[]) => {
    for (const x of iterate(a[0])) l.push(x);
    return null;
  },
  insert: (l: unknown[], a: unknown[]) => {
    let i = argInt(a[0], 0);
    if (i < 0) i = Math.max(0, i + l.length);
    l.splice(Math.min(i, l.length), 0, a[1]);
    return null;
  },
  pop: (l: unknown[], a: unknown[]) => {
    if (!l.length) throw new PyError('IndexError', 'pop from empty list');
    let i = argInt(a[0], -1);
    if (i < 0) i += l.length;
    if (i < 0 || i >= l.length) throw new PyError('IndexError', 'pop index out of range');
    return l.splice(i, 1)[0];
  },
  remove: (l: unknown[], a: unknown[]) => {
    const i = indexOf(l, a[0], []);
    if (i === -1) throw valueError('list.remove(x): x not in list');
    l.splice(i, 1);
    return null;
  },
  reverse: (l: unknown[]) => {
    l.reverse();
    return null;
  },
  sort: (l: unknown[], a: unknown[], k: KwargsMap | null, rt: RenderState) => {
    if (a.length) throw typeError('sort() takes no positional arguments');
    sortItems(l, k?.key ?? null, Boolean(k?.reverse), rt);
    return null;
  },
  copy: (l: unknown[]) => l.slice(),
  clear: (l: unknown[]) => {
    l.length = 0;
    return null;
  },
});

// ---------------------------------------------------------------------------------------------
// dict

export const DICT_METHODS: Record<string, MethodImpl<Record<string, unknown>>> = Object.assign(Object.create(null) as object, {
  get: (d: Record<string, unknown>, a: unknown[], k: KwargsMap | null) => {
    const key = dictKey(a[0]);
    if (hasKey(d, key)) {
      const v = d[key];
      return v === undefined ? null : v;
    }
    return a.length > 1 ? a[1] : (k?.default ?? null);
  },
  items: (d: Record<string, unknown>) => tagSeq(Object.keys(d).map((key) => makeTuple([key, d[key] ?? null])), 'dict_items'),
  keys: (d: Record<string, unknown>) => tagSeq(Object.keys(d), 'dict_keys'),
  values: (d: Record<string, unknown>) => tagSeq(Object.keys(d).map((key) => d[key] ?? null), 'dict_values'),
  update: (d: Record<string, unknown>, a: unknown[], k: KwargsMap | null) => {
    const src = a[0];
    if (src !== undefined && src !== null) {
      if (typeof src === 'object' && !Array.isArray(src) && !(src instanceof Undefined)) Object.assign(d, src);
      else
        for (const pair of iterate(src)) {
          const kv = iterate(pair);
          if (kv.length !== 2) throw valueError(`dictionary update sequence element has length ${kv.length}; 2 is required`);
          d[dictKey(kv[0])] = kv[1];
        }
    }
    if (k) Object.assign(d, k);
    return null;
  },
  pop: (d: Record<string, unknown>, a: unknown[]) => {
    const key = dictKey(a[0]);
    if (hasKey(d, key)) {
      const v = d[key];
      delete d[key];
      return v === undefined ? null : v;
    }
    if (a.length > 1) return a[1];
    throw new PyError('KeyError', pyRepr(a[0]));
  },
  popitem: (d: Record<string, unknown>) => {
    const keys = Object.keys(d);
    const key = keys[keys.length - 1];
    if (key === undefined) throw new PyError('KeyError', "'popitem(): dictionary is empty'");
    const v = d[key];
    delete d[key];
    return makeTuple([key, v ?? null]);
  },
  setdefault: (d: Record<string, unknown>, a: unknown[]) => {
    const key = dictKey(a[0]);
    if (!hasKey(d, key)) d[key] = a.length > 1 ? a[1] : null;
    return d[key] ?? null;
  },
  copy: (d: Record<string, unknown>) => ({ ...d }),
  clear: (d: Record<string, unknown>) => {
    for (const key of Object.keys(d)) delete d[key];
    return null;
  },
});
