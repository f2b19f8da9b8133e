import { describe, expect, it } from 'vitest';
import { LakeformError } from '@lakeform/sql-compiler';
import { formatCalendarDay, parseCalendarDay } from './calendar-day.js';

describe('calendar days', () => {
  it('round-trips YYYY-MM-DD through day numbers', () => {
    const day = parseCalendarDay('2018-05-09', '--days-to');
    expect(day).toBe(17660);
    expect(formatCalendarDay(day)).toBe('2018-05-09');
    expect(formatCalendarDay(day + 1)).toBe('2018-05-10');
  });

  it('rejects text that is not a real calendar day, naming the option', () => {
    for (const bad of ['2018-02-30', '2018-5-9', '20180509', 'tomorrow', '2018-13-01']) {
      expect(() => parseCalendarDay(bad, '--append-day')).toThrow(LakeformError);
    }
    expect(() => parseCalendarDay('2018-02-30', '--append-day')).toThrow(/--append-day/);
  });
});
