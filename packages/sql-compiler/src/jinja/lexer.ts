/**
 * Tokenizer with Jinja2 3.1 default delimiters and whitespace rules (no trim_blocks, no
 * lstrip_blocks, keep_trailing_newline=False).
 *
 * Hand-written scanning (indexOf for tag starts, char codes inside tags) instead of one big
 * regex keeps lexing of thousands of small files cheap.
 */
import { JinjaSyntaxError } from './errors.js';

export type TokenType =
  | 'data'
  | 'block_begin'
  | 'block_end'
  | 'variable_begin'
  | 'variable_end'
  | 'name'
  | 'string'
  | 'integer'
  | 'float'
  | 'op'
  | 'eof';

export interface Token {
  type: TokenType;
  /** Decoded string for 'string', the operator for 'op', the text for 'data', the source otherwise. */
  value: string;
  /** Numeric value of 'integer'/'float' tokens. */
  num: number;
  line: number;
  col: number;
  /** Offset in the normalized source. */
  pos: number;
  /** End offset in the normalized source (exclusive). */
  end: number;
}

/** Python's str.splitlines() separators: Jinja2 rewrites all of them to '\n'. */
const LINE_SEPS = /\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
const HAS_LINE_SEPS = /[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** Newline normalization and trailing-newline removal, as Jinja2's lexer does. */
export function normalizeSource(source: string): string {
  let s = HAS_LINE_SEPS.test(source) ? source.replace(LINE_SEPS, '\n') : source;
  if (s.endsWith('\n')) s = s.slice(0, -1);
  return s;
}

const OPERATORS2 = new Set(['//', '**', '==', '!=', '>=', '<=']);
const OPERATORS1 = new Set(['+', '-', '/', '*', '%', '~', '[', ']', '(', ')', '{', '}', '>', '<', '=', '.', ':', '|', ',', ';']);

const FLOAT_RE = /(?:\d+_)*\d+(?:(?:\.(?:\d+_)*\d+)?[eE][+-]?(?:\d+_)*\d+|\.(?:\d+_)*\d+)/y;
const INT_RE = /0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0[xX](?:_?[\da-fA-F])+|[1-9](?:_?\d)*|0(?:_?0)*/y;
const UNICODE_NAME_RE = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const RAW_BEGIN_RE = /\{%[-+]?\s*raw\s*(?:-%\}\s*|%\})/y;
const RAW_END_RE = /\{%([-+]?)\s*endraw\s*(?:\+%\}|-%\}\s*|%\})/g;
const DOCS_END_RE = /\{%([-+]?)\s*enddocs\s*(?:\+?%\}|-%\})/g;
const TRAILING_WS = /\s+$/;
const LEADING_WS = /\s+/y;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 11 || c === 12;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  readonly tokens: Token[] = [];

  constructor(
    private readonly src: string,
    private readonly name: string,
  ) {}

  private fail(message: string, pos: number): never {
    this.advanceLines(pos);
    throw new JinjaSyntaxError(message, this.name, this.line, pos - this.lineStart + 1);
  }

  /** Moves the line counter forward to `to` (which must be >= the last position counted). */
  private countedTo = 0;
  private advanceLines(to: number): void {
    const src = this.src;
    let i = src.indexOf('\n', this.countedTo);
    while (i !== -1 && i < to) {
      this.line++;
      this.lineStart = i + 1;
      i = src.indexOf('\n', i + 1);
    }
    if (to > this.countedTo) this.countedTo = to;
  }

  private push(type: TokenType, value: string, pos: number, end: number, num = 0): void {
    this.advanceLines(pos);
    this.tokens.push({ type, value, num, line: this.line, col: pos - this.lineStart + 1, pos, end });
  }

  private pushData(text: string, pos: number): void {
    if (text.length > 0) this.push('data', text, pos, pos + text.length);
  }

  run(): Token[] {
    const src = this.src;
    const n = src.length;
    while (this.pos < n) {
      const start = this.pos;
      let i = start;
      let tag = -1;
      while (true) {
        i = src.indexOf('{', i);
        if (i === -1 || i + 1 >= n) break;
        const c = src.charCodeAt(i + 1);
        if (c === 123 /* { */ || c === 37 /* % */ || c === 35 /* # */) {
          tag = i;
          break;
        }
        i++;
      }
      if (tag === -1) {
        this.pushData(src.slice(start), start);
        this.pos = n;
        break;
      }
      const kind = src.charCodeAt(tag + 1);
      const mod = src.charCodeAt(tag + 2);
      const strip = mod === 45; /* - */
      let text = src.slice(start, tag);
      if (strip) text = text.replace(TRAILING_WS, '');
      this.pushData(text, start);
      const after = tag + 2 + (strip || mod === 43 /* + */ ? 1 : 0);
      if (kind === 35) {
        this.comment(tag, after);
      } else if (kind === 37) {
        RAW_BEGIN_RE.lastIndex = tag;
        if (RAW_BEGIN_RE.test(src)) this.raw(tag, RAW_BEGIN_RE.lastIndex);
        else this.tag(tag, after, 'block');
      } else {
        this.tag(tag, after, 'variable');
      }
    }
    this.advanceLines(n);
    this.tokens.push({ type: 'eof', value: '', num: 0, line: this.line, col: n - this.lineStart + 1, pos: n, end: n });
    return this.tokens;
  }

  private comment(open: number, from: number): void {
    const src = this.src;
    const close = src.indexOf('#}', from);
    if (close === -1) this.fail('Missing end of comment tag', open);
    let end = close + 2;
    if (src.charCodeAt(close - 1) === 45 /* - */ && close - 1 >= from) end = skipWs(src, end);
    this.pos = end;
  }

  private raw(open: number, contentStart: number): void {
    const src = this.src;
    RAW_END_RE.lastIndex = contentStart;
    const m = RAW_END_RE.exec(src);
    if (!m) this.fail('Missing end of raw directive', open);
    let text = src.slice(contentStart, m.index);
    if (m[1] === '-') text = text.replace(TRAILING_WS, '');
    this.pushData(text, contentStart);
    this.pos = RAW_END_RE.lastIndex;
  }

  /** Lexes the inside of `{% %}` / `{{ }}` starting at `from`. */
  private tag(open: number, from: number, kind: 'block' | 'variable'): void {
    const src = this.src;
    const n = src.length;
    const firstToken = this.tokens.length + 1;
    this.push(kind === 'block' ? 'block_begin' : 'variable_begin', src.slice(open, from), open, from);
    const closeChar = kind === 'block' ? 37 /* % */ : 125; /* } */
    const balance: string[] = [];
    let pos = from;
    for (;;) {
      while (pos < n && isWs(src.charCodeAt(pos))) pos++;
      if (pos >= n) {
        this.pos = n;
        return;
      }
      const c = src.charCodeAt(pos);
      if (balance.length === 0) {
        // end delimiter: `%}`, `-%}`, `+%}` (block) or `}}`, `-}}` (variable)
        let endLen = 0;
        let stripAfter = false;
        if (c === closeChar && src.charCodeAt(pos + 1) === 125) endLen = 2;
        else if (c === 45 && src.charCodeAt(pos + 1) === closeChar && src.charCodeAt(pos + 2) === 125) {
          endLen = 3;
          stripAfter = true;
        } else if (kind === 'block' && c === 43 && src.charCodeAt(pos + 1) === 37 && src.charCodeAt(pos + 2) === 125) {
          endLen = 3;
        }
        if (endLen) {
          let end = pos + endLen;
          this.push(kind === 'block' ? 'block_end' : 'variable_end', src.slice(pos, end), pos, end);
          if (stripAfter) end = skipWs(src, end);
          this.pos = end;
          if (kind === 'block') this.afterBlock(firstToken);
          return;
        }
      }
      if (isNameStart(c)) {
        let j = pos + 1;
        while (j < n && isNameChar(src.charCodeAt(j))) j++;
        if (j < n && src.charCodeAt(j) > 127) {
          UNICODE_NAME_RE.lastIndex = pos;
          if (UNICODE_NAME_RE.test(src)) j = UNICODE_NAME_RE.lastIndex;
        }
        this.push('name', src.slice(pos, j), pos, j);
        pos = j;
        continue;
      }
      if (c >= 48 && c <= 57) {
        pos = this.number(pos);
        continue;
      }
      if (c === 39 || c === 34) {
        pos = this.string(pos, c);
        continue;
      }
      if (c > 127) {
        UNICODE_NAME_RE.lastIndex = pos;
        if (UNICODE_NAME_RE.test(src)) {
          const j = UNICODE_NAME_RE.lastIndex;
          this.push('name', src.slice(pos, j), pos, j);
          pos = j;
          continue;
        }
      }
      const two = src.slice(pos, pos + 2);
      let op: string;
      if (OPERATORS2.has(two)) op = two;
      else {
        op = src[pos] ?? '';
        if (!OPERATORS1.has(op)) this.fail(`unexpected char ${pyCharRepr(op)} at ${pos}`, pos);
      }
      if (op === '(') balance.push(')');
      else if (op === '[') balance.push(']');
      else if (op === '{') balance.push('}');
      else if (op === ')' || op === ']' || op === '}') {
        const expected = balance.pop();
        if (expected === undefined) this.fail(`unexpected '${op}'`, pos);
        if (expected !== op) this.fail(`unexpected '${op}', expected '${expected}'`, pos);
      }
      this.push('op', op, pos, pos + op.length);
      pos += op.length;
    }
  }

  /**
   * dbt's `{% docs %}` content is taken verbatim (dbt extracts it with a block scanner, never
   * lexing it as Jinja), so after the opening tag we scan straight to `{% enddocs %}`.
   */
  private afterBlock(firstToken: number): void {
    const t = this.tokens[firstToken];
    if (!t || t.type !== 'name' || t.value !== 'docs') return;
    const src = this.src;
    DOCS_END_RE.lastIndex = this.pos;
    const m = DOCS_END_RE.exec(src);
    const endAt = m ? m.index : src.length;
    let text = src.slice(this.pos, endAt);
    if (m && m[1] === '-') text = text.replace(TRAILING_WS, '');
    this.pushData(text, this.pos);
    // The main loop lexes `{% enddocs %}` next (its `-` finds no text left to strip).
    this.pos = endAt;
  }

  private number(pos: number): number {
    const src = this.src;
    if (pos === 0 || src.charCodeAt(pos - 1) !== 46 /* . */) {
      FLOAT_RE.lastIndex = pos;
      const m = FLOAT_RE.exec(src);
      if (m) {
        const text = m[0];
        this.push('float', text, pos, pos + text.length, Number(text.replace(/_/g, '')));
        return pos + text.length;
      }
    }
    INT_RE.lastIndex = pos;
    const m = INT_RE.exec(src);
    const text = m ? m[0] : (src[pos] ?? '');
    const clean = text.replace(/_/g, '');
    const value = /^0+$/.test(clean) ? 0 : Number(clean);
    this.push('integer', text, pos, pos + text.length, value);
    return pos + text.length;
  }

  private string(pos: number, quote: number): number {
    const src = this.src;
    const n = src.length;
    let j = pos + 1;
    let escapes = false;
    while (j < n) {
      const c = src.charCodeAt(j);
      if (c === 92 /* \ */) {
        escapes = true;
        j += 2;
        continue;
      }
      if (c === quote) break;
      j++;
    }
    if (j >= n) this.fail(`unexpected char ${pyCharRepr(src[pos] ?? '')} at ${pos}`, pos);
    const raw = src.slice(pos + 1, j);
    let value = raw;
    if (escapes) {
      try {
        value = decodeEscapes(raw);
      } catch (e) {
        this.fail(e instanceof Error ? e.message : String(e), pos);
      }
    }
    this.push('string', value, pos, j + 1);
    return j + 1;
  }
}

