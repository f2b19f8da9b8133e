import { runCli } from './program.js';

const started = process.hrtime.bigint();
if (process.env['LAKEFORM_REPORT_RESOURCES']) {
  // For tools/bench: peak memory and wall time of this process, on stderr at exit.
  process.on('exit', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stderr.write(`lakeform-resources: ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, ms })}\n`);
  });
}

// `lakeform ls | head` closes our stdout early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Native engines (DuckDB's thread pool) can hold the process for a second after everything is
    // closed; once output is flushed there is nothing left to wait for.
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  },
  (e: unknown) => {
    process.stderr.write(`error E_INTERNAL: ${e instanceof Error ? (process.argv.includes('--debug') ? e.stack : e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
