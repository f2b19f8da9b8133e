import { describe, expect, it } from 'vitest';
import { exitCodeFor } from './exit-code.js';

describe('exitCodeFor (dbt exit codes)', () => {
  it('is 0 without errors or failures, warnings included', () => {
    expect(exitCodeFor({ error: 0, fail: 0 }, false)).toBe(0);
  });
  it('is 1 when a node errored or a test failed', () => {
    expect(exitCodeFor({ error: 1, fail: 0 }, false)).toBe(1);
    expect(exitCodeFor({ error: 0, fail: 2 }, false)).toBe(1);
  });
  it('is 2 when the run was interrupted, whatever else happened', () => {
    expect(exitCodeFor({ error: 0, fail: 0 }, true)).toBe(2);
    expect(exitCodeFor({ error: 3, fail: 1 }, true)).toBe(2);
  });
});
