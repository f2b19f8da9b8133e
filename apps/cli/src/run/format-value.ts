/** Query values (as @duckdb/node-api gives them) as text and JSON, by their column type. */
function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function timestampText(d: Date, withTime: boolean): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (!withTime) return date;
  const ms = d.getUTCMilliseconds();
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
}

export function jsonCell(v: unknown, type: string): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return timestampText(v, type !== 'DATE');
  if (Array.isArray(v)) return v.map((x) => jsonCell(x, ''));
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, jsonCell(x, '')]));
  return v;
}

export function formatCell(v: unknown, type: string): string {
  if (v === null || v === undefined) return '';
  const j = jsonCell(v, type);
  return typeof j === 'string' ? j : JSON.stringify(j);
}
