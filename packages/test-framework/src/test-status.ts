import type { NodeStatus } from '@lakeform/runner';
import type { Severity } from './test-config.js';

export interface Verdict {
  status: Extract<NodeStatus, 'pass' | 'warn' | 'fail'>;
  message: string;
}

/**
 * dbt's judgement of a test: severity error fails when error_if holds, else warns when warn_if
 * holds; severity warn only ever warns. The message is dbt's ("Got 3 results, configured to fail
 * if != 0").
 */
export function judge(opts: { severity: Severity; failures: number | null; shouldWarn: boolean; shouldError: boolean; warnIf: string; errorIf: string }): Verdict {
  const { severity, failures, shouldWarn, shouldError } = opts;
  const got = `Got ${failures === null ? 'null' : failures} result${failures === 1 ? '' : 's'}`;
  if (severity === 'error' && shouldError) return { status: 'fail', message: `${got}, configured to fail if ${opts.errorIf}` };
  if (shouldWarn) return { status: 'warn', message: `${got}, configured to warn if ${opts.warnIf}` };
  return { status: 'pass', message: 'PASS' };
}
