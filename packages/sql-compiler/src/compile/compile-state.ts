import type { Environment } from '../jinja/index.js';
import type { Warehouse } from '../context/warehouse.js';
import type { MacroRegistry } from './macro-registry.js';
import type { NodeDraft, RefCall } from './node-draft.js';

export type AdapterType = 'athena' | 'duckdb' | 'local';

export interface SourceDraft {
  uniqueId: string;
  sourceName: string;
  name: string;
  packageName: string;
  database: string | null;
  schema: string;
  identifier: string;
  relationName: string;
  /** The rest of the manifest entry. */
  entry: Record<string, unknown>;
}

export interface LogLine {
  level: 'info' | 'debug' | 'warn';
  message: string;
  node?: string;
}

/**
 * What every render of one compile shares. Built once by the compiler; node contexts read it.
 */
export interface CompileState {
  rootPackage: string;
  registry: MacroRegistry;
  jinja: Environment;
  adapterType: AdapterType;
  /** Macro prefixes `adapter.dispatch` tries, in order: ['athena', 'default']. */
  dispatchPrefixes: string[];
  /** dbt_project.yml `dispatch:` — namespace → packages to search. */
  dispatchSearchOrder: Map<string, string[]>;
  target: Record<string, unknown>;
  env: Record<string, string | undefined>;
  /** CLI --vars, then project vars (global and per package). */
  cliVars: Record<string, unknown>;
  projectVars: Record<string, unknown>;
  packageVars: Map<string, Record<string, unknown>>;
  packageNames: Set<string>;
  /** Shared, node-independent context members (modules, exceptions, ...). */
  globals: Record<string, unknown>;
  /** Lookups filled in after parsing. */
  nodes: Map<string, NodeDraft>;
  sources: Map<string, SourceDraft>;
  resolveRef(from: NodeDraft, call: RefCall): NodeDraft;
  resolveSource(from: NodeDraft, sourceName: string, tableName: string): SourceDraft;
  docs: Map<string, string>;
  warehouse: Warehouse | undefined;
  fullRefresh: boolean;
  logs: LogLine[];
  /** Lazily built `graph` context object. */
  graph(): Record<string, unknown>;
  invocationId: string;
  runStartedAt: number;
  /** The command that is compiling (`compile`, `run`, ...): `flags.WHICH`. */
  which: string;
  /** A partial recompile: lookups that depend on other nodes' full state abort it. */
  partial?: boolean;
}
