import type { Manifest } from './schema.js';

/**
 * manifest.json as a list of chunks, with the byte range of every node's JSON. Equivalent to
 * JSON.stringify(manifest), but the ranges let a recompile splice one changed node into the
 * previous file instead of re-serialising 40,000 nodes.
 */
export interface SerializedManifest {
  chunks: string[];
  /** Total size in bytes. */
  size: number;
  metadataRange: [number, number];
  nodeRanges: Map<string, [number, number]>;
}

export function serializeManifest(m: Manifest, nodeEntries?: Iterable<[string, unknown]>): SerializedManifest {
  const chunks: string[] = [];
  let pos = 0;
  const push = (s: string) => {
    chunks.push(s);
    pos += Buffer.byteLength(s);
  };
  const nodeRanges = new Map<string, [number, number]>();
  push('{"metadata":');
  const metaStart = pos;
  push(JSON.stringify(m.metadata));
  const metadataRange: [number, number] = [metaStart, pos];
  push(',"nodes":{');
  let first = true;
  for (const [id, node] of nodeEntries ?? Object.entries(m.nodes)) {
    push(`${first ? '' : ','}${JSON.stringify(id)}:`);
    first = false;
    const start = pos;
    push(JSON.stringify(node));
    nodeRanges.set(id, [start, pos]);
  }
  push('}');
  for (const key of Object.keys(m) as (keyof Manifest)[]) {
    if (key === 'metadata' || key === 'nodes') continue;
    push(`,${JSON.stringify(key)}:${JSON.stringify(m[key])}`);
  }
  push('}');
  return { chunks, size: pos, metadataRange, nodeRanges };
}
