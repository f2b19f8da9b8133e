/**
 * @lakeform/sql-compiler — turns a dbt-format project into a manifest: project loading, dbt's
 * Jinja, ref/source resolution, the DAG, node selection, compiled SQL. See README.md.
 */
export * from './errors.js';
export { LAKEFORM_VERSION } from './version.js';
export { closestName, didYouMean } from './suggest.js';
export { compileProject, resolveTarget, type CompileOptions, type CompiledProject, type ResolvedTarget } from './compile/compile-project.js';
export { renderInNode } from './compile/render-in-node.js';
export { compileToTarget, planLine, type TargetResult } from './compile/compile-to-target.js';
export { foundLine } from './manifest/found-line.js';
export type { NodeDraft, RefCall } from './compile/node-draft.js';
export type { AdapterType, SourceDraft, LogLine } from './compile/compile-state.js';
export { selectFromManifest, selectionGraphFromManifest, readStateManifest, type NodeSelectionInput } from './compile/select-nodes.js';
export { builtinHubNames, builtinPackageFor } from './compile/builtin-packages.js';
export { compiledPathOf } from './manifest/build-manifest.js';
export { writeCompiled, writeManifest, writeFileAtomic } from './manifest/write-artifacts.js';
export * from './manifest/schema.js';
export { Relation } from './context/relation.js';
export type { Warehouse, WarehouseColumn, WarehouseTable, WarehouseRelationRef } from './context/warehouse.js';
export { loadPackagesFile, loadProjectFile } from './project/index.js';
export { INDIRECT_SELECTION_MODES, type IndirectSelectionMode } from './selection/index.js';
export * from './unit-tests/index.js';
