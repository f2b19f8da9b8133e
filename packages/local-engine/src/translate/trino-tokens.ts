import { Dialect, tokenize } from '@polyglot-sql/sdk';
import { LakeformError } from '@lakeform/sql-compiler';

/** One lexical token of Trino SQL, with offsets into the JS (UTF-16) string. */
export interface TrinoToken {
  /** Polyglot's token type, e.g. `VAR`, `L_PAREN`, `STRING`, `AS`. */
  readonly type: string;
  /** The token's text; for strings and quoted identifiers without the quotes. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface TokenizeContext {
  nodeId?: string | undefined;
  file?: string | undefined;
}

/**
 * Tokenize Trino SQL. Polyglot reports offsets in code points; they are mapped to UTF-16
 * offsets so that `sql.slice(start, end)` is the token's source text even when the SQL holds
 * characters outside the BMP (emoji in string literals are common in seed data).
 */
export function tokenizeTrino(sql: string, ctx: TokenizeContext = {}): TrinoToken[] {
  const result = tokenize(sql, Dialect.Trino);
  if (!result.success || !result.tokens) {
    throw new LakeformError({
      code: 'E_SQL_SYNTAX',
      message: `Could not read the SQL of ${ctx.nodeId ?? 'a statement'} as Trino SQL: ${result.error ?? 'unknown error'}`,
      hint: 'Check the compiled SQL in target/compiled/ for a syntax error near the reported position.',
      ...(ctx.nodeId ? { node: ctx.nodeId } : {}),
      ...(ctx.file ? { location: { file: ctx.file } } : {}),
    });
  }
  const toUtf16 = codePointToUtf16(sql);
  return result.tokens.map((t) => ({
    type: tokenTypeOf(t),
    text: t.text,
    start: toUtf16(t.span.start),
    end: toUtf16(t.span.end),
  }));
}

function codePointToUtf16(sql: string): (cp: number) => number {
  // Fast path: no surrogate pairs, so both offset systems agree.
  if (!/[\uD800-\uDBFF]/.test(sql)) return (cp) => cp;
  const map: number[] = [];
  let i = 0;
  for (const ch of sql) {
    map.push(i);
    i += ch.length;
  }
  map.push(i);
  return (cp) => map[cp] ?? sql.length;
}

/**
 * The SDK's typings name the field `tokenType`, but the WASM build of 0.12.1 returns
 * `token_type`; accept either so an SDK fix does not break us.
 */
function tokenTypeOf(t: object): string {
  const raw = t as { tokenType?: unknown; token_type?: unknown };
  const type = raw.tokenType ?? raw.token_type;
  return typeof type === 'string' ? type : 'UNKNOWN';
}
