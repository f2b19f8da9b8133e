/**
 * Python string formatting: `'%s' % x`, `str.format` and the format-spec mini-language, with
 * Python's float rounding (round-half-even on the exact binary value — JS's toFixed rounds
 * ties away from zero, so it cannot be used directly).
 */
import { PyError, typeError, valueError } from './errors.js';
import {
  PyFloat,
  Undefined,
  floatRepr,
  intStr,
  isDict,
  isFloat,
  isNumeric,
  isTuple,
  num,
  pyRepr,
  pyStr,
  typeName,
} from './values.js';

// ---------------------------------------------------------------------------------------------
// exact decimal rounding

/** `ax` (finite, > 0) as an exact decimal: value = digits × 10^-scale. */
function exactDecimal(ax: number): { digits: string; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, ax);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (expBits === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = expBits - 1075;
  }
  if (e2 >= 0) return { digits: (mant << BigInt(e2)).toString(), scale: 0 };
  return { digits: (mant * 5n ** BigInt(-e2)).toString(), scale: -e2 };
}

/** Rounds digit string `d` to its first `keep` digits, half-even. Returns the kept digits (may grow by one). */
function roundDigits(d: string, keep: number): string {
  if (keep >= d.length) return d.padEnd(keep, '0');
  if (keep < 0) return '';
  const kept = d.slice(0, keep);
  const first = d.charCodeAt(keep) - 48;
  let up = false;
  if (first > 5) up = true;
  else if (first === 5) {
    const restNonZero = /[1-9]/.test(d.slice(keep + 1));
    if (restNonZero) up = true;
    else {
      const last = keep > 0 ? d.charCodeAt(keep - 1) - 48 : 0;
      up = last % 2 === 1;
    }
  }
  if (!up) return kept;
  return (BigInt(kept || '0') + 1n).toString().padStart(keep, '0');
}

/** abs(x) with `prec` digits after the point. */
export function fixedAbs(ax: number, prec: number): string {
  let n: string;
  if (ax === 0) n = '0';
  else {
    // N = round(value × 10^prec), half-even, on the exact decimal expansion.
    const { digits, scale } = exactDecimal(ax);
    if (scale <= prec) n = digits + '0'.repeat(prec - scale);
    else {
      const drop = scale - prec;
      const d = digits.padStart(drop + 1, '0');
      n = roundDigits(d, d.length - drop);
    }
  }
  n = n.padStart(prec + 1, '0');
  const ip = n.slice(0, n.length - prec).replace(/^0+(?=\d)/, '');
  return prec > 0 ? `${ip}.${n.slice(n.length - prec)}` : ip;
}

/** abs(x) rounded to `sig` significant digits: digits and decimal exponent of the first digit. */
function sigAbs(ax: number, sig: number): { digits: string; exp: number } {
  if (ax === 0) return { digits: '0'.repeat(sig), exp: 0 };
  const { digits, scale } = exactDecimal(ax);
  let exp = digits.length - 1 - scale;
  let kept = roundDigits(digits, sig);
  if (kept.length > sig) {
    kept = kept.slice(0, sig);
    exp++;
  }
  return { digits: kept, exp };
}

function expSuffix(exp: number, upper: boolean): string {
  const a = Math.abs(exp);
  return `${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${a < 10 ? '0' : ''}${a}`;
}

function expAbs(ax: number, prec: number, upper: boolean, alt: boolean): string {
  const { digits, exp } = sigAbs(ax, prec + 1);
  const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : `${digits}${alt ? '.' : ''}`;
  return mant + expSuffix(exp, upper);
}

function generalAbs(ax: number, prec: number, upper: boolean, alt: boolean): string {
  const p = prec === 0 ? 1 : prec;
  const exp = ax === 0 ? 0 : sigAbs(ax, p).exp;
  let s: string;
  if (exp >= -4 && exp < p) s = fixedAbs(ax, p - 1 - exp);
  else s = expAbs(ax, p - 1, upper, alt);
  if (!alt) {
    const ei = s.search(/[eE]/);
    let mant = ei === -1 ? s : s.slice(0, ei);
    const tail = ei === -1 ? '' : s.slice(ei);
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    s = mant + tail;
  }
  return s;
}

function nonFinite(x: number, upper: boolean): string | null {
  if (Number.isFinite(x)) return null;
  const s = x !== x ? 'nan' : 'inf';
  return upper ? s.toUpperCase() : s;
}

