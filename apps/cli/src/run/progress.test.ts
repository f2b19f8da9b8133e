import { describe, expect, it } from 'vitest';
import type { ManifestNode } from '@lakeform/sql-compiler';
import type { NodeResult, RunEvent } from '@lakeform/runner';
import { ProgressPrinter } from './progress.js';

const node = (name: string, materialized = 'table'): ManifestNode => ({ unique_id: `model.p.${name}`, name, schema: 'cur', resource_type: 'model', config: { materialized } }) as unknown as ManifestNode;
const ok = (message: string, rows?: number): NodeResult => ({ status: 'success', message, queryIds: [], timing: [], adapterResponse: {}, ...(rows !== undefined ? { rowsAffected: rows } : {}) });

function play(events: RunEvent[], tty: boolean, format: 'text' | 'json' = 'text'): string {
  let out = '';
  const p = new ProgressPrinter({ format, tty, quiet: false, stamp: () => '12:00:00' }, (s) => (out += s));
  for (const e of events) p.onEvent(e);
  return out;
}

const a = node('fact');
const b = node('dim', 'view');
const events: RunEvent[] = [
  { type: 'run_started', total: 2, threads: 2, startedAt: '' },
  { type: 'node_started', node: a, index: 1, total: 2, threadId: 'Thread-1', startedAt: '' },
  { type: 'node_started', node: b, index: 2, total: 2, threadId: 'Thread-2', startedAt: '' },
  { type: 'node_finished', node: b, result: ok('CREATE VIEW'), index: 2, total: 2, threadId: 'Thread-2', durationMs: 120, attempts: 1 },
  { type: 'node_finished', node: a, result: ok('CREATE TABLE (1204 rows)', 1204), index: 1, total: 2, threadId: 'Thread-1', durationMs: 2500, attempts: 1 },
];

describe('ProgressPrinter', () => {
  it('not a terminal: dbt-style START and OK lines, nothing redrawn', () => {
    const out = play(events, false);
    expect(out).not.toContain('\r');
    expect(out.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^12:00:00 {2}1 of 2 START sql table model cur\.fact \.+ \[RUN\]$/),
      expect.stringMatching(/^12:00:00 {2}2 of 2 START sql view model cur\.dim \.+ \[RUN\]$/),
      expect.stringMatching(/^12:00:00 {2}2 of 2 OK created sql view model cur\.dim \.+ \[CREATE VIEW in 0\.12s\]$/),
      expect.stringMatching(/^12:00:00 {2}1 of 2 OK created sql table model cur\.fact \.+ \[CREATE TABLE \(1204 rows\) in 2\.50s\]$/),
    ]);
  });

  it('a terminal: finished lines only, and a status line of what runs, redrawn in place', () => {
    const out = play(events, true);
    expect(out).not.toContain('START');
    expect(out).toContain('\r\u001b[2K[0/2] running: fact 0s, dim 0s');
    expect(out).toContain('\r\u001b[2K[1/2] running: fact');
    // The status line is cleared before each finished line, so lines never mix.
    expect(out).toMatch(/\r\u001b\[2K12:00:00 {2}1 of 2 OK created sql table model cur\.fact/);
  });

  it('--log-format json: one parseable object per event', () => {
    const lines = play(events, false, 'json').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['event'])).toEqual(['run_started', 'node_started', 'node_started', 'node_finished', 'node_finished']);
    expect(lines[4]).toMatchObject({ unique_id: 'model.p.fact', status: 'success', rows_affected: 1204, duration_s: 2.5 });
  });
});
