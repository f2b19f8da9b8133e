/**
 * The `+` and `@` operators. Every walk is one multi-source breadth-first search, so its cost is
 * linear in the nodes and edges it touches however many nodes it starts from: walking once per
 * start node would be quadratic on a wide selection such as `+tag:nightly+`.
 */
import type { SelectionGraph } from './graph.js';
import type { SelectionCriterion } from './spec-parser.js';
import { indexGraph, type CompactDag } from './node-index.js';

/**
 * Nodes reachable from `start` along one direction of the DAG within `maxDepth` steps
 * (undefined = no limit), start nodes excluded (every caller unions them in anyway), added to
 * `found` so callers building a larger set avoid an intermediate copy.
 * Level-by-level BFS gives each node its shortest distance from the whole start set, which is
 * what "within N of any" means.
 */
function reach(
  dag: CompactDag,
  direction: 'up' | 'down',
  start: Iterable<string>,
  maxDepth: number | undefined,
  found: Set<string> = new Set(),
): Set<string> {
  const [edgeStart, edgeList] = direction === 'up' ? [dag.parentStart, dag.parentList] : [dag.childStart, dag.childList];
  const visited = new Uint8Array(dag.ids.length);
  let frontier: number[] = [];
  for (const id of start) {
    const i = dag.ordinal.get(id);
    if (i !== undefined && visited[i] === 0) {
      visited[i] = 1;
      frontier.push(i);
    }
  }
  let depth = 0;
  while (frontier.length > 0 && (maxDepth === undefined || depth < maxDepth)) {
    const next: number[] = [];
    for (const i of frontier) {
      for (let e = edgeStart[i]!, end = edgeStart[i + 1]!; e < end; e++) {
        const n = edgeList[e]!;
        if (n < 0 || visited[n] === 1) continue;
        visited[n] = 1;
        found.add(dag.ids[n]!);
        next.push(n);
      }
    }
    frontier = next;
    depth++;
  }
  return found;
}

/** Everything upstream of `start` (within `maxDepth` edges if given), not including `start` itself. */
export function ancestors(graph: SelectionGraph, start: Iterable<string>, maxDepth?: number): Set<string> {
  return reach(indexGraph(graph).dag, 'up', start, maxDepth);
}

/** Everything downstream of `start` (within `maxDepth` edges if given), not including `start` itself. */
export function descendants(graph: SelectionGraph, start: Iterable<string>, maxDepth?: number): Set<string> {
  return reach(indexGraph(graph).dag, 'down', start, maxDepth);
}

/** `@x`: x and everything downstream of it, plus every ancestor of those, so all of it can build. */
export function childrensParents(graph: SelectionGraph, start: Iterable<string>): Set<string> {
  const { dag } = indexGraph(graph);
  const seeds = [...start];
  const downstream = reach(dag, 'down', seeds, undefined);
  for (const id of seeds) downstream.add(id);
  return reach(dag, 'up', [...downstream], undefined, downstream);
}

/** The criterion's direct matches widened by its graph operators. */
export function applyGraphOperators(
  graph: SelectionGraph,
  criterion: SelectionCriterion,
  matched: Set<string>,
): Set<string> {
  if (!criterion.parents && !criterion.children && !criterion.childrensParents) return matched;
  const { dag } = indexGraph(graph);
  const result = new Set(matched);
  if (criterion.childrensParents) for (const id of childrensParents(graph, matched)) result.add(id);
  if (criterion.parents) reach(dag, 'up', matched, criterion.parentsDepth, result);
  if (criterion.children) reach(dag, 'down', matched, criterion.childrenDepth, result);
  return result;
}
