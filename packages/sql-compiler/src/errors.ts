/**
 * Errors are values: a stable code, a message a person can act on, where it happened and what
 * to do about it. The CLI prints them without a stack trace unless --debug is given.
 */
export interface SourceLocation {
  /** Path relative to the project root where possible. */
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
}

export interface LakeformErrorInit {
  code: string;
  message: string;
  location?: SourceLocation;
  /** What the user can do about it. */
  hint?: string;
  /** The node (model, test, ...) being processed, when there is one. */
  node?: string;
  cause?: unknown;
}

export class LakeformError extends Error {
  readonly code: string;
  readonly location: SourceLocation | undefined;
  readonly hint: string | undefined;
  readonly node: string | undefined;

  constructor(init: LakeformErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'LakeformError';
    this.code = init.code;
    this.location = init.location;
    this.hint = init.hint;
    this.node = init.node;
  }

  /** `file:line:col` or `file`, or '' when there is no location. */
  where(): string {
    const l = this.location;
    if (!l) return '';
    return [l.file, l.line, l.line !== undefined ? l.column : undefined].filter((p) => p !== undefined).join(':');
  }

  /** The one-paragraph form the CLI prints. */
  format(): string {
    const where = this.where();
    const head = `${where ? `${where}: ` : ''}error ${this.code}: ${this.message}`;
    const node = this.node ? `\n  in ${this.node}` : '';
    const hint = this.hint ? `\n  hint: ${this.hint}` : '';
    return head + node + hint;
  }
}

export interface Warning {
  code: string;
  message: string;
  location?: SourceLocation;
  hint?: string;
}

export function formatWarning(w: Warning): string {
  const l = w.location;
  const where = l ? [l.file, l.line, l.line !== undefined ? l.column : undefined].filter((p) => p !== undefined).join(':') : '';
  return `${where ? `${where}: ` : ''}warning ${w.code}: ${w.message}${w.hint ? `\n  hint: ${w.hint}` : ''}`;
}

export function isLakeformError(e: unknown): e is LakeformError {
  return e instanceof LakeformError;
}
