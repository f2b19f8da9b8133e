import type { SqlEdits } from './sql-edits.js';

const DATE_UNITS = new Set(['day', 'week', 'month', 'quarter', 'year']);

/**
 * `DATE '2024-01-31' + INTERVAL '1' MONTH` is a DATE in Trino but a TIMESTAMP in DuckDB. When the
 * left side is a date literal the type is known from the syntax, so the sum is cast back.
 * (For DATE columns the type is unknown at translation time; see the README.)
 */
export function castDateLiteralArithmetic(edits: SqlEdits): void {
  const t = edits.tokens;
  for (let i = 0; i + 5 < t.length; i++) {
    if (t[i]?.type !== 'DATE' || t[i + 1]?.type !== 'STRING') continue;
    const op = t[i + 2]?.text;
    if ((op !== '+' && op !== '-') || t[i + 3]?.type !== 'INTERVAL' || t[i + 4]?.type !== 'STRING') continue;
    const unit = t[i + 5]?.text.toLowerCase() ?? '';
    if (!DATE_UNITS.has(unit)) continue;
    edits.insertBefore(i, 'CAST(');
    edits.insertAfter(i + 5, ' AS DATE)');
  }
}
