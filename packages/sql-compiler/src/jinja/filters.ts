/**
 * Jinja2's builtin filters (plus dbt's as_* filters), with Jinja2 3.1 argument names and
 * defaults. Filters that return generators in Jinja2 (map, select, batch, reverse...) return
 * lists here: the items are the same, only `{{ x|map(...) }}` without `|list` renders
 * differently (Jinja2 prints "<generator object ...>").
 */
import { getattr, getitem } from './access.js';
import { PyError, typeError } from './errors.js';
import { fixedAbs, percentFormat } from './format.js';
import { DICT_METHODS, pyCapitalize, pyCenter, pyReplace, pySplitlines, pyStrip } from './methods.js';
import { add } from './ops.js';
import type { FilterImpl, KwargsMap, RenderState } from './runtime.js';
import { htmlSafeJson, pformat } from './serialize.js';
import {
  PyFloat,
  Undefined,
  isDict,
  isFloat,
  isNumeric,
  iterate,
  makeFloat,
  makeTuple,
  num,
  pyCompare,
  pyEq,
  pyLen,
  pyRepr,
  pyStr,
  strChars,
  strLen,
  truthy,
  typeName,
  undefinedError,
} from './values.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** Argument `i` (positional) or `name` (keyword) of a filter call. */
function p(args: unknown[], kw: KwargsMap | null, i: number, name: string, def: unknown): unknown {
  if (i < args.length) return args[i];
  if (kw !== null && hasOwn.call(kw, name)) return kw[name];
  return def;
}

const REQUIRED: unique symbol = Symbol('required');

/** A required filter argument; missing ones raise Python's TypeError for `do_<filter>()`. */
function req(args: unknown[], kw: KwargsMap | null, i: number, name: string, filter: string): unknown {
  const v = p(args, kw, i, name, REQUIRED);
  if (v === REQUIRED) throw typeError(`do_${filter}() missing 1 required positional argument: '${name}'`);
  return v;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : pyStr(v);
}

