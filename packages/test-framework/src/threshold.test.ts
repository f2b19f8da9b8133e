import { describe, expect, it } from 'vitest';
import { parseThreshold, thresholdHolds } from './threshold.js';

describe('warn_if / error_if', () => {
  it.each([
    ['!= 0', 3, true],
    ['!= 0', 0, false],
    ['<> 0', 1, true],
    ['>10', 10, false],
    ['>10', 11, true],
    ['>= 5', 5, true],
    ['< 2', 1, true],
    ['<=2', 3, false],
    ['= 4', 4, true],
    ['== 4', 5, false],
    ['> 0.5', 1, true],
  ] as const)('%s with %i failures holds: %s', (text, failures, holds) => {
    const t = parseThreshold(text);
    expect(t).toBeDefined();
    expect(thresholdHolds(t!, failures)).toBe(holds);
  });

  it('a null count satisfies no comparison, as in SQL', () => {
    expect(thresholdHolds(parseThreshold('!= 0')!, null)).toBe(false);
  });

  it('leaves forms it cannot judge to SQL', () => {
    expect(parseThreshold('between 1 and 3')).toBeUndefined();
    expect(parseThreshold('> x')).toBeUndefined();
    expect(parseThreshold('')).toBeUndefined();
  });
});
