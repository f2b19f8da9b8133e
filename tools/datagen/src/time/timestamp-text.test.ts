import { describe, expect, it } from 'vitest';
import { dayPrefix, timeOfDayText, timestampText } from './timestamp-text.js';

describe('timestamp text', () => {
  it('formats yyyy-MM-dd HH:mm:ss.SSS in UTC', () => {
    expect(timestampText(Date.UTC(2018, 1, 5, 7, 0, 25, 320))).toBe('2018-02-05 07:00:25.320');
    expect(timestampText(Date.UTC(1950, 0, 1))).toBe('1950-01-01 00:00:00.000');
  });

  it('formats the first and the last millisecond of a day', () => {
    expect(timeOfDayText(0)).toBe('00:00:00.000');
    expect(timeOfDayText(86_399_999)).toBe('23:59:59.999');
    expect(dayPrefix(17532)).toBe('2018-01-01 ');
  });

  it('agrees with Date#toISOString on many instants', () => {
    for (let ms = Date.UTC(2017, 0, 1); ms < Date.UTC(2019, 0, 1); ms += 77_777_777) {
      expect(timestampText(ms)).toBe(new Date(ms).toISOString().replace('T', ' ').slice(0, 23));
    }
  });
});
