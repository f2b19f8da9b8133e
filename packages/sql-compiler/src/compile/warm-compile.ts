import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { mergeConfigs } from '../project/index.js';
import { writeChunksAtomic, writeCompiledPartial } from '../manifest/write-artifacts.js';
import { defaultConfig } from './config-defaults.js';
import { prepareCompile, type CompileOptions } from './compile-project.js';
import { cacheKey, trackedFiles } from './cache-inputs.js';

import type { SourceDraft } from './compile-state.js';
import type { NodeDraft, NodeResourceType } from './node-draft.js';
import { validateNodeConfig } from './node-config-schema.js';
import { fileNode } from './parse-project.js';
import { applyNaming, namingOverrides } from './naming.js';
import { findNeedsFullCompile } from './needs-full-compile.js';
import { MODEL_SLACK, hashOf, parseFingerprint, writeCache, type CacheNode, type PartialParseCache } from './partial-parse-cache.js';
import { renderNode, renderNodeSync } from './render-node.js';
import { RefResolver } from './resolve-refs.js';
import { applyStaticParse } from './static-parse.js';
import { randomUUID } from 'node:crypto';

export type WarmOutcome =
  | { ok: true; result: { found: string; compiledIds: string[]; plan: string[]; tests: number; timings: { name: string; ms: number }[] } }
  | { ok: false; reason: string };

/** Up to this many changed model files are spliced; more is cheaper to compile in full. */
const MAX_CHANGED = 50;

/**
 * Just what resolving a ref() to this node needs. A partial recompile aborts before anything reads
 * more of another node (columns, graph), so the rest of a draft is never built for them.
 */
function draftFromCache(c: CacheNode): NodeDraft {
  const light = {
    uniqueId: c.id,
    resourceType: c.t as NodeResourceType,
    name: c.n,
    packageName: c.p,
    version: c.v,
    latestVersion: c.lv,
    database: c.db,
    schema: c.s,
    alias: c.a,
    config: { materialized: c.m },
  };
  return light as unknown as NodeDraft;
}

function readRange(fd: number, [start, end]: [number, number]): string {
  const buf = Buffer.allocUnsafe(end - start);
  readSync(fd, buf, 0, buf.length, start);
  return buf.toString('utf8');
}

/**
 * The partial recompile: when only model files changed, and each still refs the same nodes with
 * the same in-file config, only those models are rendered again and their manifest entries
 * replaced in place. Anything else — a YAML, macro or config change, a new or deleted file, a model
 * that reads the graph or other relations' columns — asks for a full compile.
 */
