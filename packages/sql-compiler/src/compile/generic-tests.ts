import { posix } from 'node:path';
import { LakeformError } from '../errors.js';
import { pyRepr } from '../jinja/index.js';
import { mergeConfigs, normalizeTestEntry } from '../project/index.js';
import { closestName } from '../suggest.js';
import { defaultConfig } from './config-defaults.js';
import type { PackageInfo } from './load-packages.js';
import type { MacroRegistry } from './macro-registry.js';
import { emptyDraft, type NodeDraft } from './node-draft.js';
import { folderConfigFor, shortHash, type PendingTest } from './parse-project.js';
import type { TemplateCache } from './template-cache.js';

const REF_OR_SOURCE = /^\s*(ref|source)\s*\(.*\)\s*$/s;

/** dbt's generic test naming: test, target and flattened arguments; long names get a hash. */
function synthesizeName(prefix: string, testName: string, namespace: string | null, target: string, args: Record<string, unknown>): { name: string; alias: string } {
  const flat: string[] = [];
  for (const k of Object.keys(args).sort()) {
    if (k === 'model') continue;
    const v = args[k];
    const parts = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : [v];
    for (const p of parts) flat.push(String(p === null ? 'None' : p === true ? 'True' : p === false ? 'False' : p));
  }
  const clean = flat.map((a) => a.replace(/[^0-9a-zA-Z_]+/g, '_'));
  const identifier = `${prefix}${namespace ? `${namespace}_${testName}` : testName}_${target}`;
  const full = clean.length ? `${identifier}_${clean.join('__')}` : identifier;
  // dbt keeps the full name as the test's name and uses the hashed short form as its alias.
  return { name: full, alias: full.length >= 64 ? `${identifier.slice(0, 30)}_${shortHash(full, 32)}` : full };
}

/** A Jinja expression for one test argument: ref()/source() strings are evaluated, the rest are passed in. */
function argExpression(k: string, v: unknown): string {
  if (typeof v === 'string' && REF_OR_SOURCE.test(v)) return v.trim();
  return `__lf_args[${pyRepr(k)}]`;
}

export function findTestMacro(registry: MacroRegistry, rootPackage: string, ownerPackage: string, testName: string, namespace: string | null): { packageName: string; name: string } | undefined {
  const macro = `test_${testName}`;
  const order = namespace ? [namespace] : [rootPackage, ownerPackage, 'dbt'];
  for (const pkg of order) if (registry.get(pkg, macro)) return { packageName: pkg, name: macro };
  return undefined;
}

