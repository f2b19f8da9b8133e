import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { LakeformError, type SourceLocation, type Warning } from '../errors.js';
import { loadSchemaFile, mergeConfigs, normalizeTestEntry, resolveFolderConfig } from '../project/index.js';
import type { ColumnInfo } from '../manifest/schema.js';
import type { FoundFile } from '../parse/discover-files.js';
import { didYouMean } from '../suggest.js';
import type { PackageInfo } from './load-packages.js';
import { lazyLocation } from './lazy-location.js';
import { MacroRegistry } from './macro-registry.js';
import { emptyDraft, type NodeDraft, type NodeResourceType } from './node-draft.js';
import type { TemplateCache } from './template-cache.js';

type Dict = Record<string, unknown>;

export interface ExposureDraft {
  uniqueId: string;
  packageName: string;
  /** Relative to the resource root, and dbt's fqn: [project, folders..., name]. */
  path: string;
  fqn: string[];
  entry: Dict;
  location: SourceLocation;
  originalFilePath: string;
  dependsOnStrings: string[];
  refs: { name: string; package: string | null; version: string | number | null }[];
  sources: [string, string][];
  dependsOn: string[];
}

export interface SourceEntryDraft {
  uniqueId: string;
  sourceName: string;
  name: string;
  packageName: string;
  location: SourceLocation;
  originalFilePath: string;
  source: Dict;
  table: Dict;
}

export interface PendingTest {
  packageName: string;
  /** The model/seed/snapshot/source being tested. */
  attachedTo: { kind: 'node'; node: NodeDraft } | { kind: 'source'; source: SourceEntryDraft };
  columnName: string | null;
  entry: unknown;
  location: SourceLocation;
  schemaFile: FoundFile;
  /** Tags and meta from the YAML element the test is listed under. */
  inheritedTags: string[];
}

export interface DocBlock {
  uniqueId: string;
  name: string;
  packageName: string;
  originalFilePath: string;
  path: string;
  content: string;
}

export interface ParsedFiles {
  registry: MacroRegistry;
  nodes: NodeDraft[];
  sources: SourceEntryDraft[];
  exposures: ExposureDraft[];
  docs: DocBlock[];
  unitTests: { uniqueId: string; entry: Dict; packageName: string; originalFilePath: string }[];
  pendingTests: PendingTest[];
  macroPatches: Map<string, Dict>;
  warnings: Warning[];
}

const stem = (p: string) => posix.basename(p).replace(/\.[^.]+$/, '');
const folders = (pathInRoot: string) => posix.dirname(pathInRoot).split('/').filter((x) => x && x !== '.');
const asDict = (v: unknown): Dict => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asStrList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

export function shortHash(s: string, n = 10): string {
  return createHash('md5').update(s).digest('hex').slice(0, n);
}

/** Folder config for a node: its own package's dbt_project.yml, then the root project's (root wins). */
export function folderConfigFor(pkg: PackageInfo, root: PackageInfo, kind: string, fqn: string[]): Dict {
  const own = resolveFolderConfig(asDict(pkg.project)[kind], fqn, kind as never);
  if (pkg === root) return own;
  return mergeConfigs(own, resolveFolderConfig(asDict(root.project)[kind], fqn, kind as never));
}

