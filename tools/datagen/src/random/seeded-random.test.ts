import { describe, expect, it } from 'vitest';
import { mix32 } from './mix32.js';
import { SeededRandom } from './seeded-random.js';

const draw = (r: SeededRandom, n: number): number[] => Array.from({ length: n }, () => r.nextUint32());

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and stream', () => {
    expect(draw(new SeededRandom(42, 'sales'), 100)).toEqual(draw(new SeededRandom(42, 'sales'), 100));
  });

  it('gives different sequences for another seed or another stream', () => {
    const base = draw(new SeededRandom(42, 'sales'), 20);
    expect(draw(new SeededRandom(43, 'sales'), 20)).not.toEqual(base);
    expect(draw(new SeededRandom(42, 'customers'), 20)).not.toEqual(base);
  });

  it('keeps int() and intBetween() within bounds and reaches both ends', () => {
    const r = new SeededRandom(1, 'bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const v = r.intBetween(1, 25);
      expect(v).toBeGreaterThanOrEqual(1);
      expect(v).toBeLessThanOrEqual(25);
      seen.add(v);
    }
    expect(seen.size).toBe(25);
  });

  it('spreads float() roughly evenly over [0, 1)', () => {
    const r = new SeededRandom(9, 'uniform');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(r.float() * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('shuffles into a permutation of the input', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new SeededRandom(5, 'shuffle').shuffled(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});

describe('mix32', () => {
  it('maps distinct inputs to distinct 32-bit outputs', () => {
    const seen = new Set<number>();
    let outOfRange = 0;
    for (let i = 0; i < 1 << 18; i++) {
      const v = mix32(i, 0xdeadbeef);
      if (v >>> 0 !== v) outOfRange++;
      seen.add(v);
    }
    expect(outOfRange).toBe(0);
    expect(seen.size).toBe(1 << 18);
  });
});
