import type { NodeDraft } from '../compile/node-draft.js';

/** The node as templates see it (`model`, `node`, `graph.nodes[...]`): dbt's manifest field names. */
export function nodeAsDict(n: NodeDraft): Record<string, unknown> {
  return {
    unique_id: n.uniqueId,
    name: n.name,
    resource_type: n.resourceType,
    package_name: n.packageName,
    path: n.path,
    original_file_path: n.originalFilePath,
    fqn: n.fqn,
    alias: n.alias,
    schema: n.schema,
    database: n.database,
    config: n.config,
    tags: (n.config['tags'] as string[] | undefined) ?? [],
    meta: n.meta,
    description: n.description,
    columns: n.columns,
    refs: n.refs,
    sources: n.sources,
    depends_on: { nodes: n.dependsOn, macros: [...n.macros] },
    raw_code: n.rawCode,
    raw_sql: n.rawCode,
    compiled_code: n.compiledCode,
    version: n.version,
    latest_version: n.latestVersion,
    relation_name: n.relationName,
    test_metadata: n.testMetadata,
    column_name: n.columnName,
  };
}
