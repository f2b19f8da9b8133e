import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync, renameSync, linkSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

function writeDurably(path: string, content: string | Uint8Array): void {
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot open directories for fsync; the rename is still atomic there.
  }
}

/** Replaces `path` atomically: a reader sees the old or the new content, never a torn file. */
export function replaceFileAtomically(path: string, content: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${randomUUID()}.tmp`);
  writeDurably(tmp, content);
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

/**
 * Creates `path` with `content` only if it does not exist yet, atomically (hard link of a fully
 * written temp file). Returns false when another writer created it first.
 */
export function createFileExclusively(path: string, content: string | Uint8Array, beforeCreate?: () => void): boolean {
  const tmp = join(dirname(path), `.${randomUUID()}.tmp`);
  writeDurably(tmp, content);
  try {
    beforeCreate?.();
    linkSync(tmp, path);
    fsyncDir(dirname(path));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
}

/** Writes a new immutable file (manifests, manifest lists) durably. */
export function writeNewFile(path: string, content: string | Uint8Array): void {
  writeDurably(path, content);
}
