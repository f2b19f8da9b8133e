import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LakeformError } from '../errors.js';
import type { Manifest } from '../manifest/schema.js';
import {
  buildSelectionGraph,
  parseSelectorsYaml,
  selectNodes,
  defaultSelector,
  type IndirectSelectionMode,
  type SelectableNode,
  type SelectionGraph,
  type SelectionResult,
} from '../selection/index.js';

/** The selection view of a manifest: the same for the current project and a `--state` manifest. */
export function selectionGraphFromManifest(m: Manifest): SelectionGraph {
  const out: SelectableNode[] = [];
  for (const n of Object.values(m.nodes)) {
    const s: SelectableNode = {
      uniqueId: n.unique_id,
      name: n.name,
      resourceType: n.resource_type === 'sql_operation' ? 'operation' : n.resource_type,
      packageName: n.package_name,
      fqn: n.fqn,
      path: n.path,
      originalFilePath: n.original_file_path,
      tags: n.tags,
      config: n.config,
      dependsOn: [...n.depends_on.nodes, ...n.depends_on.macros],
      checksum: n.checksum.checksum,
      rawCode: n.raw_code,
    };
    if (n.version !== undefined && n.version !== null) {
      s.version = n.version;
      s.isLatestVersion = String(n.version) === String(n.latest_version);
    }
    if (n.test_metadata) s.testMetadata = n.test_metadata;
    if (n.attached_node) s.attachedNode = n.attached_node;
    out.push(s);
  }
  for (const src of Object.values(m.sources)) {
    out.push({
      uniqueId: src.unique_id,
      name: src.name,
      resourceType: 'source',
      packageName: src.package_name,
      fqn: src.fqn,
      path: src.path,
      originalFilePath: src.original_file_path,
      tags: src.tags,
      config: src.config,
      sourceName: src.source_name,
      dependsOn: [],
      checksum: JSON.stringify([src.identifier, src.schema, src.database, src.columns]),
    });
  }
  for (const e of Object.values(m.exposures)) {
    out.push({
      uniqueId: e.unique_id,
      name: e.name,
      resourceType: 'exposure',
      packageName: e.package_name,
      fqn: e.fqn,
      path: e.path,
      originalFilePath: e.original_file_path,
      tags: e.tags,
      config: e.config,
      dependsOn: e.depends_on.nodes,
    });
  }
  // Unit tests are selectable like dbt's (`test_type:unit`, `unit_test:name`, by their model's
  // name with indirect selection): each depends on the model it tests.
  const modelIds = new Map<string, string>();
  for (const n of Object.values(m.nodes)) if (n.resource_type === 'model') modelIds.set(n.name, n.unique_id);
  for (const [id, raw] of Object.entries((m as { unit_tests?: Record<string, Record<string, unknown>> }).unit_tests ?? {})) {
    const u = raw;
    const cfg = (u['config'] && typeof u['config'] === 'object' ? u['config'] : {}) as Record<string, unknown>;
    const model = String(u['model'] ?? '');
    const pkg = String(u['package_name'] ?? '');
    const tags = Array.isArray(cfg['tags']) ? (cfg['tags'] as unknown[]).map(String) : typeof cfg['tags'] === 'string' ? [cfg['tags']] : [];
    out.push({
      uniqueId: id,
      name: String(u['name'] ?? id.split('.').pop()),
      resourceType: 'unit_test',
      packageName: pkg,
      fqn: [pkg, model, String(u['name'] ?? '')],
      path: String(u['original_file_path'] ?? ''),
      originalFilePath: String(u['original_file_path'] ?? ''),
      tags,
      config: { enabled: cfg['enabled'] !== false, tags },
      dependsOn: modelIds.has(model) ? [modelIds.get(model)!] : [],
    });
  }
  return buildSelectionGraph(out);
}

export function readStateManifest(stateDir: string): Manifest {
  const p = join(stateDir, 'manifest.json');
  if (!existsSync(p)) {
    throw new LakeformError({
      code: 'E_STATE_NOT_FOUND',
      message: `--state ${stateDir} holds no manifest.json`,
      hint: 'point --state at the target/ folder of an earlier compile or run (copy it aside first)',
    });
  }
  return JSON.parse(readFileSync(p, 'utf8')) as Manifest;
}

export interface NodeSelectionInput {
  projectDir: string;
  select?: string[] | undefined;
  exclude?: string[] | undefined;
  selector?: string | undefined;
  stateDir?: string | undefined;
  resourceTypes?: string[] | undefined;
  indirectSelection?: IndirectSelectionMode | undefined;
  /** Apply a selectors.yml `default: true` selector when nothing is selected explicitly. */
  useDefaultSelector?: boolean;
}

/** --select / --exclude / --selector / --state over a manifest, as the CLI takes them. */
export function selectFromManifest(m: Manifest, input: NodeSelectionInput): SelectionResult {
  const selPath = join(input.projectDir, 'selectors.yml');
  const selectors = existsSync(selPath) ? parseSelectorsYaml(readFileSync(selPath, 'utf8'), 'selectors.yml') : undefined;
  let selector = input.selector;
  if (!selector && !input.select?.length && !input.exclude?.length && selectors && input.useDefaultSelector !== false) {
    selector = defaultSelector(selectors)?.name;
  }
  if (input.selector && !selectors) {
    throw new LakeformError({ code: 'E_SELECTOR_NOT_FOUND', message: `--selector ${input.selector}: the project has no selectors.yml`, hint: 'create selectors.yml next to dbt_project.yml' });
  }
  return selectNodes(selectionGraphFromManifest(m), {
    select: input.select,
    exclude: input.exclude,
    selector,
    selectors,
    state: input.stateDir ? selectionGraphFromManifest(readStateManifest(input.stateDir)) : undefined,
    resourceTypes: input.resourceTypes,
    indirectSelection: input.indirectSelection,
  });
}
