import { Dialect, transpile } from '@polyglot-sql/sdk';
import { rewriteAtTimeZone } from './at-time-zone.js';
import { castDateLiteralArithmetic } from './date-literal-arithmetic.js';
import { castZonedTimestampLiterals } from './zoned-timestamp-literals.js';
import { findFunctionCalls, matchBrackets } from './function-calls.js';
import { QuotedIdentifiers } from './quoted-identifiers.js';
import { ruleFor } from './function-catalog.js';
import { SqlEdits } from './sql-edits.js';
import { tokenizeTrino } from './trino-tokens.js';
import { unsupportedSql, type TranslateContext } from './unsupported-sql.js';

const CACHE_LIMIT = 5_000;
/** Successful translations by input SQL. Failures are not cached: their errors name the model. */
const cache = new Map<string, string>();
let hits = 0;

/**
 * Translate Athena (Trino) SQL—one statement or a script—into DuckDB SQL to run on a connection
 * that has {@link TRINO_COMPAT_MACROS} installed. Throws a LakeformError E_UNSUPPORTED_SQL naming
 * the function and the model when Trino's result cannot be reproduced.
 */
export function translateSql(sql: string, opts: TranslateContext = {}): string {
  const hit = cache.get(sql);
  if (hit !== undefined) {
    hits++;
    return hit;
  }
  const out = translateUncached(sql, opts);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(sql, out);
  return out;
}

function translateUncached(sql: string, ctx: TranslateContext): string {
  const tokens = tokenizeTrino(sql, ctx);
  const edits = new SqlEdits(sql, tokens);
  const calls = findFunctionCalls(tokens);
  const quoted = new QuotedIdentifiers();
  quoted.hide(edits);

  // Innermost calls first, so a rewrite that moves arguments around sees their edits.
  for (const call of [...calls].reverse()) {
    const rule = ruleFor(call.name);
    const what = `Function ${call.name}()`;
    if (!rule) throw unsupportedSql(what, 'Lakeform does not know this Trino function', ctx);
    if (rule.kind === 'unsupported') throw unsupportedSql(what, rule.why, ctx);
    if (rule.arity && !rule.arity.includes(call.args.length)) {
      throw unsupportedSql(what, `the form with ${call.args.length} argument(s) is not supported (supported: ${rule.arity.join(', ')})`, ctx);
    }
    if (rule.kind === 'rewrite') {
      rule.rewrite({ call, edits, fail: (reason) => { throw unsupportedSql(what, reason, ctx); } });
    }
  }
  const atTz = rewriteAtTimeZone(edits, matchBrackets(tokens));
  if (atTz) throw unsupportedSql('AT TIME ZONE', atTz, ctx);
  castDateLiteralArithmetic(edits);
  castZonedTimestampLiterals(edits);

  const trino = edits.apply();
  const result = transpile(trino, Dialect.Trino, Dialect.DuckDB);
  if (!result.success || !result.sql) {
    throw unsupportedSql('A statement', `polyglot could not translate it (${result.error ?? 'no output'})`, ctx);
  }
  return quoted.restore(result.sql.join(';\n'));
}

/** Forget cached translations (tests; a long-lived process that reloads its project). */
export function clearTranslationCache(): void {
  cache.clear();
  hits = 0;
}

/** Cached translations and cache hits since the last clear. */
export function translationCacheStats(): { size: number; hits: number } {
  return { size: cache.size, hits };
}
