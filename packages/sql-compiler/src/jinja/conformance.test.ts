import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CASES, dbtLikeEnvironment, renderCase } from './conformance-cases.js';

describe('Jinja conformance (expected outputs from Jinja2 3.1)', () => {
  const env = dbtLikeEnvironment();
  it('has a substantial case list', () => {
    expect(CONFORMANCE_CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CONFORMANCE_CASES.map((c) => c.name)).size).toBe(CONFORMANCE_CASES.length);
  });
  for (const c of CONFORMANCE_CASES) {
    it(c.name, () => {
      expect(renderCase(env, c)).toEqual(c.expected);
    });
  }
});
