import { describe, expect, it } from 'vitest';
import { abortableSleep, backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles from 200 ms with equal jitter (between half and all of the step)', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, { random: () => 0 }))).toEqual([100, 200, 400, 800]);
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, { random: () => 0.999999 }))).toEqual([200, 400, 800, 1600]);
    expect(backoffDelay(2, { random: () => 0.5 })).toBe(300);
  });
  it('is capped', () => {
    expect(backoffDelay(30, { random: () => 0.999999, maxMs: 5000 })).toBe(5000);
  });
});

describe('abortableSleep', () => {
  it('returns at once when the signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(3_600_000, controller.signal);
    controller.abort();
    await expect(sleeping).resolves.toBeUndefined();
  });
});
