import type { TrinoToken } from './trino-tokens.js';

/** A function call found in Trino SQL, located by token indexes. */
export interface FunctionCall {
  /** Lower-cased function name as written (Trino function names are case-insensitive). */
  readonly name: string;
  readonly nameIndex: number;
  readonly openIndex: number;
  readonly closeIndex: number;
  /** Top-level arguments as half-open token index ranges `[from, to)`. */
  readonly args: ReadonlyArray<{ readonly from: number; readonly to: number }>;
}

/**
 * Words that may stand right before `(` without naming a function: clause keywords
 * (`IN (`, `OVER (`, `VALUES (`), DML/DDL keywords (`INSERT (cols)`), set operations.
 */
const NOT_A_CALL = new Set([
  'all', 'and', 'any', 'as', 'between', 'by', 'case', 'create', 'cube', 'delete', 'distinct', 'else', 'end',
  'escape', 'except', 'exists', 'from', 'group', 'having', 'in', 'insert', 'intersect', 'interval', 'into',
  'is', 'join', 'lateral', 'like', 'limit', 'matched', 'merge', 'not', 'offset', 'on', 'or', 'order', 'over',
  'partition', 'recursive', 'rollup', 'select', 'set', 'sets', 'some', 'table', 'then', 'union', 'update',
  'using', 'values', 'view', 'when', 'where', 'window', 'with', 'within', 'ordinality', 'return', 'qualify',
]);

/**
 * Token types after which `name (` is a relation or column list, not a call:
 * `INTO t (a, b)`, `x.t (`, `AS t (x, i)`, `unnest(a) t (x)`, `WITH c (a) AS`, `CREATE TABLE t (`.
 */
const RELATION_CONTEXT = new Set(['DOT', 'AS', 'INTO', 'TABLE', 'VIEW', 'WITH', 'RECURSIVE', 'R_PAREN']);

/** Identifier-typed keywords after which a call may follow (`AT TIME ZONE`, `RETURN f(x)`). */
const CALL_MAY_FOLLOW = new Set(['return', 'qualify', 'zone', 'at']);

const WORD = /^[A-Za-z_][A-Za-z0-9_$]*$/;

function isWordToken(t: TrinoToken): boolean {
  if (t.type === 'QUOTED_IDENTIFIER') return true;
  if (t.type.includes('STRING') || t.type === 'NUMBER') return false;
  return WORD.test(t.text);
}

/** Index of the matching closer for every `(` and `[` (and vice versa). */
export function matchBrackets(tokens: readonly TrinoToken[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'L_PAREN' || t.type === 'L_BRACKET') stack.push(i);
    else if (t.type === 'R_PAREN' || t.type === 'R_BRACKET') {
      const open = stack.pop();
      if (open !== undefined) {
        pairs.set(open, i);
        pairs.set(i, open);
      }
    }
  });
  return pairs;
}

function splitArgs(tokens: readonly TrinoToken[], open: number, close: number): Array<{ from: number; to: number }> {
  if (close === open + 1) return [];
  const args: Array<{ from: number; to: number }> = [];
  let depth = 0;
  let from = open + 1;
  for (let i = open + 1; i < close; i++) {
    const type = tokens[i]?.type;
    if (type === 'L_PAREN' || type === 'L_BRACKET') depth++;
    else if (type === 'R_PAREN' || type === 'R_BRACKET') depth--;
    else if (type === 'COMMA' && depth === 0) {
      args.push({ from, to: i });
      from = i + 1;
    }
  }
  args.push({ from, to: close });
  return args;
}

/**
 * Find every function call in tokenized Trino SQL. A call is a word followed by `(` that is
 * not in a relation/column-list position and not part of a type (`CAST(x AS decimal(10,2))`).
 */
export function findFunctionCalls(tokens: readonly TrinoToken[]): FunctionCall[] {
  const pairs = matchBrackets(tokens);
  const typeTokens = new Set<number>();
  const calls: FunctionCall[] = [];

  for (let i = 0; i + 1 < tokens.length; i++) {
    const tok = tokens[i];
    const next = tokens[i + 1];
    if (!tok || !next || next.type !== 'L_PAREN' || typeTokens.has(i) || !isWordToken(tok)) continue;
    const name = tok.text.toLowerCase();
    if (tok.type !== 'QUOTED_IDENTIFIER' && NOT_A_CALL.has(name)) continue;
    const prev = tokens[i - 1];
    if (prev && RELATION_CONTEXT.has(prev.type)) continue;
    if (prev && (prev.type === 'VAR' || prev.type === 'QUOTED_IDENTIFIER') && !CALL_MAY_FOLLOW.has(prev.text.toLowerCase())) {
      continue;
    }
    const close = pairs.get(i + 1);
    if (close === undefined) continue;
    // `, name (cols) AS (` is a further CTE with a column list.
    if (tokens[close + 1]?.type === 'AS' && tokens[close + 2]?.type === 'L_PAREN') continue;

    const args = splitArgs(tokens, i + 1, close);
    if (name === 'cast' || name === 'try_cast') {
      // Everything after the top-level AS is a type: `row(a decimal(10,2))` is not a call.
      for (let j = i + 2; j < close; j++) {
        if (tokens[j]?.type === 'AS' && depthBetween(tokens, i + 1, j) === 0) {
          for (let k = j + 1; k < close; k++) typeTokens.add(k);
          break;
        }
      }
    }
    calls.push({ name, nameIndex: i, openIndex: i + 1, closeIndex: close, args });
  }
  return calls;
}

function depthBetween(tokens: readonly TrinoToken[], open: number, at: number): number {
  let depth = 0;
  for (let i = open + 1; i < at; i++) {
    const type = tokens[i]?.type;
    if (type === 'L_PAREN' || type === 'L_BRACKET') depth++;
    else if (type === 'R_PAREN' || type === 'R_BRACKET') depth--;
  }
  return depth;
}
