import type { Manifest } from './schema.js';

/**
 * manifest.json as a stream of chunks, recording the byte range of every node's JSON. Equivalent to
 * JSON.stringify(manifest), but (a) nodes can be produced one at a time and written as they come,
 * so 100 MB of JSON never sits in memory at once, and (b) the ranges let a recompile splice one
 * changed node into the previous file instead of re-serialising 40,000 nodes.
 */
export interface ManifestLayout {
  /** Total size in bytes. */
  size: number;
  metadataRange: [number, number];
  nodeRanges: Map<string, [number, number]>;
}

/**
 * `slack(id)` bytes of spaces follow a node's JSON (legal JSON whitespace) and count as part of its
 * range, so a recompile can usually overwrite one node in place instead of rewriting the file.
 */
export function* serializeManifest(m: Manifest, layout: ManifestLayout, nodeEntries?: Iterable<[string, unknown]>, slack?: (id: string) => number): Generator<string> {
  let pos = 0;
  const chunk = (s: string) => {
    pos += Buffer.byteLength(s);
    return s;
  };
  yield chunk('{"metadata":');
  const metaStart = pos;
  yield chunk(JSON.stringify(m.metadata));
  layout.metadataRange = [metaStart, pos];
  yield chunk(',"nodes":{');
  let first = true;
  for (const [id, node] of nodeEntries ?? Object.entries(m.nodes)) {
    yield chunk(`${first ? '' : ','}${JSON.stringify(id)}:`);
    first = false;
    const start = pos;
    const room = slack?.(id) ?? 0;
    // Entries may arrive already serialised (see manifestNodeJson).
    const json = typeof node === 'string' ? node : JSON.stringify(node);
    yield chunk(room ? json + ' '.repeat(room) : json);
    layout.nodeRanges.set(id, [start, pos]);
  }
  yield chunk('}');
  for (const key of Object.keys(m) as (keyof Manifest)[]) {
    if (key === 'metadata' || key === 'nodes') continue;
    yield chunk(`,${JSON.stringify(key)}:${JSON.stringify(m[key])}`);
  }
  yield chunk('}');
  layout.size = pos;
}

export function emptyLayout(): ManifestLayout {
  return { size: 0, metadataRange: [0, 0], nodeRanges: new Map() };
}
