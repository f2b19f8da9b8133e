/**
 * The type to CAST expected values to, from a column type an engine reported for the model's
 * result: DuckDB names (local engine) or Trino names (Athena), as a Trino type. Null when there is
 * no safe scalar cast (arrays, maps, structs, untyped NULL): those values are compared as they come.
 */
export function castTypeForResult(engineType: string): string | null {
  const t = engineType.trim().toLowerCase();
  const decimal = /^(decimal|numeric)\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(t);
  if (decimal) return `decimal(${decimal[2]}, ${decimal[3]})`;
  if (/^(varchar|char|string|text)(\(\d+\))?$/.test(t)) return 'varchar';
  if (t === 'hugeint' || t === 'uhugeint') return 'decimal(38, 0)';
  if (t === 'ubigint') return 'decimal(20, 0)';
  if (t === 'uinteger') return 'bigint';
  if (t === 'usmallint' || t === 'utinyint') return 'integer';
  if (['integer', 'int', 'bigint', 'smallint', 'tinyint', 'double', 'boolean', 'date', 'real'].includes(t)) return t === 'int' ? 'integer' : t;
  if (t === 'float') return 'real';
  if (/^timestamp(\(\d+\))? with time zone$/.test(t) || t === 'timestamptz') return 'timestamp(6) with time zone';
  if (/^timestamp(_ms|_ns|_s)?(\(\d+\))?$/.test(t)) return 'timestamp';
  if (/^time(\(\d+\))?$/.test(t)) return 'time';
  return null;
}
