/** @lakeform/runner — the engine-agnostic DAG executor and the Engine interface. See README.md. */
export * from './engine.js';
export { executeDag, DEFAULT_RETRIES, type ExecuteDagOptions } from './execute-dag.js';
export { planDag, parentsLookup, type DagPlan, type ParentsInput } from './dag-plan.js';
export { withTestEdges } from './build-edges.js';
export type { NodeRunRecord, RunEvent, RunOutcome, SkipCause, StatusCounts } from './run-events.js';
export { exitCodeFor } from './exit-code.js';
export { backoffDelay, abortableSleep, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_MAX_MS, type BackoffOptions } from './backoff.js';
export { errorMessage } from './error-message.js';
export {
  buildRunResults,
  writeRunResults,
  readRunResults,
  retrySelection,
  RETRYABLE_STATUSES,
  RUN_RESULTS_DBT_VERSION,
  RUN_RESULTS_FILE,
  type RunResultsContext,
} from './run-results.js';
export * from './run-results-schema.js';
export { runHooks, orderHooks, nodeHooks, type Hook, type HookKind, type HooksOutcome, type RunHooksOptions } from './hooks.js';
export { warehouseOnlyConfigNotices, WAREHOUSE_ONLY_CONFIG_KEYS } from './warehouse-only-configs.js';
