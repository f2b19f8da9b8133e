import { describe, expect, it } from 'vitest';
import { parseCriterion, parseSelectArgs } from './index.js';
import { compilePathMatcher, fnmatch } from './wildcards.js';

describe('parseCriterion', () => {
  it('splits depth operators, method, config key and value', () => {
    expect(parseCriterion('2+config.meta.owner:finance+3')).toMatchObject({
      method: 'config',
      methodArgs: ['meta', 'owner'],
      value: 'finance',
      parents: true,
      parentsDepth: 2,
      children: true,
      childrenDepth: 3,
      childrensParents: false,
    });
  });

  it('parses @ and unlimited depths', () => {
    expect(parseCriterion('@tag:nightly')).toMatchObject({ childrensParents: true, parents: false, children: false, value: 'nightly' });
    expect(parseCriterion('+orders+')).toMatchObject({ parentsDepth: undefined, childrenDepth: undefined, method: 'fqn' });
  });

  it('keeps colons after the method in the value', () => {
    expect(parseCriterion('tag:team:core')).toMatchObject({ method: 'tag', value: 'team:core' });
  });

  it('picks the default method from the value', () => {
    expect(parseCriterion('models/staging').method).toBe('path');
    expect(parseCriterion('orders.sql').method).toBe('file');
    expect(parseCriterion('marts.orders').method).toBe('fqn');
  });
});

describe('parseSelectArgs', () => {
  it('builds a union of comma intersections', () => {
    const spec = parseSelectArgs(['a,b  c', 'd']);
    expect(spec.kind).toBe('union');
    if (spec.kind !== 'union') return;
    expect(spec.items.map((i) => (i.kind === 'intersection' ? [i.raw, i.items.length] : []))).toEqual([
      ['a,b', 2],
      ['c', 1],
      ['d', 1],
    ]);
  });
});

describe('wildcards', () => {
  it('follows fnmatch: * crosses dots, [!x] negates, unclosed [ is literal', () => {
    expect(fnmatch('shop.staging.stg_orders', 'shop.*')).toBe(true);
    expect(fnmatch('stg_orders', 'stg_[!o]*')).toBe(false);
    expect(fnmatch('a[b', 'a[b')).toBe(true);
    expect(fnmatch('stg+x', 'stg+x')).toBe(true);
  });

  it('matches path globs by segment, and directories select what is below them', () => {
    const m = compilePathMatcher('models/*/stg_*.sql');
    expect(m('models/staging/stg_orders.sql')).toBe(true);
    expect(m('models/a/b/stg_orders.sql')).toBe(false);
    expect(compilePathMatcher('models/**/schema.yml')('models/schema.yml')).toBe(true);
    expect(compilePathMatcher('models/**/schema.yml')('models/a/b/schema.yml')).toBe(true);
    expect(compilePathMatcher('models/stag')('models/staging/x.sql')).toBe(false);
  });
});
