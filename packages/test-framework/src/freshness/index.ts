/** `source freshness`: dbt's freshness checks of source tables, and target/sources.json (v3). */
export { freshnessCriteria, thresholdSeconds, FRESHNESS_PERIODS, type FreshnessCriteria, type FreshnessPeriod, type FreshnessThreshold } from './freshness-criteria.js';
export { freshnessStatus, type FreshnessStatus } from './freshness-status.js';
export { freshnessSql, timestampLiteral } from './freshness-query.js';
export { planFreshnessChecks, type FreshnessCheck, type FreshnessPlan, type FreshnessSkip } from './freshness-plan.js';
export {
  runFreshnessChecks,
  type FreshnessCounts,
  type FreshnessEvent,
  type FreshnessMeasured,
  type FreshnessOutcome,
  type FreshnessResult,
  type FreshnessRuntimeError,
  type FreshnessTiming,
  type RunFreshnessOptions,
} from './run-freshness.js';
export { toInstant, EARLIEST_TIME } from './timestamp-value.js';
export {
  buildSourcesJson,
  writeSourcesJson,
  readSourcesJson,
  SourcesJsonSchema,
  SourceFreshnessOutputSchema,
  SourceFreshnessRuntimeErrorSchema,
  SOURCES_JSON_FILE,
  SOURCES_JSON_SCHEMA_VERSION,
  type SourcesJson,
  type SourcesJsonContext,
} from './sources-json.js';
