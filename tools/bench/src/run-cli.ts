import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    dir = dirname(dir);
  }
  return resolve('.');
}

export interface CliRun {
  code: number;
  seconds: number;
  maxRssMb: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in a fresh process (a cold start, as a user sees it) and reads its resource report. */
export function runCli(args: string[], cwd: string): CliRun {
  // The bin itself, as `npx lakeform` runs it: its shebang carries the Node flags users get.
  const cli = join(repoRoot(), 'apps', 'cli', 'bin', 'lakeform.mjs');
  if (!existsSync(join(repoRoot(), 'apps', 'cli', 'dist', 'lakeform.mjs'))) throw new Error('build the CLI first (npm run build)');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cli, args, { cwd, encoding: 'utf8', env: { ...process.env, LAKEFORM_REPORT_RESOURCES: '1' }, maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /lakeform-resources: (\{.*\})/.exec(r.stderr);
  const report = m ? (JSON.parse(m[1]!) as { maxRssKb: number }) : { maxRssKb: NaN };
  return { code: r.status ?? -1, seconds, maxRssMb: report.maxRssKb / 1024, stdout: r.stdout, stderr: r.stderr };
}
