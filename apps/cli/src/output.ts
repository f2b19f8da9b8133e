import { formatWarning, isLakeformError, type Warning } from '@lakeform/sql-compiler';

/** Where the CLI writes: dbt prints progress to stdout with a time prefix; machine output is bare. */
export class Output {
  constructor(
    private readonly opts: { quiet: boolean; debug: boolean; color: boolean },
    private readonly out: NodeJS.WritableStream = process.stdout,
    private readonly err: NodeJS.WritableStream = process.stderr,
  ) {}

  private stamp(): string {
    const d = new Date();
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`;
  }

  info(line: string): void {
    if (!this.opts.quiet) this.out.write(`${this.stamp()}  ${line}\n`);
  }

  /** Output that is the command's result (ls, compiled SQL): printed even with --quiet. */
  result(text: string): void {
    this.out.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  warn(w: Warning): void {
    this.err.write(`${this.paint('33', formatWarning(w))}\n`);
  }

  debug(line: string): void {
    if (this.opts.debug) this.err.write(`${this.stamp()}  [debug] ${line}\n`);
  }

  error(e: unknown): void {
    if (isLakeformError(e)) {
      this.err.write(`${this.paint('31', e.format())}\n`);
      if (this.opts.debug && e.stack) this.err.write(`${e.stack}\n`);
      let cause: unknown = e.cause;
      while (this.opts.debug && cause instanceof Error) {
        this.err.write(`caused by: ${cause.stack ?? cause.message}\n`);
        cause = cause.cause;
      }
      return;
    }
    const msg = e instanceof Error ? e.message : String(e);
    this.err.write(`${this.paint('31', `error E_INTERNAL: ${msg}`)}\n`);
    if (this.opts.debug && e instanceof Error && e.stack) this.err.write(`${e.stack}\n`);
    else this.err.write('  hint: this is a bug in Lakeform; rerun with --debug for the stack trace and report it\n');
  }

  private paint(code: string, s: string): string {
    return this.opts.color ? `\u001b[${code}m${s}\u001b[0m` : s;
  }
}
