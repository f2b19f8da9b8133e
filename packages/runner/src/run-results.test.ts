import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LakeformError } from '@lakeform/sql-compiler';
import { executeDag } from './execute-dag.js';
import { readRunResults, retrySelection, writeRunResults } from './run-results.js';
import { RUN_RESULTS_SCHEMA_VERSION, RunResultsSchema } from './run-results-schema.js';
import { fakeNode, result } from '../test/fake-nodes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(os.tmpdir(), 'lakeform-runner-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A run with one of each outcome: success, error, skipped descendant, pass, fail, warn. */
async function mixedOutcome() {
  const nodes = [
    fakeNode('model.shop.stg_orders', { compiledCode: 'select * from raw_orders' }),
    fakeNode('model.shop.broken'),
    fakeNode('model.shop.after_broken'),
    fakeNode('test.shop.not_null_stg_orders_id', { resourceType: 'test' }),
    fakeNode('test.shop.unique_stg_orders_id', { resourceType: 'test' }),
    fakeNode('test.shop.accepted_values_stg_orders_status', { resourceType: 'test' }),
  ];
  const parents = {
    'model.shop.after_broken': ['model.shop.broken'],
    'test.shop.not_null_stg_orders_id': ['model.shop.stg_orders'],
    'test.shop.unique_stg_orders_id': ['model.shop.stg_orders'],
    'test.shop.accepted_values_stg_orders_status': ['model.shop.stg_orders'],
  };
  return executeDag({
    nodes,
    parents,
    threads: 2,
    run: async (n) => {
      const timing = [{ name: 'execute' as const, startedAt: '2025-01-01T00:00:00.000Z', completedAt: '2025-01-01T00:00:01.500Z' }];
      switch (n.name) {
        case 'stg_orders':
          return result('success', 'CREATE TABLE (1,234 rows)', { rowsAffected: 1234, timing, adapterResponse: { _message: 'CREATE TABLE (1,234 rows)', rows_affected: 1234, data_scanned_in_bytes: 0 } });
        case 'broken':
          throw new LakeformError({ code: 'E_SQL', message: 'column "x" not found', hint: 'check the column name' });
        case 'unique_stg_orders_id':
          return result('fail', 'Got 2 results, configured to fail if != 0', { failures: 2 });
        case 'accepted_values_stg_orders_status':
          return result('warn', 'Got 1 result, configured to warn if != 0', { failures: 1 });
        default:
          return result('pass', 'PASS', { failures: 0 });
      }
    },
  });
}

const context = { invocationId: '5e1f1c3a-0d4f-4b1e-9a55-2f7c1d9b8e77', args: { select: ['stg_orders+'], threads: 2, vars: null }, command: 'build', generatedAt: '2025-01-01T00:00:02.000Z', env: {} };

