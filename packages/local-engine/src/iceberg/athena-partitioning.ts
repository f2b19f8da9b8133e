import { icebergError, type PartitionRequest } from '@lakeform/iceberg';

/**
 * Parses Athena's `partitioned_by` entries: `col`, `year(col)`, `month(col)`, `day(col)`,
 * `hour(col)`, `bucket(N, col)` and `truncate(W, col)` (Athena puts the number first).
 */
export function parseAthenaPartitioning(entries: string[]): PartitionRequest[] {
  return entries.map((raw) => {
    const text = raw.trim();
    const unquote = (s: string): string => s.trim().replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1').toLowerCase();
    const fn = /^(year|month|day|hour)\s*\(\s*([^()]+?)\s*\)$/i.exec(text);
    if (fn) return { column: unquote(fn[2] ?? ''), transform: { kind: (fn[1] ?? '').toLowerCase() as 'year' | 'month' | 'day' | 'hour' } };
    const numbered = /^(bucket|truncate)\s*\(\s*(\d+)\s*,\s*([^()]+?)\s*\)$/i.exec(text);
    if (numbered) {
      const n = Number(numbered[2]);
      const column = unquote(numbered[3] ?? '');
      return (numbered[1] ?? '').toLowerCase() === 'bucket' ? { column, transform: { kind: 'bucket', n } } : { column, transform: { kind: 'truncate', width: n } };
    }
    if (/^("[^"]+"|`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)$/.test(text)) return { column: unquote(text), transform: { kind: 'identity' } };
    throw icebergError('E_ICEBERG_PARTITION_SYNTAX', `cannot read partitioned_by entry '${raw}'`, "Use Athena's forms: 'col', 'day(col)', 'month(col)', 'year(col)', 'hour(col)', 'bucket(16, col)', 'truncate(10, col)'.");
  });
}
