import type { SqlEdits } from './sql-edits.js';

const TYPED_LITERAL = new Set(['TIMESTAMP', 'DATE', 'TIME']);

/** First token of the primary expression that ends at token `end` (the operand of a postfix operator). */
function operandStart(edits: SqlEdits, pairs: ReadonlyMap<number, number>, end: number): number | undefined {
  const tokens = edits.tokens;
  const tok = tokens[end];
  if (!tok) return undefined;
  if (tok.type === 'R_PAREN' || tok.type === 'R_BRACKET') {
    const open = pairs.get(end);
    if (open === undefined) return undefined;
    const before = tokens[open - 1];
    // `f(...)` or `x[...]`: include the callee / subscripted value.
    if (before && tok.type === 'R_PAREN' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(before.text) && before.type !== 'STRING') return open - 1;
    if (tok.type === 'R_BRACKET') return operandStart(edits, pairs, open - 1);
    return open;
  }
  if (tok.type === 'STRING') return TYPED_LITERAL.has(tokens[end - 1]?.type ?? '') ? end - 1 : end;
  let start = end;
  while (tokens[start - 1]?.type === 'DOT' && tokens[start - 2]) start -= 2;
  return start;
}

/**
 * `x AT TIME ZONE z` → `lf_at_timezone(x, z)`. DuckDB's AT TIME ZONE reads a plain timestamp as
 * wall-clock time *in* z; Trino reads it in the session zone (UTC) and converts *to* z.
 * Returns a reason when an operand is too complex to delimit from tokens alone.
 */
export function rewriteAtTimeZone(edits: SqlEdits, pairs: ReadonlyMap<number, number>): string | undefined {
  const tokens = edits.tokens;
  for (let i = 1; i + 3 < tokens.length; i++) {
    if (tokens[i]?.text.toLowerCase() !== 'at' || tokens[i + 1]?.type !== 'TIME' || tokens[i + 2]?.text.toLowerCase() !== 'zone') continue;
    const start = operandStart(edits, pairs, i - 1);
    const zone = tokens[i + 3];
    if (start === undefined || !zone || (zone.type !== 'STRING' && zone.type !== 'VAR' && zone.type !== 'QUOTED_IDENTIFIER')) {
      return 'AT TIME ZONE needs a simple operand and a zone literal or column';
    }
    if (tokens[i + 4]?.type === 'DOT' || tokens[i + 4]?.type === 'L_PAREN') return 'AT TIME ZONE needs a zone literal or plain column';
    edits.insertBefore(start, 'lf_at_timezone(');
    edits.replace(i, ',');
    edits.replace(i + 1, '');
    edits.replace(i + 2, '');
    edits.insertAfter(i + 3, ')');
  }
  return undefined;
}
