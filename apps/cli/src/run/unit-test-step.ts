import type { CompiledProject, ManifestNode } from '@lakeform/sql-compiler';
import type { Engine, RunOutcome } from '@lakeform/runner';
import { runUnitTests } from '@lakeform/test-framework';
import type { Output } from '../output.js';

export interface UnitTestStep {
  /** Model unique_id → the unit test that failed for it: such models are not built. */
  failedModels: Map<string, string>;
  failures: number;
  ran: number;
  /** For run_results.json, in dbt's layout. */
  records: RunOutcome['results'];
}

export const emptyUnitStep = (): UnitTestStep => ({ failedModels: new Map(), failures: 0, ran: 0, records: [] });

/** Runs the unit tests, prints a line each (the diff for failures), and returns what the run needs. */
export async function runUnitTestStep(project: CompiledProject, ids: string[], engine: Engine, out: Output): Promise<UnitTestStep> {
  const step = emptyUnitStep();
  if (ids.length === 0) return step;
  const results = await runUnitTests(project, ids, engine);
  step.ran = results.length;
  results.forEach((u, i) => {
    const seconds = u.result.timing.reduce((n, t) => n + (Date.parse(t.completedAt) - Date.parse(t.startedAt)) / 1000, 0);
    step.records.push({
      uniqueId: u.uniqueId,
      // run_results.json records a unit test like dbt: status, message, timing, the model query as compiled code.
      node: {
        unique_id: u.uniqueId,
        resource_type: 'unit_test',
        name: u.uniqueId.split('.').pop(),
        package_name: u.uniqueId.split('.')[1],
        original_file_path: u.compiled?.file ?? '',
        config: {},
        compiled: !!u.compiled,
        compiled_code: u.compiled?.sql ?? null,
        relation_name: null,
      } as unknown as ManifestNode,
      result: u.result,
      threadId: 'main',
      index: i + 1,
      executionTime: seconds,
      attempts: 1,
    });
    const word = u.result.status === 'pass' ? 'PASS' : u.result.status === 'skipped' ? 'SKIP' : u.result.status === 'fail' ? 'FAIL' : 'ERROR';
    out.info(`${i + 1} of ${results.length} ${word} unit test ${u.uniqueId.split('.').slice(2).join('::')}`);
    if (u.result.status === 'fail' || u.result.status === 'error') {
      step.failures++;
      for (const line of u.result.message.split('\n')) out.info(`    ${line}`);
      if (u.model) step.failedModels.set(u.model, u.uniqueId);
    }
  });
  out.info(`Unit tests: ${results.length - step.failures} passed, ${step.failures} failed`);
  return step;
}

/** The unit tests of the selection: all of them without selection flags, else those of selected models (or of models whose tests are selected). */
export function selectedUnitTests(manifest: { nodes: Record<string, ManifestNode>; unit_tests?: Record<string, unknown> }, selected: ReadonlySet<string>, narrowed: boolean): string[] {
  const all = Object.entries(manifest.unit_tests ?? {});
  if (!narrowed) return all.filter(([, u]) => (u as { config?: { enabled?: boolean } }).config?.enabled !== false).map(([id]) => id);
  const models = new Set<string>();
  const direct = new Set([...selected].filter((id) => id.startsWith('unit_test.')));
  for (const id of selected) {
    const n = manifest.nodes[id];
    if (!n) continue;
    if (n.resource_type === 'model') models.add(n.name);
    const attached = (n as { attached_node?: string | null }).attached_node;
    if (attached) models.add(attached.split('.').pop()!);
  }
  return all.filter(([id, u]) => direct.has(id) || models.has(String((u as { model?: unknown }).model))).map(([id]) => id);
}
