import type { ManifestNode } from '@lakeform/sql-compiler';
import type { NodeResult, NodeStatus } from './engine.js';

/** How one node of a run ended: its result and where and when it ran. */
export interface NodeRunRecord {
  uniqueId: string;
  node: ManifestNode;
  result: NodeResult;
  /** "Thread-3" for nodes that ran; null for nodes skipped before they started. */
  threadId: string | null;
  /** Position in the run's "n of total" numbering (1-based). */
  index: number;
  /** Seconds from start to finish, retries and backoff included; 0 for skipped nodes. */
  executionTime: number;
  /** How many times `run` was called (0 for skipped nodes). */
  attempts: number;
}

export type StatusCounts = Record<NodeStatus, number>;

/** Why a node did not run. */
export type SkipCause =
  /** An ancestor errored (or a test of it failed with severity error). */
  | { kind: 'upstream'; failedNode: string }
  /** --fail-fast stopped the run after `failedNode` errored. */
  | { kind: 'fail-fast'; failedNode: string }
  /** The run was aborted (Ctrl-C). */
  | { kind: 'interrupted' };

export interface RunOutcome {
  /** Every selected node exactly once, in the order it finished (skips at the moment they were decided). */
  results: NodeRunRecord[];
  byId: Record<string, NodeRunRecord>;
  counts: StatusCounts;
  startedAt: string;
  finishedAt: string;
  /** Wall-clock milliseconds from run start to the last node finishing. */
  elapsedMs: number;
  /** The abort signal fired before the run finished. */
  interrupted: boolean;
  /** --fail-fast stopped the run; names the node that triggered it. */
  failFastAfter: string | null;
  /** 0 ok (warnings are ok), 1 a node errored or a test failed, 2 interrupted — dbt's exit codes. */
  exitCode: 0 | 1 | 2;
  /** Exceptions thrown by the onEvent listener: swallowed so a printing bug cannot break a run. */
  listenerErrors: unknown[];
}

export type RunEvent =
  | { type: 'run_started'; total: number; threads: number; startedAt: string }
  | { type: 'node_started'; node: ManifestNode; index: number; total: number; threadId: string; startedAt: string }
  | {
      type: 'node_finished';
      node: ManifestNode;
      result: NodeResult;
      index: number;
      total: number;
      threadId: string;
      durationMs: number;
      attempts: number;
    }
  | { type: 'node_skipped'; node: ManifestNode; reason: string; cause: SkipCause; index: number; total: number }
  | { type: 'node_retrying'; node: ManifestNode; attempt: number; error: string; delayMs: number }
  | { type: 'run_finished'; outcome: RunOutcome };
