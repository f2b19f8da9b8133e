/**
 * Runtime structures shared by compiled templates: render state, scope frames, macros, the
 * `loop` object, namespace/cycler/joiner, and the calling convention.
 *
 * Scopes are arrays of slots whose layout is fixed at compile time (see compiler.ts): a
 * variable reference compiles to "check slot s of the frame d levels up, else the context",
 * so lookups never hash on names except for context/global names.
 */
import { ReturnSignal, toRuntimeError, typeError } from './errors.js';
import {
  Kwargs,
  PY_REPR,
  PY_TYPE,
  PyFloat,
  Undefined,
  isDict,
  iterate,
  makeTuple,
  pyEq,
  pyRepr,
  typeName,
  undefinedError,
} from './values.js';

/** Value of a slot that has not been assigned (distinct from every template value). */
export const MISSING: unique symbol = Symbol('missing');

export type KwargsMap = Record<string, unknown>;

/** Engine-internal filter: raw (boxed) values, keyword arguments or null. */
export type FilterImpl = (rt: RenderState, value: unknown, args: unknown[], kwargs: KwargsMap | null) => unknown;
export type TestImpl = (rt: RenderState, value: unknown, args: unknown[], kwargs: KwargsMap | null) => boolean;

/** What compiled code needs from the Environment. */
export interface EnvRuntime {
  readonly globals: Record<string, unknown>;
  readonly chainable: boolean;
  getFilter(name: string): FilterImpl | undefined;
  getTest(name: string): TestImpl | undefined;
}

export type Resolver = (name: string) => unknown;

/** State of one render (or one `bind`): the context and the control-flow flags. */
export class RenderState {
  /** 0, or BREAK/CONTINUE while a loop body unwinds. */
  ctl = 0;
  /** Line of the statement being executed, for error reports. */
  line = 0;
  readonly globals: Record<string, unknown>;
  readonly chainable: boolean;

  constructor(
    readonly env: EnvRuntime,
    readonly ctx: Record<string, unknown>,
    readonly resolve: Resolver | undefined,
  ) {
    this.globals = env.globals;
    this.chainable = env.chainable;
  }
}

export const BREAK = 1;
export const CONTINUE = 2;

export class Frame {
  constructor(
    public v: unknown[],
    readonly p: Frame | null,
    readonly rt: RenderState,
  ) {}
}

export function newSlots(n: number): unknown[] {
  const v = new Array<unknown>(n);
  for (let i = 0; i < n; i++) v[i] = MISSING;
  return v;
}

/** Name lookup past the template's own scopes: ctx → resolve → globals → Undefined. */
export function lookupContext(rt: RenderState, name: string): unknown {
  let v = rt.ctx[name];
  if (v !== undefined) return v;
  const r = rt.resolve;
  if (r !== undefined) {
    v = r(name);
    if (v !== undefined) return v;
  }
  v = rt.globals[name];
  if (v !== undefined) return v;
  return new Undefined(name);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Same as lookupContext for names that exist on Object.prototype ('constructor', ...). */
export function lookupContextSafe(rt: RenderState, name: string): unknown {
  if (hasOwn.call(rt.ctx, name)) {
    const v = rt.ctx[name];
    if (v !== undefined) return v;
  }
  const r = rt.resolve;
  if (r !== undefined) {
    const v = r(name);
    if (v !== undefined) return v;
  }
  const v = rt.globals[name];
  if (v !== undefined) return v;
  return new Undefined(name);
}

// ---------------------------------------------------------------------------------------------
// callables

export type BuiltinFn = (args: unknown[], kwargs: KwargsMap | null, rt: RenderState) => unknown;

/** An engine-provided callable (globals, bound str/list/dict methods). Receives raw values. */
export class Builtin {
  readonly [PY_TYPE] = 'builtin_function_or_method';
  constructor(
    readonly name: string,
    readonly fn: BuiltinFn,
    /** Python type name of the bound object, for repr. */
    readonly owner?: string,
  ) {}
  [PY_REPR](): string {
    return this.owner ? `<built-in method ${this.name} of ${this.owner} object>` : `<built-in function ${this.name}>`;
  }
}

/**
 * Marks a host function as wanting raw engine values (PyFloat boxes and Undefined) instead of
 * unboxed numbers. Keyword arguments still arrive as a trailing `Kwargs`.
 */
export const RAW_ARGS: unique symbol = Symbol('lakeform.jinja.rawArgs');

export const EMPTY_ARGS: unknown[] = Object.freeze([]) as unknown as unknown[];

/** Calls a host function with the documented convention (positional..., Kwargs?). */
export function callNative(fn: Function, thisArg: unknown, args: unknown[], kwargs: KwargsMap | null): unknown {
  let a = args;
  if (!(fn as { [RAW_ARGS]?: boolean })[RAW_ARGS]) {
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (x instanceof PyFloat) {
        if (a === args) a = args.slice();
        a[i] = x.value;
      }
    }
  }
  if (kwargs !== null) {
    if (a === args) a = args.slice();
    const kv: KwargsMap = {};
    for (const k in kwargs) {
      const x = kwargs[k];
      kv[k] = x instanceof PyFloat ? x.value : x;
    }
    a.push(new Kwargs(kv));
  }
  const r: unknown = fn.apply(thisArg, a);
  return r === undefined ? null : r;
}

