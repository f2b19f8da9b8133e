import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { LakeformError, type Warning } from '../errors.js';
import { Environment } from '../jinja/index.js';
import { loadProfile, loadProjectFile, mergeConfigs } from '../project/index.js';
import { buildGlobals } from '../context/globals.js';
import { nodeAsDict } from '../context/node-dict.js';
import type { Warehouse } from '../context/warehouse.js';
import { Dag } from '../graph/dag.js';
import type { Manifest } from '../manifest/schema.js';
import { defaultConfig } from './config-defaults.js';
import type { AdapterType, CompileState, LogLine, SourceDraft } from './compile-state.js';
import { buildGenericTests } from './generic-tests.js';
import { injectCtes } from './inject-ctes.js';
import { loadPackages, type PackageInfo } from './load-packages.js';
import { applyNaming, namingOverrides } from './naming.js';
import { emptyDraft, type NodeDraft } from './node-draft.js';
import { validateNodeConfig } from './node-config-schema.js';
import { loadMacrosAndDocs, parseFiles, type ExposureDraft, type ParsedFiles } from './parse-project.js';
import { renderNode, renderNodeSync } from './render-node.js';
import { RefResolver } from './resolve-refs.js';
import { TemplateCache } from './template-cache.js';
import { PhaseTimer } from './phase-timer.js';
import { applyStaticParse } from './static-parse.js';
import { checkRequiredDbtVersion } from './dbt-version.js';
import { assembleManifest } from '../manifest/assemble.js';
import { renderYamlDeep, renderYamlString } from './yaml-render.js';

export interface CompileOptions {
  projectDir: string;
  profilesDir?: string;
  target?: string;
  vars?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  /** Compile SQL for these unique ids (after selection); undefined = every node. Parse-only when `compile` is false. */
  compile?: boolean;
  selectIds?: (manifest: Manifest) => Set<string> | undefined;
  inline?: string;
  warehouse?: Warehouse;
  fullRefresh?: boolean;
  which?: string;
  /** False: the returned manifest has empty `nodes` (compileToTarget streams them from the drafts). */
  manifestNodes?: boolean;
}

export interface CompiledProject {
  manifest: Manifest;
  nodes: Map<string, NodeDraft>;
  sources: Map<string, SourceDraft>;
  compiledIds: string[];
  warnings: Warning[];
  logs: LogLine[];
  /** Wall time per phase. */
  timings: PhaseTimer['phases'];
  inlineSql?: string;
  projectName: string;
  targetPath: string;
  projectDir: string;
  adapterType: AdapterType;
  targetName: string;
  profileTarget: Record<string, unknown>;
  /** The shared compile set-up, for writing the partial-parse cache. */
  prepared?: PreparedCompile;
}

function dispatchPrefixes(t: AdapterType): string[] {
  // The local engine runs Athena SQL (translated), so athena__ variants serve it too.
  if (t === 'athena') return ['athena', 'default'];
  if (t === 'duckdb') return ['duckdb', 'default'];
  return ['local', 'athena', 'default'];
}

const asDict = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export interface ResolvedTarget {
  profile: { profileName: string; targetName: string; target: Record<string, unknown>; engine: 'athena' | 'local'; warnings: Warning[] };
  /** The target as `target` in Jinja: rendered, with dbt's defaults filled in. */
  target: Record<string, unknown>;
  adapterType: AdapterType;
}

/**
 * The profile target a project runs against. dbt renders dbt_project.yml with `target` in scope,
 * so the profile comes first: the profile name is read from the unrendered project file.
 */
export function resolveTarget(opts: { projectDir: string; profilesDir?: string | undefined; target?: string | undefined; vars?: Record<string, unknown>; env?: Record<string, string | undefined> }): ResolvedTarget {
  const projectDir = resolve(opts.projectDir);
  const env = opts.env ?? process.env;
  const cliVars = opts.vars ?? {};
  const profileRender = (template: string, where: { file: string; line?: number; column?: number }) => renderYamlString(template, where, { env, vars: cliVars });
  const unrendered = asDict(loadProjectFile(projectDir, { render: (template) => template }).project);
  const profile = loadProfile({
    projectDir,
    profilesDir: opts.profilesDir,
    profileName: String(unrendered['profile'] ?? unrendered['name']),
    targetName: opts.target,
    render: profileRender,
    env,
  } as never) as ResolvedTarget['profile'];
  const t = profile.target;
  const adapterType: AdapterType = t['type'] === 'athena' ? 'athena' : t['type'] === 'duckdb' ? 'duckdb' : 'local';
  const target: Record<string, unknown> = {
    ...t,
    name: profile.targetName,
    profile_name: profile.profileName,
    type: adapterType,
    schema: t['schema'] ?? 'main',
    database: t['database'] ?? 'awsdatacatalog',
    threads: t['threads'] ?? 4,
  };
  return { profile, target, adapterType };
}

