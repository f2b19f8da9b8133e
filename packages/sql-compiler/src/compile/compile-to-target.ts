import { join, resolve } from 'node:path';
import { emptyLayout, serializeManifest } from '../manifest/serialize-manifest.js';
import { manifestNodeJson } from '../manifest/assemble.js';
import { writeCompiled, writeSerializedManifest } from '../manifest/write-artifacts.js';
import { compileProject, type CompiledProject, type CompileOptions } from './compile-project.js';
import { cacheKey, trackedFiles } from './cache-inputs.js';
import { CACHE_FORMAT, MODEL_SLACK, parseFingerprint, readCache, writeCache, type CacheNode, type PartialParseCache } from './partial-parse-cache.js';
import { warmCompile } from './warm-compile.js';
import type { NodeDraft } from './node-draft.js';
import { foundLine } from '../manifest/found-line.js';

/** One line of the build plan: materialization, relation and the table options that matter. */
export function planLine(n: NodeDraft): string {
  const m = String(n.config['materialized']);
  const what = n.relationName ?? (m === 'ephemeral' ? '(CTE in its consumers)' : '');
  const partitions = Array.isArray(n.config['partitioned_by']) && n.config['partitioned_by'].length ? `partitioned_by=${(n.config['partitioned_by'] as string[]).join(',')}` : '';
  const extra = [n.config['table_type'] ? `table_type=${String(n.config['table_type'])}` : '', partitions].filter(Boolean).join(' ');
  return `${m}\t${what}${extra ? `  ${extra}` : ''}`;
}

export interface TargetResult {
  /** The full compile, when one ran (undefined after a partial recompile). */
  project: CompiledProject | undefined;
  targetPath: string;
  /** dbt's "Found 7 models, ..." line. */
  found: string;
  /** Unique ids whose SQL was (re)compiled. */
  compiledIds: string[];
  /** The build plan in dependency order (see planLine), and how many data tests come with it. */
  plan: string[];
  tests: number;
  partial: boolean;
  /** Why a partial recompile was not possible (for --debug). */
  fullReason?: string;
  timings: { name: string; ms: number }[];
}

const modelSlack = (id: string) => (id.startsWith('model.') ? MODEL_SLACK : 0);

function cacheNode(n: NodeDraft, range: [number, number]): CacheNode {
  const entry: CacheNode = {
    id: n.uniqueId,
    file: n.resourceType === 'model' ? n.originalFilePath : null,
    range,
    fp: n.resourceType === 'model' ? parseFingerprint(n) : '',
    vol: n.volatile,
    t: n.resourceType,
    n: n.name,
    p: n.packageName,
    v: n.version,
    lv: n.latestVersion,
    db: n.database,
    s: n.schema,
    a: n.alias,
    m: String(n.config['materialized']),
  };
  if (Object.keys(n.patchConfig).length) entry.pc = n.patchConfig;
  return entry;
}

/**
 * `lakeform compile` / `parse` with their artifacts: target/manifest.json, target/compiled/ and the
 * partial-parse cache. When the cache matches and only model files changed, just those models are
 * re-rendered and spliced into the previous manifest; otherwise the project compiles in full.
 */
export async function compileToTarget(opts: CompileOptions & { targetPath?: string; partialParse?: boolean }): Promise<TargetResult> {
  const projectDir = resolve(opts.projectDir);
  const targetPath = opts.targetPath ?? join(projectDir, 'target');
  const cache = opts.partialParse === false || opts.compile === false ? undefined : readCache(targetPath);
  let fullReason = cache ? undefined : 'no partial-parse cache';
  if (cache) {
    const warm = await warmCompile(opts, cache, targetPath);
    if (warm.ok) return { ...warm.result, project: undefined, targetPath, partial: true };
    fullReason = warm.reason;
  }
  const project = await compileProject({ ...opts, manifestNodes: false });
  const t0 = performance.now();
  const found = foundLine(project.manifest, project.nodes.values());
  const built = project.compiledIds.map((id) => project.nodes.get(id)!);
  const plan = built.filter((n) => n.resourceType !== 'test' && n.resourceType !== 'operation').map(planLine);
  const tests = built.length - plan.length - built.filter((n) => n.resourceType === 'operation').length;
  writeCompiled(project.targetPath, project.nodes.values(), { complete: !opts.selectIds });
  const serialized = emptyLayout();
  writeSerializedManifest(project.targetPath, serializeManifest(project.manifest, serialized, manifestNodeJson(project.nodes), modelSlack));
  if (opts.compile !== false && !opts.selectIds && project.prepared) {
    const p = project.prepared;
    const files: PartialParseCache['files'] = {};
    for (const [abs, st] of trackedFiles(p)) files[abs] = [st.mtimeMs, st.size];
    const nodes: CacheNode[] = [];
    for (const [id, range] of serialized.nodeRanges) {
      const n = project.nodes.get(id);
      // Only what a partial recompile can touch (models) or resolve (refable nodes) is kept.
      if (n && n.resourceType !== 'test' && n.resourceType !== 'operation' && n.resourceType !== 'analysis') nodes.push(cacheNode(n, range));
    }
    writeCache(project.targetPath, {
      format: CACHE_FORMAT,
      key: cacheKey(p, opts),
      files,
      manifestSize: serialized.size,
      metadataRange: serialized.metadataRange,
      nodes,
      sources: [...project.sources.values()].map((s) => [s.uniqueId, s.sourceName, s.name, s.packageName, s.database, s.schema, s.identifier]),
      found,
      plan,
      testCount: tests,
      env: Object.fromEntries([...p.usedEnv].map(([k, v]) => [k, v ?? null])),
    });
  }
  const timings = [...project.timings, { name: 'write artifacts', ms: performance.now() - t0 }];
  return { project, targetPath: project.targetPath, found, compiledIds: project.compiledIds, plan, tests, partial: false, ...(fullReason ? { fullReason } : {}), timings };
}
