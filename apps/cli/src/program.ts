import { Command, CommanderError, Option } from 'commander';
import { LAKEFORM_VERSION } from '@lakeform/sql-compiler';
import { LakeformError } from '@lakeform/sql-compiler';
import { ProjectFlagsSchema, RunFlagsSchema, type ProjectFlags, type RunFlagsInput } from './cli-options.js';
import { compileCommand } from './commands/compile.js';
import { debugCommand } from './commands/debug.js';
import { depsCommand } from './commands/deps.js';
import { initCommand } from './commands/init.js';
import { lsCommand } from './commands/ls.js';
import { parseCommand } from './commands/parse.js';
import { Output } from './output.js';

export interface RunResult {
  code: number;
}

function projectOptions(cmd: Command, selection: boolean): Command {
  cmd
    .option('--project-dir <dir>', 'folder holding dbt_project.yml (default: the nearest one upwards from here)')
    .option('--profiles-dir <dir>', 'folder holding profiles.yml (default: $DBT_PROFILES_DIR, the project, ~/.dbt)')
    .option('-t, --target <name>', 'profile target to use')
    .option('--vars <yaml>', "variables as a YAML mapping, e.g. '{start_date: 2024-01-01}'")
    .option('--debug', 'show stack traces and debug logs')
    .option('-q, --quiet', 'print only results and errors');
  if (selection) {
    cmd
      .option('-s, --select <spec...>', 'nodes to include (dbt selection syntax)')
      .option('--exclude <spec...>', 'nodes to leave out')
      .option('--selector <name>', 'a named selector from selectors.yml')
      .option('--state <dir>', 'a previous target/ folder, for state:modified');
  }
  return cmd;
}