/**
 * Everything a render needs before any node is parsed: packages, profile and target, the macro
 * registry, the shared context. Used by the full compile and by the partial (warm) recompile.
 */
export function prepareCompile(opts: CompileOptions) {
  const projectDir = resolve(opts.projectDir);
  // Every environment variable the compile reads is remembered: a partial recompile is only valid
  // while they keep their values.
  const usedEnv = new Map<string, string | undefined>();
  const sourceEnv = opts.env ?? process.env;
  const env = new Proxy(sourceEnv, {
    get(target, key) {
      const v = Reflect.get(target, key) as string | undefined;
      if (typeof key === 'string') usedEnv.set(key, v);
      return v;
    },
  });
  const cliVars = opts.vars ?? {};

  const timer = new PhaseTimer();
  const { profile, target, adapterType } = resolveTarget({ projectDir, profilesDir: opts.profilesDir, target: opts.target, vars: cliVars, env });
  const yamlRender = (template: string, where: { file: string; line?: number; column?: number }) => renderYamlString(template, where, { env, vars: cliVars, target });
  const { packages, warnings } = loadPackages(projectDir, yamlRender);
  warnings.push(...profile.warnings);
  timer.mark('load packages');
  const root = packages[0]!;
  const rootProject = asDict(root.project);
  warnings.push(...checkRequiredDbtVersion(rootProject['require-dbt-version'], root.name));
  for (const secret of ['aws_secret_access_key', 'aws_session_token', 'password']) delete target[secret];

  const jinja = new Environment();
  const templates = new TemplateCache(jinja);
  const macros = loadMacrosAndDocs(packages, templates);
  timer.mark('macros');

  const logs: LogLine[] = [];
  const nodes = new Map<string, NodeDraft>();
  const sources = new Map<string, SourceDraft>();
  const docsMap = new Map<string, string>();
  for (const d of macros.docs) {
    docsMap.set(`${d.packageName}.${d.name}`, d.content);
    if (d.packageName === root.name || !docsMap.has(d.name)) docsMap.set(d.name, d.content);
  }
  const projectVars = asDict(rootProject['vars']);
  const packageVars = new Map<string, Record<string, unknown>>();
  const globalVars: Record<string, unknown> = {};
  const packageNames = new Set(packages.map((p) => p.name));
  for (const [k, v] of Object.entries(projectVars)) {
    if (packageNames.has(k) && v && typeof v === 'object' && !Array.isArray(v)) packageVars.set(k, v as Record<string, unknown>);
    else globalVars[k] = v;
  }
  for (const p of packages.slice(1)) {
    const own = asDict(asDict(p.project)['vars']);
    const merged = { ...own, ...(packageVars.get(p.name) ?? {}) };
    packageVars.set(p.name, merged);
  }
  const dispatchSearchOrder = new Map<string, string[]>();
  for (const d of Array.isArray(rootProject['dispatch']) ? (rootProject['dispatch'] as Record<string, unknown>[]) : []) {
    dispatchSearchOrder.set(String(d['macro_namespace']), (d['search_order'] as string[]) ?? []);
  }

  const resolverBox: { current: RefResolver | undefined } = { current: undefined };
  let graphObject: Record<string, unknown> | undefined;
  const runStartedAt = Date.now();
  const state: CompileState = {
    rootPackage: root.name,
    registry: macros.registry,
    jinja,
    adapterType,
    dispatchPrefixes: dispatchPrefixes(adapterType),
    dispatchSearchOrder,
    target,
    env,
    cliVars,
    projectVars: globalVars,
    packageVars,
    packageNames,
    globals: buildGlobals({ invocationId: randomUUID(), runStartedAt, which: opts.which ?? 'compile', fullRefresh: !!opts.fullRefresh, onWarn: (m) => logs.push({ level: 'warn', message: m }) }),
    nodes,
    sources,
    resolveRef: (from, call) => resolverBox.current!.resolveRef(from, call),
    resolveSource: (from, s, tname) => resolverBox.current!.resolveSource(from, s, tname),
    docs: docsMap,
    warehouse: opts.warehouse,
    fullRefresh: !!opts.fullRefresh,
    logs,
    graph: () => (graphObject ??= buildGraphObject(nodes, sources)),
    invocationId: '',
    runStartedAt,
    which: opts.which ?? 'compile',
  };
  state.invocationId = String(state.globals['invocation_id']);
  for (const [k, v] of Object.entries(state.globals)) jinja.addGlobal(k, v);

  return { projectDir, env, usedEnv, cliVars, timer, yamlRender, packages, warnings, root, rootProject, profile, target, adapterType, jinja, templates, macros, logs, nodes, sources, state, resolverBox };
}

