import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../manifest/write-artifacts.js';
import type { NodeDraft } from './node-draft.js';

/**
 * target/partial_parse.json: what a recompile needs to redo only what changed — file stats, each
 * node's parse fingerprint and byte range in manifest.json, and enough about every relation to
 * resolve ref() without parsing the project again. Lakeform's analogue of dbt's partial_parse.msgpack.
 */
export const CACHE_FILE = 'partial_parse.json';
export const CACHE_FORMAT = 1;

/** Room left after each model's manifest entry, so most edits can be written back in place. */
export const MODEL_SLACK = 512;

const CacheNodeSchema = z.object({
  id: z.string(),
  /** Path of the defining file, relative to the project (models only; others are never reused). */
  file: z.string().nullable(),
  range: z.tuple([z.number(), z.number()]),
  fp: z.string(),
  vol: z.boolean(),
  t: z.string(),
  n: z.string(),
  p: z.string(),
  v: z.union([z.string(), z.number()]).nullable(),
  lv: z.union([z.string(), z.number()]).nullable(),
  db: z.string().nullable(),
  s: z.string(),
  a: z.string(),
  m: z.string(),
  pc: z.record(z.string(), z.unknown()).optional(),
});
export type CacheNode = z.infer<typeof CacheNodeSchema>;

export const PartialParseCacheSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  key: z.string(),
  files: z.record(z.string(), z.tuple([z.number(), z.number()])),
  manifestSize: z.number(),
  metadataRange: z.tuple([z.number(), z.number()]),
  nodes: z.array(CacheNodeSchema),
  sources: z.array(z.tuple([z.string(), z.string(), z.string(), z.string(), z.string().nullable(), z.string(), z.string()])),
  found: z.string(),
  /** The build plan a full compile printed, so a recompile can print the same. */
  plan: z.array(z.string()),
  testCount: z.number(),
  /** Environment variables the compile read, with their values then. */
  env: z.record(z.string(), z.string().nullable()),
});
export type PartialParseCache = z.infer<typeof PartialParseCacheSchema>;

export function hashOf(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

/** What a node's parse produced that other nodes depend on: if it is unchanged, only its own SQL changes. */
export function parseFingerprint(n: NodeDraft): string {
  return hashOf(JSON.stringify([n.name, n.refs, n.sources, n.fileConfig, n.version]));
}

/**
 * The header is validated in full; the per-node entries (tens of thousands, written by this module)
 * only by shape of the first one — validating every entry costs more than the recompile it serves.
 */
const CacheHeaderSchema = PartialParseCacheSchema.extend({ nodes: z.array(z.unknown()), files: z.record(z.string(), z.unknown()), plan: z.array(z.unknown()) });

export function readCache(targetPath: string): PartialParseCache | undefined {
  try {
    const raw: unknown = JSON.parse(readFileSync(join(targetPath, CACHE_FILE), 'utf8'));
    const r = CacheHeaderSchema.safeParse(raw);
    if (!r.success) return undefined;
    const first = r.data.nodes[0];
    if (first !== undefined && !CacheNodeSchema.safeParse(first).success) return undefined;
    return raw as PartialParseCache;
  } catch {
    return undefined;
  }
}

export function writeCache(targetPath: string, cache: PartialParseCache): void {
  writeFileAtomic(join(targetPath, CACHE_FILE), JSON.stringify(cache));
}
