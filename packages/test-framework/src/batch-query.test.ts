import { describe, expect, it } from 'vitest';
import { buildBatchQuery } from './batch-query.js';

describe('the batched query', () => {
  it('is a plain aggregate when no test groups', () => {
    const q = buildBatchQuery('"db"."s"."m"', [
      { testId: 'a', check: { shape: 'count', aggregate: 'count_if(x is null)' } },
      { testId: 'b', check: { shape: 'count', aggregate: 'count_if(x is null)' } },
    ]);
    expect(q.sql).not.toMatch(/group by/);
    // A shared aggregate is computed once.
    expect(q.sql.match(/count_if\(x is null\)/g)).toHaveLength(1);
    expect(q.columns).toEqual([
      { testId: 'a', column: 'lf_t0' },
      { testId: 'b', column: 'lf_t1' },
    ]);
  });

  it('groups by key aliases, one grouping set per distinct key list, spelling variants merged', () => {
    const dup = (keys: string[]) => ({ shape: 'groups' as const, keys, aggregates: [{ sql: 'count(*)', empty: '0' }], failing: ([n]: readonly string[]) => `${n} > 1` });
    const q = buildBatchQuery('m', [
      { testId: 'u1', check: dup(['a']) },
      { testId: 'u2', check: dup(['A', '"b"']) },
      { testId: 'u3', check: dup(['"a"']) },
    ]);
    expect(q.sql).toContain('from (select *, a as lf_k0, "b" as lf_k1 from m) lf_rows');
    expect(q.sql).toContain('group by grouping sets ((), (lf_k0), (lf_k0, lf_k1))');
    // grouping(lf_k0, lf_k1): (lf_k0) → 0b01, (lf_k0, lf_k1) → 0b00.
    expect(q.sql).toContain('count_if(lf_gid = 1 and (lf_a0 > 1)) as lf_t0');
    expect(q.sql).toContain('count_if(lf_gid = 0 and (lf_a0 > 1)) as lf_t1');
    expect(q.sql).toContain('count_if(lf_gid = 1 and (lf_a0 > 1)) as lf_t2');
  });
});
