import { LakeformError, type ManifestNode } from '@lakeform/sql-compiler';
import { abortableSleep, backoffDelay, type BackoffOptions } from './backoff.js';
import { planDag, type DagPlan, type ParentsInput } from './dag-plan.js';
import type { NodeResult, NodeStatus } from './engine.js';
import { errorMessage } from './error-message.js';
import { exitCodeFor } from './exit-code.js';
import { ReadyQueue } from './ready-queue.js';
import type { NodeRunRecord, RunEvent, RunOutcome, SkipCause, StatusCounts } from './run-events.js';

export interface ExecuteDagOptions {
  /** The selected nodes; each is run at most once. */
  nodes: readonly ManifestNode[];
  /** Dependencies. Only the selected nodes run; see `planDag` for edges through unselected ones. */
  parents: ParentsInput;
  /** Most nodes running at once. */
  threads: number;
  /** On the first error no new node starts; running ones finish; the rest are skipped. */
  failFast?: boolean;
  /** The work for one node: materialize it, or run its tests. `attempt` counts from 1. */
  run: (node: ManifestNode, attempt: number, signal: AbortSignal) => Promise<NodeResult>;
  /** Whether a thrown error may succeed if tried again. Default: never. */
  isTransient?: (error: unknown) => boolean;
  /** Retries after a transient error (default 2). Non-transient errors are never retried. */
  retries?: number;
  backoff?: BackoffOptions;
  /** Waits between retries; injectable so tests don't wait. Must return early when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Ctrl-C: no new node starts, running ones finish, the rest are skipped, exit code 2. */
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Expected cost of a node (e.g. its last duration) for critical-path-first ordering. Default 1. */
  cost?: (node: ManifestNode) => number;
  /** Monotonic milliseconds for durations. Default `performance.now`. */
  now?: () => number;
}

export const DEFAULT_RETRIES = 2;

/**
 * Runs the selected nodes over their dependencies, as dbt does: a node starts as soon as all its
 * parents succeeded (no waves), ready nodes start longest-path-first, the descendants of an error
 * are skipped, and nothing a node does — throwing included — makes the executor throw.
 */
export function executeDag(opts: ExecuteDagOptions): Promise<RunOutcome> {
  return new Promise((resolve) => new DagRun(opts, resolve).start());
}

type NodeState = 'pending' | 'ready' | 'running' | 'done';

const BLOCKING: ReadonlySet<NodeStatus> = new Set(['error', 'fail']);

class DagRun {
  private readonly plan: DagPlan;
  private readonly total: number;
  private readonly threads: number;
  private readonly retries: number;
  private readonly signal: AbortSignal;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly state = new Map<string, NodeState>();
  private readonly waitingOn = new Map<string, number>();
  private readonly ready: ReadyQueue;
  private readonly busySlots: boolean[];
  private readonly results: NodeRunRecord[] = [];
  private readonly byId: Record<string, NodeRunRecord> = {};
  private readonly listenerErrors: unknown[] = [];
  private readonly startedAt = new Date();
  private readonly startMs: number;
  private running = 0;
  private counter = 0;
  private stopped = false;
  private interrupted = false;
  private failFastAfter: string | null = null;
  private finished = false;
  private readonly onAbort = () => {
    this.interrupted = true;
    this.stop({ kind: 'interrupted' });
    this.pump();
  };

  constructor(
    private readonly opts: ExecuteDagOptions,
    private readonly resolve: (outcome: RunOutcome) => void,
  ) {
    this.plan = planDag(opts.nodes, opts.parents, opts.cost);
    this.total = this.plan.ids.length;
    this.threads = Number.isFinite(opts.threads) ? Math.max(1, Math.floor(opts.threads)) : 1;
    this.retries = Math.max(0, Math.floor(opts.retries ?? DEFAULT_RETRIES));
    this.signal = opts.signal ?? new AbortController().signal;
    this.now = opts.now ?? (() => performance.now());
    this.sleep = opts.sleep ?? abortableSleep;
    this.ready = new ReadyQueue(this.plan.priority);
    this.busySlots = new Array<boolean>(this.threads).fill(false);
    this.startMs = this.now();
  }

