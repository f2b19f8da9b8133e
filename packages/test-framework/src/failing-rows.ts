import type { QueryResult } from '@lakeform/runner';

/** A few of a test's failing rows, as fetched with its own compiled SQL. */
export interface FailingRows {
  columns: string[];
  rows: unknown[][];
}

export function failingRowsFrom(result: QueryResult): FailingRows {
  return { columns: result.columns.map((c) => c.name), rows: result.rows };
}

const MAX_LINE = 200;

function show(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Lines for the test's message: one per row, `column=value, …`. */
export function describeFailingRows(sample: FailingRows): string[] {
  if (sample.rows.length === 0) return [];
  const lines = sample.rows.map((row) => {
    const line = sample.columns.map((c, i) => `${c}=${show(row[i])}`).join(', ');
    return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
  });
  return [`first ${sample.rows.length} failing row${sample.rows.length === 1 ? '' : 's'}:`, ...lines.map((l) => `  ${l}`)];
}
