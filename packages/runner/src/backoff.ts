/** Exponential backoff for transient warehouse errors (throttling, commit conflicts). */
export interface BackoffOptions {
  /** First delay before jitter. */
  baseMs?: number;
  /** Cap before jitter. */
  maxMs?: number;
  /** Uniform [0, 1); injectable so tests get fixed delays. */
  random?: () => number;
}

export const DEFAULT_BACKOFF_BASE_MS = 200;
export const DEFAULT_BACKOFF_MAX_MS = 30_000;

/**
 * Delay before retry number `attempt` (1 = first retry): base·2^(attempt-1), capped, then
 * "equal jitter" — half fixed, half random — so retries of many nodes that hit the same
 * throttle spread out instead of arriving together, yet never retry immediately.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const max = opts.maxMs ?? DEFAULT_BACKOFF_MAX_MS;
  const random = opts.random ?? Math.random;
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Resolves after `ms`, or as soon as `signal` aborts (the caller then sees the abort and stops). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
