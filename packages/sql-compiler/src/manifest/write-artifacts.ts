import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { NodeDraft } from '../compile/node-draft.js';
import { compiledPathOf } from './build-manifest.js';
import type { Manifest } from './schema.js';

/** Write-then-rename, so a reader never sees half a file and a crash leaves the old one intact. */
export function writeFileAtomic(path: string, content: string): void {
  writeChunksAtomic(path, [content]);
}

/**
 * Writes manifest.json whole. The partial-parse cache describes byte ranges of the manifest it was
 * written with, so it is dropped here; compileToTarget writes both together.
 */
export function writeManifest(targetPath: string, manifest: Manifest | string): void {
  rmSync(join(targetPath, 'partial_parse.json'), { force: true });
  writeFileAtomic(join(targetPath, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
}

const COMPILED_INDEX = '.lakeform-index.json';
const COMPILED_JOURNAL = '.lakeform-index.log';

/**
 * target/compiled/<package>/<path>: one file per compiled node, as dbt lays it out. An index of
 * what each file holds (target/compiled/.lakeform-index.json: path → SQL hash) lets unchanged
 * files stay untouched — creating or rewriting 40,000 files would dominate a compile. With
 * `complete` (every node was compiled), files of nodes that no longer exist are removed.
 */
export function writeCompiled(targetPath: string, nodes: Iterable<NodeDraft>, opts: { complete?: boolean } = {}): { written: number; removed: number } {
  const root = join(targetPath, 'compiled');
  const indexPath = join(root, COMPILED_INDEX);
  const index = readCompiledIndex(root);
  const dirs = new Set<string>();
  // One readdir per folder instead of one stat per file: the index is trusted only for files
  // that are really there.
  const present = new Map<string, Set<string>>();
  const exists = (dir: string, name: string) => {
    let names = present.get(dir);
    if (!names) {
      try {
        names = new Set(readdirSync(dir));
      } catch {
        names = new Set();
      }
      present.set(dir, names);
    }
    return names.has(name);
  };
  let written = 0;
  const now = new Set<string>();
  for (const n of nodes) {
    if (n.compiledCode === undefined) continue;
    const rel = compiledPathOf(n);
    now.add(rel);
    const p = join(root, rel);
    const hash = createHash('sha1').update(n.compiledCode).digest('hex');
    const d = dirname(p);
    if (index[rel] === hash && exists(d, basename(p))) continue;
    if (!dirs.has(d)) {
      mkdirSync(d, { recursive: true });
      dirs.add(d);
    }
    writeFileSync(p, n.compiledCode);
    index[rel] = hash;
    written++;
  }
  let removed = 0;
  if (opts.complete) {
    for (const rel of Object.keys(index)) {
      if (now.has(rel)) continue;
      delete index[rel];
      try {
        unlinkSync(join(root, rel));
        removed++;
      } catch {
        // Already gone: nothing to clean.
      }
    }
  }
  if (written || removed || existsSync(join(root, COMPILED_JOURNAL))) {
    writeFileAtomic(indexPath, JSON.stringify(index));
    rmSync(join(root, COMPILED_JOURNAL), { force: true });
  }
  return { written, removed };
}

/** The index with the journal of partial recompiles applied. */
function readCompiledIndex(root: string): Record<string, string> {
  let index: Record<string, string> = {};
  try {
    index = JSON.parse(readFileSync(join(root, COMPILED_INDEX), 'utf8')) as Record<string, string>;
  } catch {
    index = {};
  }
  try {
    for (const line of readFileSync(join(root, COMPILED_JOURNAL), 'utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) index[line.slice(0, tab)] = line.slice(tab + 1);
    }
  } catch {
    // No journal: nothing to apply.
  }
  return index;
}

/**
 * A partial recompile's files: written, and their hashes appended to a journal instead of
 * rewriting the whole index (the next full compile folds the journal in).
 */
export function writeCompiledPartial(targetPath: string, nodes: Iterable<NodeDraft>): void {
  const root = join(targetPath, 'compiled');
  let journal = '';
  for (const n of nodes) {
    if (n.compiledCode === undefined) continue;
    const rel = compiledPathOf(n);
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, n.compiledCode);
    journal += `${rel}\t${createHash('sha1').update(n.compiledCode).digest('hex')}\n`;
  }
  if (journal) appendFileSync(join(root, COMPILED_JOURNAL), journal);
}

/** Streams manifest chunks to target/manifest.json (via a temp file and rename). */
export function writeSerializedManifest(targetPath: string, chunks: Iterable<string>): void {
  writeChunksAtomic(join(targetPath, 'manifest.json'), chunks);
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
