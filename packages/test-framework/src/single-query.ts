import { asSubquery } from './sql-text.js';

/**
 * dbt's test query: the fail_calc over the test's failing rows (capped by `limit`), with warn_if
 * and error_if judged by SQL itself, so any threshold dbt accepts works here too.
 */
export function singleTestSql(compiled: string, opts: { failCalc: string; warnIf: string; errorIf: string; limit: number | null }): string {
  const limit = opts.limit === null ? '' : `\n  limit ${opts.limit}`;
  return [
    'select',
    `  ${opts.failCalc} as failures,`,
    `  ${opts.failCalc} ${opts.warnIf} as should_warn,`,
    `  ${opts.failCalc} ${opts.errorIf} as should_error`,
    'from (',
    `  ${asSubquery(compiled)}${limit}`,
    ') dbt_internal_test',
  ].join('\n');
}

/** Up to `n` of the test's failing rows, for the message. */
export function failingRowsSql(compiled: string, n: number): string {
  return `select *\nfrom (\n  ${asSubquery(compiled)}\n) dbt_internal_test\nlimit ${n}`;
}
