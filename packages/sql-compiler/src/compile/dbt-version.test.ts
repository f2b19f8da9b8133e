import { describe, expect, it } from 'vitest';
import { checkRequiredDbtVersion, satisfies } from './dbt-version.js';

describe('require-dbt-version', () => {
  it('checks dbt-style version specs', () => {
    expect(satisfies('1.10.0', '>=1.5.0')).toBe(true);
    expect(satisfies('1.10.0', '<2.0.0')).toBe(true);
    expect(satisfies('1.10.0', '>=1.11.0')).toBe(false);
    expect(satisfies('1.10.0', '1.10.x')).toBe(true);
    expect(satisfies('1.10.0', '1.9.x')).toBe(false);
  });
  it('warns, never fails, when the range excludes Lakeform', () => {
    expect(checkRequiredDbtVersion(['>=1.0.0', '<2.0.0'], 'p')).toEqual([]);
    const w = checkRequiredDbtVersion('>=2.0.0', 'p');
    expect(w).toHaveLength(1);
    expect(w[0]!.code).toBe('W_DBT_VERSION');
  });
});