/** Builds the `lakeform` program; `exit` receives the process exit code (dbt's: 0 ok, 1 error, 2 usage or internal). */
export function buildProgram(exit: (r: RunResult) => void): Command {
  const program = new Command('lakeform')
    .description('Build a dbt-style SQL project into Apache Iceberg tables — on Athena, or locally on DuckDB.')
    .version(LAKEFORM_VERSION, '-v, --version', 'print the Lakeform version')
    .showHelpAfterError('(run lakeform --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  const run = (fn: (flags: ProjectFlags, out: Output) => Promise<number>) => async (raw: Record<string, unknown>) => {
    const flags = ProjectFlagsSchema.parse(raw);
    const out = new Output({ quiet: !!flags.quiet, debug: !!flags.debug, color: !!process.stderr.isTTY && !process.env['NO_COLOR'] });
    try {
      exit({ code: await fn(flags, out) });
    } catch (e) {
      out.error(e);
      exit({ code: e instanceof Error && e.name === 'LakeformError' ? 1 : 2 });
    }
  };

  const runFlags = (fn: (flags: RunFlagsInput, out: Output) => Promise<number>) => async (raw: Record<string, unknown>) => {
    const parsed = RunFlagsSchema.safeParse(raw);
    const out = new Output({ quiet: !!raw['quiet'], debug: !!raw['debug'], color: !!process.stderr.isTTY && !process.env['NO_COLOR'] });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      out.error(new LakeformError({ code: 'E_CLI_USAGE', message: `--${String(issue.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}` }));
      exit({ code: 2 });
      return;
    }
    await run((_flags, o) => fn(parsed.data, o))(raw);
  };
  const runOptions = (cmd: Command) =>
    projectOptions(cmd, true)
      .option('--threads <n>', 'nodes to build at once (default: the target\'s threads)')
      .option('-x, --fail-fast', 'stop at the first failure; nodes not yet started are skipped')
      .option('--full-refresh', 'rebuild incremental models and snapshots from scratch')
      .addOption(new Option('--log-format <format>', 'text lines, or one JSON object per event').choices(['text', 'json']));
  const runModule = () => import('./commands/run.js');
  for (const [name, description] of [
    ['run', 'build the selected models on the target (views, tables, incremental models)'],
    ['build', 'seed, run and snapshot the selection in DAG order'],
    ['seed', 'load the CSV files under seed-paths into tables'],
    ['snapshot', 'record changes of the snapshot sources (SCD type 2)'],
    ['test', "run the selected data tests (one batched query per tested model)"],
  ] as const) {
    const cmd = runOptions(program.command(name).description(description));
    if (name === 'test' || name === 'build') cmd.option('--store-failures', 'keep the failing rows of every test in a table');
    cmd.action(runFlags(async (flags, out) => (await runModule()).runCommand(name, flags, out)));
  }
  projectOptions(program.command('retry').description('re-run the nodes that failed or were skipped in the last run'), false)
    .option('--threads <n>', 'nodes to build at once (default: the target\'s threads)')
    .option('-x, --fail-fast', 'stop at the first failure')
    .addOption(new Option('--log-format <format>', 'text lines, or one JSON object per event').choices(['text', 'json']))
    .action(runFlags(async (flags, out) => (await import('./commands/retry.js')).retryCommand(flags, out)));
  projectOptions(program.command('show').description('run a model or an inline query on the target and print the first rows'), true)
    .option('--inline <sql>', 'SQL (with Jinja) to run instead of a model')
    .option('--limit <n>', 'rows to print (default 5; -1 for all)')
    .addOption(new Option('--output <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--threads <n>', 'unused; accepted as dbt accepts it')
    .action(async (raw: Record<string, unknown>) => {
      const { inline, limit, output, ...rest } = raw as { inline?: string; limit?: string; output?: string };
      await runFlags(async (flags, out) => (await import('./commands/show.js')).showCommand({ ...flags, ...(inline !== undefined ? { inline } : {}), limit: limit === undefined ? 5 : Number(limit), output: output === 'json' ? 'json' : 'table' }, out))(rest);
    });
  const source = program.command('source').description('commands about sources');
  projectOptions(source.command('freshness').description("check each source's newest row against its freshness thresholds; writes target/sources.json"), true)
    .option('-o, --output <path>', 'where to write sources.json (default: <target-path>/sources.json)')
    .option('--threads <n>', 'sources to check at once (default: the target\'s threads)')
    .action(async (raw: Record<string, unknown>) => {
      const { output, threads, ...rest } = raw as { output?: string; threads?: string };
      await run(async (flags, out) => (await import('./commands/source-freshness.js')).sourceFreshnessCommand({ ...flags, ...(output ? { output } : {}), ...(threads ? { threads: Number(threads) } : {}) }, out))(rest);
    });
  projectOptions(program.command('parse').description('validate the project and write target/manifest.json'), false).action(run(parseCommand));
  projectOptions(program.command('compile').description('render every selected node to SQL in target/compiled and print the build plan'), true)
    .option('--inline <sql>', 'compile this SQL (with Jinja) against the project and print it')
    .option('--full-refresh', 'compile incremental models as full refreshes')
    .action(async (raw: Record<string, unknown>) => {
      const { inline, ...rest } = raw;
      await run((flags, out) => compileCommand({ ...flags, ...(typeof inline === 'string' ? { inline } : {}) }, out))(rest);
    });
  for (const name of ['ls', 'list']) {
    projectOptions(program.command(name).description(name === 'ls' ? 'list the selected resources' : 'alias of ls'), true)
      .addOption(new Option('--resource-type <type...>', 'only these resource types').choices(['model', 'seed', 'snapshot', 'test', 'source', 'exposure', 'analysis', 'operation', 'unit_test']))
      .addOption(new Option('-o, --output <format>', 'output format').choices(['selector', 'name', 'path', 'json']).default('selector'))
      .option('--output-keys <key...>', 'keys to print with --output json')
      .action(async (raw: Record<string, unknown>) => {
        const { resourceType, output, outputKeys, ...rest } = raw as { resourceType?: string[]; output?: string; outputKeys?: string[] };
        await run((flags, out) => lsCommand({ ...flags, ...(resourceType ? { resourceType } : {}), ...(output ? { output } : {}), ...(outputKeys ? { outputKeys } : {}) }, out))(rest);
      });
  }
  projectOptions(program.command('deps').description('check packages.yml: local packages are used in place, dbt_utils & co are built in'), false).action(run(depsCommand));
  projectOptions(program.command('debug').description('show the project, profile, target and engine in use'), false).action(run(debugCommand));
  program
    .command('init')
    .description('create a new project that runs on the local engine')
    .argument('[name]', 'project name', 'my_lakehouse')
    .option('--dir <dir>', 'folder to create (default: ./<name>)')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (name: string, raw: { dir?: string; quiet?: boolean }) => {
      const out = new Output({ quiet: !!raw.quiet, debug: false, color: false });
      try {
        exit({ code: await initCommand(name, raw.dir ? { dir: raw.dir } : {}, out) });
      } catch (e) {
        out.error(e);
        exit({ code: e instanceof Error && e.name === 'LakeformError' ? 1 : 2 });
      }
    });
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((r) => (code = r.code));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; usage errors exit 2 as dbt's do.
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
  return code;
}
