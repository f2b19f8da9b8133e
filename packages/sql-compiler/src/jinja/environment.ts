/**
 * Public entry points: Environment (filters, tests, globals, parsing) and Template.
 */
import { staticCalls, type StaticCalls } from './static-calls.js';
import { type CompiledMacro, type CompiledTemplate, Compiler } from './compiler.js';
import { JinjaRuntimeError, PyError, ReturnSignal, toRuntimeError } from './errors.js';
import { BUILTIN_FILTERS } from './filters.js';
import { defaultGlobals } from './globals.js';
import { normalizeSource, tokenize } from './lexer.js';
import { parse } from './parser.js';
import {
  type EnvRuntime,
  type FilterImpl,
  Frame,
  Macro,
  RenderState,
  type Resolver,
  type TestImpl,
  callNative,
  newSlots,
} from './runtime.js';
import { BUILTIN_TESTS } from './tests.js';
import { Kwargs, truthy } from './values.js';

/**
 * A host filter: called with the filtered value, the positional arguments, and a trailing
 * `Kwargs` when the call site passed keyword arguments. Numbers arrive unboxed.
 */
export type FilterFn = (value: unknown, ...args: unknown[]) => unknown;
/** A host test; same calling convention as FilterFn, result is taken for its truthiness. */
export type TestFn = (value: unknown, ...args: unknown[]) => unknown;

export interface EnvironmentOptions {
  globals?: Record<string, unknown>;
  filters?: Record<string, FilterFn>;
  tests?: Record<string, TestFn>;
  /**
   * 'lenient' (default) is Jinja2's Undefined: attribute/item access on an undefined value
   * raises. 'chainable' is Jinja2's ChainableUndefined: such access yields the undefined
   * again (dbt's parse-time rendering needs this).
   */
  undefinedMode?: 'lenient' | 'chainable';
}

export interface RenderOptions {
  /** Called for names not found in the template's scopes or in ctx (e.g. lazily bound macros). */
  resolve?: Resolver;
}

export class Environment implements EnvRuntime {
  readonly globals: Record<string, unknown>;
  readonly chainable: boolean;
  private readonly filters: Record<string, FilterImpl> = Object.create(null) as Record<string, FilterImpl>;
  private readonly tests: Record<string, TestImpl> = Object.create(null) as Record<string, TestImpl>;

  constructor(opts: EnvironmentOptions = {}) {
    this.globals = defaultGlobals();
    this.chainable = opts.undefinedMode === 'chainable';
    for (const [k, v] of Object.entries(opts.globals ?? {})) this.addGlobal(k, v);
    for (const [k, v] of Object.entries(opts.filters ?? {})) this.addFilter(k, v);
    for (const [k, v] of Object.entries(opts.tests ?? {})) this.addTest(k, v);
  }

  addFilter(name: string, fn: FilterFn): void {
    this.filters[name] = (_rt, value, args, kwargs) => callNative(fn, undefined, [value, ...args], kwargs);
  }

  addTest(name: string, fn: TestFn): void {
    this.tests[name] = (_rt, value, args, kwargs) => truthy(callNative(fn, undefined, [value, ...args], kwargs));
  }

  addGlobal(name: string, value: unknown): void {
    this.globals[name] = value;
  }

  getFilter(name: string): FilterImpl | undefined {
    return this.filters[name] ?? BUILTIN_FILTERS[name];
  }

  getTest(name: string): TestImpl | undefined {
    return this.tests[name] ?? BUILTIN_TESTS[name];
  }

  /** Parses and compiles `source`. Throws JinjaSyntaxError. */
  parse(source: string, templateName: string): Template {
    const src = normalizeSource(source);
    const ast = parse(tokenize(src, templateName), templateName);
    const compiled = new Compiler(this, templateName).compileTemplate(ast, src);
    return new Template(this, templateName, compiled, staticCalls(ast));
  }
}

export interface DocsBlock {
  readonly name: string;
  /** Raw text between `{% docs %}` and `{% enddocs %}` (not rendered). */
  readonly content: string;
  readonly line: number;
}

export interface SnapshotBlock {
  readonly name: string;
  /** The block's body as its own template. */
  readonly body: Template;
  readonly line: number;
  /** Source text of the whole block, `{% snapshot %}` and `{% endsnapshot %}` included. */
  readonly source: string;
}