  start(): void {
    this.emit({ type: 'run_started', total: this.total, threads: this.threads, startedAt: this.startedAt.toISOString() });
    this.reportCycle();
    for (const id of this.plan.ids) {
      if (this.state.has(id)) continue;
      const waiting = this.plan.parents.get(id)!.length;
      this.waitingOn.set(id, waiting);
      this.state.set(id, waiting === 0 ? 'ready' : 'pending');
      if (waiting === 0) this.ready.push(id);
    }
    if (this.signal.aborted) this.onAbort();
    else this.signal.addEventListener('abort', this.onAbort, { once: true });
    this.pump();
  }

  private pump(): void {
    while (!this.stopped && this.running < this.threads && this.ready.size > 0) this.startNode(this.ready.pop()!);
    if (this.running === 0 && (this.stopped || this.ready.size === 0)) this.finish();
  }

  private startNode(id: string): void {
    const node = this.plan.nodes.get(id)!;
    this.state.set(id, 'running');
    this.running++;
    const slot = this.busySlots.indexOf(false);
    this.busySlots[slot] = true;
    const threadId = `Thread-${slot + 1}`;
    const index = ++this.counter;
    const startMs = this.now();
    const startedAt = new Date();
    this.emit({ type: 'node_started', node, index, total: this.total, threadId, startedAt: startedAt.toISOString() });
    void this.runWithRetries(node).then(({ result, attempts }) => {
      this.running--;
      this.busySlots[slot] = false;
      const durationMs = Math.max(0, this.now() - startMs);
      const completed: NodeResult =
        result.timing.length > 0 ? result : { ...result, timing: [{ name: 'execute', startedAt: startedAt.toISOString(), completedAt: new Date().toISOString() }] };
      this.record({ uniqueId: id, node, result: completed, threadId, index, executionTime: durationMs / 1000, attempts });
      this.emit({ type: 'node_finished', node, result: completed, index, total: this.total, threadId, durationMs, attempts });
      this.afterNode(id, completed.status);
      this.pump();
    });
  }

