import { Macro } from '../jinja/index.js';
import { nodeAsDict } from '../context/node-dict.js';
import type { CompileState } from './compile-state.js';
import type { NodeDraft } from './node-draft.js';
import { renderError } from './render-node.js';
import { RenderSession } from '../context/node-context.js';
import { WarehouseAnswers } from '../context/warehouse.js';

const NAMING_MACROS = ['generate_schema_name', 'generate_alias_name', 'generate_database_name'] as const;

/** True when the project (or a package) overrides a naming macro, so it must be rendered. */
export function namingOverrides(state: CompileState): Set<string> {
  const out = new Set<string>();
  for (const m of NAMING_MACROS) {
    for (const pkg of state.packageNames) if (pkg !== 'dbt' && state.registry.get(pkg, m)) out.add(m);
  }
  return out;
}

const str = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : String(v));

/**
 * Sets database, schema, alias and relation name the way dbt's generate_*_name macros do. The
 * defaults are computed here directly (the hot path at 40,000 nodes); an override in the project
 * is rendered like any macro.
 */
export function applyNaming(state: CompileState, node: NodeDraft, overrides: Set<string>): void {
  const c = node.config;
  const targetSchema = String(state.target['schema'] ?? 'main');
  const targetDatabase = str(state.target['database']);
  let session: RenderSession | undefined;
  const callMacro = (name: string, args: unknown[]): string => {
    session ??= new RenderSession(state, node, 'parse', new WarehouseAnswers());
    const m = session.resolverFor(state.rootPackage)(name);
    if (!(m instanceof Macro)) return '';
    try {
      return String(m.call(args, {})).trim();
    } catch (e) {
      throw renderError(e, node, node.originalFilePath);
    }
  };

  if (node.resourceType === 'snapshot' && str(c['target_schema'])) {
    node.schema = String(c['target_schema']);
  } else if (overrides.has('generate_schema_name')) {
    node.schema = callMacro('generate_schema_name', [str(c['schema']), nodeAsDict(node)]);
  } else {
    const custom = str(c['schema']);
    node.schema = custom ? `${targetSchema}_${custom.trim()}` : targetSchema;
  }

  if (node.resourceType === 'snapshot' && str(c['target_database'])) {
    node.database = String(c['target_database']);
  } else if (overrides.has('generate_database_name')) {
    node.database = callMacro('generate_database_name', [str(c['database']), nodeAsDict(node)]) || null;
  } else {
    node.database = str(c['database']) ?? targetDatabase;
  }

  if (overrides.has('generate_alias_name')) {
    node.alias = callMacro('generate_alias_name', [str(c['alias']), nodeAsDict(node)]);
  } else {
    // node.alias starts as the name (a generic test's starts as its short name).
    node.alias = str(c['alias']) ?? (node.version !== null ? `${node.name}_v${node.version}` : node.alias || node.name);
  }

  const m = c['materialized'];
  if (node.resourceType === 'test' || node.resourceType === 'analysis' || node.resourceType === 'operation' || m === 'ephemeral') {
    node.relationName = null;
  } else {
    node.relationName = [node.database, node.schema, node.alias].filter((p): p is string => !!p).map((p) => `"${p.replace(/"/g, '""')}"`).join('.');
  }
}
