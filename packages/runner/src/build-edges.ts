import type { ManifestNode } from '@lakeform/sql-compiler';
import { parentsLookup, type ParentsInput } from './dag-plan.js';

/**
 * `build` order: a model's tests run before the nodes that read the model, so a failing test
 * (severity error) stops bad data from flowing downstream — dbt's test edges. A test that reads
 * several models (relationships) only gates a child that depends on all of them; otherwise the
 * extra edge could close a cycle (the child would wait for a test that waits for the child).
 * Returns the parents to pass to `executeDag` for a build of `nodes`.
 */
export function withTestEdges(nodes: readonly ManifestNode[], parentsInput: ParentsInput): (uniqueId: string) => readonly string[] {
  const parentsOf = parentsLookup(parentsInput);
  const selected = new Map(nodes.map((n) => [n.unique_id, n]));
  /** model id → the selected tests that read it. */
  const testsOf = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.resource_type !== 'test') continue;
    for (const p of new Set(parentsOf(n.unique_id))) {
      const list = testsOf.get(p);
      if (list) list.push(n.unique_id);
      else testsOf.set(p, [n.unique_id]);
    }
  }
  const extra = new Map<string, string[]>();
  for (const child of nodes) {
    if (child.resource_type === 'test') continue;
    const gates = new Set<string>();
    for (const p of parentsOf(child.unique_id)) {
      for (const t of testsOf.get(p) ?? []) {
        const testParents = parentsOf(t);
        if (testParents.length <= 1 || testParents.every((tp) => tp === p || isAncestor(tp, child.unique_id, parentsOf))) gates.add(t);
      }
    }
    if (gates.size > 0) extra.set(child.unique_id, [...gates]);
  }
  return (id) => {
    const more = extra.get(id);
    const base = parentsOf(id);
    return more ? [...base, ...more.filter((t) => selected.has(t) && !base.includes(t))] : base;
  };
}

function isAncestor(ancestor: string, of: string, parentsOf: (id: string) => readonly string[]): boolean {
  const seen = new Set<string>();
  const stack = [...parentsOf(of)];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === ancestor) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...parentsOf(id));
  }
  return false;
}