/** Turns the tests listed in YAML into test nodes whose template calls the generic test macro. */
export function buildGenericTests(pending: PendingTest[], packages: PackageInfo[], registry: MacroRegistry, templates: TemplateCache): NodeDraft[] {
  const root = packages[0]!;
  const byName = new Map(packages.map((p) => [p.name, p]));
  const out: NodeDraft[] = [];
  const seen = new Map<string, NodeDraft>();
  const folderConfigs = new Map<string, { folder: Record<string, unknown>; base: Record<string, unknown> }>();
  for (const p of pending) {
    let norm: ReturnType<typeof normalizeTestEntry>;
    try {
      norm = normalizeTestEntry(p.entry as never);
    } catch (e) {
      throw new LakeformError({ code: 'E_TEST_INVALID', message: e instanceof Error ? e.message : String(e), location: p.location, hint: "a test is a name ('unique') or a mapping {test_name: {arguments...}}" });
    }
    const namespace = norm.namespace ?? null;
    const found = findTestMacro(registry, root.name, p.packageName, norm.testName, namespace);
    if (!found) {
      const known = [...registry.all()].filter((m) => m.name.startsWith('test_')).map((m) => (m.packageName === 'dbt' || m.packageName === root.name ? m.name.slice(5) : `${m.packageName}.${m.name.slice(5)}`));
      const want = namespace ? `${namespace}.${norm.testName}` : norm.testName;
      const near = closestName(want, known);
      throw new LakeformError({
        code: 'E_TEST_NOT_FOUND',
        message: `generic test '${want}' does not exist`,
        location: p.location,
        hint: near ? `did you mean '${near}'?` : namespace ? `is package '${namespace}' listed in packages.yml?` : 'define it with {% test name(model, column_name) %} under macros/ or tests/generic/',
      });
    }
    const isSource = p.attachedTo.kind === 'source';
    const targetName =
      p.attachedTo.kind === 'source'
        ? `${p.attachedTo.source.sourceName}_${p.attachedTo.source.name}`
        : p.attachedTo.node.version !== null
          ? `${p.attachedTo.node.name}_v${p.attachedTo.node.version}`
          : p.attachedTo.node.name;
    // What the manifest shows (dbt's form) and what is rendered: the rendered template only
    // names placeholders, so every not_null test shares one parsed template.
    const relationExpr =
      p.attachedTo.kind === 'source'
        ? `source(${pyRepr(p.attachedTo.source.sourceName)}, ${pyRepr(p.attachedTo.source.name)})`
        : p.attachedTo.node.version !== null
          ? `ref(${pyRepr(p.attachedTo.node.name)}, version=${pyRepr(String(p.attachedTo.node.version))})`
          : `ref(${pyRepr(p.attachedTo.node.name)})`;
    const relationTemplate =
      p.attachedTo.kind === 'source' ? 'source(__lf_target[0], __lf_target[1])' : p.attachedTo.node.version !== null ? 'ref(__lf_target[0], version=__lf_target[1])' : 'ref(__lf_target[0])';
    const targetValues = p.attachedTo.kind === 'source' ? [p.attachedTo.source.sourceName, p.attachedTo.source.name] : [p.attachedTo.node.name, p.attachedTo.node.version === null ? null : String(p.attachedTo.node.version)];
    const args: Record<string, unknown> = { ...norm.args };
    if (p.columnName !== null) args['column_name'] = p.columnName;
    const synthesized = synthesizeName(isSource ? 'source_' : '', norm.testName, namespace, targetName, args);
    const testName = norm.customName ?? synthesized.name;
    const testAlias = norm.customName ?? synthesized.alias;
    const pkg = byName.get(p.packageName)!;
    const ymlDir = posix.dirname(p.schemaFile.pathInRoot);
    const fqn = [p.packageName, ...(ymlDir === '.' ? [] : ymlDir.split('/')), testName];
    const uid = `test.${p.packageName}.${testName}.${shortHash(`${testName}:${p.schemaFile.relPath}:${JSON.stringify(args)}`)}`;
    const macroRef = namespace ? `${namespace}.test_${norm.testName}` : `test_${norm.testName}`;
    const callArgs = [`model=get_where_subquery(${relationTemplate})`, ...Object.entries(args).map(([k, v]) => `${k}=${argExpression(k, v)}`)];
    const renderSource = `{{ ${macroRef}(${callArgs.join(', ')}) }}`;
    const n = emptyDraft({
      uniqueId: uid,
      resourceType: 'test',
      name: testName,
      packageName: p.packageName,
      path: `${testAlias}.sql`,
      originalFilePath: p.schemaFile.relPath,
      location: p.location,
      fqn,
      rawCode: `{{ ${macroRef}(**_dbt_generic_test_kwargs) }}`,
      checksum: shortHash(`${renderSource}\u0000${JSON.stringify(targetValues)}\u0000${JSON.stringify(args)}`, 64),
    });
    n.template = templates.parse(renderSource, p.schemaFile.relPath, uid);
    n.alias = testAlias;
    n.renderExtra = { __lf_target: targetValues, __lf_args: args };
    const deps = staticDependencies(registry, found, p, args);
    if (deps) n.staticDeps = deps;
    // Folder configs apply by folder; tests of one YAML file share them (and, when the test
    // sets nothing itself, share one config object — 30,000 copies would only feed the GC).
    const folderKey = `${p.packageName}\u0000${ymlDir}`;
    let shared = folderConfigs.get(folderKey);
    if (!shared) {
      const folderFqn = fqn.slice(0, -1);
      const folder = mergeConfigs(folderConfigFor(pkg, root, 'tests', folderFqn), folderConfigFor(pkg, root, 'data_tests', folderFqn));
      shared = { folder, base: mergeConfigs(defaultConfig('test'), folder) };
      folderConfigs.set(folderKey, shared);
    }
    n.folderConfig = shared.folder;
    const cfg = { ...norm.config };
    if (testAlias !== testName && cfg['alias'] === undefined) cfg['alias'] = testAlias;
    if (p.inheritedTags.length) cfg['tags'] = [...p.inheritedTags, ...((cfg['tags'] as string[] | undefined) ?? [])];
    n.patchConfig = cfg;
    n.config = Object.keys(cfg).length === 0 && deps ? shared.base : mergeConfigs(shared.base, cfg);
    n.testMetadata = {
      name: norm.testName,
      namespace,
      kwargs: { ...args, model: `{{ get_where_subquery(${relationExpr}) }}` },
    };
    n.columnName = p.columnName;
    n.fileKeyName = isSource ? `sources.${p.attachedTo.kind === 'source' ? p.attachedTo.source.sourceName : ''}` : `models.${targetName}`;
    n.attachedNode = p.attachedTo.kind === 'node' ? p.attachedTo.node.uniqueId : null;
    n.testKwargs = args;
    const dup = seen.get(uid);
    if (dup) {
      throw new LakeformError({
        code: 'E_DUPLICATE_NODE',
        message: `test '${testName}' is defined twice for the same target and arguments`,
        location: p.location,
        hint: 'remove the duplicate, or give one of them a name: (dbt 1.7+)',
      });
    }
    seen.set(uid, n);
    out.push(n);
  }
  return out;
}

