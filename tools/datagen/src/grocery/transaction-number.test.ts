import { describe, expect, it } from 'vitest';
import { TRANSACTION_NUMBER_LENGTH, TransactionNumbers } from './transaction-number.js';

describe('TransactionNumbers', () => {
  it('issues 18-character upper-case alphanumeric numbers', () => {
    const numbers = new TransactionNumbers(1);
    for (const id of [1, 2, 1000, 6_758_125, 0xffff_ffff]) {
      expect(numbers.forSale(id)).toMatch(/^[A-Z0-9]{18}$/);
    }
    expect(TRANSACTION_NUMBER_LENGTH).toBe(18);
  });

  it('never repeats a number across consecutive and far-apart SalesIDs', () => {
    const numbers = new TransactionNumbers(3);
    const seen = new Set<string>();
    for (let id = 1; id <= 200_000; id++) seen.add(numbers.forSale(id));
    for (let id = 0xffff_ffff - 50_000; id <= 0xffff_ffff; id++) seen.add(numbers.forSale(id));
    expect(seen.size).toBe(200_000 + 50_001);
  });

  it('depends on the seed and only on the seed and the SalesID', () => {
    expect(new TransactionNumbers(3).forSale(77)).toBe(new TransactionNumbers(3).forSale(77));
    expect(new TransactionNumbers(4).forSale(77)).not.toBe(new TransactionNumbers(3).forSale(77));
  });
});
