/** @lakeform/test-framework — dbt data tests, batched to one scan per tested relation. See README.md. */
export { planTests, type PlanOptions, type PlannedTest, type RelationTarget, type TestBatch, type TestPlan } from './plan-tests.js';
export { runTests } from './run-tests.js';
export { TestExecutor, type RunTestsOptions, type TestResult } from './test-executor.js';
export { testNodeRunner, type TestNodeRunner } from './test-node-runner.js';
export { TestQueryLog, countQueries, type ExecutedQuery, type TestQueryKind, type TestQueryRecord, type TestQuerySummary } from './query-log.js';
export { buildBatchQuery, MAX_GROUPING_KEYS, type BatchMember, type BatchQuery } from './batch-query.js';
export { batchCheckFor, BUILTIN_TEST_PACKAGES, type CheckInput } from './check-catalog.js';
export type { BatchCheck, CountCheck, GroupsCheck, SemiCheck, Aggregate, NotBatchable } from './batch-check.js';
export { readTestConfig, type TestConfig, type Severity } from './test-config.js';
export { parseThreshold, thresholdHolds, type Threshold, type Comparator } from './threshold.js';
export { judge, type Verdict } from './test-status.js';
export { singleTestSql, failingRowsSql } from './single-query.js';
export { storeFailuresStatements } from './store-failures.js';
export type { FailingRows } from './failing-rows.js';
export * from './freshness/index.js';
export * from './unit/index.js';
