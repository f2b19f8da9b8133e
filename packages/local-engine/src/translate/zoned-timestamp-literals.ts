import type { SqlEdits } from './sql-edits.js';

/** `… 12:00:00 America/New_York`, `… 12:00:00 UTC`, `… 12:00:00 +02:00`: a zone after the time. */
const WITH_ZONE = /^(\d{4}-\d{2}-\d{2}[ T][\d:.]+)\s*([A-Za-z][A-Za-z0-9_/+-]*|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Trino's `TIMESTAMP '2024-01-01 12:00:00 America/New_York'` is a timestamp WITH time zone;
 * DuckDB's TIMESTAMP literal rejects the zone, so such literals become TIMESTAMPTZ casts (the
 * instant is kept; DuckDB shows it in the session zone, UTC).
 */
export function castZonedTimestampLiterals(edits: SqlEdits): void {
  const t = edits.tokens;
  for (let i = 0; i + 1 < t.length; i++) {
    const lit = t[i + 1];
    if (t[i]?.type !== 'TIMESTAMP' || !lit || lit.type !== 'STRING') continue;
    const m = WITH_ZONE.exec(lit.text.trim());
    if (!m) continue;
    const zone = m[2] ?? '';
    // DuckDB parses numeric offsets attached to the time, and zone names after a space.
    const text = /^[+-]/.test(zone) ? `${m[1]}${zone}` : `${m[1]} ${zone}`;
    edits.replace(i, '');
    edits.replace(i + 1, `CAST('${text.replaceAll("'", "''")}' AS TIMESTAMP WITH TIME ZONE)`);
  }
}