export class Template {
  readonly macros: ReadonlyArray<MacroDefinition>;
  readonly docs: ReadonlyArray<DocsBlock>;
  readonly snapshots: ReadonlyArray<SnapshotBlock>;

  constructor(
    private readonly env: Environment,
    readonly name: string,
    private readonly compiled: CompiledTemplate,
    /** The template's ref/source/config calls when they can be known without rendering (see static-calls.ts). */
    readonly staticCalls: StaticCalls | undefined = undefined,
  ) {
    this.macros = compiled.macros.map((m) => new MacroDefinition(this, m));
    this.docs = compiled.docs.map((d) => ({ ...d }));
    this.snapshots = compiled.snapshots.map((s) => ({ name: s.name, line: s.line, source: s.source, body: new Template(env, name, s.body) }));
  }

  /**
   * Renders with `ctx` (not copied). Names resolve: template scopes → ctx → resolve(name) →
   * environment globals → Undefined.
   */
  render(ctx: Record<string, unknown>, opts?: RenderOptions): string {
    const rt = new RenderState(this.env, ctx, opts?.resolve);
    const f = new Frame(newSlots(this.compiled.nslots), null, rt);
    try {
      return this.compiled.root(f);
    } catch (e) {
      throw this.renderError(e, rt);
    }
  }

  private renderError(e: unknown, rt: RenderState): unknown {
    if (e instanceof ReturnSignal) {
      return new JinjaRuntimeError('return() was called outside of a macro', this.name, rt.line, 'TemplateRuntimeError');
    }
    return toRuntimeError(e, this.name, rt.line);
  }

  /** @internal Root frame for binding macros: runs the top level when it has side effects. */
  bindFrame(ctx: Record<string, unknown>, opts?: RenderOptions): Frame {
    const rt = new RenderState(this.env, ctx, opts?.resolve);
    const f = new Frame(newSlots(this.compiled.nslots), null, rt);
    if (this.compiled.needsRun) {
      try {
        this.compiled.root(f);
      } catch (e) {
        throw this.renderError(e, rt);
      }
    } else {
      for (const m of this.compiled.macros) f.v[m.slot] = new Macro(m.code, f);
    }
    return f;
  }
}

export class MacroDefinition {
  readonly name: string;
  readonly params: string[];
  /** 1-based line of the opening tag. */
  readonly line: number;
  /** Source text of the whole block, opening and closing tags included (dbt's macro_sql). */
  readonly source: string;

  constructor(
    private readonly template: Template,
    private readonly compiled: CompiledMacro,
  ) {
    this.name = compiled.code.name;
    this.params = compiled.code.params.slice();
    this.line = compiled.code.line;
    this.source = compiled.source;
  }

  /**
   * A callable Macro whose free names resolve against `ctx` / `opts.resolve`, and which sees
   * the other macros (and top-level variables) of its template, as in a Jinja2 module.
   */
  bind(ctx: Record<string, unknown>, opts?: RenderOptions): Macro {
    const f = this.template.bindFrame(ctx, opts);
    return new Macro(this.compiled.code, f);
  }
}

/**
 * Python-style argument binding for host functions: splits off a trailing Kwargs and maps
 * positional and keyword arguments onto `params`, filling `defaults` for the rest.
 * Parameters with neither an argument nor a default are absent from the result.
 */
export function bindArguments(
  args: unknown[],
  params: string[],
  defaults: Record<string, unknown> = {},
  fnName = 'function',
): Record<string, unknown> {
  let positional = args;
  let kw: Record<string, unknown> = {};
  const last = args[args.length - 1];
  if (last instanceof Kwargs) {
    positional = args.slice(0, -1);
    kw = last.values;
  }
  if (positional.length > params.length) {
    throw new PyError('TypeError', `${fnName}() takes at most ${params.length} argument(s) (${positional.length} given)`);
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < positional.length; i++) out[params[i] as string] = positional[i];
  for (const k of Object.keys(kw)) {
    if (!params.includes(k)) throw new PyError('TypeError', `${fnName}() got an unexpected keyword argument '${k}'`);
    if (Object.prototype.hasOwnProperty.call(out, k)) throw new PyError('TypeError', `${fnName}() got multiple values for argument '${k}'`);
    out[k] = kw[k];
  }
  for (const p of params) {
    if (!Object.prototype.hasOwnProperty.call(out, p) && Object.prototype.hasOwnProperty.call(defaults, p)) out[p] = defaults[p];
  }
  return out;
}
