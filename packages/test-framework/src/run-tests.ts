import type { Engine } from '@lakeform/runner';
import type { TestPlan } from './plan-tests.js';
import { TestExecutor, type RunTestsOptions, type TestResult } from './test-executor.js';

/**
 * Runs every test of the plan — each relation's batched query once, the other tests' own queries,
 * at most `threads` at a time — and returns one result per test, in plan order. Never rejects for
 * a failing query: that test's result is `error`.
 */
export async function runTests(plan: TestPlan, engine: Engine, opts: RunTestsOptions = {}): Promise<TestResult[]> {
  const executor = new TestExecutor(plan, engine, opts);
  return Promise.all(plan.tests.map((t) => executor.run(t.uniqueId)));
}