/** Formats abs(x) for a float presentation type; the caller adds the sign. */
export function floatAbs(x: number, type: string, prec: number, alt: boolean): string {
  const ax = Math.abs(x);
  const upper = type === 'E' || type === 'F' || type === 'G';
  const nf = nonFinite(ax, upper);
  if (nf !== null) return nf;
  switch (type) {
    case 'f':
    case 'F': {
      const s = fixedAbs(ax, prec);
      return alt && prec === 0 ? `${s}.` : s;
    }
    case 'e':
    case 'E':
      return expAbs(ax, prec, upper, alt);
    case '%':
      return `${fixedAbs(ax * 100, prec)}%`;
    default:
      return generalAbs(ax, prec, upper, alt);
  }
}

function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

// ---------------------------------------------------------------------------------------------
// printf-style formatting

function toIntForFormat(v: unknown, conv: string): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || v instanceof PyFloat) {
    const n = num(v);
    if (conv === 'd' || conv === 'i' || conv === 'u') return Math.trunc(n);
    if (isFloat(v)) throw typeError(`%${conv} format: an integer is required, not float`);
    return n;
  }
  if (conv === 'd' || conv === 'i' || conv === 'u') throw typeError(`%${conv} format: a real number is required, not ${typeName(v)}`);
  throw typeError(`%${conv} format: an integer is required, not ${typeName(v)}`);
}

function toFloatForFormat(v: unknown): number {
  if (isNumeric(v)) return num(v);
  throw typeError(`must be real number, not ${typeName(v)}`);
}

function pad(body: string, sign: string, width: number, left: boolean, zero: boolean): string {
  const len = body.length + sign.length;
  if (len >= width) return sign + body;
  if (left) return sign + body + ' '.repeat(width - len);
  if (zero) return sign + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + sign + body;
}

const PERCENT_SPEC = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.?)/y;

/** `fmt % args` for a str left operand. */
export function percentFormat(fmt: string, args: unknown): string {
  const tuple = isTuple(args);
  const list: unknown[] = tuple ? (args as unknown[]) : [args];
  const mapping = !tuple && isDict(args) ? args : null;
  let argi = 0;
  let usedMapping = false;
  const nextArg = (): unknown => {
    if (argi >= list.length) throw typeError('not enough arguments for format string');
    return list[argi++];
  };
  let out = '';
  let i = 0;
  for (;;) {
    const p = fmt.indexOf('%', i);
    if (p === -1) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, p);
    PERCENT_SPEC.lastIndex = p;
    const m = PERCENT_SPEC.exec(fmt);
    if (!m) throw valueError('incomplete format');
    i = PERCENT_SPEC.lastIndex;
    const [, key, flags = '', widthS, precS, conv = ''] = m;
    if (conv === '%' && key === undefined && !flags && !widthS && !precS) {
      out += '%';
      continue;
    }
    if (conv === '') throw valueError('incomplete format');
    let value: unknown;
    let width = 0;
    let prec: number | null = null;
    if (widthS === '*') width = Number(num(nextArg()));
    else if (widthS) width = Number(widthS);
    if (precS === '*') prec = Number(num(nextArg()));
    else if (precS !== undefined) prec = Number(precS);
    if (key !== undefined) {
      if (!mapping) throw typeError('format requires a mapping');
      usedMapping = true;
      if (!Object.prototype.hasOwnProperty.call(mapping, key)) throw new PyError('KeyError', pyRepr(key));
      value = mapping[key];
    } else if (conv !== '%') {
      value = nextArg();
    }
    let left = flags.includes('-');
    if (width < 0) {
      left = true;
      width = -width;
    }
    const zero = flags.includes('0') && !left;
    const plus = flags.includes('+');
    const space = flags.includes(' ');
    const alt = flags.includes('#');
    const signOf = (neg: boolean): string => (neg ? '-' : plus ? '+' : space ? ' ' : '');
    switch (conv) {
      case 's':
      case 'r':
      case 'a': {
        let s = conv === 's' ? pyStr(value) : pyRepr(value);
        if (value instanceof Undefined && conv === 's') s = '';
        if (prec !== null) s = s.slice(0, prec);
        out += pad(s, '', width, left, false);
        break;
      }
      case 'd':
      case 'i':
      case 'u': {
        const n = toIntForFormat(value, conv);
        let body = intStr(Math.abs(n));
        if (prec !== null) body = body.padStart(prec, '0');
        out += pad(body, signOf(n < 0), width, left, zero);
        break;
      }
      case 'x':
      case 'X':
      case 'o': {
        const n = toIntForFormat(value, conv);
        let body = Math.abs(n).toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') body = body.toUpperCase();
        if (prec !== null) body = body.padStart(prec, '0');
        const prefix = alt ? (conv === 'o' ? '0o' : conv === 'x' ? '0x' : '0X') : '';
        out += pad(prefix + body, signOf(n < 0), width, left, zero).replace(/^([-+ ]?)(0+)(0[xXo])/, '$1$3$2');
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        const x = toFloatForFormat(value);
        const body = floatAbs(x, conv, prec ?? 6, alt);
        out += pad(body, signOf(isNegative(x) && x === x), width, left, zero && Number.isFinite(x));
        break;
      }
      case 'c': {
        let s: string;
        if (typeof value === 'string') {
          if ([...value].length !== 1) throw typeError('%c requires int or char');
          s = value;
        } else s = String.fromCodePoint(toIntForFormat(value, 'd'));
        out += pad(s, '', width, left, false);
        break;
      }
      case '%':
        out += '%';
        break;
      default:
        throw valueError(`unsupported format character '${conv}' (0x${conv.charCodeAt(0).toString(16)}) at index ${p + m[0].length - 1}`);
    }
  }
  if (!usedMapping && !mapping && argi < list.length) throw typeError('not all arguments converted during string formatting');
  return out;
}

