import { describe, expect, it } from 'vitest';
import { Dag } from './dag.js';

describe('Dag', () => {
  it('orders parents before children', () => {
    const g = new Dag();
    g.addEdge('a', 'b');
    g.addEdge('b', 'c');
    g.addEdge('a', 'c');
    g.addNode('d');
    const r = g.topologicalOrder();
    expect('order' in r && r.order).toEqual(['a', 'd', 'b', 'c']);
  });
  it('names the cycle in dependency order', () => {
    const g = new Dag();
    g.addEdge('root', 'x');
    g.addEdge('x', 'y');
    g.addEdge('y', 'z');
    g.addEdge('z', 'x');
    const r = g.topologicalOrder();
    expect('cycle' in r && r.cycle).toEqual(['x', 'y', 'z', 'x']);
  });
  it('builds sorted parent and child maps', () => {
    const g = new Dag();
    g.addEdge('b', 'c');
    g.addEdge('a', 'c');
    expect(g.toMaps()).toEqual({
      parent_map: { a: [], b: [], c: ['a', 'b'] },
      child_map: { a: ['c'], b: ['c'], c: [] },
    });
  });
});
