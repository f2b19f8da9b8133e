import { join } from 'node:path';
import type { RunOutcome } from '@lakeform/runner';
import type { Output } from '../output.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function kindOf(r: RunOutcome['results'][number]): string {
  const n = r.node;
  if (n.resource_type === 'model') return `${String((n.config as Record<string, unknown>)['materialized'])} model`;
  if ((n.resource_type as string) === 'unit_test') return 'unit test';
  return n.resource_type;
}

function duration(ms: number): string {
  const s = ms / 1000;
  return `${Math.floor(s / 3600)} hours ${Math.floor((s % 3600) / 60)} minutes and ${(s % 60).toFixed(2)} seconds (${s.toFixed(2)}s)`;
}

/** dbt's closing lines: what ran, how long, the errors again, and the PASS/WARN/ERROR/SKIP totals. */
/** Where dbt (and Lakeform) write a test's compiled SQL: target/compiled/<package>/<yml or sql path>[/<test>.sql]. */
function compiledTestPath(n: RunOutcome['results'][number]['node'], targetPath: string): string {
  const generic = !!(n as { test_metadata?: unknown }).test_metadata;
  return join(targetPath, 'compiled', n.package_name, n.original_file_path, ...(generic ? [n.path] : []));
}

export function printSummary(outcome: RunOutcome, total: number, command: string, out: Output, targetPath = 'target'): void {
  const kinds = new Map<string, number>();
  for (const r of outcome.results) kinds.set(kindOf(r), (kinds.get(kindOf(r)) ?? 0) + 1);
  const what = [...kinds].map(([k, n]) => plural(n, k).replace(/ (\w+) models$/, ' $1 models')).join(', ');
  out.info('');
  out.info(`Finished running ${what} in ${duration(outcome.elapsedMs)}.`);
  const c = outcome.counts;
  const rows = outcome.results.reduce((sum, r) => sum + (r.result.rowsAffected ?? 0), 0);
  const errors = outcome.results.filter((r) => r.result.status === 'error' || r.result.status === 'fail');
  out.info('');
  if (outcome.interrupted) out.info(`Interrupted: ${plural(c.skipped, 'node')} not run`);
  else if (errors.length === 0) out.info(`Completed successfully${c.warn ? ` with ${plural(c.warn, 'warning')}` : ''}`);
  else {
    out.info(`Completed with ${plural(errors.length, 'error')}${c.warn ? ` and ${plural(c.warn, 'warning')}` : ''}:`);
    for (const r of errors) {
      out.info('');
      out.info(`  ${r.result.status === 'fail' ? 'Failure' : 'Error'} in ${r.node.resource_type} ${r.node.name} (${r.node.original_file_path})`);
      for (const line of r.result.message.split('\n')) out.info(`    ${line}`);
      if (r.node.resource_type === 'test') out.info(`    compiled code at ${compiledTestPath(r.node, targetPath)}`);
    }
  }
  for (const r of outcome.results.filter((x) => x.result.status === 'warn')) {
    out.info('');
    out.info(`  Warning in test ${r.node.name} (${r.node.original_file_path})`);
    for (const line of r.result.message.split('\n')) out.info(`    ${line}`);
    out.info(`    compiled code at ${compiledTestPath(r.node, targetPath)}`);
  }
  out.info('');
  out.info(`Done. PASS=${c.success + c.pass} WARN=${c.warn} ERROR=${c.error + c.fail} SKIP=${c.skipped} TOTAL=${total}${rows ? `  (${rows.toLocaleString('en-US')} rows written)` : ''}`);
  if (command === 'retry' && total === 0) out.info('Nothing to retry: the last run had no errors or skips');
}