/** Calls any callable template value. */
export function callValue(fn: unknown, args: unknown[], kwargs: KwargsMap | null, rt: RenderState): unknown {
  if (typeof fn === 'function') return callNative(fn, undefined, args, kwargs);
  if (fn instanceof Macro) return fn.invoke(args, kwargs);
  if (fn instanceof Builtin) return fn.fn(args, kwargs, rt);
  if (fn instanceof LoopContext) return fn.recurse(args);
  if (fn instanceof Undefined) throw undefinedError(fn);
  throw typeError(`'${typeName(fn)}' object is not callable`);
}

export function isCallable(v: unknown): boolean {
  return typeof v === 'function' || v instanceof Macro || v instanceof Builtin || (v instanceof LoopContext && v.recursive);
}

/**
 * The `return` global (dbt semantics): ends the innermost macro call, which then yields the
 * value instead of its rendered text. It is a default global; exported for hosts that want to
 * place it elsewhere (e.g. in a context).
 */
export const returnFunction = new Builtin('return', (args) => {
  throw new ReturnSignal(args.length ? args[0] : null);
});

// ---------------------------------------------------------------------------------------------
// macros

/** Compiled form of a macro definition. */
export interface MacroCode {
  readonly name: string;
  readonly params: readonly string[];
  /** Default value evaluators, evaluated in the macro's frame; null = required. */
  readonly defaults: readonly (((f: Frame) => unknown) | null)[];
  readonly nslots: number;
  readonly varargsSlot: number;
  readonly kwargsSlot: number;
  readonly callerSlot: number;
  readonly body: (f: Frame) => string;
  readonly templateName: string;
  readonly line: number;
}

export class Macro {
  readonly [PY_TYPE] = 'Macro';

  constructor(
    readonly code: MacroCode,
    /** Frame the macro was defined in (its lexical parent scope). */
    readonly closure: Frame,
  ) {}

  get name(): string {
    return this.code.name;
  }

  /** Host entry point: Python-style call with positional and keyword arguments. */
  call(args: unknown[], kwargs: Record<string, unknown> = {}): unknown {
    let hasKw = false;
    for (const _ in kwargs) {
      hasKw = true;
      break;
    }
    return this.invoke(args.slice(), hasKw ? kwargs : null);
  }

  [PY_REPR](): string {
    return `<Macro ${pyRepr(this.code.name)}>`;
  }

