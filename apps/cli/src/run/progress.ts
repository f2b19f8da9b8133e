import type { ManifestNode } from '@lakeform/sql-compiler';
import type { RunEvent } from '@lakeform/runner';

export type LogFormat = 'text' | 'json';

const cfg = (n: ManifestNode) => n.config as Record<string, unknown>;

/** "sql table model cur.mdw_cur_ft_sales" — dbt's way of naming what a line is about. */
export function describeNode(n: ManifestNode): string {
  const rel = `${n.schema}.${(n.alias as string | undefined) ?? n.name}`;
  if (n.resource_type === 'seed') return `seed file ${rel}`;
  if (n.resource_type === 'snapshot') return `snapshot ${rel}`;
  if (n.resource_type === 'test') return `test ${n.name}`;
  const m = String(cfg(n)['materialized'] ?? 'view');
  return `sql ${m === 'incremental' ? 'incremental' : m} model ${rel}`;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)}s`;
const STATUS_WORD: Record<string, string> = { success: 'OK', pass: 'PASS', warn: 'WARN', fail: 'FAIL', error: 'ERROR', skipped: 'SKIP' };

function dotted(left: string, right: string, width = 100): string {
  const dots = Math.max(3, width - left.length - right.length - 2);
  return `${left} ${'.'.repeat(dots)} ${right}`;
}

/**
 * Renders run events. Not a terminal: dbt's plain START/OK lines. A terminal: the same finished
 * lines, plus one status line at the bottom naming what is running, redrawn in place.
 * `--log-format json`: one JSON object per event, for machines.
 */
export class ProgressPrinter {
  private readonly running = new Map<string, { name: string; started: number }>();
  private done = 0;
  private total = 0;
  private statusShown = false;

  constructor(
    private readonly opts: { format: LogFormat; tty: boolean; quiet: boolean; stamp: () => string },
    private readonly write: (s: string) => void,
  ) {}

  onEvent = (e: RunEvent): void => {
    if (this.opts.format === 'json') {
      this.write(`${JSON.stringify(jsonEvent(e))}\n`);
      return;
    }
    if (this.opts.quiet) return;
    switch (e.type) {
      case 'run_started':
        this.total = e.total;
        break;
      case 'node_started':
        this.running.set(e.node.unique_id, { name: e.node.name, started: Date.now() });
        if (!this.opts.tty) this.line(dotted(`${e.index} of ${e.total} START ${describeNode(e.node)}`, '[RUN]'));
        break;
      case 'node_finished': {
        this.running.delete(e.node.unique_id);
        this.done++;
        const word = STATUS_WORD[e.result.status] ?? e.result.status.toUpperCase();
        const verb = e.result.status === 'success' ? (e.node.resource_type === 'seed' ? 'loaded' : e.node.resource_type === 'snapshot' ? 'snapshotted' : 'created') : '';
        const isTest = e.node.resource_type === 'test';
        const failures = e.result.failures ? ` ${e.result.failures}` : '';
        const what = isTest
          ? `${word}${e.result.status === 'fail' || e.result.status === 'warn' ? failures : ''} ${e.node.name}`
          : e.result.status === 'error'
            ? `ERROR creating ${describeNode(e.node)}`
            : `${word} ${verb ? `${verb} ` : ''}${describeNode(e.node)}`;
        const right = isTest ? `[${word}${e.result.status === 'pass' ? '' : failures} in ${secs(e.durationMs)}]` : e.result.status === 'error' ? `[ERROR in ${secs(e.durationMs)}]` : `[${e.result.message} in ${secs(e.durationMs)}]`;
        this.line(dotted(`${e.index} of ${e.total} ${what}`, right));
        break;
      }
      case 'node_skipped':
        this.done++;
        this.line(dotted(`${e.index} of ${e.total} SKIP relation ${e.node.schema}.${(e.node.alias as string | undefined) ?? e.node.name}`, `[SKIP: ${e.reason}]`));
        break;
      case 'node_retrying':
        this.line(`retrying ${e.node.name} (attempt ${e.attempt + 1}) in ${secs(e.delayMs)}: ${e.error}`);
        break;
      case 'run_finished':
        this.clearStatus();
        return;
    }
    this.drawStatus();
  };

  private line(s: string): void {
    this.clearStatus();
    this.write(`${this.opts.stamp()}  ${s}\n`);
  }

  private clearStatus(): void {
    if (this.opts.tty && this.statusShown) {
      this.write('\r\u001b[2K');
      this.statusShown = false;
    }
  }

  private drawStatus(): void {
    if (!this.opts.tty || this.running.size === 0) return;
    const now = Date.now();
    const names = [...this.running.values()].map((r) => `${r.name} ${((now - r.started) / 1000).toFixed(0)}s`);
    const cols = (process.stdout.columns ?? 100) - 1;
    const text = `[${this.done}/${this.total}] running: ${names.join(', ')}`;
    this.write(`\r\u001b[2K${text.length > cols ? `${text.slice(0, cols - 1)}…` : text}`);
    this.statusShown = true;
  }
}

function jsonEvent(e: RunEvent): Record<string, unknown> {
  const ts = new Date().toISOString();
  switch (e.type) {
    case 'run_started':
      return { ts, event: e.type, total: e.total, threads: e.threads };
    case 'node_started':
      return { ts, event: e.type, unique_id: e.node.unique_id, index: e.index, total: e.total, thread: e.threadId };
    case 'node_finished':
      return {
        ts,
        event: e.type,
        unique_id: e.node.unique_id,
        status: e.result.status,
        message: e.result.message,
        rows_affected: e.result.rowsAffected ?? null,
        duration_s: e.durationMs / 1000,
        attempts: e.attempts,
        index: e.index,
        total: e.total,
      };
    case 'node_skipped':
      return { ts, event: e.type, unique_id: e.node.unique_id, reason: e.reason, index: e.index, total: e.total };
    case 'node_retrying':
      return { ts, event: e.type, unique_id: e.node.unique_id, attempt: e.attempt, error: e.error, delay_ms: e.delayMs };
    case 'run_finished':
      return { ts, event: e.type, counts: e.outcome.counts, elapsed_s: e.outcome.elapsedMs / 1000, exit_code: e.outcome.exitCode, interrupted: e.outcome.interrupted };
  }
}