/** Every macro of every package into one registry, and every {% docs %} block. */
export function loadMacrosAndDocs(packages: PackageInfo[], templates: TemplateCache): { registry: MacroRegistry; docs: DocBlock[] } {
  const registry = new MacroRegistry();
  const docs: DocBlock[] = [];
  const docIds = new Map<string, DocBlock>();

  for (const pkg of packages) {
    const macroFiles = [...pkg.files.macros, ...pkg.files.singularTests.filter((f) => f.pathInRoot.startsWith('generic/'))];
    for (const f of macroFiles) {
      const t = templates.parse(f.content, f.relPath);
      for (const def of t.macros) {
        registry.add({ name: def.name, packageName: pkg.name, uniqueId: `macro.${pkg.name}.${def.name}`, def, file: f, originalFilePath: f.relPath });
      }
      for (const d of t.docs) addDoc(pkg, f, d.name, d.content);
    }
    for (const f of pkg.files.docs) {
      const t = templates.parse(f.content, f.relPath);
      for (const d of t.docs) addDoc(pkg, f, d.name, d.content);
    }
  }

  function addDoc(pkg: PackageInfo, f: FoundFile, name: string, content: string) {
    const uid = `doc.${pkg.name}.${name}`;
    const prev = docIds.get(uid);
    if (prev) {
      throw new LakeformError({
        code: 'E_DUPLICATE_DOC',
        message: `docs block '${name}' is defined twice: in ${prev.originalFilePath} and in ${f.relPath}`,
        location: { file: f.relPath },
        hint: 'rename or delete one of them',
      });
    }
    const block = { uniqueId: uid, name, packageName: pkg.name, originalFilePath: f.relPath, path: f.pathInRoot, content };
    docIds.set(uid, block);
    docs.push(block);
  }
  return { registry, docs };
}

/** A node for a model/analysis/seed/test file, with its folder config; shared by full and partial parses. */
export function fileNode(pkg: PackageInfo, root: PackageInfo, f: FoundFile, type: NodeResourceType): NodeDraft {
  const name = stem(f.pathInRoot);
  const kind = type === 'model' ? 'models' : type === 'analysis' ? 'analyses' : type === 'seed' ? 'seeds' : 'data_tests';
  const fqn = type === 'analysis' ? [pkg.name, 'analysis', ...folders(f.pathInRoot), name] : [pkg.name, ...folders(f.pathInRoot), name];
  const n = emptyDraft({
    uniqueId: `${type}.${pkg.name}.${name}`,
    resourceType: type,
    name,
    packageName: pkg.name,
    path: f.pathInRoot,
    originalFilePath: f.relPath,
    location: { file: f.relPath },
    fqn,
    rawCode: type === 'seed' ? '' : f.content,
    checksum: f.checksum,
  });
  n.folderConfig = folderConfigFor(pkg, root, kind, fqn);
  if (type === 'test') n.folderConfig = mergeConfigs(folderConfigFor(pkg, root, 'tests', fqn), n.folderConfig);
  return n;
}

/**
 * Reads every file of every package into drafts: models, seeds, snapshots, analyses and singular
 * tests into nodes, then applies the YAML property files (descriptions, columns, configs,
 * versions, sources, exposures, tests to create).
 */
