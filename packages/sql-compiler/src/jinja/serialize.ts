/**
 * Output formats that must match Python byte for byte: `json.dumps(sort_keys=True)` as used
 * by Jinja2's `tojson` (plus its HTML-safe escaping), and `pprint.pformat` for `pprint`.
 */
import { typeError } from './errors.js';
import { PyFloat, Undefined, floatRepr, intStr, isDict, pyRepr, seqKind, strRepr, typeName } from './values.js';

function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

function jsonNumber(x: number, isFloat: boolean): string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return isFloat || !Number.isInteger(x) ? floatRepr(x) : intStr(x);
}

function dumps(v: unknown, indent: string | null, level: number): string {
  switch (typeof v) {
    case 'string':
      return jsonString(v);
    case 'number':
      return jsonNumber(v, false);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'object': {
      if (v === null) return 'null';
      if (v instanceof PyFloat) return jsonNumber(v.value, true);
      const nl = indent === null ? '' : '\n' + indent.repeat(level + 1);
      const close = indent === null ? '' : '\n' + indent.repeat(level);
      const sep = indent === null ? ', ' : ',';
      if (Array.isArray(v)) {
        const k = seqKind(v);
        if (k !== undefined && k !== 'tuple') throw typeError(`Object of type ${k} is not JSON serializable`);
        if (!v.length) return '[]';
        return `[${nl}${v.map((x) => dumps(x, indent, level + 1)).join(sep + nl)}${close}]`;
      }
      if (isDict(v)) {
        const keys = Object.keys(v).sort();
        if (!keys.length) return '{}';
        return `{${nl}${keys.map((key) => `${jsonString(key)}: ${dumps(v[key], indent, level + 1)}`).join(sep + nl)}${close}}`;
      }
      if (v instanceof Undefined) throw typeError('Object of type Undefined is not JSON serializable');
      throw typeError(`Object of type ${typeName(v)} is not JSON serializable`);
    }
    default:
      throw typeError(`Object of type ${typeName(v)} is not JSON serializable`);
  }
}

/** Jinja2's `tojson`: sorted keys, then <, >, & and ' escaped for HTML safety. */
export function htmlSafeJson(v: unknown, indent: unknown): string {
  let ind: string | null = null;
  if (typeof indent === 'number') ind = ' '.repeat(indent);
  else if (typeof indent === 'string') ind = indent;
  return dumps(v, ind, 0)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/'/g, '\\u0027');
}

// ---------------------------------------------------------------------------------------------
// pprint

/** repr with dict keys sorted, as pprint's safe_repr does. */
function sortedRepr(v: unknown): string {
  if (Array.isArray(v)) {
    const body = v.map(sortedRepr).join(', ');
    const k = seqKind(v);
    if (k === 'tuple') return v.length === 1 ? `(${body},)` : `(${body})`;
    if (k !== undefined) return `${k}([${body}])`;
    return `[${body}]`;
  }
  if (isDict(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((key) => `${strRepr(key)}: ${sortedRepr(v[key])}`).join(', ')}}`;
  }
  return pyRepr(v);
}

const WIDTH = 80;

function fmt(v: unknown, indent: number, allowance: number): string {
  const rep = sortedRepr(v);
  if (rep.length <= WIDTH - indent - allowance) return rep;
  if (isDict(v)) {
    const keys = Object.keys(v).sort();
    if (!keys.length) return rep;
    const inner = indent + 1;
    let out = '{';
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const krep = strRepr(key);
      out += `${krep}: ${fmt(v[key], inner + krep.length + 2, last ? allowance + 1 : 1)}`;
      if (!last) out += `,\n${' '.repeat(inner)}`;
    });
    return out + '}';
  }
  if (Array.isArray(v) && (seqKind(v) === undefined || seqKind(v) === 'tuple')) {
    const tuple = seqKind(v) === 'tuple';
    const open = tuple ? '(' : '[';
    const closeS = tuple ? (v.length === 1 ? ',)' : ')') : ']';
    const inner = indent + 1;
    const parts = v.map((x, i) => fmt(x, inner, i === v.length - 1 ? allowance + 1 : 1));
    return open + parts.join(`,\n${' '.repeat(inner)}`) + closeS;
  }
  return rep;
}

/** Python's pprint.pformat(v) (width 80, sorted dicts; long strings are not wrapped). */
export function pformat(v: unknown): string {
  return fmt(v, 0, 0);
}
