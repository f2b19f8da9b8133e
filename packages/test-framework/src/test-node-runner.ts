import { LakeformError, type ManifestNode } from '@lakeform/sql-compiler';
import type { Engine, NodeResult } from '@lakeform/runner';
import type { TestPlan } from './plan-tests.js';
import type { TestQueryLog } from './query-log.js';
import { TestExecutor, type RunTestsOptions, type TestResult } from './test-executor.js';

export interface TestNodeRunner {
  /** For executeDag's `run`: the test's NodeResult. Throws the error of an errored test, so the runner records it (and retries it when the engine calls it transient). */
  run(node: ManifestNode): Promise<NodeResult>;
  /** Whether this runner handles the node (a planned test). */
  handles(node: ManifestNode): boolean;
  /** The latest result of each test run so far (with its failing rows). */
  results(): TestResult[];
  readonly log: TestQueryLog;
}

/**
 * Tests as DAG nodes: `lakeform build` and `test` hand each test node to `run`. Tests of one
 * relation share its batched query — the first of them to start runs it, the others await the
 * same promise — so with `withTestEdges` a model's tests cost one scan right after it is built.
 */
export function testNodeRunner(plan: TestPlan, engine: Engine, opts: RunTestsOptions = {}): TestNodeRunner {
  const executor = new TestExecutor(plan, engine, opts);
  const latest = new Map<string, TestResult>();
  return {
    log: executor.log,
    handles: (node) => plan.byId.has(node.unique_id),
    results: () => plan.tests.map((t) => latest.get(t.uniqueId)).filter((r): r is TestResult => r !== undefined),
    async run(node) {
      if (!plan.byId.has(node.unique_id)) {
        throw new LakeformError({ code: 'E_TEST_NOT_PLANNED', message: `${node.unique_id} was not planned as a test of this run`, node: node.unique_id, hint: 'plan every selected test with planTests before executing the DAG' });
      }
      const r = await executor.run(node.unique_id);
      latest.set(node.unique_id, r);
      if (r.result.status === 'error') throw r.error ?? new Error(r.result.message);
      return r.result;
    },
  };
}
