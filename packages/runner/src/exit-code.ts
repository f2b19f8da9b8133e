import type { StatusCounts } from './run-events.js';

/**
 * dbt's documented exit codes (docs.getdbt.com/reference/exit-codes): 0 when the invocation
 * completed without error, 1 when it completed with handled errors (a model error, a failing
 * test; nodes may have been skipped), 2 for an unhandled interruption such as Ctrl-C. Warnings
 * alone are success. An interruption wins over errors, as dbt's does.
 */
export function exitCodeFor(counts: Pick<StatusCounts, 'error' | 'fail'>, interrupted: boolean): 0 | 1 | 2 {
  if (interrupted) return 2;
  return counts.error > 0 || counts.fail > 0 ? 1 : 0;
}