// ---------------------------------------------------------------------------------------------
// format spec mini-language (format(), str.format)

const SPEC_RE = /^(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su;

function group(intPart: string, sep: string, every: number): string {
  let out = '';
  for (let i = intPart.length; i > 0; i -= every) {
    const chunk = intPart.slice(Math.max(0, i - every), i);
    out = out ? `${chunk}${sep}${out}` : chunk;
  }
  return out;
}

function align(body: string, sign: string, width: number, fill: string, al: string): string {
  const len = [...body].length + sign.length;
  if (len >= width) return sign + body;
  const n = width - len;
  switch (al) {
    case '<':
      return sign + body + fill.repeat(n);
    case '^': {
      const l = Math.floor(n / 2);
      return fill.repeat(l) + sign + body + fill.repeat(n - l);
    }
    case '=':
      return sign + fill.repeat(n) + body;
    default:
      return fill.repeat(n) + sign + body;
  }
}

/** Python format(value, spec). */
export function formatValue(value: unknown, spec: string): string {
  if (spec === '') return pyStr(value);
  const m = SPEC_RE.exec(spec);
  if (!m) throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName(value)}'`);
  const [, fillM, alignM, signM = '-', , altM, zeroM, widthM, groupM, precM, typeM] = m;
  const alt = altM !== undefined;
  let fill = fillM ?? ' ';
  let al = alignM;
  if (zeroM && al === undefined) {
    fill = fillM ?? '0';
    al = '=';
  }
  const width = widthM ? Number(widthM) : 0;
  const prec = precM !== undefined ? Number(precM) : null;
  const sign = (neg: boolean): string => (neg ? '-' : signM === '+' ? '+' : signM === ' ' ? ' ' : '');

  if (typeof value === 'string') {
    if (typeM !== undefined && typeM !== 's') throw valueError(`Unknown format code '${typeM}' for object of type 'str'`);
    if (al === '=') throw valueError("'=' alignment not allowed in string format specifier");
    const s = prec !== null ? [...value].slice(0, prec).join('') : value;
    return align(s, '', width, fill, al ?? '<');
  }
  if (!isNumeric(value)) {
    if (value instanceof Undefined) throw typeError('unsupported format string passed to Undefined.__format__');
    throw typeError(`unsupported format string passed to ${typeName(value)}.__format__`);
  }
  const x = num(value);
  const intLike = !isFloat(value);
  let type = typeM;
  if (intLike && (type === undefined || 'bcdoxXn'.includes(type))) {
    if (prec !== null) throw valueError('Precision not allowed in integer format specifier');
    const n = x;
    let body: string;
    switch (type) {
      case 'b':
        body = Math.abs(n).toString(2);
        break;
      case 'o':
        body = Math.abs(n).toString(8);
        break;
      case 'x':
        body = Math.abs(n).toString(16);
        break;
      case 'X':
        body = Math.abs(n).toString(16).toUpperCase();
        break;
      case 'c':
        return align(String.fromCodePoint(n), '', width, fill, al ?? '<');
      default:
        body = intStr(Math.abs(n));
    }
    if (groupM) body = group(body, groupM, type === undefined || type === 'd' || type === 'n' ? 3 : 4);
    const prefix = alt && type && 'boxX'.includes(type) ? `0${type}` : '';
    if (al === '=' && fill === '0' && groupM && width) {
      // zero padding participates in grouping in Python; approximate by padding digits
      const target = width - sign(n < 0).length - prefix.length;
      let digits = body.replace(/[,_]/g, '');
      while (group(digits, groupM, 3).length < target) digits = '0' + digits;
      body = group(digits, groupM, 3);
    }
    return align(prefix + body, sign(n < 0), width, fill, al ?? '>');
  }
  if (type === undefined || type === 'n') {
    if (prec === null) {
      const r = intLike ? intStr(Math.abs(x)) : floatRepr(Math.abs(x));
      return align(groupM ? groupNumber(r, groupM) : r, sign(isNegative(x) && x === x), width, fill, al ?? '>');
    }
    type = 'g';
    let body = floatAbs(x, type, prec, alt);
    if (!/[.eEn]|inf/.test(body)) body = body.replace(/^(\d+)$/, '$1');
    return align(groupM ? groupNumber(body, groupM) : body, sign(isNegative(x) && x === x), width, fill, al ?? '>');
  }
  if (!'eEfFgG%'.includes(type)) throw valueError(`Unknown format code '${type}' for object of type '${typeName(value)}'`);
  const body = floatAbs(x, type, prec ?? 6, alt);
  return align(groupM ? groupNumber(body, groupM) : body, sign(isNegative(x) && x === x), width, fill, al ?? '>');
}

