/**
 * A fixture's rows as one Athena (Trino) SELECT. Types: the caller's column types win (the
 * warehouse's, then YAML `data_type`); otherwise a column's type is inferred from its values —
 * YAML numbers and booleans keep their type, and CSV text that reads as a number, boolean, ISO date
 * or timestamp becomes one. Strings in dict rows stay varchar unless they are ISO dates/timestamps.
 */
export interface FixtureColumn {
  name: string;
  /** A SQL type, or null: inferred from the values (a column of only NULLs stays an untyped NULL). */
  type: string | null;
}

const INT = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOL = /^(true|false)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?$/;

/** Athena's Hive DDL type names as types a Trino CAST accepts. */
export function castType(type: string): string {
  const t = type.trim();
  const lower = t.toLowerCase();
  const map: Record<string, string> = { string: 'varchar', int: 'integer', long: 'bigint', float: 'real', text: 'varchar' };
  return map[lower] ?? t;
}

function valueType(v: unknown, fromCsv: boolean): string {
  if (typeof v === 'bigint') return 'bigint';
  if (typeof v === 'number') return Number.isInteger(v) ? 'bigint' : 'double';
  if (typeof v === 'boolean') return 'boolean';
  const s = String(v);
  if (fromCsv) {
    if (INT.test(s)) return 'bigint';
    if (DECIMAL.test(s)) return 'double';
    if (BOOL.test(s)) return 'boolean';
  }
  if (DATE.test(s)) return 'date';
  if (TIMESTAMP.test(s)) return 'timestamp';
  return 'varchar';
}

export function inferColumnType(values: unknown[], fromCsv: boolean): string | null {
  const types = new Set(values.filter((v) => v !== null && v !== undefined).map((v) => valueType(v, fromCsv)));
  if (types.size === 0) return null;
  if (types.size === 1) return [...types][0]!;
  if ([...types].every((t) => t === 'bigint' || t === 'double')) return 'double';
  if ([...types].every((t) => t === 'date' || t === 'timestamp')) return 'timestamp';
  return 'varchar';
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace(/Z$/, '');
  return JSON.stringify(v);
}

function literal(v: unknown, type: string | null): string {
  if (v === null || v === undefined) return type ? `cast(null as ${type})` : 'null';
  const text = `'${textOf(v).replace(/'/g, "''")}'`;
  return type ? `cast(${text} as ${type})` : text;
}

/** `select <typed literals> union all select ...`; with no rows, a typed empty SELECT. */
export function fixtureSelect(columns: FixtureColumn[], rows: Record<string, unknown>[]): string {
  const cols = columns.map((c) => ({ name: c.name, type: c.type ? castType(c.type) : null }));
  if (rows.length === 0) return `select ${cols.map((c) => `${literal(null, c.type)} as ${quoteIdent(c.name)}`).join(', ')} where 1 = 0`;
  return rows.map((r) => `select ${cols.map((c) => `${literal(r[c.name], c.type)} as ${quoteIdent(c.name)}`).join(', ')}`).join('\nunion all\n');
}

/** Rows with every value as varchar text: expected rows, cast later to the model's actual column types. */
export function textFixtureSelect(columns: string[], rows: Record<string, unknown>[]): string {
  return fixtureSelect(
    columns.map((name) => ({ name, type: 'varchar' })),
    rows,
  );
}
