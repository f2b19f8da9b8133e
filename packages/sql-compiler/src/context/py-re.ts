import { bind } from './arguments.js';

/**
 * Python's `re` module over JavaScript RegExp, as dbt exposes it through `modules.re`. Python
 * pattern syntax that differs ((?P<name>..), (?P=name), \A, \Z) is rewritten; flags map to JS flags.
 */
const FLAGS = { I: 2, IGNORECASE: 2, M: 8, MULTILINE: 8, S: 16, DOTALL: 16, X: 64, VERBOSE: 64, A: 256, ASCII: 256 };

function translate(pattern: string, flags: number): RegExp {
  let src = pattern
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\Z/g, '$(?![\\s\\S])');
  if (flags & 64) src = src.replace(/\\#/g, '\u0000').replace(/#.*$/gm, '').replace(/\s+/g, '').replace(/\u0000/g, '\\#');
  let f = 'u';
  if (flags & 2) f += 'i';
  if (flags & 8) f += 'm';
  if (flags & 16) f += 's';
  try {
    return new RegExp(src, f);
  } catch {
    // Some Python patterns are not valid under the 'u' flag (e.g. needless escapes); retry without.
    return new RegExp(src, f.replace('u', ''));
  }
}

export class PyMatch {
  constructor(private readonly m: RegExpExecArray) {}
  group(...idx: unknown[]): unknown {
    if (idx.length === 0) return this.m[0];
    const one = (i: unknown) => (typeof i === 'string' ? (this.m.groups?.[i] ?? null) : (this.m[Number(i)] ?? null));
    return idx.length === 1 ? one(idx[0]) : idx.map(one);
  }
  groups(): unknown[] {
    return this.m.slice(1).map((g) => g ?? null);
  }
  groupdict(): Record<string, unknown> {
    return { ...(this.m.groups ?? {}) };
  }
  start(): number {
    return this.m.index;
  }
  end(): number {
    return this.m.index + this.m[0].length;
  }
  span(): number[] {
    return [this.start(), this.end()];
  }
  toString(): string {
    return `<re.Match object; span=(${this.start()}, ${this.end()}), match='${this.m[0]}'>`;
  }
}

export class PyPattern {
  readonly re: RegExp;
  constructor(
    readonly pattern: string,
    readonly flags: number,
  ) {
    this.re = translate(pattern, flags);
  }
  private sticky(): RegExp {
    return new RegExp(this.re.source, `${this.re.flags}y`);
  }
  match(s: string): PyMatch | null {
    const r = this.sticky();
    const m = r.exec(String(s));
    return m ? new PyMatch(m) : null;
  }
  fullmatch(s: string): PyMatch | null {
    const m = this.match(s);
    return m && m.end() === String(s).length ? m : null;
  }
  search(s: string): PyMatch | null {
    const m = new RegExp(this.re.source, this.re.flags).exec(String(s));
    return m ? new PyMatch(m) : null;
  }
  findall(s: string): unknown[] {
    const out: unknown[] = [];
    for (const m of String(s).matchAll(new RegExp(this.re.source, `${this.re.flags}g`))) {
      if (m.length <= 1) out.push(m[0]);
      else if (m.length === 2) out.push(m[1] ?? '');
      else out.push(Object.assign(m.slice(1).map((g) => g ?? ''), { __tuple__: true }));
    }
    return out;
  }
  sub(repl: unknown, s: string, count = 0): string {
    let n = 0;
    return String(s).replace(new RegExp(this.re.source, `${this.re.flags}g`), (...m: unknown[]) => {
      if (count && n >= count) return String(m[0]);
      n++;
      if (typeof repl === 'function') {
        const groups = m.slice(0, -2).filter((x) => typeof x === 'string' || x === undefined) as string[];
        const fake = Object.assign([...groups], { index: 0, input: '' }) as unknown as RegExpExecArray;
        return String((repl as (x: PyMatch) => unknown)(new PyMatch(fake)));
      }
      return String(repl).replace(/\\(\d+)|\\g<(\w+)>/g, (_x, d: string | undefined, name: string | undefined) => {
        const key = d ?? name!;
        const idx = Number(key);
        return String(Number.isNaN(idx) ? ((m[m.length - 1] as Record<string, string> | undefined)?.[key] ?? '') : (m[idx] ?? ''));
      });
    });
  }
  split(s: string, maxsplit = 0): string[] {
    const parts = String(s).split(new RegExp(this.re.source, `${this.re.flags}g`));
    if (!maxsplit || parts.length <= maxsplit + 1) return parts;
    return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join('')];
  }
}

function compile(...args: unknown[]): PyPattern {
  const v = bind('compile', args, ['pattern', 'flags'], { required: 1 }).values;
  if (v['pattern'] instanceof PyPattern) return v['pattern'];
  return new PyPattern(String(v['pattern']), Number(v['flags'] ?? 0));
}

function withPattern<K extends 'match' | 'fullmatch' | 'search' | 'findall' | 'split'>(name: K) {
  return (...args: unknown[]) => {
    const v = bind(name, args, ['pattern', 'string', name === 'split' ? 'maxsplit' : 'flags', 'flags'], { required: 2 }).values;
    const p = compile(v['pattern'], Number(name === 'split' ? (v['flags'] ?? 0) : (v['flags'] ?? 0)));
    if (name === 'split') return p.split(String(v['string']), Number(v['maxsplit'] ?? 0));
    return p[name](String(v['string']));
  };
}

export function reModule(): Record<string, unknown> {
  return {
    ...FLAGS,
    compile,
    match: withPattern('match'),
    fullmatch: withPattern('fullmatch'),
    search: withPattern('search'),
    findall: withPattern('findall'),
    split: withPattern('split'),
    sub: (...args: unknown[]) => {
      const v = bind('sub', args, ['pattern', 'repl', 'string', 'count', 'flags'], { required: 3 }).values;
      return compile(v['pattern'], Number(v['flags'] ?? 0)).sub(v['repl'], String(v['string']), Number(v['count'] ?? 0));
    },
    escape: (s: string) => String(s).replace(/[.*+?^${}()|[\]\\\-#&~\s]/g, '\\$&'),
  };
}
