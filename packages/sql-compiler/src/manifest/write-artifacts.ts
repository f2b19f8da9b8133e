import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
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
 * target/compiled/<package>/<path>: one file per compiled node, as dbt lays it out. Given the
 * previous manifest, files whose SQL did not change are left alone and files of nodes that are
 * gone are removed — at 40,000 nodes, rewriting everything would dominate a recompile.
 */
export function writeCompiled(targetPath: string, nodes: Iterable<NodeDraft>, previous?: Manifest): { written: number; removed: number } {
  const root = join(targetPath, 'compiled');
  const before = new Map<string, string | undefined>();
  if (previous) {
    for (const n of Object.values(previous.nodes)) if (n.compiled_path) before.set(n.compiled_path.replace(/^target\/compiled\//, ''), n.compiled_code);
  }
  const dirs = new Set<string>();
  let written = 0;
  const now = new Set<string>();
  for (const n of nodes) {
    if (n.compiledCode === undefined) continue;
    const rel = compiledPathOf(n);
    now.add(rel);
    const p = join(root, rel);
    if (before.get(rel) === n.compiledCode && existsSync(p)) continue;
    const d = dirname(p);
    if (!dirs.has(d)) {
      mkdirSync(d, { recursive: true });
      dirs.add(d);
    }
    writeFileSync(p, n.compiledCode);
    written++;
  }
  let removed = 0;
  for (const rel of before.keys()) {
    if (now.has(rel)) continue;
    try {
      unlinkSync(join(root, rel));
      removed++;
    } catch {
      // Already gone: nothing to clean.
    }
  }
  return { written, removed };
}

/** The manifest a previous command left in target/, if it is readable. */
export function readPreviousManifest(targetPath: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(targetPath, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}
