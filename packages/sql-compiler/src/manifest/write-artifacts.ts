import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NodeDraft } from '../compile/node-draft.js';
import { compiledPathOf } from './build-manifest.js';
import type { Manifest } from './schema.js';

/** Write-then-rename, so a reader never sees half a file and a crash leaves the old one intact. */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

export function writeManifest(targetPath: string, manifest: Manifest | string): void {
  writeFileAtomic(join(targetPath, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
}

/**
 * target/compiled/<package>/<path>: one file per compiled node, as dbt lays it out. The folder is
 * rebuilt from scratch so files of deleted models do not linger.
 */
export function writeCompiled(targetPath: string, nodes: Iterable<NodeDraft>, opts: { clean: boolean }): number {
  const root = join(targetPath, 'compiled');
  if (opts.clean) rmSync(root, { recursive: true, force: true });
  const dirs = new Set<string>();
  let count = 0;
  for (const n of nodes) {
    if (n.compiledCode === undefined) continue;
    const p = join(root, compiledPathOf(n));
    const d = dirname(p);
    if (!dirs.has(d)) {
      mkdirSync(d, { recursive: true });
      dirs.add(d);
    }
    writeFileSync(p, n.compiledCode);
    count++;
  }
  return count;
}