export function parseFiles(packages: PackageInfo[], templates: TemplateCache, macros: { registry: MacroRegistry; docs: DocBlock[] }): ParsedFiles {
  const root = packages[0]!;
  const { registry, docs } = macros;
  const warnings: Warning[] = [];
  const nodes: NodeDraft[] = [];

  const byPackageAndName = new Map<string, NodeDraft>();
  function addNode(n: NodeDraft) {
    const key = `${n.resourceType === 'test' ? 'test' : 'refable'}:${n.packageName}:${n.name}:${n.version ?? ''}`;
    const prev = byPackageAndName.get(key);
    if (prev && n.resourceType !== 'analysis') {
      throw new LakeformError({
        code: 'E_DUPLICATE_NODE',
        message: `two resources are named '${n.name}' in package '${n.packageName}': ${prev.originalFilePath} (${prev.resourceType}) and ${n.originalFilePath} (${n.resourceType})`,
        location: n.location,
        hint: 'names must be unique across models, seeds and snapshots of a package; rename one file (or set an alias)',
      });
    }
    byPackageAndName.set(key, n);
    nodes.push(n);
  }

  for (const pkg of packages) {
    if (pkg.kind === 'internal') continue;
    for (const f of pkg.files.models) {
      const n = fileNode(pkg, root, f, 'model');
      n.template = templates.parse(f.content, f.relPath, n.uniqueId);
      addNode(n);
    }
    for (const f of pkg.files.analyses) {
      const n = fileNode(pkg, root, f, 'analysis');
      n.template = templates.parse(f.content, f.relPath, n.uniqueId);
      addNode(n);
    }
    for (const f of pkg.files.seeds) addNode(fileNode(pkg, root, f, 'seed'));
    for (const f of pkg.files.singularTests) {
      if (f.pathInRoot.startsWith('generic/')) continue;
      const n = fileNode(pkg, root, f, 'test');
      n.template = templates.parse(f.content, f.relPath, n.uniqueId);
      addNode(n);
    }
    for (const f of pkg.files.snapshots) {
      const t = templates.parse(f.content, f.relPath);
      for (const s of t.snapshots) {
        const fqn = [pkg.name, ...folders(f.pathInRoot), stem(f.pathInRoot), s.name];
        const n = emptyDraft({
          uniqueId: `snapshot.${pkg.name}.${s.name}`,
          resourceType: 'snapshot',
          name: s.name,
          packageName: pkg.name,
          path: f.pathInRoot,
          originalFilePath: f.relPath,
          location: { file: f.relPath, line: s.line },
          fqn,
          // As dbt: the block's body, without its {% snapshot %} tags.
          rawCode: snapshotBody(s.source),
          checksum: f.checksum,
        });
        n.folderConfig = folderConfigFor(pkg, root, 'snapshots', fqn);
        n.template = s.body;
        addNode(n);
      }
    }
  }

  // Property (schema) files.
  const sources: SourceEntryDraft[] = [];
  const exposures: ExposureDraft[] = [];
  const unitTests: ParsedFiles['unitTests'] = [];
  const pendingTests: PendingTest[] = [];
  const macroPatches = new Map<string, Dict>();
  const refableIndex = new Map<string, NodeDraft[]>();
  for (const n of nodes) {
    if (n.resourceType === 'test') continue;
    const key = `${n.packageName}\u0000${n.name}`;
    const list = refableIndex.get(key);
    if (list) list.push(n);
    else refableIndex.set(key, [n]);
  }
  const refable = (pkg: string, name: string) => refableIndex.get(`${pkg}\u0000${name}`) ?? [];

  for (const pkg of packages) {
    if (pkg.kind === 'internal') continue;
    for (const f of pkg.files.schemaFiles) {
      const loaded = loadSchemaFile(f.absPath, f.relPath, f.content);
      warnings.push(...loaded.warnings);
      const file = asDict(loaded.file);
      const at = (path: (string | number)[]): SourceLocation => lazyLocation(f.relPath, () => loaded.locate(path));

      const queueTests = (attached: PendingTest['attachedTo'], owner: Dict, path: (string | number)[]) => {
        const ownerTags = asStrList(owner['tags']);
        const add = (list: unknown[], column: string | null, listPath: (string | number)[], tags: string[]) => {
          list.forEach((entry, i) => pendingTests.push({ packageName: pkg.name, attachedTo: attached, columnName: column, entry, location: at([...listPath, i]), schemaFile: f, inheritedTags: tags }));
        };
        add(asList(owner['tests']), null, [...path, 'tests'], ownerTags);
        add(asList(owner['data_tests']), null, [...path, 'data_tests'], ownerTags);
        asList(owner['columns']).forEach((c, ci) => {
          const col = asDict(c);
          const colTags = [...ownerTags, ...asStrList(col['tags'])];
          const colName = String(col['name']);
          add(asList(col['tests']), colName, [...path, 'columns', ci, 'tests'], colTags);
          add(asList(col['data_tests']), colName, [...path, 'columns', ci, 'data_tests'], colTags);
        });
      };

      const patchNode = (n: NodeDraft, entry: Dict, path: (string | number)[]) => {
        if (n.patchPath) {
          throw new LakeformError({
            code: 'E_DUPLICATE_PATCH',
            message: `${n.resourceType} '${n.name}' is described twice: in ${n.patchPath.replace(/^[^:]+:\/\//, '')} and in ${f.relPath}`,
            location: at(path),
            hint: 'keep one YAML entry per resource',
          });
        }
        n.patchPath = `${pkg.name}://${f.relPath}`;
        if (typeof entry['description'] === 'string') n.description = entry['description'];
        n.columns = columnsOf(entry['columns']);
        const cfg = { ...asDict(entry['config']) };
        if (entry['tags'] !== undefined) cfg['tags'] = [...asStrList(cfg['tags']), ...asStrList(entry['tags'])];
        if (entry['meta'] !== undefined) cfg['meta'] = { ...asDict(entry['meta']), ...asDict(cfg['meta']) };
        if (entry['docs'] !== undefined) cfg['docs'] = entry['docs'];
        if (entry['access'] !== undefined) n.access = String(entry['access']);
        if (entry['group'] !== undefined) n.group = String(entry['group']);
        if (entry['deprecation_date'] !== undefined) n.deprecationDate = String(entry['deprecation_date']);
        if (Array.isArray(entry['constraints'])) n.constraints = entry['constraints'];
        n.patchConfig = mergeConfigs(n.patchConfig, cfg);
      };

      const patchKind = (key: 'models' | 'seeds' | 'snapshots' | 'analyses', type: NodeResourceType) => {
        asList(file[key]).forEach((raw, i) => {
          const entry = asDict(raw);
          const name = String(entry['name']);
          const versions = asList(entry['versions']);
          if (type === 'model' && versions.length > 0) {
            applyVersions(pkg, entry, versions, i, f, at, nodes, root, (n, e, p) => patchNode(n, e, p), (n, e, p) => queueTests({ kind: 'node', node: n }, e, p));
            return;
          }
          const found = refable(pkg.name, name).filter((n) => n.resourceType === type);
          const target = found[0];
          if (!target) {
            const names = nodes.filter((n) => n.packageName === pkg.name && n.resourceType === type).map((n) => n.name);
            warnings.push({
              code: 'W_PATCH_NO_NODE',
              message: `${key}[${i}] '${name}' in ${f.relPath} does not match any ${type} file`,
              location: at([key, i, 'name']),
              hint: didYouMean(name, names) || `create ${key}/${name}.${type === 'seed' ? 'csv' : 'sql'} or remove the entry`,
            });
            return;
          }
          patchNode(target, entry, [key, i]);
          queueTests({ kind: 'node', node: target }, entry, [key, i]);
        });
      };
      patchKind('models', 'model');
      patchKind('seeds', 'seed');
      patchKind('snapshots', 'snapshot');
      patchKind('analyses', 'analysis');

      asList(file['sources']).forEach((rawSrc, si) => {
        const src = asDict(rawSrc);
        const sourceName = String(src['name']);
        asList(src['tables']).forEach((rawTable, ti) => {
          const table = asDict(rawTable);
          const name = String(table['name']);
          const uid = `source.${pkg.name}.${sourceName}.${name}`;
          if (sources.some((s) => s.uniqueId === uid)) {
            throw new LakeformError({
              code: 'E_DUPLICATE_SOURCE',
              message: `source table '${sourceName}.${name}' is defined twice`,
              location: at(['sources', si, 'tables', ti, 'name']),
              hint: 'each source table may be declared once per package',
            });
          }
          const s: SourceEntryDraft = { uniqueId: uid, sourceName, name, packageName: pkg.name, location: at(['sources', si, 'tables', ti]), originalFilePath: f.relPath, source: src, table };
          sources.push(s);
          queueTests({ kind: 'source', source: s }, table, ['sources', si, 'tables', ti]);
        });
      });

      asList(file['exposures']).forEach((raw, i) => {
        const e = asDict(raw);
        exposures.push({
          uniqueId: `exposure.${pkg.name}.${String(e['name'])}`,
          packageName: pkg.name,
          path: f.pathInRoot,
          fqn: [pkg.name, ...folders(f.pathInRoot), String(e['name'])],
          entry: e,
          location: at(['exposures', i]),
          originalFilePath: f.relPath,
          dependsOnStrings: asStrList(e['depends_on']),
          refs: [],
          sources: [],
          dependsOn: [],
        });
      });

      asList(file['unit_tests']).forEach((raw) => {
        const u = asDict(raw);
        unitTests.push({ uniqueId: `unit_test.${pkg.name}.${String(u['model'])}.${String(u['name'])}`, entry: u, packageName: pkg.name, originalFilePath: f.relPath });
      });

      asList(file['macros']).forEach((raw) => {
        const m = asDict(raw);
        macroPatches.set(`macro.${pkg.name}.${String(m['name'])}`, m);
      });
    }
  }

  return { registry, nodes, sources, exposures, docs, unitTests, pendingTests, macroPatches, warnings };
}