function intArg(v: unknown, name: string): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Undefined) throw undefinedError(v);
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer (${name})`);
}

function ignoreCase(v: unknown): unknown {
  return typeof v === 'string' ? v.toLowerCase() : v;
}

/** Jinja2's attribute path: "a.b.0" → ['a', 'b', 0]. */
function attributeParts(attr: unknown): unknown[] {
  if (attr === null || attr === undefined) return [];
  if (typeof attr === 'string') return attr.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  return [attr];
}

type Getter = (item: unknown) => unknown;

function makeAttrGetter(rt: RenderState, attribute: unknown, postprocess: ((v: unknown) => unknown) | null, def: unknown = null): Getter {
  const parts = attributeParts(attribute);
  return (item) => {
    let v = item;
    for (const part of parts) {
      v = getitem(v, part, rt.chainable);
      if (def !== null && def !== undefined && v instanceof Undefined) v = def;
    }
    return postprocess ? postprocess(v) : v;
  };
}

function makeMultiAttrGetter(rt: RenderState, attribute: unknown, postprocess: ((v: unknown) => unknown) | null): Getter {
  const groups = typeof attribute === 'string' ? attribute.split(',').map(attributeParts) : [attributeParts(attribute)];
  return (item) =>
    groups.map((parts) => {
      let v = item;
      for (const part of parts) v = getitem(v, part, rt.chainable);
      return postprocess ? postprocess(v) : v;
    });
}

function callFilter(rt: RenderState, name: string, value: unknown, args: unknown[], kw: KwargsMap | null): unknown {
  const f = rt.env.getFilter(name);
  if (!f) throw new PyError('TemplateRuntimeError', `No filter named '${name}' found.`);
  return f(rt, value, args, kw);
}

function callTest(rt: RenderState, name: string, value: unknown, args: unknown[], kw: KwargsMap | null): boolean {
  const t = rt.env.getTest(name);
  if (!t) throw new PyError('TemplateRuntimeError', `No test named '${name}' found.`);
  return t(rt, value, args, kw);
}

function selectOrReject(rt: RenderState, value: unknown, args: unknown[], kw: KwargsMap | null, lookupAttr: boolean, keep: boolean): unknown[] {
  let trans: Getter = (x) => x;
  let off = 0;
  if (lookupAttr) {
    if (!args.length) throw new PyError('FilterArgumentError', 'Missing parameter for attribute name');
    trans = makeAttrGetter(rt, args[0], null);
    off = 1;
  }
  const testName = args[off];
  const testArgs = args.slice(off + 1);
  const pred: (x: unknown) => boolean =
    testName === undefined ? truthy : (x) => callTest(rt, str(testName), x, testArgs, kw);
  return iterate(value).filter((item) => pred(trans(item)) === keep);
}

function minOrMax(rt: RenderState, value: unknown, args: unknown[], kw: KwargsMap | null, wantMax: boolean): unknown {
  const items = iterate(value);
  if (!items.length) return new Undefined(undefined, undefined, 'No aggregated item, sequence was empty.');
  const caseSensitive = truthy(p(args, kw, 0, 'case_sensitive', false));
  const key = makeAttrGetter(rt, p(args, kw, 1, 'attribute', null), caseSensitive ? null : ignoreCase);
  let best = items[0];
  let bestKey = key(best);
  for (let i = 1; i < items.length; i++) {
    const k = key(items[i]);
    const c = pyCompare(k, bestKey, wantMax ? '>' : '<');
    if (wantMax ? c > 0 : c < 0) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

function toInt(v: unknown, def: unknown, base: number): unknown {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v;
    if (v !== v) return def;
    if (!Number.isFinite(v)) throw new PyError('OverflowError', 'cannot convert float infinity to integer');
    return Math.trunc(v);
  }
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const parsed = parsePyInt(v, base);
    if (parsed !== null) return parsed;
    const f = parsePyFloat(v);
    if (f === null || f !== f) return def;
    if (!Number.isFinite(f)) throw new PyError('OverflowError', 'cannot convert float infinity to integer');
    return Math.trunc(f);
  }
  return def;
}

/** Python int(str, base); null when Python would raise ValueError. */
function parsePyInt(s: string, base: number): number | null {
  let t = s.trim().replace(/^([+-]?)/, '');
  const neg = s.trim().startsWith('-');
  const prefixes: Record<number, RegExp> = { 16: /^0[xX]_?/, 8: /^0[oO]_?/, 2: /^0[bB]_?/ };
  let b = base;
  if (b === 0) {
    if (/^0[xX]/.test(t)) b = 16;
    else if (/^0[oO]/.test(t)) b = 8;
    else if (/^0[bB]/.test(t)) b = 2;
    else b = 10;
  }
  const pre = prefixes[b];
  if (pre) t = t.replace(pre, '');
  if (!/^[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*$/.test(t)) return null;
  t = t.replace(/_/g, '');
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b);
  let n = 0;
  for (const ch of t.toLowerCase()) {
    const d = digits.indexOf(ch);
    if (d === -1) return null;
    n = n * b + d;
  }
  return neg ? -n : n;
}

/** Python float(str); null when Python would raise ValueError. */
export function parsePyFloat(s: string): number | null {
  const t = s.trim();
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(t)) return NaN;
  if (!/^[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?$/.test(t)) return null;
  return Number(t.replace(/_/g, ''));
}

function toFloat(v: unknown, def: unknown): unknown {
  if (typeof v === 'number') return makeFloat(v);
  if (v instanceof PyFloat) return v;
  if (typeof v === 'boolean') return new PyFloat(v ? 1 : 0);
  if (typeof v === 'string') {
    const f = parsePyFloat(v);
    return f === null ? def : makeFloat(f);
  }
  return def;
}

/** Python round(x, n) for floats: correctly rounded, ties to even. */
function roundFloat(x: number, n: number): number {
  if (!Number.isFinite(x)) return x;
  if (n >= 0) {
    const s = fixedAbs(Math.abs(x), Math.min(n, 100));
    const r = Number(s);
    return x < 0 || Object.is(x, -0) ? -r : r;
  }
  const f = 10 ** -n;
  const y = x / f;
  let r = Math.round(y);
  if (Math.abs(y % 1) === 0.5 && r % 2 !== 0) r -= 1;
  return r * f;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'", '#34': '"' };

function unescapeHtml(s: string): string {
  return s.replace(/&(#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&#34;' : '&#39;'));
}

function urlQuote(v: unknown, forQs: boolean): string {
  const s = str(v);
  let out = encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  if (!forQs) out = out.replace(/%2F/g, '/');
  else out = out.replace(/%20/g, '+');
  return out;
}

function reverseValue(v: unknown): unknown {
  if (typeof v === 'string') return strChars(v).reverse().join('');
  return iterate(v).slice().reverse();
}

const TITLE_SPLIT = /([-\s({[<]+)/u;

export const BUILTIN_FILTERS: Record<string, FilterImpl> = Object.assign(Object.create(null) as object, {
  abs: (_rt: RenderState, v: unknown) => {
    if (typeof v === 'number') return Math.abs(v);
    if (v instanceof PyFloat) return new PyFloat(Math.abs(v.value));
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof Undefined) throw undefinedError(v);
    throw typeError(`bad operand type for abs(): '${typeName(v)}'`);
  },
  attr: (rt: RenderState, obj: unknown, a: unknown[], k: KwargsMap | null) => {
    const name = str(req(a, k, 0, 'name', 'attr'));
    if (isDict(obj)) {
      const m = DICT_METHODS[name];
      return m ? getattr(obj, name, rt.chainable) : new Undefined(name, obj);
    }
    return getattr(obj, name, rt.chainable);
  },
  batch: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const n = intArg(req(a, k, 0, 'linecount', 'batch'), 'linecount');
    const fill = p(a, k, 1, 'fill_with', null);
    const out: unknown[][] = [];
    let tmp: unknown[] = [];
    for (const item of iterate(v)) {
      if (tmp.length === n) {
        out.push(tmp);
        tmp = [];
      }
      tmp.push(item);
    }
    if (tmp.length) {
      if (fill !== null && tmp.length < n) while (tmp.length < n) tmp.push(fill);
      out.push(tmp);
    }
    return out;
  },
  capitalize: (_rt: RenderState, v: unknown) => pyCapitalize(str(v)),
  center: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => pyCenter(str(v), intArg(p(a, k, 0, 'width', 80), 'width')),
  count: (_rt: RenderState, v: unknown) => pyLen(v),
  default: defaultFilter,
  d: defaultFilter,
  dictsort: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const caseSensitive = truthy(p(a, k, 0, 'case_sensitive', false));
    const by = p(a, k, 1, 'by', 'key');
    const reverse = truthy(p(a, k, 2, 'reverse', false));
    if (by !== 'key' && by !== 'value') throw new PyError('FilterArgumentError', 'You can only sort by either "key" or "value"');
    if (!isDict(v)) throw typeError(`'${typeName(v)}' object has no attribute 'items'`);
    const items = Object.keys(v).map((key) => makeTuple([key, v[key] ?? null]));
    const pos = by === 'key' ? 0 : 1;
    const keys = items.map((it) => (caseSensitive ? it[pos] : ignoreCase(it[pos])));
    const idx = items.map((_, i) => i);
    idx.sort((i, j) => {
      const c = pyCompare(keys[i], keys[j], '<');
      return reverse ? -c : c;
    });
    return idx.map((i) => items[i]);
  },
  escape: (_rt: RenderState, v: unknown) => escapeHtml(str(v)),
  e: (_rt: RenderState, v: unknown) => escapeHtml(str(v)),
  forceescape: (_rt: RenderState, v: unknown) => escapeHtml(str(v)),
  first: (_rt: RenderState, v: unknown) => {
    const items = iterate(v);
    return items.length ? items[0] : new Undefined(undefined, undefined, 'No first item, sequence was empty.');
  },
  float: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => toFloat(v, p(a, k, 0, 'default', new PyFloat(0))),
  format: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    if (a.length && k) throw new PyError('FilterArgumentError', "can't handle positional and keyword arguments at the same time");
    return percentFormat(str(v), k ?? makeTuple(a.slice()));
  },
  groupby: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const attribute = req(a, k, 0, 'attribute', 'groupby');
    const def = p(a, k, 1, 'default', null);
    const caseSensitive = truthy(p(a, k, 2, 'case_sensitive', false));
    const keyOf = makeAttrGetter(rt, attribute, caseSensitive ? null : ignoreCase, def);
    const items = iterate(v);
    const order = items.map((it, i) => ({ it, key: keyOf(it), i }));
    order.sort((x, y) => pyCompare(x.key, y.key, '<') || x.i - y.i);
    const groups: { key: unknown; list: unknown[] }[] = [];
    for (const o of order) {
      const last = groups[groups.length - 1];
      if (last && pyEq(last.key, o.key)) last.list.push(o.it);
      else groups.push({ key: o.key, list: [o.it] });
    }
    const outKey = caseSensitive ? null : makeAttrGetter(rt, attribute, null, def);
    return groups.map((g) => {
      const grouper = outKey ? outKey(g.list[0]) : g.key;
      const t = makeTuple([grouper, g.list]) as unknown[] & { grouper?: unknown; list?: unknown };
      t.grouper = grouper;
      t.list = g.list;
      return t;
    });
  },
  indent: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const width = p(a, k, 0, 'width', 4);
    const first = truthy(p(a, k, 1, 'first', false));
    const blank = truthy(p(a, k, 2, 'blank', false));
    const ind = typeof width === 'string' ? width : ' '.repeat(intArg(width, 'width'));
    const s = str(v) + '\n';
    let rv: string;
    if (blank) rv = pySplitlines(s, false).join('\n' + ind);
    else {
      const lines = pySplitlines(s, false);
      rv = lines.shift() ?? '';
      if (lines.length) rv += '\n' + lines.map((l) => (l ? ind + l : l)).join('\n');
    }
    return first ? ind + rv : rv;
  },
  int: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) =>
    toInt(v, p(a, k, 0, 'default', 0), intArg(p(a, k, 1, 'base', 10), 'base')),
  items: (_rt: RenderState, v: unknown) => {
    if (v instanceof Undefined) return [];
    if (!isDict(v)) throw typeError('Can only get item pairs from a mapping.');
    return Object.keys(v).map((key) => makeTuple([key, v[key] ?? null]));
  },
  join: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const d = str(p(a, k, 0, 'd', ''));
    const attribute = p(a, k, 1, 'attribute', null);
    let items = iterate(v);
    if (attribute !== null) items = items.map(makeAttrGetter(rt, attribute, null));
    let out = '';
    for (let i = 0; i < items.length; i++) out += (i ? d : '') + str(items[i]);
    return out;
  },
  last: (_rt: RenderState, v: unknown) => {
    const items = iterate(v);
    return items.length ? items[items.length - 1] : new Undefined(undefined, undefined, 'No last item, sequence was empty.');
  },
  length: (_rt: RenderState, v: unknown) => pyLen(v),
  list: (_rt: RenderState, v: unknown) => iterate(v).slice(),
  lower: (_rt: RenderState, v: unknown) => str(v).toLowerCase(),
  upper: (_rt: RenderState, v: unknown) => str(v).toUpperCase(),
  map: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const items = iterate(v);
    if (!a.length && k && hasOwn.call(k, 'attribute')) {
      const { attribute, default: def, ...rest } = k;
      const extra = Object.keys(rest)[0];
      if (extra !== undefined) throw new PyError('FilterArgumentError', `Unexpected keyword argument ${pyRepr(extra)}`);
      return items.map(makeAttrGetter(rt, attribute, null, def ?? null));
    }
    if (!a.length) throw new PyError('FilterArgumentError', 'map requires a filter argument');
    const name = str(a[0]);
    const rest = a.slice(1);
    return items.map((x) => callFilter(rt, name, x, rest, k));
  },
  max: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => minOrMax(rt, v, a, k, true),
  min: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => minOrMax(rt, v, a, k, false),
  pprint: (_rt: RenderState, v: unknown) => pformat(v),
  random: (_rt: RenderState, v: unknown) => {
    const items = iterate(v);
    if (!items.length) return new Undefined(undefined, undefined, 'No random item, sequence was empty.');
    return items[Math.floor(Math.random() * items.length)];
  },
  reject: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => selectOrReject(rt, v, a, k, false, false),
  rejectattr: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => selectOrReject(rt, v, a, k, true, false),
  select: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => selectOrReject(rt, v, a, k, false, true),
  selectattr: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => selectOrReject(rt, v, a, k, true, true),
  replace: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const count = p(a, k, 2, 'count', null);
    return pyReplace(str(v), str(req(a, k, 0, 'old', 'replace')), str(req(a, k, 1, 'new', 'replace')), count === null ? -1 : intArg(count, 'count'));
  },
  reverse: (_rt: RenderState, v: unknown) => reverseValue(v),
  round: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const precision = intArg(p(a, k, 0, 'precision', 0), 'precision');
    const method = p(a, k, 1, 'method', 'common');
    if (method !== 'common' && method !== 'ceil' && method !== 'floor') {
      throw new PyError('FilterArgumentError', 'method must be common, ceil or floor');
    }
    if (!isNumeric(v)) {
      if (v instanceof Undefined) throw undefinedError(v);
      throw typeError(`type ${typeName(v)} doesn't define __round__ method`);
    }
    const x = num(v);
    if (method === 'common') {
      if (!isFloat(v)) return precision >= 0 ? x : roundFloat(x, precision);
      return makeFloat(roundFloat(x, precision));
    }
    const f = 10 ** precision;
    return makeFloat((method === 'ceil' ? Math.ceil(x * f) : Math.floor(x * f)) / f);
  },
  safe: (_rt: RenderState, v: unknown) => str(v),
  slice: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const seq = iterate(v);
    const slices = intArg(req(a, k, 0, 'slices', 'slice'), 'slices');
    const fill = p(a, k, 1, 'fill_with', null);
    const per = Math.floor(seq.length / slices);
    const withExtra = seq.length % slices;
    let offset = 0;
    const out: unknown[][] = [];
    for (let i = 0; i < slices; i++) {
      const start = offset + i * per;
      if (i < withExtra) offset++;
      const end = offset + (i + 1) * per;
      const tmp = seq.slice(start, end);
      if (fill !== null && i >= withExtra) tmp.push(fill);
      out.push(tmp);
    }
    return out;
  },
  sort: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const reverse = truthy(p(a, k, 0, 'reverse', false));
    const caseSensitive = truthy(p(a, k, 1, 'case_sensitive', false));
    const attribute = p(a, k, 2, 'attribute', null);
    const key = makeMultiAttrGetter(rt, attribute, caseSensitive ? null : ignoreCase);
    const items = iterate(v).slice();
    const keys = items.map(key);
    const idx = items.map((_, i) => i);
    idx.sort((i, j) => {
      const c = pyCompare(keys[i], keys[j], '<');
      return reverse ? -c : c;
    });
    return idx.map((i) => items[i]);
  },
  string: (_rt: RenderState, v: unknown) => str(v),
  striptags: (_rt: RenderState, v: unknown) => {
    let s = str(v);
    s = s.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '');
    return unescapeHtml(s.split(/\s+/).filter(Boolean).join(' '));
  },
  sum: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const attribute = p(a, k, 0, 'attribute', null);
    let total = p(a, k, 1, 'start', 0);
    let items = iterate(v);
    if (attribute !== null) items = items.map(makeAttrGetter(rt, attribute, null));
    for (const x of items) total = add(total, x);
    return total;
  },
  title: (_rt: RenderState, v: unknown) =>
    str(v)
      .split(TITLE_SPLIT)
      .filter(Boolean)
      .map((item) => {
        const first = String.fromCodePoint(item.codePointAt(0) ?? 0);
        return first.toUpperCase() + item.slice(first.length).toLowerCase();
      })
      .join(''),
  tojson: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => htmlSafeJson(v, p(a, k, 0, 'indent', null)),
  trim: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => pyStrip(str(v), p(a, k, 0, 'chars', null), true, true),
  truncate: (_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const s = str(v);
    const length = intArg(p(a, k, 0, 'length', 255), 'length');
    const killwords = truthy(p(a, k, 1, 'killwords', false));
    const end = str(p(a, k, 2, 'end', '...'));
    const leewayV = p(a, k, 3, 'leeway', null);
    const leeway = leewayV === null ? 5 : intArg(leewayV, 'leeway');
    const endLen = strLen(end);
    if (length < endLen) throw new PyError('AssertionError', `expected length >= ${endLen}, got ${length}`);
    if (leeway < 0) throw new PyError('AssertionError', `expected leeway >= 0, got ${leeway}`);
    const chars = strChars(s);
    if (chars.length <= length + leeway) return s;
    const head = chars.slice(0, length - endLen).join('');
    if (killwords) return head + end;
    const sp = head.lastIndexOf(' ');
    return (sp === -1 ? head : head.slice(0, sp)) + end;
  },
  unique: (rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null) => {
    const caseSensitive = truthy(p(a, k, 0, 'case_sensitive', false));
    const key = makeAttrGetter(rt, p(a, k, 1, 'attribute', null), caseSensitive ? null : ignoreCase);
    const seen: unknown[] = [];
    const out: unknown[] = [];
    for (const item of iterate(v)) {
      const kv = key(item);
      if (!seen.some((s) => pyEq(s, kv))) {
        seen.push(kv);
        out.push(item);
      }
    }
    return out;
  },
  urlencode: (_rt: RenderState, v: unknown) => {
    if (typeof v === 'string' || !(Array.isArray(v) || isDict(v))) return urlQuote(v, false);
    const pairs = isDict(v) ? Object.keys(v).map((key) => [key, v[key]]) : v.map((x) => iterate(x));
    return pairs.map((kv) => `${urlQuote(kv[0], true)}=${urlQuote(kv[1], true)}`).join('&');
  },
  wordcount: (_rt: RenderState, v: unknown) => (str(v).match(/[\p{L}\p{N}\p{Mn}\p{Mc}_]+/gu) ?? []).length,
  // dbt's "native" markers are str subclasses: in string rendering they are the str() of the value.
  as_bool: (_rt: RenderState, v: unknown) => str(v),
  as_number: (_rt: RenderState, v: unknown) => str(v),
  as_native: (_rt: RenderState, v: unknown) => str(v),
  as_text: (_rt: RenderState, v: unknown) => str(v),
});

function defaultFilter(_rt: RenderState, v: unknown, a: unknown[], k: KwargsMap | null): unknown {
  const def = p(a, k, 0, 'default_value', '');
  if (v instanceof Undefined) return def;
  if (truthy(p(a, k, 1, 'boolean', false)) && !truthy(v)) return def;
  return v;
}
