import { describe, expect, it } from 'vitest';
import { salesChunks } from './sales-rows.js';

describe('salesChunks', () => {
  it('is lazy: the first chunk of a billion-row day arrives without building the rest', () => {
    const chunks = salesChunks({ seed: 1, firstSalesId: 1, customers: 100, days: [{ day: 17532, sales: 1_000_000_000 }] });
    const first = chunks.next();
    expect(first.done).toBe(false);
    const lines = (first.value as string).split('\n').filter((l) => l !== '');
    expect(lines.length).toBe(4096);
    expect(lines[0]).toMatch(/^1,/);
    expect(lines.at(-1)).toMatch(/^4096,/);
  });

  it('writes the rows of consecutive days in date order with consecutive SalesIDs', () => {
    const text = [...salesChunks({ seed: 2, firstSalesId: 10, customers: 100, days: [{ day: 17532, sales: 300 }, { day: 17533, sales: 300 }] })].join('');
    const rows = text.trimEnd().split('\n').map((l) => l.split(','));
    expect(rows).toHaveLength(600);
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 600 }, (_, i) => 10 + i));
    const dates = rows.map((r) => r[7]!).filter((d) => d !== '');
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]!.startsWith('2018-01-01 ')).toBe(true);
    expect(dates.at(-1)!.startsWith('2018-01-02 ')).toBe(true);
  });
});
