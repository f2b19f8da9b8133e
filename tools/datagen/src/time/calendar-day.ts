import { LakeformError } from '@lakeform/sql-compiler';

export const MS_PER_DAY = 86_400_000;

const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day as a number of days since 1970-01-01 (UTC). Days are plain integers so ranges
 * are loops, and `YYYY-MM-DD` text is parsed and checked only at the edges.
 */
export function parseCalendarDay(text: string, option: string): number {
  const m = DAY_TEXT.exec(text);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || formatCalendarDay(ms / MS_PER_DAY) !== text) {
    throw new LakeformError({
      code: 'E_DATAGEN_INVALID_DAY',
      message: `${option} is ${JSON.stringify(text)}, which is not a calendar day`,
      hint: 'write days as YYYY-MM-DD, for example 2018-05-10',
    });
  }
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD`. */
export function formatCalendarDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
