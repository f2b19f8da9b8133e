import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProject, resolveTarget, type Manifest } from '@lakeform/sql-compiler';
import { LocalEngine } from '@lakeform/local-engine';
import { planFreshnessChecks, type FreshnessPlan } from './freshness-plan.js';
import { runFreshnessChecks, type FreshnessEvent, type FreshnessMeasured, type FreshnessOutcome, type FreshnessResult } from './run-freshness.js';
import { buildSourcesJson, readSourcesJson, SourcesJsonSchema, writeSourcesJson } from './sources-json.js';

const NOW = new Date('2024-06-01T12:00:00Z');

const SOURCES_YML = `version: 2
sources:
  - name: raw
    schema: raw
    loaded_at_field: cast(updated_at as timestamp)
    freshness:
      warn_after: {count: 12, period: hour}
      error_after: {count: 1, period: day}
    tables:
      - name: fresh_orders
      - name: stale_orders
      - name: ancient_orders
      - name: broken_orders
        loaded_at_field: cast(no_such_column as timestamp)
      - name: filtered_orders
        freshness:
          warn_after: {count: 1, period: hour}
          filter: "kind = 'keep'"
      - name: empty_orders
        freshness:
          error_after: {count: 1, period: day}
          filter: "kind = 'nothing'"
      - name: text_orders
        loaded_at_field: updated_at
      - name: unchecked_orders
        freshness: null
  - name: feed
    schema: feed
    freshness:
      warn_after: {count: 1, period: day}
    tables:
      - name: no_field
`;

const csv = (rows: string[][]) => ['id,kind,updated_at', ...rows.map((r) => r.join(','))].join('\n') + '\n';

function writeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lakeform-freshness-'));
  writeFileSync(join(dir, 'dbt_project.yml'), "name: fresh\nversion: '1.0.0'\nconfig-version: 2\nprofile: fresh\n");
  writeFileSync(join(dir, 'profiles.yml'), 'fresh:\n  target: dev\n  outputs:\n    dev:\n      type: local\n      path: .lakeform/warehouse\n      schema: main\n      threads: 2\n      sources_root: data\n');
  mkdirSync(join(dir, 'models'));
  writeFileSync(join(dir, 'models', 'sources.yml'), SOURCES_YML);
  const table = (name: string, rows: string[][]) => {
    mkdirSync(join(dir, 'data', 'raw', name), { recursive: true });
    writeFileSync(join(dir, 'data', 'raw', name, 'part-0.csv'), csv(rows));
  };
  table('fresh_orders', [['1', 'a', '2024-05-31 09:00:00'], ['2', 'a', '2024-06-01 11:00:00']]);
  table('stale_orders', [['1', 'a', '2024-05-31 18:00:00']]);
  table('ancient_orders', [['1', 'a', '2024-05-28 00:00:00'], ['2', 'a', '2024-05-29 00:00:00']]);
  table('broken_orders', [['1', 'a', '2024-06-01 11:00:00']]);
  // The newest row is filtered out, so only the filter makes this source look stale.
  table('filtered_orders', [['1', 'keep', '2024-06-01 10:00:00'], ['2', 'drop', '2024-06-01 11:59:00']]);
  // No row passes the filter, so max(loaded_at) is null.
  table('empty_orders', [['1', 'a', '2024-06-01 11:00:00']]);
  table('text_orders', [['1', 'a', '2024-06-01 11:00:00']]);
  table('unchecked_orders', [['1', 'a', '2000-01-01 00:00:00']]);
  return dir;
}