export function columnsOf(raw: unknown): Record<string, ColumnInfo> {
  const out: Record<string, ColumnInfo> = {};
  for (const c of asList(raw)) {
    const col = asDict(c);
    const name = String(col['name']);
    out[name] = {
      name,
      description: typeof col['description'] === 'string' ? col['description'] : '',
      meta: asDict(col['meta']),
      data_type: typeof col['data_type'] === 'string' ? col['data_type'] : null,
      constraints: asList(col['constraints']),
      quote: typeof col['quote'] === 'boolean' ? col['quote'] : null,
      tags: asStrList(col['tags']),
    };
  }
  return out;
}

/**
 * Model versions (dbt 1.5+): `versions: [{v: 1}, {v: 2}]` attach files `<name>_v<v>.sql` (or
 * `defined_in`) as versions of one model; `ref(name)` resolves to `latest_version`.
 */
function applyVersions(
  pkg: PackageInfo,
  entry: Dict,
  versions: unknown[],
  index: number,
  f: FoundFile,
  at: (p: (string | number)[]) => SourceLocation,
  nodes: NodeDraft[],
  root: PackageInfo,
  patch: (n: NodeDraft, e: Dict, p: (string | number)[]) => void,
  queue: (n: NodeDraft, e: Dict, p: (string | number)[]) => void,
): void {
  const name = String(entry['name']);
  const vs = versions.map((v) => asDict(v));
  const latest = entry['latest_version'] ?? vs.map((v) => v['v']).sort((a, b) => (Number(a) > Number(b) ? 1 : -1)).pop();
  vs.forEach((v, vi) => {
    const ver = v['v'] as string | number;
    const definedIn = typeof v['defined_in'] === 'string' ? v['defined_in'] : `${name}_v${ver}`;
    const fileNode = nodes.find((n) => n.packageName === pkg.name && n.resourceType === 'model' && n.name === definedIn && n.version === null) ??
      (String(ver) === String(latest) ? nodes.find((n) => n.packageName === pkg.name && n.resourceType === 'model' && n.name === name && n.version === null) : undefined);
    if (!fileNode) {
      throw new LakeformError({
        code: 'E_VERSION_FILE_MISSING',
        message: `version ${ver} of model '${name}' has no file: expected ${definedIn}.sql`,
        location: at(['models', index, 'versions', vi]),
        hint: `create ${definedIn}.sql, or set defined_in: for this version`,
      });
    }
    fileNode.name = name;
    fileNode.version = ver;
    fileNode.latestVersion = latest as string | number;
    fileNode.uniqueId = `model.${pkg.name}.${name}.v${ver}`;
    fileNode.fqn = [...fileNode.fqn.slice(0, -1), name, `v${ver}`];
    fileNode.folderConfig = folderConfigFor(pkg, root, 'models', fileNode.fqn);
    // Version entries inherit the model's properties; `columns` can include/exclude.
    const merged: Dict = { ...entry, ...v, config: { ...asDict(entry['config']), ...asDict(v['config']) } };
    if (v['columns'] === undefined) merged['columns'] = entry['columns'];
    else {
      const base = asList(entry['columns']).map(asDict);
      const own = asList(v['columns']).map(asDict);
      const include = own.find((c) => 'include' in c);
      const keepAll = !include || include['include'] === 'all' || include['include'] === '*';
      const exclude = new Set(asStrList(include?.['exclude']));
      merged['columns'] = [...(keepAll ? base.filter((c) => !exclude.has(String(c['name']))) : []), ...own.filter((c) => !('include' in c))];
    }
    patch(fileNode, merged, ['models', index, 'versions', vi]);
    queue(fileNode, merged, ['models', index]);
  });
}

function snapshotBody(block: string): string {
  const m = /^\{%-?\s*snapshot\b[^%]*-?%\}([\s\S]*)\{%-?\s*endsnapshot\s*-?%\}$/.exec(block.trim());
  return m ? m[1]! : block;
}
