import { describe, expect, it } from 'vitest';
import { judge } from './test-status.js';

const base = { warnIf: '!= 0', errorIf: '!= 0' };

describe("dbt's verdict", () => {
  it('severity error: fail when error_if holds, else warn when warn_if holds, else pass', () => {
    expect(judge({ ...base, severity: 'error', failures: 3, shouldWarn: true, shouldError: true })).toEqual({ status: 'fail', message: 'Got 3 results, configured to fail if != 0' });
    expect(judge({ ...base, errorIf: '>10', severity: 'error', failures: 3, shouldWarn: true, shouldError: false })).toEqual({ status: 'warn', message: 'Got 3 results, configured to warn if != 0' });
    expect(judge({ ...base, severity: 'error', failures: 0, shouldWarn: false, shouldError: false }).status).toBe('pass');
  });

  it('severity warn never fails', () => {
    expect(judge({ ...base, severity: 'warn', failures: 1, shouldWarn: true, shouldError: true })).toEqual({ status: 'warn', message: 'Got 1 result, configured to warn if != 0' });
    expect(judge({ ...base, severity: 'warn', failures: 1, shouldWarn: false, shouldError: true }).status).toBe('pass');
  });
});
