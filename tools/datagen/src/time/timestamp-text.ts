import { MS_PER_DAY } from './calendar-day.js';

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** `yyyy-MM-dd HH:mm:ss.SSS` (UTC), the timestamp format of the Grocery Sales Database. */
export function timestampText(msSinceEpoch: number): string {
  const day = Math.floor(msSinceEpoch / MS_PER_DAY);
  return dayPrefix(day) + timeOfDayText(msSinceEpoch - day * MS_PER_DAY);
}

/** `yyyy-MM-dd ` — computed once per day when writing millions of timestamps of that day. */
export function dayPrefix(day: number): string {
  return `${new Date(day * MS_PER_DAY).toISOString().slice(0, 10)} `;
}

/** `HH:mm:ss.SSS` for a millisecond offset within a day, with table lookups instead of padStart. */
export function timeOfDayText(msInDay: number): string {
  const ms = msInDay % 1000;
  const seconds = Math.floor(msInDay / 1000);
  return `${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}.${THREE_DIGITS[ms]}`;
}