export async function warmCompile(opts: CompileOptions, cache: PartialParseCache, targetPath: string): Promise<WarmOutcome> {
  const prepared = prepareCompile(opts);
  const { timer, state, root, templates, nodes, sources, resolverBox } = prepared;
  if (cache.key !== cacheKey(prepared, opts)) return { ok: false, reason: 'target, vars, project config or packages changed' };
  const env = opts.env ?? process.env;
  for (const [k, v] of Object.entries(cache.env)) if ((env[k] ?? null) !== v) return { ok: false, reason: `environment variable ${k} changed` };
  if (cache.nodes.some((n) => n.vol)) return { ok: false, reason: 'some nodes use env_var, graph or warehouse lookups' };
  const tracked = trackedFiles(prepared);
  if (tracked.size !== Object.keys(cache.files).length) return { ok: false, reason: 'files were added or removed' };
  const changedPaths: string[] = [];
  for (const [abs, st] of tracked) {
    const c = cache.files[abs];
    if (!c) return { ok: false, reason: 'files were added or removed' };
    if (c[0] !== st.mtimeMs || c[1] !== st.size) changedPaths.push(abs);
  }
  timer.mark('partial: compare files');
  const byFile = new Map(cache.nodes.filter((n) => n.file).map((n) => [join(prepared.projectDir, n.file!), n]));
  const modelFiles = new Map(root.files.models.map((f) => [f.absPath, f]));
  const changed: { file: NonNullable<ReturnType<typeof modelFiles.get>>; cached: CacheNode }[] = [];
  for (const abs of changedPaths) {
    const f = modelFiles.get(abs);
    const cached = byFile.get(abs);
    if (!f || !cached || cached.v !== null) return { ok: false, reason: `${abs} is not a plain model file` };
    changed.push({ file: f, cached });
  }
  if (changed.length > MAX_CHANGED) return { ok: false, reason: `${changed.length} files changed` };

  state.partial = true;
  for (const c of cache.nodes) if (c.t !== 'test') nodes.set(c.id, draftFromCache(c));
  for (const [id, sourceName, name, packageName, database, schema, identifier] of cache.sources) {
    const s: SourceDraft = { uniqueId: id, sourceName, name, packageName, database, schema, identifier, relationName: '', entry: {} };
    sources.set(id, s);
  }
  resolverBox.current = new RefResolver(nodes.values(), sources.values(), root.name);
  const overrides = namingOverrides(state);

  let fd: number;
  try {
    fd = openSync(join(targetPath, 'manifest.json'), 'r');
  } catch {
    return { ok: false, reason: 'no manifest.json to update' };
  }
  if (fstatSync(fd).size !== cache.manifestSize) {
    closeSync(fd);
    return { ok: false, reason: 'manifest.json was changed by something else' };
  }
  let fdOpen = true;
  const closeInput = () => {
    if (fdOpen) closeSync(fd);
    fdOpen = false;
  };
  const replacements: { range: [number, number]; text: string; id: string | null }[] = [];
  const compiled: NodeDraft[] = [];
  try {
    for (const { file, cached } of changed) {
      const n = fileNode(root, root, file, 'model');
      if (n.uniqueId !== cached.id) return { ok: false, reason: `${file.relPath} changed identity` };
      n.patchConfig = cached.pc ?? {};
      n.template = templates.parse(file.content, file.relPath, n.uniqueId);
      n.config = mergeConfigs(mergeConfigs(defaultConfig('model'), n.folderConfig), n.patchConfig);
      if (!applyStaticParse(n, n.template)) renderNodeSync(state, n, n.template, 'parse');
      n.config = mergeConfigs(mergeConfigs(mergeConfigs(defaultConfig('model'), n.folderConfig), n.patchConfig), n.fileConfig);
      if (n.config['enabled'] === false) return { ok: false, reason: `${n.name} was disabled` };
      validateNodeConfig(n);
      if (parseFingerprint(n) !== cached.fp) return { ok: false, reason: `${n.name} changed its refs, sources or config` };
      applyNaming(state, n, overrides);
      if (n.database !== cached.db || n.schema !== cached.s || n.alias !== cached.a || n.config['materialized'] !== cached.m) return { ok: false, reason: `${n.name} changed its relation` };
      if (n.config['materialized'] === 'ephemeral') return { ok: false, reason: `${n.name} is ephemeral` };
      nodes.set(n.uniqueId, n);
      const { output, session } = await renderNode(state, n, n.template, 'compile');
      if (session.ephemeralRefs.length) return { ok: false, reason: `${n.name} uses ephemeral models` };
      n.compiledCode = output;
      const entry = JSON.parse(readRange(fd, cached.range)) as Record<string, unknown>;
      entry['raw_code'] = n.rawCode;
      entry['checksum'] = { name: 'sha256', checksum: n.checksum };
      entry['compiled_code'] = n.compiledCode;
      entry['depends_on'] = { ...(entry['depends_on'] as object), macros: [...n.macros].sort() };
      replacements.push({ range: cached.range, text: JSON.stringify(entry), id: n.uniqueId });
      compiled.push(n);
    }
    timer.mark('partial: render');
    const meta = JSON.parse(readRange(fd, cache.metadataRange)) as Record<string, unknown>;
    meta['generated_at'] = new Date().toISOString();
    meta['invocation_id'] = randomUUID();
    replacements.push({ range: cache.metadataRange, text: JSON.stringify(meta), id: null });
    replacements.sort((a, b) => a.range[0] - b.range[0]);

    // Usually every new entry fits the room its old one had (each model entry is followed by
    // MODEL_SLACK spaces): overwrite those bytes in place, padded with spaces, and leave the rest of
    // the file untouched. A crash mid-write is repaired by the next run, which finds the model
    // still changed against the cache and writes its range again.
    if (replacements.every((r) => Buffer.byteLength(r.text) <= r.range[1] - r.range[0])) {
      closeInput();
      const out = openSync(join(targetPath, 'manifest.json'), 'r+');
      try {
        for (const r of replacements) {
          const buf = Buffer.alloc(r.range[1] - r.range[0], 0x20);
          buf.write(r.text, 0, 'utf8');
          writeSync(out, buf, 0, buf.length, r.range[0]);
        }
      } finally {
        closeSync(out);
      }
      writeCompiledPartial(targetPath, compiled);
      timer.mark('partial: write in place');
      for (const [abs, st] of tracked) cache.files[abs] = [st.mtimeMs, st.size];
      writeCache(targetPath, cache);
      timer.mark('partial: cache');
      return { ok: true, result: { found: cache.found, compiledIds: compiled.map((n) => n.uniqueId), plan: cache.plan, tests: cache.testCount, timings: timer.phases } };
    }
    // Otherwise splice, giving each rewritten model its room again.
    for (const r of replacements) if (r.id) r.text += ' '.repeat(MODEL_SLACK);

    // Splice: unchanged bytes are copied from the previous manifest in large reads.
    const pieces: (string | Uint8Array)[] = [];
    let pos = 0;
    const shifts: { at: number; delta: number }[] = [];
    let delta = 0;
    const newRanges = new Map<string, [number, number]>();
    let newMeta: [number, number] = cache.metadataRange;
    for (const r of replacements) {
      pieces.push(...copyBytes(fd, pos, r.range[0]));
      const bytes = Buffer.byteLength(r.text);
      const start = r.range[0] + delta;
      if (r.id) newRanges.set(r.id, [start, start + bytes]);
      else newMeta = [start, start + bytes];
      pieces.push(r.text);
      delta += bytes - (r.range[1] - r.range[0]);
      shifts.push({ at: r.range[1], delta });
      pos = r.range[1];
    }
    pieces.push(...copyBytes(fd, pos, cache.manifestSize));
    closeInput();
    writeChunksAtomic(join(targetPath, 'manifest.json'), pieces);
    writeCompiledPartial(targetPath, compiled);
    timer.mark('partial: write');

    // The cache follows the new file: shifted ranges, new stats and hashes.
    const shiftOf = (at: number) => {
      let d = 0;
      for (const s of shifts) if (at >= s.at) d = s.delta;
      return d;
    };
    for (const c of cache.nodes) {
      const own = newRanges.get(c.id);
      if (own) {
        c.range = own;
      } else {
        const d = shiftOf(c.range[0]);
        if (d) c.range = [c.range[0] + d, c.range[1] + d];
      }
    }
    cache.metadataRange = newMeta;
    cache.manifestSize += delta;
    for (const [abs, st] of tracked) cache.files[abs] = [st.mtimeMs, st.size];
    writeCache(targetPath, cache);
    timer.mark('partial: cache');
    return { ok: true, result: { found: cache.found, compiledIds: compiled.map((n) => n.uniqueId), plan: cache.plan, tests: cache.testCount, timings: timer.phases } };
  } catch (e) {
    const full = findNeedsFullCompile(e);
    if (full) return { ok: false, reason: full.reason };
    throw e;
  } finally {
    closeInput();
  }
}

/** Bytes [start, end) of the open file, in reads of at most 16 MiB. */
function copyBytes(fd: number, start: number, end: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let p = start; p < end; p += 1 << 24) {
    const len = Math.min(1 << 24, end - p);
    const buf = Buffer.allocUnsafe(len);
    readSync(fd, buf, 0, len, p);
    out.push(buf);
  }
  return out;
}
