import { readRunResults, retrySelection } from '@lakeform/runner';
import { resolve } from 'node:path';
import type { Output } from '../output.js';
import { findProjectDir } from '../project-dir.js';
import { runCommand, type RunCommandName, type RunFlags } from './run.js';

/** `lakeform retry`: the last run's command again, over the nodes it left errored or skipped. */
export async function retryCommand(flags: RunFlags, out: Output): Promise<number> {
  const projectDir = findProjectDir(flags.projectDir);
  const last = readRunResults(resolve(projectDir, 'target'));
  const ids = retrySelection(last);
  const args = last.args as Record<string, unknown>;
  const which = String(args['which'] ?? 'build');
  const command: RunCommandName = which === 'run' || which === 'seed' || which === 'snapshot' || which === 'build' ? which : 'build';
  if (ids.length === 0) {
    out.info('Nothing to retry: the last run had no errors or skipped nodes');
    return 0;
  }
  out.info(`Retrying ${ids.length} node${ids.length === 1 ? '' : 's'} from the last ${command}`);
  return runCommand(command, {
    ...flags,
    onlyIds: ids,
    ...(args['full_refresh'] === true ? { fullRefresh: true } : {}),
    ...(typeof args['target'] === 'string' && !flags.target ? { target: args['target'] } : {}),
    ...(typeof args['vars'] === 'string' && !flags.vars ? { vars: args['vars'] } : {}),
  }, out, ['model', 'seed', 'snapshot', 'test']);
}
