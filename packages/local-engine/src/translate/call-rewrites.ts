import { jodaToStrftime, mysqlToStrftime, type FormatConversion } from './datetime-formats.js';
import type { FunctionCall } from './function-calls.js';
import type { SqlEdits } from './sql-edits.js';

/** What a rewrite gets: the call, the edits to record into, and a way to refuse. */
export interface RewriteContext {
  readonly call: FunctionCall;
  readonly edits: SqlEdits;
  /** Stop translating: the call cannot be given Trino's semantics. */
  fail(reason: string): never;
}

export type CallRewrite = (ctx: RewriteContext) => void;

/** Rename the call to another function (an `lf_*` macro or a DuckDB name polyglot keeps). */
export function renameTo(name: string): CallRewrite {
  return ({ call, edits }) => edits.replace(call.nameIndex, name);
}

function literalArg(ctx: RewriteContext, index: number, what: string): string {
  const arg = ctx.call.args[index];
  const tok = arg && arg.to - arg.from === 1 ? ctx.edits.tokens[arg.from] : undefined;
  if (!arg || !tok || tok.type !== 'STRING') {
    ctx.fail(`its ${what} must be a string literal so it can be converted to DuckDB's format language`);
  }
  return tok.text;
}

function quote(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** `f(x, 'format')` with a literal format converted to strftime/strptime specifiers. */
export function convertFormat(target: string, argIndex: number, convert: (f: string) => FormatConversion): CallRewrite {
  return (ctx) => {
    const format = literalArg(ctx, argIndex, 'format');
    const converted = convert(format);
    if (!converted.ok) return ctx.fail(converted.reason);
    const arg = ctx.call.args[argIndex];
    if (arg) ctx.edits.replace(arg.from, quote(converted.format));
    ctx.edits.replace(ctx.call.nameIndex, target);
  };
}

export const mysqlFormat = (target: string, mode: 'print' | 'parse'): CallRewrite =>
  convertFormat(target, 1, (f) => mysqlToStrftime(f, mode));

export const jodaFormat = (target: string): CallRewrite => convertFormat(target, 1, jodaToStrftime);

/** `element_at(c, k)` → `(c)[k]`: DuckDB's subscript is 1-based, counts negatives from the end
 * and yields NULL for a missing index or key—Trino's element_at semantics for arrays and maps. */
export const elementAtToSubscript: CallRewrite = ({ call, edits }) => {
  const [, key] = call.args;
  if (!key) return;
  edits.replace(call.nameIndex, '');
  edits.replace(key.from - 1, ')[');
  edits.replace(call.closeIndex, ']');
};

/** `concat(a, b, …)` → `(a || b || …)`: Trino's concat is NULL when any argument is. */
export const concatToOperator: CallRewrite = ({ call, edits }) => {
  edits.replace(call.nameIndex, '');
  for (const arg of call.args.slice(1)) edits.replace(arg.from - 1, ' ||');
};

/** `greatest(a, b)` → `lf_greatest(ARRAY[a, b])`: the macro needs one list argument. */
export function variadicAsArray(target: string): CallRewrite {
  return ({ call, edits }) => {
    edits.replace(call.nameIndex, target);
    edits.insertAfter(call.openIndex, 'ARRAY[');
    edits.insertBefore(call.closeIndex, ']');
  };
}

/** Is the expression in tokens `[from, to)` a DATE by its syntax alone? */
function isDateTyped(edits: SqlEdits, from: number, to: number): boolean {
  const toks = edits.tokens.slice(from, to);
  const words = toks.map((t) => t.text.toLowerCase());
  if (toks.length === 2 && toks[0]?.type === 'DATE' && toks[1]?.type === 'STRING') return true;
  if (toks.length === 1 && words[0] === 'current_date') return true;
  if ((words[0] === 'date' || words[0] === 'from_iso8601_date' || words[0] === 'last_day_of_month') && toks[1]?.type === 'L_PAREN') {
    return true;
  }
  const n = toks.length;
  return (words[0] === 'cast' || words[0] === 'try_cast') && words[n - 2] === 'date' && toks[n - 3]?.type === 'AS';
}

/** `sequence(date, date[, step])` yields dates in Trino, timestamps from DuckDB's generate_series. */
export const sequenceRewrite: CallRewrite = ({ call, edits }) => {
  const start = call.args[0];
  const isDate = start ? isDateTyped(edits, start.from, start.to) : false;
  edits.replace(call.nameIndex, isDate ? 'lf_sequence_date' : 'lf_sequence');
};

/** date_add keeps DATE for DATE input in Trino; DuckDB's DATE + INTERVAL is a TIMESTAMP. */
export const dateAdd: CallRewrite = ({ call, edits }) => {
  const target = call.args[2];
  const isDate = target ? isDateTyped(edits, target.from, target.to) : false;
  edits.replace(call.nameIndex, isDate ? 'lf_date_add_date' : 'lf_date_add');
};

/**
 * `reduce(a, init, (s, x) -> …, s -> out)` → `list_reduce(a, (s, x) -> …, init)`, with the
 * output lambda applied through list_transform when it is not the identity.
 */
export const reduceToListReduce: CallRewrite = (ctx) => {
  const { call, edits } = ctx;
  const [arr, init, step, output] = call.args;
  if (!arr || !init || !step || !output) return ctx.fail('it needs four arguments: array, initial state, input and output functions');
  const text = (r: { from: number; to: number }) => edits.render(r.from, r.to);
  const reduced = `list_reduce(${text(arr)}, ${text(step)}, ${text(init)})`;
  const out = edits.tokens.slice(output.from, output.to);
  const identity = out.length === 3 && out[1]?.type === 'ARROW' && out[0]?.text === out[2]?.text;
  const replacement = identity ? reduced : `list_transform(ARRAY[${reduced}], ${text(output)})[1]`;
  edits.replaceRange(call.nameIndex, call.closeIndex + 1, replacement);
};

/** `any_match(a, x -> p)` → `list_bool_or(list_transform(a, x -> p))`, and friends. */
export function matchToListAggregate(aggregate: 'list_bool_or' | 'list_bool_and', negate: boolean): CallRewrite {
  return ({ call, edits }) => {
    edits.replace(call.nameIndex, `${negate ? '(NOT ' : ''}${aggregate}(list_transform`);
    edits.insertAfter(call.closeIndex, negate ? '))' : ')');
  };
}

/** Column names of `[AS] alias (c1, c2)` after token `close`, and whether WITH ORDINALITY precedes it. */
function unnestAlias(edits: SqlEdits, close: number): { ordinality: boolean; columns: string[] | undefined } {
  const t = edits.tokens;
  let i = close + 1;
  let ordinality = false;
  if (t[i]?.type === 'WITH' && t[i + 1]?.type === 'ORDINALITY') {
    ordinality = true;
    i += 2;
  }
  if (t[i]?.type === 'AS') i++;
  if (t[i]?.type !== 'VAR' && t[i]?.type !== 'QUOTED_IDENTIFIER') return { ordinality, columns: undefined };
  if (t[i + 1]?.type !== 'L_PAREN') return { ordinality, columns: undefined };
  const columns: string[] = [];
  for (let j = i + 2; j < t.length && t[j]?.type !== 'R_PAREN'; j++) {
    if (t[j]?.type !== 'COMMA') columns.push(edits.source(j));
  }
  return { ordinality, columns };
}

/**
 * Trino's `UNNEST(a, b) AS t(x, y)` zips several arrays (padding with NULL); DuckDB's table-valued
 * UNNEST takes one list, but several unnest() calls in one SELECT list zip the same way.
 * A single array unnested into several columns (arrays of rows, maps) has no DuckDB equivalent
 * without knowing the element type, so it is refused.
 */
export const unnestRewrite: CallRewrite = (ctx) => {
  const { call, edits } = ctx;
  const { ordinality, columns } = unnestAlias(edits, call.closeIndex);
  const valueColumns = (columns?.length ?? 0) - (ordinality ? 1 : 0);
  if (call.args.length === 1) {
    if (valueColumns > 1) {
      ctx.fail('unnesting one array into several columns (an array of rows, or a map) is not supported; unnest into one column and use field access (t.x.field)');
    }
    return;
  }
  if (ordinality) ctx.fail('WITH ORDINALITY over several arrays is not supported');
  if (!columns || columns.length !== call.args.length) {
    return ctx.fail('UNNEST of several arrays needs a column alias per array, e.g. AS t(a, b)');
  }
  const selects = call.args.map((arg, k) => `unnest(${edits.render(arg.from, arg.to)}) AS ${columns[k] ?? `c${k}`}`);
  edits.replaceRange(call.nameIndex, call.closeIndex + 1, `(SELECT ${selects.join(', ')})`);
};

/**
 * Casts to character types. `CAST(x AS varchar)` → `lf_cast_varchar(x)`: Trino prints doubles and
 * reals in scientific notation ('1.5E0'); the macro does that for DOUBLE/REAL input and is a plain
 * cast otherwise (the type is only known to DuckDB, at bind time). `varchar(n)` truncates to n
 * characters in Trino, DuckDB ignores the length. `char(n)` pads and compares blank-insensitively,
 * which DuckDB cannot do.
 */
export const castToCharacter: CallRewrite = (ctx) => {
  const { call, edits } = ctx;
  const t = edits.tokens;
  let depth = 0;
  let asIndex = -1;
  for (let i = call.openIndex + 1; i < call.closeIndex; i++) {
    const type = t[i]?.type;
    if (type === 'L_PAREN' || type === 'L_BRACKET') depth++;
    else if (type === 'R_PAREN' || type === 'R_BRACKET') depth--;
    else if (type === 'AS' && depth === 0) asIndex = i;
  }
  if (asIndex < 0) return;
  const typeTokens = t.slice(asIndex + 1, call.closeIndex);
  const typeName = typeTokens[0]?.text.toLowerCase();
  if (typeName === 'char') ctx.fail('char(n) values are blank-padded and compared without trailing blanks in Trino; cast to varchar instead');
  if (typeName !== 'varchar') return;
  const value = `lf_cast_varchar(${edits.render(call.openIndex + 1, asIndex)})`;
  if (typeTokens.length === 1) {
    edits.replaceRange(call.nameIndex, call.closeIndex + 1, value);
  } else if (typeTokens.length === 4 && typeTokens[1]?.type === 'L_PAREN' && typeTokens[2]?.type === 'NUMBER') {
    edits.replaceRange(call.nameIndex, call.closeIndex + 1, `left(${value}, ${typeTokens[2].text})`);
  }
};

/** `substring(s FROM a [FOR n])` or `substring(s, a[, n])` → `lf_substr(s, a[, n])`. */
export const substringRewrite: CallRewrite = (ctx) => {
  const { call, edits } = ctx;
  let depth = 0;
  let parts = 1;
  for (let i = call.openIndex + 1; i < call.closeIndex; i++) {
    const tok = edits.tokens[i];
    if (tok?.type === 'L_PAREN' || tok?.type === 'L_BRACKET') depth++;
    else if (tok?.type === 'R_PAREN' || tok?.type === 'R_BRACKET') depth--;
    else if (depth === 0 && (tok?.type === 'FROM' || tok?.text.toLowerCase() === 'for')) {
      edits.replace(i, ',');
      parts++;
    }
  }
  const count = Math.max(parts, call.args.length);
  if (count < 2 || count > 3) ctx.fail(`it takes 2 or 3 arguments, not ${count}`);
  edits.replace(call.nameIndex, 'lf_substr');
};
