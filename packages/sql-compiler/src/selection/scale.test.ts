import { describe, expect, it } from 'vitest';
import { buildSelectionGraph, select, type SelectableNode } from './index.js';

/**
 * 10,000 models in one long chain (each also reading the model 7 back and a shared seed) with
 * three tests each: 40,000+ nodes and a DAG 10,000 deep, the shape that exposes per-node walks.
 */
function bigGraph(): ReturnType<typeof buildSelectionGraph> {
  const nodes: SelectableNode[] = [];
  const base = {
    packageName: 'big',
    tags: [] as string[],
    config: {} as Record<string, unknown>,
  };
  nodes.push({ ...base, uniqueId: 'seed.big.s', name: 's', resourceType: 'seed', fqn: ['big', 's'], path: 's.csv', originalFilePath: 'seeds/s.csv', dependsOn: [] });
  for (let i = 0; i < 10_000; i++) {
    const deps = ['seed.big.s'];
    if (i > 0) deps.push(`model.big.m${i - 1}`);
    if (i >= 7) deps.push(`model.big.m${i - 7}`);
    const folder = `f${i % 10}`;
    nodes.push({
      ...base,
      uniqueId: `model.big.m${i}`,
      name: `m${i}`,
      resourceType: 'model',
      fqn: ['big', folder, `m${i}`],
      path: `${folder}/m${i}.sql`,
      originalFilePath: `models/${folder}/m${i}.sql`,
      tags: i % 2 === 0 ? ['even'] : [],
      config: { materialized: i % 3 === 0 ? 'table' : 'view' },
      dependsOn: deps,
    });
    for (const t of ['unique', 'not_null', 'accepted_values']) {
      nodes.push({
        ...base,
        uniqueId: `test.big.${t}_m${i}_id.x`,
        name: `${t}_m${i}_id`,
        resourceType: 'test',
        fqn: ['big', folder, `${t}_m${i}_id`],
        path: `${folder}/schema.yml`,
        originalFilePath: `models/${folder}/schema.yml`,
        dependsOn: [`model.big.m${i}`],
        testMetadata: { name: t },
      });
    }
  }
  return buildSelectionGraph(nodes);
}

// Correctness at full scale (40,000 nodes, a DAG 10,000 deep). Speed is not asserted here —
// timings on shared machines are noisy; a quadratic walk would make this file time out.
describe('selection over 40,000 nodes', () => {
  const graph = bigGraph();

  it('walks +x+ on a deep DAG', () => {
    const result = select(graph, { select: ['+m5000+'] });
    // m0..m9999 (all upstream or downstream), the seed, and the tests of m5000..m9999.
    expect(result.size).toBe(10_000 + 1 + 5_000 * 3);
  });

  it('handles wildcards, intersections, exclusion and cautious tests together', () => {
    const result = select(graph, {
      select: ['@m9000', 'f4.*,tag:even', '+config.materialized:table+1'],
      exclude: ['m1*'],
      indirectSelection: 'cautious',
    });
    expect(result.has('model.big.m9000')).toBe(true);
    expect(result.has('test.big.unique_m9000_id.x')).toBe(true);
    expect(result.has('model.big.m4')).toBe(true);
    expect(result.has('model.big.m14')).toBe(false); // f4 but excluded by m1*
    expect(result.has('model.big.m1000')).toBe(false);
    expect(result.has('test.big.unique_m1000_id.x')).toBe(false);
  });

  it('selects descendants of an early node on a freshly built graph', () => {
    const fresh = bigGraph();
    // m1 and everything after it, plus their tests: a deep walk that a quadratic step would stall.
    expect(select(fresh, { select: ['m1+'] }).size).toBe(9_999 + 9_999 * 3);
  });
});