const STATIC_REF = /^\s*ref\(\s*(['"])([^'"]+)\1\s*(?:,\s*(['"])([^'"]+)\3\s*)?\)\s*$/;
const STATIC_SOURCE = /^\s*source\(\s*(['"])([^'"]+)\1\s*,\s*(['"])([^'"]+)\3\s*\)\s*$/;

/**
 * The refs and sources of a generic test without rendering it: its target plus ref()/source()
 * arguments — valid when neither the test macro nor its dispatched implementations can add refs or
 * config of their own. Rendering 30,000 tests only to learn this is most of a parse.
 */
function staticDependencies(
  registry: MacroRegistry,
  found: { packageName: string; name: string },
  p: PendingTest,
  args: Record<string, unknown>,
): NonNullable<NodeDraft['staticDeps']> | undefined {
  if (!macrosAreStatic(registry, found)) return undefined;
  const refs: NodeDraft['refs'] = [];
  const sources: NodeDraft['sources'] = [];
  if (p.attachedTo.kind === 'source') sources.push([p.attachedTo.source.sourceName, p.attachedTo.source.name]);
  else refs.push({ name: p.attachedTo.node.name, package: null, version: p.attachedTo.node.version });
  for (const v of Object.values(args)) {
    if (typeof v !== 'string' || !REF_OR_SOURCE.test(v)) continue;
    const r = STATIC_REF.exec(v);
    const s = STATIC_SOURCE.exec(v);
    if (r) refs.push(r[4] !== undefined ? { package: r[2]!, name: r[4], version: null } : { package: null, name: r[2]!, version: null });
    else if (s) sources.push([s[2]!, s[4]!]);
    else return undefined;
  }
  return { refs, sources };
}

const verdicts = new WeakMap<MacroRegistry, Map<string, boolean>>();

/** Whether the test macro and every adapter implementation it may dispatch to leave refs and config alone. */
function macrosAreStatic(registry: MacroRegistry, found: { packageName: string; name: string }): boolean {
  let byKey = verdicts.get(registry);
  if (!byKey) verdicts.set(registry, (byKey = new Map()));
  const key = `${found.packageName}.${found.name}`;
  let verdict = byKey.get(key);
  if (verdict === undefined) {
    verdict = true;
    for (const m of registry.all()) {
      const relevant = (m.packageName === found.packageName && m.name === found.name) || m.name.endsWith(`__${found.name}`);
      if (relevant && /\b(ref|source|config|graph|run_query|statement)\s*[(.]/.test(m.def.source)) verdict = false;
    }
    byKey.set(key, verdict);
  }
  return verdict;
}
