/**
 * The earliest time, for a table with no rows: dbt reads a null max(loaded_at) as datetime.min, so
 * an empty source is as stale as can be. (Date.UTC maps years below 100 to 19xx, hence setUTCFullYear.)
 */
export const EARLIEST_TIME: Date = (() => {
  const d = new Date(0);
  d.setUTCFullYear(1, 0, 1);
  d.setUTCHours(0, 0, 0, 0);
  return d;
})();

const NAIVE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
const WITH_ZONE_NAME = /^(.*\d)\s+(UTC|Z|GMT)$/i;

/**
 * A timestamp cell from any engine as an instant. Engines hand back Dates (DuckDB), epoch numbers,
 * or text (Athena: '2024-05-01 10:00:00.000' or '… UTC'); text without a zone is read as UTC,
 * as dbt reads naive timestamps. Undefined when the value is not a timestamp at all.
 */
export function toInstant(value: unknown): Date | null | undefined {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : undefined;
  if (typeof value === 'bigint') return new Date(Number(value));
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  const zoned = WITH_ZONE_NAME.exec(text);
  if (zoned) text = `${zoned[1]}Z`;
  const naive = NAIVE.exec(text);
  if (naive) text = `${naive[1]}T${naive[2]}Z`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) text = `${text}T00:00:00Z`;
  // JS Date keeps milliseconds only; longer fractions are cut so the text still parses.
  text = text.replace(/(\.\d{3})\d+/, '$1');
  const d = new Date(text.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? undefined : d;
}
