/** A double-quoted DuckDB identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A single-quoted DuckDB string literal. */
export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `[...]` list of string literals, e.g. the file list of read_parquet. */
export function stringList(values: string[]): string {
  return `[${values.map(quoteString).join(', ')}]`;
}
