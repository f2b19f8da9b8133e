import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NodeDraft } from '../compile/node-draft.js';
import { compiledPathOf } from './build-manifest.js';
import type { Manifest } from './schema.js';
import type { SerializedManifest } from './serialize-manifest.js';

/** Write-then-rename, so a reader never sees half a file and a crash leaves the old one intact. */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/**
 * Writes manifest.json whole. The partial-parse cache describes byte ranges of the manifest it was
 * written with, so it is dropped here; compileToTarget writes both together.
 */
export function writeManifest(targetPath: string, manifest: Manifest | string): void {
  rmSync(join(targetPath, 'partial_parse.json'), { force: true });
  writeFileAtomic(join(targetPath, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
}

/**
 * target/compiled/<package>/<path>: one file per compiled node, as dbt lays it out. Given the
 * previous compile's SQL hashes (path → hash), unchanged files are left alone and files of nodes
 * that are gone are removed: creating and rewriting 40,000 files would dominate a recompile.
 */
export function writeCompiled(targetPath: string, nodes: Iterable<NodeDraft>, previous?: Map<string, string | null>): { written: number; removed: number } {
  const root = join(targetPath, 'compiled');
  const dirs = new Set<string>();
  let written = 0;
  const now = new Set<string>();
  for (const n of nodes) {
    if (n.compiledCode === undefined) continue;
    const rel = compiledPathOf(n);
    now.add(rel);
    const p = join(root, rel);
    const before = previous?.get(rel);
    if (before && before === createHash('sha1').update(n.compiledCode).digest('hex') && existsSync(p)) continue;
    const d = dirname(p);
    if (!dirs.has(d)) {
      mkdirSync(d, { recursive: true });
      dirs.add(d);
    }
    writeFileSync(p, n.compiledCode);
    written++;
  }
  let removed = 0;
  for (const rel of previous?.keys() ?? []) {
    if (!rel || now.has(rel)) continue;
    try {
      unlinkSync(join(root, rel));
      removed++;
    } catch {
      // Already gone: nothing to clean.
    }
  }
  return { written, removed };
}

/** Streams a serialised manifest to target/manifest.json (via a temp file and rename). */
export function writeSerializedManifest(targetPath: string, m: SerializedManifest): void {
  writeChunksAtomic(join(targetPath, 'manifest.json'), m.chunks);
}

export function writeChunksAtomic(path: string, chunks: Iterable<string | Uint8Array>): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    for (const c of chunks) {
      if (typeof c === 'string') {
        batch.push(c);
        size += c.length;
        if (size > 1 << 20) {
          writeSync(fd, batch.join(''));
          batch = [];
          size = 0;
        }
      } else {
        if (batch.length) writeSync(fd, batch.join(''));
        batch = [];
        size = 0;
        writeSync(fd, c);
      }
    }
    if (batch.length) writeSync(fd, batch.join(''));
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** The manifest a previous command left in target/, if it is readable. */
export function readPreviousManifest(targetPath: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(targetPath, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}
