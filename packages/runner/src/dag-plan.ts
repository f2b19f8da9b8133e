import type { ManifestNode } from '@lakeform/sql-compiler';

/**
 * A node's parents, as the manifest's `parent_map`, a Map, or a function. Parents may name nodes
 * outside the selection (sources, unselected models); see `planDag` for how those count.
 */
export type ParentsInput =
  | ReadonlyMap<string, readonly string[]>
  | Readonly<Record<string, readonly string[]>>
  | ((uniqueId: string) => readonly string[] | undefined);

/** The selected nodes as a graph the scheduler can walk. */
export interface DagPlan {
  /** Selected ids, de-duplicated, in input order. */
  ids: string[];
  nodes: ReadonlyMap<string, ManifestNode>;
  parents: ReadonlyMap<string, readonly string[]>;
  children: ReadonlyMap<string, readonly string[]>;
  /** Longest cost-weighted path from the node to a leaf, itself included: higher starts first. */
  priority: ReadonlyMap<string, number>;
  /** Nodes that can never become ready: on a dependency cycle or downstream of one. */
  blocked: string[];
  /** One cycle among the blocked nodes, closed (first id repeated last); empty when there is none. */
  cycle: string[];
}

const NO_PARENTS: readonly string[] = [];

export function parentsLookup(input: ParentsInput): (id: string) => readonly string[] {
  if (typeof input === 'function') return (id) => input(id) ?? NO_PARENTS;
  if (input instanceof Map) return (id) => input.get(id) ?? NO_PARENTS;
  const record = input as Readonly<Record<string, readonly string[]>>;
  return (id) => (Object.hasOwn(record, id) ? (record[id] ?? NO_PARENTS) : NO_PARENTS);
}

/**
 * Builds the graph among the selected nodes. As dbt's subset graph does, an edge that passes
 * through unselected nodes (a → b → c with only a and c selected) still orders c after a:
 * c reads what b built from a, so running c before a finished would read stale data.
 * Parents that lead to no selected node (sources, upstream models not in the run) are ignored.
 */
export function planDag(nodes: readonly ManifestNode[], parentsInput: ParentsInput, cost: (n: ManifestNode) => number = () => 1): DagPlan {
  const parentsOf = parentsLookup(parentsInput);
  const byId = new Map<string, ManifestNode>();
  for (const n of nodes) if (!byId.has(n.unique_id)) byId.set(n.unique_id, n);
  const ids = [...byId.keys()];

  const throughUnselected = nearestSelectedAncestors(byId, parentsOf);
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const id of ids) children.set(id, []);
  for (const id of ids) {
    const ps = new Set<string>();
    for (const p of parentsOf(id)) {
      if (p === id) continue;
      if (byId.has(p)) ps.add(p);
      else for (const a of throughUnselected(p)) if (a !== id) ps.add(a);
    }
    const list = [...ps];
    parents.set(id, list);
    for (const p of list) children.get(p)!.push(id);
  }

  const order = topologicalOrder(ids, parents, children);
  const ordered = new Set(order);
  const blocked = ids.filter((id) => !ordered.has(id));
  const priority = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    let longest = 0;
    for (const c of children.get(id)!) longest = Math.max(longest, priority.get(c) ?? 0);
    priority.set(id, Math.max(0, cost(byId.get(id)!)) + longest);
  }
  return { ids, nodes: byId, parents, children, priority, blocked, cycle: findCycle(blocked, parents) };
}

/**
 * For an unselected node, the selected nodes reached first when walking up its parents.
 * Memoised and iterative: manifests have long chains of unselected models, deeper than a
 * recursive walk's stack allows.
 */
function nearestSelectedAncestors(selected: ReadonlyMap<string, unknown>, parentsOf: (id: string) => readonly string[]): (id: string) => readonly string[] {
  const memo = new Map<string, readonly string[]>();
  const visiting = new Set<string>();
  return (root) => {
    const known = memo.get(root);
    if (known) return known;
    const stack = [root];
    visiting.add(root);
    while (stack.length > 0) {
      const u = stack[stack.length - 1]!;
      const ps = parentsOf(u);
      const next = ps.find((p) => !selected.has(p) && !memo.has(p) && !visiting.has(p));
      if (next !== undefined) {
        visiting.add(next);
        stack.push(next);
        continue;
      }
      const found = new Set<string>();
      for (const p of ps) {
        if (selected.has(p)) found.add(p);
        // A parent still being visited is on a cycle among unselected nodes: it adds nothing new.
        else for (const a of memo.get(p) ?? []) found.add(a);
      }
      memo.set(u, [...found]);
      visiting.delete(u);
      stack.pop();
    }
    return memo.get(root)!;
  };
}

function topologicalOrder(ids: readonly string[], parents: ReadonlyMap<string, readonly string[]>, children: ReadonlyMap<string, readonly string[]>): string[] {
  const waiting = new Map<string, number>();
  const order: string[] = [];
  for (const id of ids) {
    const n = parents.get(id)!.length;
    waiting.set(id, n);
    if (n === 0) order.push(id);
  }
  for (let i = 0; i < order.length; i++) {
    for (const c of children.get(order[i]!)!) {
      const left = waiting.get(c)! - 1;
      waiting.set(c, left);
      if (left === 0) order.push(c);
    }
  }
  return order;
}

/** Every blocked node has a blocked parent, so walking blocked parents must close a loop. */
function findCycle(blocked: readonly string[], parents: ReadonlyMap<string, readonly string[]>): string[] {
  if (blocked.length === 0) return [];
  const isBlocked = new Set(blocked);
  const path: string[] = [];
  const seenAt = new Map<string, number>();
  let at: string | undefined = blocked[0];
  while (at !== undefined && !seenAt.has(at)) {
    seenAt.set(at, path.length);
    path.push(at);
    at = parents.get(at)!.find((p) => isBlocked.has(p));
  }
  if (at === undefined) return [];
  // Walked child → parent; a cycle reads better in build order, parent → child.
  return [...path.slice(seenAt.get(at)!), at].reverse();
}