describe('source freshness on the local engine', () => {
  let dir: string;
  let engine: LocalEngine;
  let manifest: Manifest;
  let plan: FreshnessPlan;
  let outcome: FreshnessOutcome;
  const events: FreshnessEvent[] = [];
  const byName = (name: string): FreshnessResult => {
    const r = outcome.results.find((x) => x.source.name === name);
    if (!r) throw new Error(`no result for ${name}`);
    return r;
  };
  const measured = (name: string): FreshnessMeasured => {
    const r = byName(name);
    if (r.status === 'runtime error') throw new Error(`${name} failed: ${r.error}`);
    return r;
  };

  beforeAll(async () => {
    dir = writeProject();
    const { profile } = resolveTarget({ projectDir: dir });
    engine = await LocalEngine.open({ projectDir: dir, target: profile.target as never, threads: 2 });
    manifest = (await compileProject({ projectDir: dir, warehouse: engine.warehouse, which: 'freshness' })).manifest;
    plan = planFreshnessChecks(Object.values(manifest.sources));
    outcome = await runFreshnessChecks(engine, plan.checks, { threads: 2, now: () => NOW, onEvent: (e) => events.push(e) });
  });

  afterAll(async () => {
    await engine?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('checks the sources with thresholds and a loaded_at_field, and reports those without a field', () => {
    expect(plan.checks.map((c) => c.source.name)).toEqual(['ancient_orders', 'broken_orders', 'empty_orders', 'filtered_orders', 'fresh_orders', 'stale_orders', 'text_orders']);
    expect(plan.skipped.map((s) => s.source.unique_id)).toEqual(['source.fresh.feed.no_field']);
    expect(plan.skipped[0]!.reason).toMatch(/no loaded_at_field/);
  });

  it('passes recent data, with the age measured against the injected clock', () => {
    const r = measured('fresh_orders');
    expect(r.status).toBe('pass');
    expect(r.maxLoadedAt.toISOString()).toBe('2024-06-01T11:00:00.000Z');
    expect(r.snapshottedAt.toISOString()).toBe(NOW.toISOString());
    expect(r.ageSeconds).toBe(3600);
  });

  it('warns past warn_after and errors past error_after', () => {
    expect(measured('stale_orders')).toMatchObject({ status: 'warn', ageSeconds: 18 * 3600 });
    expect(measured('ancient_orders')).toMatchObject({ status: 'error', ageSeconds: 3 * 86400 + 12 * 3600 });
  });

  it('applies the freshness filter and the table-level thresholds', () => {
    const r = measured('filtered_orders');
    expect(r.maxLoadedAt.toISOString()).toBe('2024-06-01T10:00:00.000Z');
    expect(r.status).toBe('warn');
    expect(r.criteria).toEqual({ warn_after: { count: 1, period: 'hour' }, error_after: { count: null, period: null }, filter: "kind = 'keep'" });
  });

  it('reads a source with no rows to measure as stale since the beginning of time', () => {
    const r = measured('empty_orders');
    expect(r.maxLoadedAt.toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(r.status).toBe('error');
  });

  it('fails only the source whose query fails, and says why', () => {
    const r = byName('broken_orders');
    expect(r.status).toBe('runtime error');
    expect(r.status === 'runtime error' && r.error).toMatch(/no_such_column/i);
    expect(outcome.counts).toEqual({ pass: 1, warn: 2, error: 2, runtimeError: 2 });
    expect(outcome.exitCode).toBe(1);
  });

  it('refuses a loaded_at_field that is text, as Athena does, and says to cast it', () => {
    const r = byName('text_orders');
    expect(r.status).toBe('runtime error');
    expect(r.status === 'runtime error' && r.error).toMatch(/VARCHAR.*cast\(updated_at as timestamp\)/);
  });

  it('announces every check before and after it runs, numbered 1..n', () => {
    expect(events.filter((e) => e.kind === 'start').map((e) => e.index).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events.filter((e) => e.kind === 'done').every((e) => e.total === 7)).toBe(true);
    for (const done of events.filter((e) => e.kind === 'done')) {
      expect(events.indexOf(done)).toBeGreaterThan(events.findIndex((s) => s.kind === 'start' && s.index === done.index));
    }
  });

  it('exits 0 when the worst is a warning', async () => {
    const checks = plan.checks.filter((c) => ['fresh_orders', 'stale_orders'].includes(c.source.name));
    const ok = await runFreshnessChecks(engine, checks, { now: () => NOW });
    expect(ok.results.map((r) => r.status)).toEqual(['pass', 'warn']);
    expect(ok.exitCode).toBe(0);
  });

  it("measures against the warehouse's clock when no instant is given", async () => {
    const before = Date.now();
    const r = await runFreshnessChecks(engine, plan.checks.filter((c) => c.source.name === 'ancient_orders'));
    const only = r.results[0]!;
    expect(only.status).toBe('error');
    if (only.status === 'runtime error') return;
    // Only that the warehouse clock was read (not the data's own dates): a minute of slack either way.
    expect(only.snapshottedAt.getTime()).toBeGreaterThan(before - 60_000);
    expect(only.snapshottedAt.getTime()).toBeLessThan(Date.now() + 60_000);
  });

  it("writes a sources.json in dbt's v3 layout that reads back through the schema", () => {
    const path = join(dir, 'target', 'sources.json');
    writeSourcesJson(path, buildSourcesJson(outcome, { invocationId: 'inv-1', generatedAt: NOW, env: {} }));
    const doc = readSourcesJson(path);
    expect(SourcesJsonSchema.safeParse(doc).success).toBe(true);
    expect(doc.metadata).toEqual({ dbt_schema_version: 'https://schemas.getdbt.com/dbt/sources/v3.json', dbt_version: expect.any(String), generated_at: NOW.toISOString(), invocation_id: 'inv-1', env: {} });
    const fresh = doc.results.find((r) => r.unique_id === 'source.fresh.raw.fresh_orders');
    expect(fresh).toMatchObject({
      status: 'pass',
      max_loaded_at: '2024-06-01T11:00:00.000Z',
      snapshotted_at: '2024-06-01T12:00:00.000Z',
      max_loaded_at_time_ago_in_s: 3600,
      criteria: { warn_after: { count: 12, period: 'hour' }, error_after: { count: 1, period: 'day' }, filter: null },
      thread_id: expect.stringMatching(/^Thread-[12]$/),
    });
    expect(fresh && 'timing' in fresh ? fresh.timing.map((t) => t.name) : []).toEqual(['compile', 'execute']);
    const broken = doc.results.find((r) => r.unique_id === 'source.fresh.raw.broken_orders');
    expect(broken && Object.keys(broken).sort()).toEqual(['error', 'status', 'unique_id']);
    expect(doc.results).toHaveLength(7);
  });

  it('rejects a sources.json that is not in the v3 layout', () => {
    const path = join(dir, 'target', 'bad-sources.json');
    writeFileSync(path, JSON.stringify({ metadata: {}, results: [{ unique_id: 'x', status: 'stale' }], elapsed_time: 1 }));
    expect(() => readSourcesJson(path)).toThrow(expect.objectContaining({ code: 'E_SOURCES_JSON_INVALID' }));
  });
});