export type PreparedCompile = ReturnType<typeof prepareCompile>;

/**
 * parse → compile: loads the project and its packages, renders every node once to learn its refs
 * and config, resolves names and the DAG, then renders the selected nodes to SQL.
 */
export async function compileProject(opts: CompileOptions): Promise<CompiledProject> {
  const prepared = prepareCompile(opts);
  const { projectDir, timer, packages, warnings, root, rootProject, profile, target, adapterType, templates, macros, logs, nodes, sources, state, resolverBox } = prepared;
  const parsed = parseFiles(packages, templates, macros);
  timer.mark('read files');
  warnings.push(...parsed.warnings);

  // Parse pass: learn each node's config, refs and sources.
  const disabled: NodeDraft[] = [];
  for (const n of parsed.nodes) {
    if (n.patchPath) n.patchConfig = renderYamlDeep(n.patchConfig, prepared.yamlRender, n.patchPath.replace(/^[^:]+:\/\//, ''));
    n.config = mergeConfigs(mergeConfigs(defaultConfig(n.resourceType), n.folderConfig), n.patchConfig);
    if (n.template && n.resourceType !== 'seed' && !applyStaticParse(n, n.template)) renderNodeSync(state, n, n.template, 'parse', n.renderExtra);
    n.config = mergeConfigs(mergeConfigs(mergeConfigs(defaultConfig(n.resourceType), n.folderConfig), n.patchConfig), n.fileConfig);
    if (n.config['enabled'] === false) {
      disabled.push(n);
      continue;
    }
    validateNodeConfig(n);
    nodes.set(n.uniqueId, n);
  }
  for (const s of parsed.sources) {
    const src = renderYamlDeep(s.source, prepared.yamlRender, s.originalFilePath);
    const table = renderYamlDeep(s.table, prepared.yamlRender, s.originalFilePath);
    s.source = src;
    s.table = table;
    const cfg = mergeConfigs(asDict(src['config']), asDict(table['config']));
    if (cfg['enabled'] === false) continue;
    const database = (table['database'] ?? src['database'] ?? target['database'] ?? null) as string | null;
    const schema = String(src['schema'] ?? s.sourceName);
    const identifier = String(table['identifier'] ?? s.name);
    sources.set(s.uniqueId, {
      uniqueId: s.uniqueId,
      sourceName: s.sourceName,
      name: s.name,
      packageName: s.packageName,
      database,
      schema,
      identifier,
      relationName: [database, schema, identifier].filter((p): p is string => !!p).map((p) => `"${p}"`).join('.'),
      entry: sourceEntry(s, database, schema, identifier, cfg),
    });
  }

  timer.mark('parse render');
  const tests = buildGenericTests(parsed.pendingTests.filter((p) => (p.attachedTo.kind === 'node' ? nodes.has(p.attachedTo.node.uniqueId) : sources.has(p.attachedTo.source.uniqueId))), packages, parsed.registry, templates);
  for (const n of tests) {
    if (n.staticDeps) {
      n.refs = n.staticDeps.refs;
      n.sources = n.staticDeps.sources;
    } else renderNodeSync(state, n, n.template!, 'parse', n.renderExtra);
    if (Object.keys(n.fileConfig).length) n.config = mergeConfigs(n.config, n.fileConfig);
    if (n.config['enabled'] === false) continue;
    validateNodeConfig(n);
    nodes.set(n.uniqueId, n);
  }
  timer.mark('tests');
  for (const n of hookNodes(root, templates)) {
    n.config = { ...defaultConfig('operation') };
    nodes.set(n.uniqueId, n);
  }

  renderDescriptions(state, templates, nodes.values(), sources.values());

  const resolver = new RefResolver(nodes.values(), sources.values(), root.name, disabled.map((d) => d.name));
  resolverBox.current = resolver;
  for (const n of nodes.values()) {
    const deps = new Set<string>();
    for (const r of n.refs) deps.add(resolver.resolveRef(n, r).uniqueId);
    for (const [s, tname] of n.sources) deps.add(resolver.resolveSource(n, s, tname).uniqueId);
    n.dependsOn = [...deps];
  }
  const exposures = resolveExposures(parsed.exposures, state, resolver, templates);

  timer.mark('resolve refs');
  const overrides = namingOverrides(state);
  for (const n of nodes.values()) applyNaming(state, n, overrides);
  checkRelationClashes(nodes);

  timer.mark('naming');
  const dag = new Dag();
  for (const id of sources.keys()) dag.addNode(id);
  for (const n of nodes.values()) {
    dag.addNode(n.uniqueId);
    for (const p of n.dependsOn) dag.addEdge(p, n.uniqueId);
  }
  for (const e of exposures) {
    dag.addNode(e.uniqueId);
    for (const p of e.dependsOn) dag.addEdge(p, e.uniqueId);
  }
  const topo = dag.topologicalOrder();
  if ('cycle' in topo) {
    const first = nodes.get(topo.cycle[0]!);
    throw new LakeformError({
      code: 'E_CYCLE',
      message: `the models form a cycle: ${topo.cycle.map((id) => nodes.get(id)?.name ?? id).join(' -> ')}`,
      location: first?.location,
      hint: `files involved: ${[...new Set(topo.cycle.map((id) => nodes.get(id)?.originalFilePath ?? id))].join(', ')}; remove one of these ref()s`,
    });
  }

  const assemble = (withoutNodes = false) => assembleManifest({ projectName: root.name, adapterType, invocationId: state.invocationId, nodes, sources, parsed, exposures, dag, disabled, withoutNodes });

  timer.mark('dag');
  // Compile pass.
  const compiledIds: string[] = [];
  let inlineSql: string | undefined;
  if (opts.compile !== false) {
    const wanted = opts.selectIds?.(assemble());
    const compiled = new Set<string>();
    const compileOne = async (n: NodeDraft): Promise<void> => {
      if (compiled.has(n.uniqueId)) return;
      compiled.add(n.uniqueId);
      if (n.resourceType === 'seed') return;
      const { output, session } = await renderNode(state, n, n.template!, 'compile', n.renderExtra);
      const ctes: { id: string; name: string; sql: string }[] = [];
      const addCtes = async (refs: NodeDraft[]) => {
        for (const e of refs) {
          await compileOne(e);
          for (const inner of e.extraCtes) if (!ctes.some((c) => c.id === inner.id)) ctes.push({ ...inner, name: nodes.get(inner.id)!.name });
          if (!ctes.some((c) => c.id === e.uniqueId)) ctes.push({ id: e.uniqueId, name: e.name, sql: e.compiledCode ?? '' });
        }
      };
      await addCtes(session.ephemeralRefs);
      n.extraCtes = ctes.map((c) => ({ id: c.id, sql: c.sql }));
      n.compiledCode = n.config['materialized'] === 'ephemeral' ? output : injectCtes(output, ctes);
      // A compiled template holds ~10 KB of closures; once its SQL exists only a caller that keeps
      // the drafts for later renders (a runner) needs it.
      if (opts.manifestNodes === false && n.resourceType !== 'operation') n.template = undefined;
      if (n.config['materialized'] === 'ephemeral') n.extraCtes = ctes.map((c) => ({ id: c.id, sql: c.sql }));
      compiledIds.push(n.uniqueId);
    };
    for (const id of topo.order) {
      const n = nodes.get(id);
      if (!n || (wanted && !wanted.has(id))) continue;
      await compileOne(n);
    }
    // Ephemeral nodes' own compiled code keeps their CTEs separate (extra_ctes), as in dbt.
    if (opts.inline !== undefined) {
      const n = emptyDraft({
        uniqueId: `sql_operation.${root.name}.inline_query`,
        resourceType: 'analysis',
        name: 'inline_query',
        packageName: root.name,
        path: 'inline_query.sql',
        originalFilePath: 'inline_query.sql',
        location: { file: '--inline' },
        fqn: [root.name, 'inline_query'],
        rawCode: opts.inline,
        checksum: '',
      });
      n.config = defaultConfig('analysis');
      n.template = templates.parse(opts.inline, '--inline');
      renderNodeSync(state, n, n.template, 'parse');
      const { output, session } = await renderNode(state, n, n.template, 'compile');
      const ctes: { id: string; name: string; sql: string }[] = [];
      for (const e of session.ephemeralRefs) {
        await compileOne(e);
        ctes.push({ id: e.uniqueId, name: e.name, sql: e.compiledCode ?? '' });
      }
      inlineSql = injectCtes(output, ctes);
    }
  }

  timer.mark('compile render');
  const manifest = assemble(opts.manifestNodes === false);
  timer.mark('manifest');
  return {
    manifest,
    nodes,
    sources,
    compiledIds,
    warnings,
    logs,
    timings: timer.phases,
    ...(inlineSql !== undefined ? { inlineSql } : {}),
    projectName: root.name,
    targetPath: resolve(projectDir, String(rootProject['target-path'] ?? 'target')),
    projectDir,
    adapterType,
    targetName: profile.targetName,
    profileTarget: target,
    prepared,
  };
}

function sourceEntry(s: ParsedFiles['sources'][number], database: string | null, schema: string, identifier: string, cfg: Record<string, unknown>): Record<string, unknown> {
  const src = s.source;
  const table = s.table;
  const columns: Record<string, unknown> = {};
  for (const c of Array.isArray(table['columns']) ? (table['columns'] as Record<string, unknown>[]) : []) {
    columns[String(c['name'])] = {
      name: String(c['name']),
      description: String(c['description'] ?? ''),
      meta: asDict(c['meta']),
      data_type: (c['data_type'] as string | undefined) ?? null,
      constraints: [],
      quote: (c['quote'] as boolean | undefined) ?? null,
      tags: (c['tags'] as string[] | undefined) ?? [],
    };
  }
  const freshness = table['freshness'] !== undefined ? table['freshness'] : (src['freshness'] ?? null);
  return {
    database,
    schema,
    name: s.name,
    resource_type: 'source',
    package_name: s.packageName,
    path: s.originalFilePath,
    original_file_path: s.originalFilePath,
    unique_id: s.uniqueId,
    fqn: [s.packageName, ...s.originalFilePath.split('/').slice(1, -1), s.sourceName, s.name],
    source_name: s.sourceName,
    source_description: String(src['description'] ?? ''),
    loader: String(src['loader'] ?? ''),
    identifier,
    quoting: { ...asDict(src['quoting']), ...asDict(table['quoting']) },
    loaded_at_field: (table['loaded_at_field'] ?? src['loaded_at_field'] ?? null) as string | null,
    freshness,
    external: table['external'] ?? null,
    description: String(table['description'] ?? ''),
    columns,
    meta: { ...asDict(src['meta']), ...asDict(table['meta']) },
    source_meta: asDict(src['meta']),
    tags: [...new Set([...((src['tags'] as string[] | undefined) ?? []), ...((table['tags'] as string[] | undefined) ?? [])])],
    config: { enabled: true, ...cfg },
    patch_path: null,
    unrendered_config: {},
    relation_name: [database, schema, identifier].filter((p): p is string => !!p).map((p) => `"${p}"`).join('.'),
    created_at: 0,
  };
}

function hookNodes(root: PackageInfo, templates: TemplateCache): NodeDraft[] {
  const out: NodeDraft[] = [];
  const proj = asDict(root.project);
  for (const kind of ['on-run-start', 'on-run-end'] as const) {
    const raw = proj[kind];
    const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
    list.forEach((sql, i) => {
      const name = `${root.name}-${kind}-${i}`;
      const n = emptyDraft({
        uniqueId: `operation.${root.name}.${name}`,
        resourceType: 'operation',
        name,
        packageName: root.name,
        path: `hooks/${name}.sql`,
        originalFilePath: './dbt_project.yml',
        location: { file: 'dbt_project.yml' },
        fqn: [root.name, 'hooks', name],
        rawCode: String(sql),
        checksum: '',
      });
      n.hookIndex = i;
      n.template = templates.parse(String(sql), 'dbt_project.yml', n.uniqueId);
      out.push(n);
    });
  }
  return out;
}

function resolveExposures(list: ExposureDraft[], state: CompileState, resolver: RefResolver, templates: TemplateCache): ExposureDraft[] {
  for (const e of list) {
    const fake = emptyDraft({
      uniqueId: e.uniqueId,
      resourceType: 'analysis',
      name: String(e.entry['name']),
      packageName: e.packageName,
      path: e.originalFilePath,
      originalFilePath: e.originalFilePath,
      location: e.location,
      fqn: [],
      rawCode: '',
      checksum: '',
    });
    for (const dep of e.dependsOnStrings) {
      const t = templates.parse(`{{ ${dep} }}`, e.originalFilePath, e.uniqueId);
      renderNodeSync(state, fake, t, 'parse');
    }
    e.refs = fake.refs;
    e.sources = fake.sources;
    const deps = new Set<string>();
    for (const r of fake.refs) deps.add(resolver.resolveRef(fake, r).uniqueId);
    for (const [s, t] of fake.sources) deps.add(resolver.resolveSource(fake, s, t).uniqueId);
    e.dependsOn = [...deps];
  }
  return list;
}

/** Two nodes writing the same table would overwrite each other: dbt refuses, and so do we. */
function checkRelationClashes(nodes: Map<string, NodeDraft>): void {
  const seen = new Map<string, NodeDraft>();
  for (const n of nodes.values()) {
    if (!n.relationName) continue;
    const key = n.relationName.toLowerCase();
    const prev = seen.get(key);
    if (prev) {
      throw new LakeformError({
        code: 'E_DUPLICATE_RELATION',
        message: `${prev.name} (${prev.originalFilePath}) and ${n.name} (${n.originalFilePath}) would both build ${n.relationName}`,
        node: n.uniqueId,
        location: n.location,
        hint: 'give one of them a different alias or schema',
      });
    }
    seen.set(key, n);
  }
}

function buildGraphObject(nodes: Map<string, NodeDraft>, sources: Map<string, SourceDraft>): Record<string, unknown> {
  const g: Record<string, unknown> = { nodes: {}, sources: {}, exposures: {}, macros: {}, metrics: {}, groups: {}, semantic_models: {}, saved_queries: {} };
  for (const n of nodes.values()) (g['nodes'] as Record<string, unknown>)[n.uniqueId] = nodeAsDict(n);
  for (const s of sources.values()) (g['sources'] as Record<string, unknown>)[s.uniqueId] = s.entry;
  return g;
}

const hasJinja = (s: string) => s.includes('{{') || s.includes('{%');

/** Descriptions may use doc('block') and other Jinja; dbt renders them at parse time. */
function renderDescriptions(state: CompileState, templates: TemplateCache, nodes: Iterable<NodeDraft>, sources: Iterable<SourceDraft>): void {
  const render = (text: string, owner: NodeDraft, file: string) => renderNodeSync(state, owner, templates.parse(text, file, owner.uniqueId), 'parse').output;
  for (const n of nodes) {
    const columns = Object.values(n.columns).filter((c) => hasJinja(c.description));
    if (!hasJinja(n.description) && columns.length === 0) continue;
    const file = n.patchPath ? n.patchPath.replace(/^[^:]+:\/\//, '') : n.originalFilePath;
    // Errors in a description point at the YAML file that holds it. (Not a copy of the node: a
    // spread of a 40-field object takes V8's slow path, and projects use doc() everywhere.)
    const own = n.location;
    if (n.patchPath) n.location = { file };
    try {
      if (hasJinja(n.description)) n.description = render(n.description, n, file);
      for (const c of columns) c.description = render(c.description, n, file);
    } finally {
      n.location = own;
    }
  }
  for (const s of sources) {
    const e = s.entry;
    const file = String(e['original_file_path']);
    const owner = emptyDraft({ uniqueId: s.uniqueId, resourceType: 'analysis', name: s.name, packageName: s.packageName, path: file, originalFilePath: file, location: { file }, fqn: [], rawCode: '', checksum: '' });
    for (const key of ['description', 'source_description'] as const) {
      const v = e[key];
      if (typeof v === 'string' && hasJinja(v)) e[key] = render(v, owner, file);
    }
    for (const c of Object.values(e['columns'] as Record<string, { description: string }>)) if (hasJinja(c.description)) c.description = render(c.description, owner, file);
  }
}
