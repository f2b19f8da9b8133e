/**
 * Pieces of Trino SQL text. Test arguments reach the SQL the way dbt's macros print them (Jinja
 * renders Python values), so a batched check and the test's own compiled SQL read the same.
 */

/** A value as `{{ value }}` prints it in Jinja: Python's str(). */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** A string literal. dbt's macros paste values between quotes unescaped; doubling quotes only changes values that would break the SQL. */
export function stringLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `a and b`, parenthesised, skipping absent parts; `true` when nothing is left. */
export function allOf(...parts: (string | null | undefined)[]): string {
  const present = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  if (present.length === 0) return 'true';
  if (present.length === 1) return `(${present[0]})`;
  return present.map((p) => `(${p})`).join(' and ');
}

const SIMPLE_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * An identifier for a statement both Athena's DDL (Hive: backticks) and DML (Trino: double quotes)
 * accept: simple names go unquoted, which both read the same way.
 */
export function ddlIdentifier(name: string): string {
  return SIMPLE_IDENTIFIER.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `"col"` — adapter.quote() on Athena. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Compiled SQL as a subquery body: a trailing semicolon or line comment would break the wrapper. */
export function asSubquery(sql: string): string {
  return sql.trim().replace(/;+\s*$/, '');
}
