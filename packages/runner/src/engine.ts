import type { ManifestNode, ManifestSource, Warehouse } from '@lakeform/sql-compiler';

/**
 * The one seam between the runner and a warehouse. An engine runs Athena-dialect SQL (translating
 * it if it must), owns its materialisations, and says which of its errors are worth retrying.
 * The runner never looks inside SQL; an engine never looks at the DAG.
 */
export type EngineName = 'athena' | 'local';

export interface RelationRef {
  database: string | null;
  schema: string | null;
  identifier: string;
}

export interface RelationInfo extends RelationRef {
  type: 'table' | 'view';
  /** 'iceberg' | 'hive' | 'native' — what kind of table, where the engine knows. */
  tableType?: string;
}

export interface ColumnInfo {
  name: string;
  dataType: string;
}

export interface QueryStats {
  durationMs: number;
  bytesScanned?: number;
  /** Engine query ids (Athena QueryExecutionId); empty locally. */
  queryIds: string[];
  rowsAffected?: number;
}

export interface QueryResult {
  columns: ColumnInfo[];
  rows: unknown[][];
  stats: QueryStats;
}

export interface ExecuteOptions {
  /** Names the node in errors ("model mdw_stg_sales"). */
  nodeId?: string;
  /** Only stats are wanted; an engine may skip fetching rows. */
  discardRows?: boolean;
  limit?: number;
  /** Sources the SQL reads: an engine that maps sources to files (local) makes them readable first. */
  sources?: readonly ManifestSource[];
  signal?: AbortSignal;
}

/** Warehouse-only configs an engine ignores are reported once per run (grants, lf_tags, …). */
export interface Notice {
  nodeId?: string;
  message: string;
}

export interface MaterializeContext {
  fullRefresh: boolean;
  /** Resolves a source's relation to something the engine can read (local: files). */
  sources: ReadonlyMap<string, ManifestSource>;
  projectDir: string;
  /** The run's start: one timestamp for everything the run writes (check-strategy snapshots). */
  runStartedAt?: Date;
  signal?: AbortSignal;
  notice(n: Notice): void;
}

export type NodeStatus = 'success' | 'error' | 'skipped' | 'pass' | 'fail' | 'warn';

export interface NodeResult {
  status: NodeStatus;
  /** One line for the summary: "CREATE TABLE (1,204 rows)", "OK created view". */
  message: string;
  rowsAffected?: number;
  bytesScanned?: number;
  queryIds: string[];
  /** Per-step timings in dbt's `timing` layout. */
  timing: { name: 'compile' | 'execute'; startedAt: string; completedAt: string }[];
  adapterResponse: Record<string, unknown>;
  /** Failures count for tests. */
  failures?: number | null;
}

export interface EngineCapabilities {
  icebergTables: boolean;
  timeTravel: boolean;
  merge: boolean;
  /** Concurrent statements on one engine are safe. */
  concurrentQueries: boolean;
}

export interface Engine {
  readonly name: EngineName;
  readonly capabilities: EngineCapabilities;
  /** What the compiler may ask at render time (is_incremental, run_query, get_columns_in_relation). */
  readonly warehouse: Warehouse;
  execute(sql: string, opts?: ExecuteOptions): Promise<QueryResult>;
  getRelation(ref: RelationRef): Promise<RelationInfo | undefined>;
  listRelations(schema: string): Promise<RelationInfo[]>;
  getColumns(ref: RelationRef): Promise<ColumnInfo[]>;
  /** Builds one model, seed or snapshot from its compiled SQL. Never leaves the target half-written. */
  materialize(node: ManifestNode, ctx: MaterializeContext): Promise<NodeResult>;
  /** True when the same call may succeed if tried again (throttling, commit conflicts). */
  isTransient(error: unknown): boolean;
  close(): Promise<void>;
}