function skipWs(src: string, pos: number): number {
  LEADING_WS.lastIndex = pos;
  return LEADING_WS.test(src) ? LEADING_WS.lastIndex : pos;
}

function pyCharRepr(c: string): string {
  return c === "'" ? `"'"` : `'${c}'`;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};

/** Python's 'unicode-escape' decoding, which Jinja2 applies to string literals. */
export function decodeEscapes(raw: string): string {
  let out = '';
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const bs = raw.indexOf('\\', i);
    if (bs === -1) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, bs);
    const c = raw[bs + 1];
    if (c === undefined) {
      throw new Error("(unicode error) 'unicodeescape' codec can't decode byte: \\ at end of string");
    }
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
      i = bs + 2;
      continue;
    }
    if (c >= '0' && c <= '7') {
      let j = bs + 1;
      while (j < n && j < bs + 4 && (raw[j] ?? '') >= '0' && (raw[j] ?? '') <= '7') j++;
      out += String.fromCodePoint(parseInt(raw.slice(bs + 1, j), 8));
      i = j;
      continue;
    }
    const hexLen = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
    if (hexLen) {
      const hex = raw.slice(bs + 2, bs + 2 + hexLen);
      if (hex.length !== hexLen || !/^[0-9a-fA-F]+$/.test(hex)) {
        throw new Error(`(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\${c}${'X'.repeat(hexLen)} escape`);
      }
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) throw new Error("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character");
      out += String.fromCodePoint(cp);
      i = bs + 2 + hexLen;
      continue;
    }
    // Unknown escapes (e.g. regex `\d`) keep their backslash, as Python does.
    out += '\\' + c;
    i = bs + 2;
  }
  return out;
}

/** Tokenizes a source already passed through `normalizeSource`. */
export function tokenize(source: string, templateName: string): Token[] {
  return new Lexer(source, templateName).run();
}