describe('run_results.json', () => {
  it('is written in dbt’s v6 layout and validates against the schema', async () => {
    const outcome = await mixedOutcome();
    const path = writeRunResults(join(dir, 'target'), outcome, context);
    expect(path).toBe(join(dir, 'target', 'run_results.json'));
    expect(readdirSync(join(dir, 'target'))).toEqual(['run_results.json']);

    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const parsed = RunResultsSchema.parse(json);
    expect(Object.keys(json).sort()).toEqual(['args', 'elapsed_time', 'metadata', 'results']);
    expect(parsed.metadata).toEqual({ dbt_schema_version: RUN_RESULTS_SCHEMA_VERSION, dbt_version: '1.10.0', generated_at: '2025-01-01T00:00:02.000Z', invocation_id: context.invocationId, env: {} });
    expect(parsed.args).toEqual({ select: ['stg_orders+'], threads: 2, which: 'build' });
    expect(parsed.elapsed_time).toBe(outcome.elapsedMs / 1000);
    expect(parsed.results).toHaveLength(6);
    for (const r of parsed.results) {
      expect(Object.keys(r).sort()).toEqual(
        ['adapter_response', 'batch_results', 'compiled', 'compiled_code', 'execution_time', 'failures', 'message', 'relation_name', 'status', 'thread_id', 'timing', 'unique_id'].sort(),
      );
    }
    const byId = new Map(parsed.results.map((r) => [r.unique_id, r]));
    expect(byId.get('model.shop.stg_orders')).toMatchObject({
      status: 'success',
      message: 'CREATE TABLE (1,234 rows)',
      timing: [{ name: 'execute', started_at: '2025-01-01T00:00:00.000Z', completed_at: '2025-01-01T00:00:01.500Z' }],
      adapter_response: { rows_affected: 1234 },
      compiled: true,
      compiled_code: 'select * from raw_orders',
      relation_name: '"awsdatacatalog"."main"."stg_orders"',
      failures: null,
      batch_results: null,
    });
    expect(byId.get('model.shop.stg_orders')?.thread_id).toMatch(/^Thread-[12]$/);
    expect(byId.get('model.shop.broken')?.message).toContain('E_SQL');
    expect(byId.get('model.shop.after_broken')).toMatchObject({ status: 'skipped', thread_id: 'main', execution_time: 0, timing: [] });
    expect(byId.get('test.shop.unique_stg_orders_id')).toMatchObject({ status: 'fail', failures: 2 });
    expect(byId.get('test.shop.accepted_values_stg_orders_status')).toMatchObject({ status: 'warn', failures: 1 });
    // A node's executor-measured timing is filled in when the run function reported none.
    expect(byId.get('test.shop.not_null_stg_orders_id')?.timing.map((t) => t.name)).toEqual(['execute']);
    // Results are in completion order: the skipped descendant comes after the error that caused it.
    const order = parsed.results.map((r) => r.unique_id);
    expect(order.indexOf('model.shop.after_broken')).toBeGreaterThan(order.indexOf('model.shop.broken'));
  });

  it('round-trips through readRunResults and retrySelection picks errors, failures and skips', async () => {
    const outcome = await mixedOutcome();
    const target = join(dir, 'target');
    writeRunResults(target, outcome, context);
    const read = readRunResults(target);
    expect(read).toEqual(JSON.parse(readFileSync(join(target, 'run_results.json'), 'utf8')));
    expect(retrySelection(read).sort()).toEqual(['model.shop.after_broken', 'model.shop.broken', 'test.shop.unique_stg_orders_id']);
    expect(read.args?.which).toBe('build');
  });

  it('overwrites the previous file atomically', async () => {
    const target = join(dir, 'target');
    writeRunResults(target, await mixedOutcome(), context);
    writeRunResults(target, await mixedOutcome(), { ...context, invocationId: 'second' });
    expect(readRunResults(target).metadata.invocation_id).toBe('second');
    expect(readdirSync(target)).toEqual(['run_results.json']);
  });

  it('reads a file written by dbt itself', () => {
    const dbtWritten = {
      metadata: { dbt_schema_version: RUN_RESULTS_SCHEMA_VERSION, dbt_version: '1.9.1', generated_at: '2025-01-01T00:00:00Z', invocation_id: 'x', env: {} },
      results: [
        { status: 'runtime error', timing: [], thread_id: 'Thread-1 (worker)', execution_time: 0.1, adapter_response: {}, message: 'Database Error', failures: null, unique_id: 'test.shop.t1', compiled: true, compiled_code: 'select 1', relation_name: null, batch_results: null },
        { status: 'success', timing: [{ name: 'compile', started_at: null, completed_at: null }], thread_id: 'Thread-2 (worker)', execution_time: 1, adapter_response: {}, message: 'OK', failures: null, unique_id: 'model.shop.m1', compiled: true, compiled_code: 'select 1', relation_name: '"db"."s"."m1"' },
      ],
      elapsed_time: 2.5,
      args: { which: 'build' },
    };
    writeFileSync(join(dir, 'run_results.json'), JSON.stringify(dbtWritten));
    expect(retrySelection(readRunResults(dir))).toEqual(['test.shop.t1']);
  });

  it('rejects a missing file, broken JSON and a file that is not v6 with a LakeformError', () => {
    const expectCode = (code: string) => {
      try {
        readRunResults(dir);
      } catch (e) {
        expect(e).toBeInstanceOf(LakeformError);
        expect((e as LakeformError).code).toBe(code);
        expect((e as LakeformError).hint).toBeTruthy();
        return e as LakeformError;
      }
      throw new Error('readRunResults did not throw');
    };
    expectCode('E_RUN_RESULTS_NOT_FOUND');
    writeFileSync(join(dir, 'run_results.json'), '{"metadata":');
    expectCode('E_RUN_RESULTS_INVALID');
    writeFileSync(join(dir, 'run_results.json'), JSON.stringify({ metadata: { dbt_schema_version: RUN_RESULTS_SCHEMA_VERSION }, results: [{ unique_id: 'm', status: 'exploded' }], elapsed_time: 1 }));
    expect(expectCode('E_RUN_RESULTS_INVALID').message).toContain('results.0');
  });

  it('the schema refuses properties v6 does not define', () => {
    const doc = { metadata: { dbt_schema_version: RUN_RESULTS_SCHEMA_VERSION }, results: [], elapsed_time: 0 };
    expect(RunResultsSchema.safeParse(doc).success).toBe(true);
    expect(RunResultsSchema.safeParse({ ...doc, lakeform: true }).success).toBe(false);
    expect(RunResultsSchema.safeParse({ ...doc, metadata: { ...doc.metadata, project: 'x' } }).success).toBe(false);
  });
});