  /** Binds arguments like Jinja2's Macro.__call__ and runs the body. */
  invoke(args: unknown[], kwargs: KwargsMap | null): unknown {
    const c = this.code;
    const rt = this.closure.rt;
    const v = newSlots(c.nslots);
    const params = c.params;
    const np = params.length;
    const na = args.length;
    for (let i = 0; i < na && i < np; i++) v[i] = args[i];
    let caller: unknown = MISSING;
    if (kwargs !== null) {
      let extra: KwargsMap | null = null;
      let leftover: string | null = null;
      let leftoverCaller = false;
      for (const k in kwargs) {
        const idx = params.indexOf(k);
        if (idx >= na) {
          v[idx] = kwargs[k];
          continue;
        }
        if (idx === -1 && k === 'caller' && c.callerSlot >= 0) {
          caller = kwargs[k];
          continue;
        }
        if (c.kwargsSlot >= 0) {
          (extra ??= {})[k] = kwargs[k];
        } else {
          leftover ??= k;
          if (k === 'caller') leftoverCaller = true;
        }
      }
      if (leftover !== null) {
        if (leftoverCaller) {
          throw typeError(`macro '${c.name}' was invoked with two values for the special caller argument. This is most likely a bug.`);
        }
        throw typeError(`macro '${c.name}' takes no keyword argument '${leftover}'`);
      }
      if (c.kwargsSlot >= 0) v[c.kwargsSlot] = extra ?? {};
    } else if (c.kwargsSlot >= 0) v[c.kwargsSlot] = {};
    if (c.varargsSlot >= 0) v[c.varargsSlot] = makeTuple(na > np ? args.slice(np) : []);
    else if (na > np) throw typeError(`macro '${c.name}' takes not more than ${np} argument(s)`);
    if (c.callerSlot >= 0) v[c.callerSlot] = caller !== MISSING ? caller : new Undefined('caller', undefined, 'No caller defined');
    const f = new Frame(v, this.closure, rt);
    const savedLine = rt.line;
    try {
      for (let i = 0; i < np; i++) {
        if (v[i] === MISSING) {
          const d = c.defaults[i];
          const name = params[i] as string;
          v[i] = d ? d(f) : new Undefined(name, undefined, `parameter '${name}' was not provided`);
        }
      }
      return c.body(f);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw toRuntimeError(e, c.templateName, rt.line);
    } finally {
      rt.line = savedLine;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// loop

const NOT_SET: unique symbol = Symbol('not-set');

export type LoopRecurse = (iterable: unknown, depth0: number) => string;

/** The `loop` variable. */
export class LoopContext {
  readonly [PY_TYPE] = 'LoopContext';
  index0 = 0;
  private lastChanged: unknown = NOT_SET;

  constructor(
    readonly items: unknown[],
    readonly depth0: number,
    private readonly recurseFn: LoopRecurse | null,
  ) {}

  get recursive(): boolean {
    return this.recurseFn !== null;
  }

  [PY_REPR](): string {
    return `<LoopContext ${this.index0 + 1}/${this.items.length}>`;
  }

  attr(name: string): unknown {
    const n = this.items.length;
    const i = this.index0;
    switch (name) {
      case 'index':
        return i + 1;
      case 'index0':
        return i;
      case 'revindex':
        return n - i;
      case 'revindex0':
        return n - i - 1;
      case 'first':
        return i === 0;
      case 'last':
        return i === n - 1;
      case 'length':
        return n;
      case 'depth':
        return this.depth0 + 1;
      case 'depth0':
        return this.depth0;
      case 'previtem':
        return i > 0 ? this.items[i - 1] : new Undefined('previtem', undefined, 'there is no previous item');
      case 'nextitem':
        return i < n - 1 ? this.items[i + 1] : new Undefined('nextitem', undefined, 'there is no next item');
      case 'cycle':
        return new Builtin('cycle', (a) => this.cycle(a), 'LoopContext');
      case 'changed':
        return new Builtin('changed', (a) => this.changed(a), 'LoopContext');
      default:
        return new Undefined(name, this);
    }
  }

  cycle(args: unknown[]): unknown {
    if (!args.length) throw typeError('no items for cycling given');
    return args[this.index0 % args.length];
  }

  changed(args: unknown[]): boolean {
    const value = makeTuple(args.slice());
    if (this.lastChanged === NOT_SET || !pyEq(this.lastChanged, value)) {
      this.lastChanged = value;
      return true;
    }
    return false;
  }

  recurse(args: unknown[]): string {
    if (!this.recurseFn) throw typeError("Tried to call non recursive loop. Maybe you forgot the 'recursive' modifier.");
    return this.recurseFn(args[0], this.depth0 + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// namespace, cycler, joiner

export class Namespace {
  readonly [PY_TYPE] = 'Namespace';
  constructor(readonly attrs: Record<string, unknown>) {}
  [PY_REPR](): string {
    return `<Namespace ${pyRepr(this.attrs)}>`;
  }
}

export function makeNamespace(args: unknown[], kwargs: KwargsMap | null): Namespace {
  const attrs: Record<string, unknown> = {};
  for (const a of args) {
    if (isDict(a)) Object.assign(attrs, a);
    else for (const pair of iterate(a)) {
      const kv = iterate(pair);
      attrs[String(kv[0])] = kv[1];
    }
  }
  if (kwargs) Object.assign(attrs, kwargs);
  return new Namespace(attrs);
}

/** `cycler(...)`: reached like a host object, so its JS methods are its Python methods. */
export class Cycler {
  readonly [PY_TYPE] = 'Cycler';
  private pos = 0;
  constructor(private readonly items: unknown[]) {}
  get current(): unknown {
    return this.items[this.pos];
  }
  next(): unknown {
    const v = this.items[this.pos];
    this.pos = (this.pos + 1) % this.items.length;
    return v;
  }
  reset(): void {
    this.pos = 0;
  }
  [PY_REPR](): string {
    return '<Cycler>';
  }
}

export function makeJoiner(sep: unknown): Builtin {
  let used = false;
  return new Builtin('joiner', () => {
    if (!used) {
      used = true;
      return '';
    }
    return sep;
  });
}
