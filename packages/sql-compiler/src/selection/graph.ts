/**
 * The selection engine's own view of a project: a flat list of nodes plus parent/child adjacency.
 * The compiler adapts its manifest to this shape so selection stays independent of how the
 * manifest is stored, and so tests can build graphs by hand.
 */
import { LakeformError } from '../errors.js';

export type ResourceType =
  | 'model'
  | 'test'
  | 'seed'
  | 'snapshot'
  | 'source'
  | 'exposure'
  | 'analysis'
  | 'unit_test'
  | 'operation'
  | 'macro';

export const RESOURCE_TYPES: readonly ResourceType[] = [
  'model',
  'test',
  'seed',
  'snapshot',
  'source',
  'exposure',
  'analysis',
  'unit_test',
  'operation',
  'macro',
];

export interface TestMetadata {
  name: string;
  kwargs?: Record<string, unknown>;
  namespace?: string | null;
}

export interface SelectableNode {
  /** e.g. 'model.shop.stg_orders', 'source.shop.raw.orders', 'model.shop.dim_customers.v2'. */
  uniqueId: string;
  /** e.g. 'stg_orders'. Versioned models share one name across versions. */
  name: string;
  resourceType: ResourceType;
  packageName: string;
  /**
   * [project, folders under the resource path..., name]; sources are
   * [project, folders..., source_name, table_name]; versioned models end with 'v<version>' as in dbt.
   */
  fqn: string[];
  /** Relative to the resource root, e.g. 'staging/stg_orders.sql'. */
  path: string;
  /** Relative to the project (or package) root, e.g. 'models/staging/stg_orders.sql'. */
  originalFilePath: string;
  tags: string[];
  config: Record<string, unknown>;
  sourceName?: string;
  version?: string | number;
  isLatestVersion?: boolean;
  /** Parent unique ids. Ids of macros are allowed and only feed `state:modified.macros`. */
  dependsOn: string[];
  /** Content hash of the raw file, compared by `state:modified.body`. */
  checksum?: string;
  rawCode?: string;
  /** Present exactly on generic tests. */
  testMetadata?: TestMetadata;
  attachedNode?: string;
}

export interface SelectionGraph {
  nodes: Map<string, SelectableNode>;
  /** Node → its parents, restricted to selectable nodes of the graph. */
  parents: Map<string, string[]>;
  /** Node → its children; the inverse of `parents`. */
  children: Map<string, string[]>;
}

/** Macros are never selected, and disabled nodes are not part of dbt's graph. */
export function isGraphMember(node: SelectableNode): boolean {
  return node.resourceType !== 'macro' && node.config['enabled'] !== false;
}

/**
 * Edges are kept only between graph members: walking through a macro would connect every model
 * that calls a shared macro, and a disabled node has no place in the DAG dbt selects over.
 * Dangling ids (a parent outside this graph) are dropped so walks never meet an unknown id.
 */
export function buildSelectionGraph(nodes: Iterable<SelectableNode>): SelectionGraph {
  const byId = new Map<string, SelectableNode>();
  for (const node of nodes) {
    if (byId.has(node.uniqueId)) {
      throw new LakeformError({
        code: 'E_DUPLICATE_NODE',
        message: `Two nodes share the unique id '${node.uniqueId}'.`,
        hint: 'Unique ids must be unique across models, tests, seeds, snapshots, sources and exposures.',
        node: node.uniqueId,
      });
    }
    byId.set(node.uniqueId, node);
  }

  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const [id, node] of byId) {
    if (!isGraphMember(node)) continue;
    parents.set(id, []);
    children.set(id, []);
  }
  for (const [id, node] of byId) {
    const own = parents.get(id);
    if (own === undefined) continue;
    // Most nodes have a handful of parents, where a linear duplicate check beats allocating a
    // Set per node; fall back to a Set for the rare node with very many.
    const seen = node.dependsOn.length > 16 ? new Set<string>() : undefined;
    for (const parentId of node.dependsOn) {
      if (parentId === id) continue;
      if (seen !== undefined) {
        if (seen.has(parentId)) continue;
        seen.add(parentId);
      } else if (own.includes(parentId)) {
        continue;
      }
      const parentChildren = children.get(parentId);
      if (parentChildren === undefined) continue;
      own.push(parentId);
      parentChildren.push(id);
    }
  }
  return { nodes: byId, parents, children };
}
