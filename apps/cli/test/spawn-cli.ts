import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs the real `lakeform` bin as a child process, as a user would. */
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BIN = join(REPO, 'apps', 'cli', 'bin', 'lakeform.mjs');
export const GROCERY = join(REPO, 'models', 'grocery');

export interface RunResult {
  code: number | null;
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of ['DBT_PROJECT_DIR', 'DBT_PROFILES_DIR', 'LAKEFORM_REPORT_RESOURCES', 'FORCE_COLOR']) delete env[k];
  return env;
}

export interface SpawnOptions {
  closeStdout?: boolean;
  /** Called with each stdout chunk and the child, e.g. to signal it at a given moment. */
  onStdout?: (text: string, child: ReturnType<typeof spawn>) => void;
  timeoutMs?: number;
}

export function spawnRun(cmd: string, args: string[], cwd: string, opts: SpawnOptions = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (opts.closeStdout) child.stdout.destroy();
    else
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString('utf8');
        opts.onStdout?.(stdout, child);
      });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 45_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

export function lakeform(args: string[], cwd: string, opts: SpawnOptions = {}): Promise<RunResult> {
  return spawnRun(process.execPath, [BIN, ...args], cwd, opts);
}
