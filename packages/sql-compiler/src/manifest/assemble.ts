import type { ExposureDraft, ParsedFiles } from '../compile/parse-project.js';
import type { AdapterType, SourceDraft } from '../compile/compile-state.js';
import type { NodeDraft } from '../compile/node-draft.js';
import type { Dag } from '../graph/dag.js';
import { manifestNode } from './build-manifest.js';
import { MANIFEST_SCHEMA_VERSION, type Manifest, type ManifestSource } from './schema.js';
import { DBT_COMPAT_VERSION } from '../context/globals.js';
import { LAKEFORM_VERSION } from '../version.js';

export interface AssembleInput {
  projectName: string;
  adapterType: AdapterType;
  invocationId: string;
  nodes: Map<string, NodeDraft>;
  sources: Map<string, SourceDraft>;
  parsed: ParsedFiles;
  exposures: ExposureDraft[];
  dag: Dag;
  disabled: NodeDraft[];
  generatedAt?: string;
  /** Leave `nodes` empty: the caller serialises them straight from the drafts (see manifestNodeEntries). */
  withoutNodes?: boolean;
}

/** The manifest's nodes in its key order, built one at a time so none has to be kept. */
export function* manifestNodeEntries(nodes: Map<string, NodeDraft>): Iterable<[string, ReturnType<typeof manifestNode>]> {
  for (const id of [...nodes.keys()].sort()) yield [id, manifestNode(nodes.get(id)!, 0)];
}

const CONFIG_MARK = '@@lakeform:config@@';

/**
 * As manifestNodeEntries, but serialised: tests of one folder share one config object, so its
 * JSON is made once and spliced into each test's entry — 30,000 tests otherwise re-serialise the
 * same twenty keys, a good part of writing a large manifest.
 */
export function* manifestNodeJson(nodes: Map<string, NodeDraft>): Iterable<[string, string]> {
  const configJson = new Map<object, string>();
  for (const id of [...nodes.keys()].sort()) {
    const n = nodes.get(id)!;
    const node = manifestNode(n, 0);
    if (n.resourceType !== 'test') {
      yield [id, JSON.stringify(node)];
      continue;
    }
    let cfg = configJson.get(n.config);
    if (cfg === undefined) configJson.set(n.config, (cfg = JSON.stringify(n.config)));
    (node as { config: unknown }).config = CONFIG_MARK;
    const json = JSON.stringify(node);
    const at = json.indexOf(`"${CONFIG_MARK}"`);
    yield [id, at < 0 ? JSON.stringify(manifestNode(n, 0)) : json.slice(0, at) + cfg + json.slice(at + CONFIG_MARK.length + 2)];
  }
}

/** Everything compiled, in dbt's v12 manifest layout, with keys in a stable order. */
export function assembleManifest(input: AssembleInput): Manifest {
  const nodes: Manifest['nodes'] = {};
  if (!input.withoutNodes) for (const [id, node] of manifestNodeEntries(input.nodes)) nodes[id] = node;
  const sources: Manifest['sources'] = {};
  for (const id of [...input.sources.keys()].sort()) sources[id] = input.sources.get(id)!.entry as ManifestSource;
  const macros: Manifest['macros'] = {};
  const macroList = [...input.parsed.registry.all()].sort((a, b) => (a.uniqueId < b.uniqueId ? -1 : 1));
  for (const m of macroList) {
    const patch = input.parsed.macroPatches.get(m.uniqueId);
    macros[m.uniqueId] = {
      name: m.name,
      resource_type: 'macro',
      package_name: m.packageName,
      path: m.file.pathInRoot,
      original_file_path: m.originalFilePath,
      unique_id: m.uniqueId,
      macro_sql: m.def.source ?? '',
      depends_on: { macros: [] },
      description: String(patch?.['description'] ?? ''),
      meta: (patch?.['meta'] as Record<string, unknown> | undefined) ?? {},
      docs: { show: true, node_color: null },
      patch_path: null,
      arguments: Array.isArray(patch?.['arguments']) ? (patch['arguments'] as unknown[]) : [],
      created_at: 0,
      supported_languages: null,
    };
  }
  const docs: Manifest['docs'] = {};
  for (const d of [...input.parsed.docs].sort((a, b) => (a.uniqueId < b.uniqueId ? -1 : 1))) {
    docs[d.uniqueId] = { name: d.name, resource_type: 'doc', package_name: d.packageName, path: d.path, original_file_path: d.originalFilePath, unique_id: d.uniqueId, block_contents: d.content.trim() };
  }
  const exposures: Manifest['exposures'] = {};
  for (const e of [...input.exposures].sort((a, b) => (a.uniqueId < b.uniqueId ? -1 : 1))) {
    const x = e.entry;
    exposures[e.uniqueId] = {
      name: String(x['name']),
      resource_type: 'exposure',
      package_name: e.packageName,
      path: e.path,
      original_file_path: e.originalFilePath,
      unique_id: e.uniqueId,
      fqn: e.fqn,
      type: String(x['type'] ?? 'dashboard'),
      owner: (x['owner'] as Record<string, unknown>) ?? {},
      description: String(x['description'] ?? ''),
      label: (x['label'] as string | undefined) ?? null,
      maturity: (x['maturity'] as string | undefined) ?? null,
      meta: (x['meta'] as Record<string, unknown>) ?? {},
      tags: (x['tags'] as string[]) ?? [],
      config: { enabled: true },
      url: (x['url'] as string | undefined) ?? null,
      depends_on: { macros: [], nodes: e.dependsOn },
      refs: e.refs.map((r) => ({ name: r.name, package: r.package, version: r.version })),
      sources: e.sources,
      created_at: 0,
    };
  }
  const unitTests: Record<string, unknown> = {};
  for (const u of input.parsed.unitTests) unitTests[u.uniqueId] = { unique_id: u.uniqueId, package_name: u.packageName, original_file_path: u.originalFilePath, resource_type: 'unit_test', ...u.entry };
  const disabled: Record<string, unknown[]> = {};
  for (const d of input.disabled) disabled[d.uniqueId] = [manifestNode(d, 0)];
  const maps = input.dag.toMaps();
  return {
    metadata: {
      dbt_schema_version: MANIFEST_SCHEMA_VERSION,
      dbt_version: DBT_COMPAT_VERSION,
      generated_at: input.generatedAt ?? new Date().toISOString(),
      invocation_id: input.invocationId,
      env: {},
      project_name: input.projectName,
      project_id: input.projectName,
      adapter_type: input.adapterType,
      lakeform_version: LAKEFORM_VERSION,
    },
    nodes,
    sources,
    macros,
    docs,
    exposures,
    metrics: {},
    groups: {},
    selectors: {},
    disabled,
    parent_map: maps.parent_map,
    child_map: maps.child_map,
    group_map: {},
    saved_queries: {},
    semantic_models: {},
    unit_tests: unitTests,
  };
}
