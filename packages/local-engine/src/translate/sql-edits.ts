import type { TrinoToken } from './trino-tokens.js';

/**
 * Token-level edits to Trino SQL. Rewrites replace whole tokens (or insert text around them),
 * so edits made for nested calls never overlap and the untouched text—comments, spacing,
 * quoted identifiers—is copied through byte for byte.
 */
export class SqlEdits {
  private readonly replaced = new Map<number, string>();
  private readonly before = new Map<number, string>();
  private readonly after = new Map<number, string>();
  /** Whole token ranges replaced by new text: start index → exclusive end and text. */
  private readonly ranges = new Map<number, { end: number; text: string }>();

  constructor(
    readonly sql: string,
    readonly tokens: readonly TrinoToken[],
  ) {}

  /** Source text of token `i` (current edits ignored). */
  source(i: number): string {
    const t = this.tokens[i];
    return t ? this.sql.slice(t.start, t.end) : '';
  }

  /** Source text of tokens `[from, to)`, including the original spacing between them. */
  sourceRange(from: number, to: number): string {
    const a = this.tokens[from];
    const b = this.tokens[to - 1];
    return a && b ? this.sql.slice(a.start, b.end) : '';
  }

  replace(i: number, text: string): void {
    this.replaced.set(i, text);
  }

  insertBefore(i: number, text: string): void {
    this.before.set(i, text + (this.before.get(i) ?? ''));
  }

  insertAfter(i: number, text: string): void {
    this.after.set(i, (this.after.get(i) ?? '') + text);
  }

  /** Replace tokens `[from, to)` and every edit inside them with `text`. */
  replaceRange(from: number, to: number, text: string): void {
    this.ranges.set(from, { end: to, text });
  }

  get changed(): boolean {
    return this.replaced.size + this.before.size + this.after.size + this.ranges.size > 0;
  }

  /** Text of tokens `[from, to)` with the edits made so far. */
  render(from: number, to: number): string {
    let out = '';
    let pos = this.tokens[from]?.start ?? 0;
    for (let i = from; i < to; i++) {
      const t = this.tokens[i];
      if (!t) break;
      out += this.sql.slice(pos, t.start);
      const range = this.ranges.get(i);
      if (range) {
        out += range.text;
        pos = this.tokens[range.end - 1]?.end ?? t.end;
        i = range.end - 1;
        continue;
      }
      out += (this.before.get(i) ?? '') + (this.replaced.get(i) ?? this.sql.slice(t.start, t.end)) + (this.after.get(i) ?? '');
      pos = t.end;
    }
    return out;
  }

  apply(): string {
    if (!this.changed) return this.sql;
    const first = this.tokens[0];
    const last = this.tokens[this.tokens.length - 1];
    if (!first || !last) return this.sql;
    return this.sql.slice(0, first.start) + this.render(0, this.tokens.length) + this.sql.slice(last.end);
  }
}
