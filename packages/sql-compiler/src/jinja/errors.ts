/**
 * Error types of the Jinja engine.
 *
 * Inside the engine, Python-level failures (TypeError, ZeroDivisionError, UndefinedError...)
 * are thrown as lightweight `PyError`s that know nothing about templates; the render loop
 * converts them to a `JinjaRuntimeError` carrying the template name and the line being
 * executed. Keeping the location out of the throw sites lets the value helpers stay
 * template-agnostic and cheap.
 */

export class JinjaSyntaxError extends Error {
  readonly templateName: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;

  constructor(message: string, templateName: string, line: number, column: number) {
    super(message);
    this.name = 'JinjaSyntaxError';
    this.templateName = templateName;
    this.line = line;
    this.column = column;
  }
}

export class JinjaRuntimeError extends Error {
  readonly templateName: string;
  /** 1-based line of the statement (or call) being executed when the error happened. */
  readonly line: number;
  /**
   * The Python exception class Jinja2 would have raised ('UndefinedError', 'TypeError',
   * 'ValueError', 'ZeroDivisionError', ...), or 'Error' for errors thrown by host functions
   * (the original error is then in `cause`).
   */
  readonly pyType: string;

  constructor(message: string, templateName: string, line: number, pyType: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'JinjaRuntimeError';
    this.templateName = templateName;
    this.line = line;
    this.pyType = pyType;
  }
}

/** A Python-level exception without a location (see module comment). */
export class PyError extends Error {
  readonly pyType: string;
  constructor(pyType: string, message: string) {
    super(message);
    this.name = pyType;
    this.pyType = pyType;
  }
}

export function typeError(message: string): PyError {
  return new PyError('TypeError', message);
}

export function valueError(message: string): PyError {
  return new PyError('ValueError', message);
}

/**
 * Thrown by the `return()` global and caught by the nearest macro invocation. Not an Error
 * subclass on purpose: V8 then skips capturing a stack trace, which keeps dbt's very common
 * `{{ return(...) }}` cheap.
 */
export class ReturnSignal {
  constructor(readonly value: unknown) {}
}

/** Wraps anything thrown during rendering into a located JinjaRuntimeError (idempotent). */
export function toRuntimeError(e: unknown, templateName: string, line: number): unknown {
  if (e instanceof JinjaRuntimeError || e instanceof JinjaSyntaxError || e instanceof ReturnSignal) return e;
  if (e instanceof PyError) return new JinjaRuntimeError(e.message, templateName, line, e.pyType);
  // No instanceof/regex here: the overflow may come from another realm (vm contexts), and near
  // the stack limit even compiling a regex can fail (V8 then reports a SyntaxError).
  if (e instanceof Object && String((e as Error).message).includes('Maximum call stack size exceeded')) {
    return new JinjaRuntimeError('maximum recursion depth exceeded', templateName, line, 'RecursionError', e);
  }
  const message = e instanceof Object && typeof (e as Error).message === 'string' ? (e as Error).message : String(e);
  return new JinjaRuntimeError(message, templateName, line, 'Error', e);
}