function groupNumber(s: string, sep: string): string {
  const m = /^(\d+)(.*)$/s.exec(s);
  if (!m) return s;
  return group(m[1] ?? '', sep, 3) + (m[2] ?? '');
}

// ---------------------------------------------------------------------------------------------
// str.format

type FieldLookup = (obj: unknown, key: string | number, isAttribute: boolean) => unknown;

/**
 * `fmt.format(*args, **kwargs)`. `lookup` resolves `.attr` / `[key]` parts of field names
 * with the engine's attribute semantics.
 */
export function strFormat(fmt: string, args: unknown[], kwargs: Record<string, unknown>, lookup: FieldLookup, depth = 0): string {
  let out = '';
  let auto = 0;
  let mode: 'auto' | 'manual' | null = null;
  const n = fmt.length;
  let i = 0;
  while (i < n) {
    const c = fmt[i];
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      // find the matching close brace (nested braces allowed in the spec)
      let j = i + 1;
      let level = 1;
      while (j < n) {
        if (fmt[j] === '{') level++;
        else if (fmt[j] === '}') {
          level--;
          if (level === 0) break;
        }
        j++;
      }
      if (j >= n) throw valueError("expected '}' before end of string");
      const field = fmt.slice(i + 1, j);
      i = j + 1;
      let name = field;
      let conv: string | null = null;
      let spec = '';
      const colon = indexOutsideBrackets(field, ':');
      if (colon !== -1) {
        spec = field.slice(colon + 1);
        name = field.slice(0, colon);
      }
      const bang = indexOutsideBrackets(name, '!');
      if (bang !== -1) {
        conv = name.slice(bang + 1);
        name = name.slice(0, bang);
        if (conv !== 'r' && conv !== 's' && conv !== 'a') throw valueError('Unknown conversion specifier ' + conv);
      }
      const m = /^([^.[]*)(.*)$/s.exec(name);
      const first = m?.[1] ?? '';
      let rest = m?.[2] ?? '';
      let value: unknown;
      if (first === '') {
        if (mode === 'manual') throw valueError('cannot switch from manual field specification to automatic field numbering');
        mode = 'auto';
        const idx = auto++;
        if (idx >= args.length) throw new PyError('IndexError', `Replacement index ${idx} out of range for positional args tuple`);
        value = args[idx];
      } else if (/^\d+$/.test(first)) {
        if (mode === 'auto') throw valueError('cannot switch from automatic field numbering to manual field specification');
        mode = 'manual';
        const idx = Number(first);
        if (idx >= args.length) throw new PyError('IndexError', `Replacement index ${idx} out of range for positional args tuple`);
        value = args[idx];
      } else {
        if (!Object.prototype.hasOwnProperty.call(kwargs, first)) throw new PyError('KeyError', pyRepr(first));
        value = kwargs[first];
      }
      while (rest) {
        const a = /^\.([^.[]+)/.exec(rest);
        if (a) {
          value = lookup(value, a[1] ?? '', true);
          rest = rest.slice(a[0].length);
          continue;
        }
        const b = /^\[([^\]]+)\]/.exec(rest);
        if (b) {
          const key = b[1] ?? '';
          value = lookup(value, /^\d+$/.test(key) ? Number(key) : key, false);
          rest = rest.slice(b[0].length);
          continue;
        }
        throw valueError('Only \'.\' or \'[\' may follow \']\' in format field specifier');
      }
      if (conv === 'r' || conv === 'a') value = pyRepr(value);
      else if (conv === 's') value = pyStr(value);
      if (spec.includes('{') && depth < 2) spec = strFormat(spec, args.slice(auto), kwargs, lookup, depth + 1);
      out += formatValue(value, spec);
      continue;
    }
    if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw valueError("Single '}' encountered in format string");
    }
    const next = fmt.slice(i).search(/[{}]/);
    const end = next === -1 ? n : i + next;
    out += fmt.slice(i, end);
    i = end;
  }
  return out;
}

function indexOutsideBrackets(s: string, ch: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ch && depth === 0) return i;
  }
  return -1;
}
