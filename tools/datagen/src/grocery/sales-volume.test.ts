import { describe, expect, it } from 'vitest';
import { dailySalesVolumes } from './sales-volume.js';

describe('dailySalesVolumes', () => {
  it('covers every day of the range and sums to the total exactly', () => {
    const days = dailySalesVolumes(1, 6_758_125, 17532, 17660);
    expect(days).toHaveLength(129);
    expect(days[0]!.day).toBe(17532);
    expect(days.at(-1)!.day).toBe(17660);
    expect(days.reduce((sum, d) => sum + d.sales, 0)).toBe(6_758_125);
  });

  it('keeps each day within ±12 % of the average', () => {
    const days = dailySalesVolumes(2, 129_000, 17532, 17660);
    for (const { sales } of days) {
      expect(sales).toBeGreaterThan(1000 * 0.88);
      expect(sales).toBeLessThan(1000 * 1.12);
    }
  });

  it('handles fewer sales than days', () => {
    const days = dailySalesVolumes(3, 5, 17532, 17560);
    expect(days.reduce((sum, d) => sum + d.sales, 0)).toBe(5);
    expect(days.every((d) => d.sales === 0 || d.sales === 1)).toBe(true);
  });
});
