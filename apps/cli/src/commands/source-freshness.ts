import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { foundLine, type ManifestSource } from '@lakeform/sql-compiler';
import {
  buildSourcesJson,
  planFreshnessChecks,
  runFreshnessChecks,
  SOURCES_JSON_FILE,
  thresholdSeconds,
  writeSourcesJson,
  type FreshnessEvent,
  type FreshnessOutcome,
  type FreshnessResult,
  type FreshnessThreshold,
} from '@lakeform/test-framework';
import type { ProjectFlags } from '../cli-options.js';
import type { Output } from '../output.js';
import { findProjectDir } from '../project-dir.js';
import { openEngine } from '../run/open-engine.js';
import { loadProject } from './load.js';

export interface SourceFreshnessFlags extends ProjectFlags {
  /** -o/--output: where to write sources.json (relative to the working directory); default target/sources.json. */
  output?: string;
  threads?: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const secs = (s: number) => `${s.toFixed(2)}s`;
const nameOf = (s: ManifestSource) => `${s.source_name}.${s.name}`;

function dotted(left: string, right: string, width = 100): string {
  return `${left} ${'.'.repeat(Math.max(3, width - left.length - right.length - 2))} ${right}`;
}

/** dbt's words for each outcome: a stale source is "ERROR STALE", a failed query plain "ERROR". */
const WORD: Record<FreshnessResult['status'], string> = { pass: 'PASS', warn: 'WARN', error: 'ERROR STALE', 'runtime error': 'ERROR' };

function progressLine(e: FreshnessEvent): string {
  if (e.kind === 'start') return dotted(`${e.index} of ${e.total} START freshness of ${nameOf(e.check.source)}`, '[RUN]');
  const word = WORD[e.result.status];
  return dotted(`${e.index} of ${e.total} ${word} freshness of ${nameOf(e.result.source)}`, `[${word} in ${secs(e.result.executionTime)}]`);
}

function age(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds > 1e9) return 'no loaded_at value at all';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${d ? `${d}d ` : ''}${d || h ? `${h}h ` : ''}${m}m old`;
}

const limit = (t: FreshnessThreshold) => (thresholdSeconds(t) === undefined ? undefined : `${t.count} ${t.period}${t.count === 1 ? '' : 's'}`);

function printSummary(outcome: FreshnessOutcome, out: Output): void {
  const s = outcome.elapsedMs / 1000;
  out.info('');
  out.info(`Finished running ${plural(outcome.results.length, 'source')} in ${Math.floor(s / 3600)} hours ${Math.floor((s % 3600) / 60)} minutes and ${(s % 60).toFixed(2)} seconds (${s.toFixed(2)}s).`);
  const c = outcome.counts;
  const errors = c.error + c.runtimeError;
  out.info('');
  if (errors === 0) out.info(`Completed successfully${c.warn ? ` with ${plural(c.warn, 'warning')}` : ''}`);
  else out.info(`Completed with ${plural(errors, 'error')}${c.warn ? ` and ${plural(c.warn, 'warning')}` : ''}:`);
  for (const r of outcome.results) {
    if (r.status === 'pass') continue;
    out.info('');
    const where = `source ${nameOf(r.source)} (${r.source.original_file_path})`;
    if (r.status === 'runtime error') {
      out.info(`  Runtime Error in ${where}`);
      for (const line of r.error.split('\n')) out.info(`    ${line}`);
      continue;
    }
    const threshold = r.status === 'error' ? limit(r.criteria.error_after) : limit(r.criteria.warn_after);
    out.info(`  ${r.status === 'error' ? 'Stale' : 'Warning in'} ${where}`);
    out.info(`    max(${r.source.loaded_at_field ?? 'loaded_at'}) = ${r.maxLoadedAt.toISOString()}: ${age(r.ageSeconds)}, past ${r.status === 'error' ? 'error_after' : 'warn_after'} of ${threshold ?? '?'}`);
  }
  out.info('');
  out.info(`Done. PASS=${c.pass} WARN=${c.warn} ERROR=${errors} SKIP=0 TOTAL=${outcome.results.length}`);
}

/**
 * `lakeform source freshness`: for each selected source table with thresholds and a
 * loaded_at_field, ask the warehouse how old its newest row is; print dbt's lines, write
 * sources.json (dbt v3). Exit 1 when a source is stale past error_after or its query failed.
 */
export async function sourceFreshnessCommand(flags: SourceFreshnessFlags, out: Output): Promise<number> {
  const started = Date.now();
  const projectDir = findProjectDir(flags.projectDir);
  const opened = await openEngine(projectDir, flags);
  const { engine } = opened;
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(130);
    out.info('Interrupted: letting running checks finish (Ctrl-C again to stop at once)');
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const { project, selected } = await loadProject(flags, out, { compile: false, resourceTypes: ['source'], which: 'freshness' });
    const manifest = project.manifest;
    out.info(foundLine(manifest));
    const sources = Object.values(manifest.sources).filter((s) => selected.has(s.unique_id));
    const plan = planFreshnessChecks(sources);
    for (const skip of plan.skipped) {
      out.warn({ code: 'W_FRESHNESS_NO_LOADED_AT_FIELD', message: skip.reason, location: { file: skip.source.original_file_path }, hint: 'add loaded_at_field: <timestamp column or expression> to the source or table' });
    }
    if (plan.checks.length === 0) {
      out.warn({ code: 'W_NOTHING_SELECTED', message: 'no selected source has a freshness check (freshness with warn_after or error_after, and a loaded_at_field)' });
    } else {
      out.info(`Concurrency: ${opened.threads} threads (target='${opened.targetName}')`);
      out.info('');
    }
    const outcome = await runFreshnessChecks(engine, plan.checks, { threads: opened.threads, signal: abort.signal, onEvent: (e) => out.info(progressLine(e)) });
    const path = flags.output ? resolve(process.cwd(), flags.output) : join(project.targetPath, SOURCES_JSON_FILE);
    writeSourcesJson(path, buildSourcesJson(outcome, { invocationId: String(manifest.metadata['invocation_id'] ?? randomUUID()) }));
    out.debug(`wrote ${path} in ${Date.now() - started} ms`);
    if (plan.checks.length) printSummary(outcome, out);
    if (abort.signal.aborted) return 2;
    return outcome.exitCode;
  } finally {
    process.off('SIGINT', onSigint);
    await engine.close();
  }
}