  /** Never rejects: whatever `run` throws becomes an error result. */
  private async runWithRetries(node: ManifestNode): Promise<{ result: NodeResult; attempts: number }> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.opts.run(node, attempt, this.signal);
        if (typeof result !== 'object' || result === null || typeof result.status !== 'string') {
          return { result: errorResult(`the runner got no result for ${node.unique_id} (run returned ${String(result)})`), attempts: attempt };
        }
        return { result, attempts: attempt };
      } catch (error) {
        if (attempt > this.retries || this.signal.aborted || !this.transient(error)) return { result: errorResult(errorMessage(error)), attempts: attempt };
        const delayMs = backoffDelay(attempt, this.opts.backoff);
        this.emit({ type: 'node_retrying', node, attempt, error: errorMessage(error), delayMs });
        await this.sleep(delayMs, this.signal);
        if (this.signal.aborted) {
          return { result: errorResult(`${errorMessage(error)}\n  (not retried: the run was interrupted)`), attempts: attempt };
        }
      }
    }
  }

  private transient(error: unknown): boolean {
    try {
      return this.opts.isTransient?.(error) ?? false;
    } catch {
      // A classifier that cannot decide must not turn one node's error into a crashed run.
      return false;
    }
  }

  private afterNode(id: string, status: NodeStatus): void {
    if (BLOCKING.has(status)) {
      this.skipDescendants(id);
      if (this.opts.failFast && !this.stopped) {
        this.failFastAfter = id;
        this.stop({ kind: 'fail-fast', failedNode: id });
      }
      return;
    }
    for (const child of this.plan.children.get(id)!) {
      const left = (this.waitingOn.get(child) ?? 0) - 1;
      this.waitingOn.set(child, left);
      if (left === 0 && this.state.get(child) === 'pending') {
        // After a stop nothing is pending any more, so this only runs in a live run.
        this.state.set(child, 'ready');
        this.ready.push(child);
      }
    }
  }

  private skipDescendants(failed: string): void {
    const queue = [...this.plan.children.get(failed)!];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i]!;
      const s = this.state.get(id);
      // Descendants of a failure can only be pending; done ones were reached by another path.
      if (s !== 'pending' && s !== 'ready') continue;
      this.skip(id, { kind: 'upstream', failedNode: failed });
      queue.push(...this.plan.children.get(id)!);
    }
  }

  private stop(cause: SkipCause): void {
    if (this.stopped) return;
    this.stopped = true;
    this.ready.takeAll();
    for (const id of this.plan.ids) {
      const s = this.state.get(id);
      if (s === 'pending' || s === 'ready') this.skip(id, cause);
    }
  }

  private skip(id: string, cause: SkipCause): void {
    const node = this.plan.nodes.get(id)!;
    const reason = skipReason(cause, cause.kind === 'interrupted' ? undefined : this.byId[cause.failedNode]?.result.status);
    const index = ++this.counter;
    const result: NodeResult = { status: 'skipped', message: reason, queryIds: [], timing: [], adapterResponse: {}, failures: null };
    this.record({ uniqueId: id, node, result, threadId: null, index, executionTime: 0, attempts: 0 });
    this.emit({ type: 'node_skipped', node, reason, cause, index, total: this.total });
  }

  /** Nodes on (or behind) a cycle can never start; they are errors, so the run fails loudly. */
  private reportCycle(): void {
    if (this.plan.blocked.length === 0) return;
    const error = new LakeformError({
      code: 'E_RUNNER_CYCLE',
      message: `dependency cycle: ${this.plan.cycle.join(' → ')}; ${this.plan.blocked.length} node(s) on or downstream of it cannot run`,
      hint: 'remove one of the refs that closes the loop (`lakeform ls` shows each node’s parents)',
    });
    for (const id of this.plan.blocked) {
      const node = this.plan.nodes.get(id)!;
      const index = ++this.counter;
      const result = errorResult(error.format());
      this.state.set(id, 'done');
      this.record({ uniqueId: id, node, result, threadId: null, index, executionTime: 0, attempts: 0 });
      this.emit({ type: 'node_finished', node, result, index, total: this.total, threadId: 'main', durationMs: 0, attempts: 0 });
    }
  }

  private record(r: NodeRunRecord): void {
    this.state.set(r.uniqueId, 'done');
    this.results.push(r);
    this.byId[r.uniqueId] = r;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.signal.removeEventListener('abort', this.onAbort);
    const counts: StatusCounts = { success: 0, error: 0, skipped: 0, pass: 0, fail: 0, warn: 0 };
    for (const r of this.results) counts[r.result.status]++;
    const outcome: RunOutcome = {
      results: this.results,
      byId: this.byId,
      counts,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      elapsedMs: Math.max(0, this.now() - this.startMs),
      interrupted: this.interrupted,
      failFastAfter: this.failFastAfter,
      exitCode: exitCodeFor(counts, this.interrupted),
      listenerErrors: this.listenerErrors,
    };
    this.emit({ type: 'run_finished', outcome });
    this.resolve(outcome);
  }

  private emit(event: RunEvent): void {
    try {
      this.opts.onEvent?.(event);
    } catch (error) {
      this.listenerErrors.push(error);
    }
  }
}

function errorResult(message: string): NodeResult {
  return { status: 'error', message, queryIds: [], timing: [], adapterResponse: {}, failures: null };
}

function skipReason(cause: SkipCause, failedStatus: NodeStatus | undefined): string {
  const what = failedStatus === 'fail' ? 'failed' : 'errored';
  switch (cause.kind) {
    case 'upstream':
      return `skipped: upstream ${cause.failedNode} ${what}`;
    case 'fail-fast':
      return `skipped: --fail-fast stopped the run after ${cause.failedNode} ${what}`;
    case 'interrupted':
      return 'skipped: the run was interrupted';
  }
}
