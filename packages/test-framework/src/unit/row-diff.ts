/**
 * dbt's comparison of a unit test's result: the expected columns only, rows as a multiset (order
 * does not matter, duplicates do). Values are compared after both sides were cast to the model's
 * column types, through one canonical text form per value.
 */
export interface RowDiff {
  columns: string[];
  /** Expected rows the model did not produce. */
  missing: unknown[][];
  /** Rows the model produced that were not expected. */
  unexpected: unknown[][];
}

/** At most this many rows of each kind are shown in a failure message. */
export const DIFF_ROWS_SHOWN = 10;

export function canonicalValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return `n:${v.toString()}`;
  if (typeof v === 'number') return Number.isNaN(v) ? 'n:NaN' : `n:${String(v)}`;
  if (typeof v === 'boolean') return `b:${String(v)}`;
  if (typeof v === 'string') return `s:${v}`;
  if (v instanceof Date) return `d:${v.toISOString()}`;
  return `j:${JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))}`;
}

export function diffRows(columns: string[], actual: unknown[][], expected: unknown[][]): RowDiff {
  const key = (r: unknown[]) => JSON.stringify(r.map(canonicalValue));
  const pending = new Map<string, unknown[][]>();
  for (const r of expected) {
    const k = key(r);
    const list = pending.get(k) ?? [];
    list.push(r);
    pending.set(k, list);
  }
  const unexpected: unknown[][] = [];
  for (const r of actual) {
    const list = pending.get(key(r));
    if (list && list.length > 0) list.pop();
    else unexpected.push(r);
  }
  const missing = [...pending.values()].flat();
  return { columns, missing, unexpected };
}

function showValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return `'${v}'`;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The failure message: a summary line, then up to 10 missing and 10 unexpected rows. */
export function diffMessage(diff: RowDiff): string {
  const lines = [`actual differs from expected: ${plural(diff.missing.length, 'row', 'rows')} missing, ${plural(diff.unexpected.length, 'unexpected row', 'unexpected rows')}`];
  const section = (title: string, rows: unknown[][]) => {
    if (rows.length === 0) return;
    lines.push(`  ${title}:`);
    for (const r of rows.slice(0, DIFF_ROWS_SHOWN)) lines.push(`    (${diff.columns.map((c, i) => `${c}: ${showValue(r[i])}`).join(', ')})`);
    if (rows.length > DIFF_ROWS_SHOWN) lines.push(`    … and ${rows.length - DIFF_ROWS_SHOWN} more`);
  };
  section('missing (expected, not produced)', diff.missing);
  section('unexpected (produced, not expected)', diff.unexpected);
  return lines.join('\n');
}
