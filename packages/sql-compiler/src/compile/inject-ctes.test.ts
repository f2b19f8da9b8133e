import { describe, expect, it } from 'vitest';
import { injectCtes } from './inject-ctes.js';

const cte = { id: 'model.p.e', name: 'e', sql: 'select 1 as x\n' };

describe('injectCtes', () => {
  it('prepends a WITH when the query has none', () => {
    expect(injectCtes('select * from __dbt__cte__e', [cte])).toBe('with __dbt__cte__e as (\nselect 1 as x\n)\nselect * from __dbt__cte__e');
  });
  it('joins the leading WITH, after comments', () => {
    expect(injectCtes('-- note\nWITH a as (select 1)\nselect * from a', [cte])).toBe(
      '-- note\nWITH __dbt__cte__e as (\nselect 1 as x\n), a as (select 1)\nselect * from a',
    );
  });
  it('keeps several CTEs in order and leaves queries without ephemerals alone', () => {
    const two = injectCtes('select 1', [cte, { id: 'model.p.f', name: 'f', sql: 'select 2' }]);
    expect(two).toBe('with __dbt__cte__e as (\nselect 1 as x\n), __dbt__cte__f as (\nselect 2\n)\nselect 1');
    expect(injectCtes('select 1', [])).toBe('select 1');
  });
});
