/**
 * Per-graph facts that every selection needs (which nodes are selectable, flattened fqns, the
 * latest version of each versioned model, integer adjacency), computed once per graph instead of
 * once per spec. Graphs are treated as immutable once built; the cache is keyed by the graph.
 */
import { isGraphMember, type ResourceType, type SelectableNode, type SelectionGraph } from './graph.js';

/**
 * One selectable node with the fields matching reads copied into a record of one fixed shape:
 * the caller's node objects may come in many shapes, and property reads across many shapes are
 * what made a scan of 40,000 nodes slow.
 */
export interface IndexedNode {
  id: string;
  node: SelectableNode;
  resourceType: ResourceType;
  name: string;
  /** node.tags plus any tags left in config, which dbt merges. */
  tags: string[];
  fqn: string[];
  /** fqn with dotted segments split, as dbt compares them. */
  flatFqn: string[];
  /** The same without the leading package name, so selection works across packages. */
  flatUnscopedFqn: string[];
  /** The two above joined with '.', for wildcard patterns that start at the first part. */
  joinedFqn: string;
  joinedUnscopedFqn: string;
  /** A model with a version: its fqn ends with 'v<version>'. */
  isVersioned: boolean;
}

/**
 * The DAG as integer adjacency (compressed sparse rows): walks over typed arrays avoid hashing a
 * string per edge, which is most of the cost of `+x+` on a large graph.
 */
export interface CompactDag {
  ids: string[];
  ordinal: Map<string, number>;
  parentStart: Int32Array;
  parentList: Int32Array;
  childStart: Int32Array;
  childList: Int32Array;
  /** 1 for tests and unit tests: the nodes indirect selection may add. */
  testLike: Uint8Array;
}

export interface GraphIndex {
  /** Enabled, non-macro nodes: everything a method can match. */
  members: IndexedNode[];
  /**
   * Every string an exact (wildcard-free) fqn selector could match on: leaf names, first fqn
   * parts with and without the package, and versioned names. Lets `+orders+` skip the full scan.
   */
  fqnKeys: Map<string, IndexedNode[]>;
  dag: CompactDag;
  /** Model group key (package + name) → the version dbt considers latest. */
  latestVersion: Map<string, string | number>;
  sourceIds: Set<string>;
}

const cache = new WeakMap<SelectionGraph, GraphIndex>();

function flatten(segments: readonly string[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.includes('.')) out.push(...segment.split('.'));
    else out.push(segment);
  }
  return out;
}

export function versionGroupKey(node: SelectableNode): string {
  return `${node.packageName}\u0000${node.name}`;
}

/**
 * dbt compares versions numerically when both parse as numbers and as strings otherwise, so
 * '10' is newer than '9' while 'beta' and 'alpha' still order.
 */
export function compareVersions(a: string | number, b: string | number): number {
  const na = typeof a === 'number' ? a : String(a).trim() === '' ? NaN : Number(a);
  const nb = typeof b === 'number' ? b : String(b).trim() === '' ? NaN : Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function mergedTags(node: SelectableNode): string[] {
  const fromConfig = node.config['tags'];
  const extra = Array.isArray(fromConfig) ? fromConfig : typeof fromConfig === 'string' ? [fromConfig] : [];
  if (extra.length === 0) return node.tags;
  return [...new Set([...node.tags, ...extra.filter((t): t is string => typeof t === 'string')])];
}

function addKey(keys: Map<string, IndexedNode[]>, key: string | undefined, entry: IndexedNode): void {
  if (key === undefined) return;
  const list = keys.get(key);
  if (list === undefined) keys.set(key, [entry]);
  else if (list[list.length - 1] !== entry) list.push(entry);
}

function buildIndex(graph: SelectionGraph): GraphIndex {
  const members: IndexedNode[] = [];
  const fqnKeys = new Map<string, IndexedNode[]>();
  const explicitLatest = new Map<string, string | number>();
  const maxVersion = new Map<string, string | number>();
  const sourceIds = new Set<string>();
  for (const node of graph.nodes.values()) {
    if (!isGraphMember(node)) continue;
    const fqn = node.fqn;
    const flatFqn = flatten(fqn, 0);
    const flatUnscopedFqn = flatten(fqn, 1);
    const isVersioned = node.resourceType === 'model' && node.version !== undefined;
    const entry: IndexedNode = {
      id: node.uniqueId,
      node,
      resourceType: node.resourceType,
      name: node.name,
      tags: mergedTags(node),
      fqn,
      flatFqn,
      flatUnscopedFqn,
      joinedFqn: flatFqn.join('.'),
      joinedUnscopedFqn: flatUnscopedFqn.join('.'),
      isVersioned,
    };
    members.push(entry);
    const n = fqn.length;
    addKey(fqnKeys, fqn[n - 1], entry);
    addKey(fqnKeys, flatFqn[0], entry);
    addKey(fqnKeys, flatUnscopedFqn[0], entry);
    if (isVersioned && n >= 2) {
      addKey(fqnKeys, fqn[n - 2], entry);
      addKey(fqnKeys, `${fqn[n - 2]}_${fqn[n - 1]}`, entry);
    }
    if (node.resourceType === 'source') sourceIds.add(node.uniqueId);
    if (isVersioned) {
      const key = versionGroupKey(node);
      const version = node.version!;
      if (node.isLatestVersion === true) explicitLatest.set(key, version);
      const prev = maxVersion.get(key);
      if (prev === undefined || compareVersions(version, prev) > 0) maxVersion.set(key, version);
    }
  }
  // Without an explicit latest_version dbt treats the highest version as latest.
  const latestVersion = new Map(maxVersion);
  for (const [key, v] of explicitLatest) latestVersion.set(key, v);
  return { members, fqnKeys, latestVersion, sourceIds, dag: compact(graph, members) };
}

function compactEdges(edges: Map<string, string[]>, ids: readonly string[], ordinal: Map<string, number>): [Int32Array, Int32Array] {
  const start = new Int32Array(ids.length + 1);
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    start[i] = total;
    total += edges.get(ids[i]!)?.length ?? 0;
  }
  start[ids.length] = total;
  const list = new Int32Array(total);
  let k = 0;
  for (const id of ids) for (const other of edges.get(id) ?? []) list[k++] = ordinal.get(other) ?? -1;
  return [start, list];
}

/**
 * Only members get ordinals and edges to anything else are dropped, so no walk can reach a macro
 * or disabled node even in a hand-built graph whose adjacency includes them.
 */
function compact(graph: SelectionGraph, members: readonly IndexedNode[]): CompactDag {
  const ids = members.map((m) => m.id);
  const ordinal = new Map<string, number>();
  ids.forEach((id, i) => ordinal.set(id, i));
  const [parentStart, parentList] = compactEdges(graph.parents, ids, ordinal);
  const [childStart, childList] = compactEdges(graph.children, ids, ordinal);
  const testLike = new Uint8Array(ids.length);
  ids.forEach((id, i) => {
    const type = graph.nodes.get(id)?.resourceType;
    if (type === 'test' || type === 'unit_test') testLike[i] = 1;
  });
  return { ids, ordinal, parentStart, parentList, childStart, childList, testLike };
}

export function indexGraph(graph: SelectionGraph): GraphIndex {
  let index = cache.get(graph);
  if (index === undefined) {
    index = buildIndex(graph);
    cache.set(graph, index);
  }
  return index;
}
