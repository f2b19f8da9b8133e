import type { NodeDraft } from '../compile/node-draft.js';
import type { ManifestNode } from './schema.js';

/** The manifest entry for one node; kept a pure function of the draft so entries can be cached. */
export function manifestNode(n: NodeDraft, createdAt: number): ManifestNode {
  const node: ManifestNode = {
    database: n.database,
    schema: n.schema,
    name: n.name,
    resource_type: n.resourceType,
    package_name: n.packageName,
    path: n.path,
    original_file_path: n.originalFilePath,
    unique_id: n.uniqueId,
    fqn: n.fqn,
    alias: n.alias,
    checksum: { name: 'sha256', checksum: n.checksum },
    config: n.config as ManifestNode['config'],
    tags: (n.config['tags'] as string[] | undefined) ?? [],
    description: n.description,
    columns: n.columns,
    meta: (n.config['meta'] as Record<string, unknown> | undefined) ?? n.meta,
    group: n.group,
    docs: (n.config['docs'] as ManifestNode['docs'] | undefined) ?? n.docs,
    patch_path: n.patchPath,
    build_path: null,
    unrendered_config: { ...n.folderConfig, ...n.patchConfig, ...n.fileConfig },
    created_at: createdAt,
    relation_name: n.relationName,
    raw_code: n.rawCode,
    language: 'sql',
    refs: n.refs.map((r) => ({ name: r.name, package: r.package, version: r.version })),
    sources: n.sources.map(([s, t]) => [s, t]),
    metrics: [],
    depends_on: { macros: [...n.macros].sort(), nodes: n.dependsOn },
    compiled_path: n.compiledCode === undefined ? null : `target/compiled/${compiledPathOf(n)}`,
    compiled: n.compiledCode !== undefined,
    extra_ctes_injected: n.compiledCode !== undefined,
    // As dbt records them: the text injected into the consumer's WITH.
    extra_ctes: n.extraCtes.map((c) => ({ id: c.id, sql: ` __dbt__cte__${c.id.split('.')[2] ?? ''} as (\n${c.sql}\n)` })),
    contract: { enforced: Boolean((n.config['contract'] as { enforced?: boolean } | undefined)?.enforced), alias_types: true, checksum: null },
  };
  if (n.compiledCode !== undefined) node.compiled_code = n.compiledCode;
  if (n.resourceType === 'model') {
    node.access = n.access;
    node.constraints = n.constraints;
    node.version = n.version;
    node.latest_version = n.latestVersion;
    node.deprecation_date = isoDateTime(n.deprecationDate);
  }
  if (n.resourceType === 'test') {
    if (n.testMetadata) node.test_metadata = n.testMetadata;
    node.column_name = n.columnName ?? null;
    node.file_key_name = n.fileKeyName ?? null;
    node.attached_node = n.attachedNode ?? null;
  }
  return node;
}

/** Where compiled SQL goes under target/compiled, as dbt lays it out. */
export function compiledPathOf(n: NodeDraft): string {
  if (n.resourceType === 'test' && n.testMetadata) return `${n.packageName}/${n.originalFilePath}/${n.path}`;
  if (n.resourceType === 'operation') return `${n.packageName}/hooks/${n.name}.sql`;
  return `${n.packageName}/${n.originalFilePath}`;
}

/** dbt writes deprecation_date as an ISO 8601 datetime in UTC. */
function isoDateTime(v: string | null): string | null {
  if (!v) return v;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
