import type { ManifestNode, ResourceType } from '@lakeform/sql-compiler';
import type { NodeResult, NodeStatus } from '../src/engine.js';

/** A manifest node with just enough filled in for the executor, which only reads ids and config. */
export function fakeNode(uniqueId: string, opts: { resourceType?: ResourceType; config?: Record<string, unknown>; compiledCode?: string } = {}): ManifestNode {
  const name = uniqueId.split('.').at(-1) ?? uniqueId;
  return {
    unique_id: uniqueId,
    resource_type: opts.resourceType ?? 'model',
    name,
    package_name: 'shop',
    path: `${name}.sql`,
    original_file_path: `models/${name}.sql`,
    fqn: ['shop', name],
    database: 'awsdatacatalog',
    schema: 'main',
    alias: name,
    relation_name: `"awsdatacatalog"."main"."${name}"`,
    checksum: { name: 'sha256', checksum: '0' },
    config: { enabled: true, materialized: 'table', tags: [], meta: {}, ...opts.config },
    tags: [],
    description: '',
    columns: {},
    meta: {},
    docs: { show: true, node_color: null },
    patch_path: null,
    unrendered_config: {},
    created_at: 0,
    raw_code: 'select 1',
    language: 'sql',
    refs: [],
    sources: [],
    metrics: [],
    depends_on: { macros: [], nodes: [] },
    compiled_path: null,
    compiled: true,
    compiled_code: opts.compiledCode ?? 'select 1 as id',
    extra_ctes_injected: true,
    extra_ctes: [],
    contract: { enforced: false, alias_types: true, checksum: null },
  };
}

export function result(status: NodeStatus = 'success', message = 'OK', extra: Partial<NodeResult> = {}): NodeResult {
  return { status, message, queryIds: [], timing: [], adapterResponse: {}, ...extra };
}

/** A promise the test settles by hand, to hold a node "running" without sleeping. */
export class Deferred<T = void> {
  readonly promise: Promise<T>;
  resolve!: (value: T) => void;
  reject!: (reason: unknown) => void;
  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
}

/** Yields to the event loop once (lets other nodes' callbacks run) without any wall-clock wait. */
export function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A small seeded PRNG (mulberry32) so random DAGs are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
