import { SeededRandom } from '../random/seeded-random.js';

export interface SalesDay {
  /** Days since 1970-01-01. */
  day: number;
  sales: number;
}

/**
 * Splits `total` sales over the days `from..to` (inclusive): about the same number each day,
 * ±10 %, summing to exactly `total` (largest-remainder rounding).
 */
export function dailySalesVolumes(seed: number, total: number, from: number, to: number): SalesDay[] {
  const random = new SeededRandom(seed, 'sales-volume');
  const weights: number[] = [];
  for (let day = from; day <= to; day++) weights.push(0.9 + 0.2 * random.float());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const ideal = weights.map((w) => (total * w) / weightSum);
  const volumes = ideal.map(Math.floor);
  let missing = total - volumes.reduce((a, b) => a + b, 0);
  const byRemainder = ideal.map((v, i) => ({ i, remainder: v - Math.floor(v) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing === 0) break;
    volumes[i]! += 1;
    missing--;
  }
  return volumes.map((sales, i) => ({ day: from + i, sales }));
}
