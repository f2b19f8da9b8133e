/**
 * Compiles the AST into a tree of JS closures. Closures (rather than generated source via
 * `new Function`) because a dbt project renders thousands of distinct small templates once
 * or twice each: closure code is shared by all templates and gets optimized by V8 after a
 * few renders, while generated code would be parsed and run cold for every template.
 *
 * Scoping follows Jinja2: the template root, each macro (and call-block body), each for-loop
 * iteration, and the bodies of with / filter / set-block / for-else open a scope; `if` does
 * not. Every scope's variables get fixed slots at compile time, and a name reference is
 * compiled to the list of (depth, slot) places that may hold it, innermost first, followed by
 * the context lookup (ctx → resolve → globals). A slot holds MISSING until assigned, so a
 * conditional `set` falls through to outer scopes exactly like Jinja2's resolution.
 */
import { callMethod, getattr, getattrKey, getitem, sliceValue } from './access.js';
import { Scope, capturesFrame, collectStores, declareTarget, hasLoopControl, loadedNames } from './analysis.js';
import type { CallArgs, CmpOp, Expr, Param, Stmt, Target } from './ast.js';
import { JinjaSyntaxError, PyError, typeError, valueError } from './errors.js';
import { DICT_METHODS } from './methods.js';
import { add, concat, contains, div, floordiv, ge, gt, le, lt, mod, mul, neg, pos, pow, sub } from './ops.js';
import {
  BREAK,
  CONTINUE,
  EMPTY_ARGS,
  type EnvRuntime,
  type FilterImpl,
  Frame,
  type KwargsMap,
  LoopContext,
  MISSING,
  Macro,
  type MacroCode,
  Namespace,
  type RenderState,
  type TestImpl,
  callValue,
  lookupContext,
  lookupContextSafe,
  newSlots,
} from './runtime.js';
import {
  Undefined,
  dictKey,
  isDict,
  isIterable,
  iterate,
  makeTuple,
  pyEq,
  pyStr,
  truthy,
  typeName,
} from './values.js';

type Ev = (f: Frame) => unknown;
type Ex = (f: Frame) => string;

const EMPTY_EX: Ex = () => '';
const PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

function str(v: unknown): string {
  return typeof v === 'string' ? v : pyStr(v);
}

export interface CompiledMacro {
  readonly code: MacroCode;
  /** Slot of the macro's name in the root scope. */
  readonly slot: number;
  /** Source text of the whole block, tags included. */
  readonly source: string;
}

export interface CompiledTemplate {
  readonly root: Ex;
  readonly nslots: number;
  readonly macros: CompiledMacro[];
  /** True when the top level has statements besides macro definitions and text. */
  readonly needsRun: boolean;
  readonly docs: { name: string; content: string; line: number }[];
  readonly snapshots: { name: string; body: CompiledTemplate; line: number; source: string }[];
}

// ---------------------------------------------------------------------------------------------
// runtime helpers used by compiled closures

function unpack(v: unknown, n: number): unknown[] {
  if (!isIterable(v)) throw typeError(`cannot unpack non-iterable ${typeName(v)} object`);
  const items = iterate(v);
  if (items.length < n) throw valueError(`not enough values to unpack (expected ${n}, got ${items.length})`);
  if (items.length > n) throw valueError(`too many values to unpack (expected ${n})`);
  return items;
}

function getFilter(rt: RenderState, name: string): FilterImpl {
  const f = rt.env.getFilter(name);
  if (!f) throw new PyError('TemplateRuntimeError', `No filter named '${name}' found.`);
  return f;
}

function getTest(rt: RenderState, name: string): TestImpl {
  const t = rt.env.getTest(name);
  if (!t) throw new PyError('TemplateRuntimeError', `No test named '${name}' found.`);
  return t;
}

function seq(parts: Ex[], checkCtl: boolean): Ex {
  const n = parts.length;
  if (n === 0) return EMPTY_EX;
  if (n === 1) return parts[0] as Ex;
  if (checkCtl) {
    return (f) => {
      let s = '';
      for (let i = 0; i < n; i++) {
        s += (parts[i] as Ex)(f);
        if (f.rt.ctl !== 0) break;
      }
      return s;
    };
  }
  if (n === 2) {
    const a = parts[0] as Ex;
    const b = parts[1] as Ex;
    return (f) => a(f) + b(f);
  }
  if (n === 3) {
    const a = parts[0] as Ex;
    const b = parts[1] as Ex;
    const c = parts[2] as Ex;
    return (f) => a(f) + b(f) + c(f);
  }
  return (f) => {
    let s = '';
    for (let i = 0; i < n; i++) s += (parts[i] as Ex)(f);
    return s;
  };
}

type Assign = (fr: Frame, v: unknown) => void;

// ---------------------------------------------------------------------------------------------
// compiler

export class Compiler {
  /** Number of enclosing for loops within the current macro body (for break/continue). */
  private loopDepth = 0;

  constructor(
    private readonly env: EnvRuntime,
    private readonly templateName: string,
  ) {}

  private fail(message: string, line: number, col = 1): never {
    throw new JinjaSyntaxError(message, this.templateName, line, col);
  }

  /** `source` is the normalized template source the AST was parsed from. */
  compileTemplate(stmts: Stmt[], source: string): CompiledTemplate {
    const text = (span: [number, number] | null): string => (span ? source.slice(span[0], span[1]) : '');
    const sc = new Scope(null);
    collectStores(stmts, sc);
    const docs: CompiledTemplate['docs'] = [];
    const snapshots: CompiledTemplate['snapshots'] = [];
    const macros: CompiledMacro[] = [];
    let needsRun = false;
    const parts: Ex[] = [];
    for (const s of stmts) {
      if (s.k === 'docs') {
        docs.push({ name: s.name, content: s.content, line: s.line });
        continue;
      }
      if (s.k === 'snapshot') {
        const body = new Compiler(this.env, this.templateName).compileTemplate(s.body, source);
        snapshots.push({ name: s.name, body, line: s.line, source: text(s.span) });
        continue;
      }
      if (s.k === 'macro') {
        const code = this.macroCode(s.name, s.params, s.body, s.line, sc);
        const slot = sc.declare(s.name);
        macros.push({ code, slot, source: text(s.span) });
        parts.push((f) => {
          f.v[slot] = new Macro(code, f);
          return '';
        });
        continue;
      }
      if (!(s.k === 'output' && s.parts.every((p) => typeof p === 'string'))) needsRun = true;
      parts.push(this.stmt(s, sc));
    }
    return { root: seq(parts, false), nslots: sc.size, macros, needsRun, docs, snapshots };
  }

  private block(stmts: Stmt[], sc: Scope): Ex {
    const parts: Ex[] = [];
    for (const s of stmts) parts.push(this.stmt(s, sc));
    return seq(parts, hasLoopControl(stmts));
  }

  // -------------------------------------------------------------------------------------------
  // statements

  private stmt(s: Stmt, sc: Scope): Ex {
    switch (s.k) {
      case 'output':
        return this.output(s.parts, sc);
      case 'if':
        return this.ifStmt(s, sc);
      case 'for':
        return this.forStmt(s, sc);
      case 'set': {
        const value = this.expr(s.value, sc);
        const assign = this.assigner(s.target, sc);
        const line = s.line;
        return (f) => {
          f.rt.line = line;
          assign(f, value(f));
          return '';
        };
      }
      case 'setblock':
        return this.setBlock(s, sc);
      case 'macro': {
        const code = this.macroCode(s.name, s.params, s.body, s.line, sc);
        const slot = sc.declare(s.name);
        return (f) => {
          f.v[slot] = new Macro(code, f);
          return '';
        };
      }
      case 'callblock': {
        const code = this.macroCode('caller', s.params, s.body, s.line, sc);
        const call = this.call(s.call, sc, (f) => new Macro(code, f));
        const line = s.line;
        return (f) => {
          f.rt.line = line;
          return str(call(f));
        };
      }
      case 'filterblock': {
        const bsc = new Scope(sc);
        const input = bsc.declare('#input');
        collectStores(s.body, bsc);
        const body = this.block(s.body, bsc);
        const filter = this.expr(s.filter, bsc, (f) => f.v[input]);
        const n = bsc.size;
        const line = s.line;
        return (f) => {
          const fr = new Frame(newSlots(n), f, f.rt);
          fr.v[input] = body(fr);
          f.rt.line = line;
          return str(filter(fr));
        };
      }
      case 'with': {
        const values = s.values.map((v) => this.expr(v, sc));
        const wsc = new Scope(sc);
        for (const t of s.targets) declareTarget(t, wsc);
        const assigns = s.targets.map((t) => this.assigner(t, wsc));
        collectStores(s.body, wsc);
        const body = this.block(s.body, wsc);
        const line = s.line;
        const n = wsc.size;
        return (f) => {
          f.rt.line = line;
          const vals = values.map((v) => v(f));
          const fr = new Frame(newSlots(n), f, f.rt);
          for (let i = 0; i < assigns.length; i++) (assigns[i] as Assign)(fr, vals[i]);
          return body(fr);
        };
      }
      case 'do': {
        const e = this.expr(s.expr, sc);
        const line = s.line;
        return (f) => {
          f.rt.line = line;
          e(f);
          return '';
        };
      }
      case 'break':
      case 'continue': {
        if (this.loopDepth === 0) this.fail(`'${s.k}' outside loop`, s.line, s.col);
        const flag = s.k === 'break' ? BREAK : CONTINUE;
        return (f) => {
          f.rt.ctl = flag;
          return '';
        };
      }
      case 'docs':
        return EMPTY_EX;
      case 'snapshot': {
        // Only top-level snapshots are reported; nested ones still parse and render nothing.
        return EMPTY_EX;
      }
    }
  }

  private output(parts: (string | Expr)[], sc: Scope): Ex {
    const consts: string[] = [''];
    const evs: Ev[] = [];
    const lines: number[] = [];
    for (const p of parts) {
      if (typeof p === 'string' || p.k === 'const') {
        consts[consts.length - 1] += typeof p === 'string' ? p : str(p.value);
      } else {
        evs.push(this.expr(p, sc));
        lines.push(p.line);
        consts.push('');
      }
    }
    const k = evs.length;
    if (k === 0) {
      const s = consts[0] as string;
      return () => s;
    }
    if (k === 1) {
      const e = evs[0] as Ev;
      const l = lines[0] as number;
      const c0 = consts[0] as string;
      const c1 = consts[1] as string;
      if (c0 === '' && c1 === '') {
        return (f) => {
          f.rt.line = l;
          const v = e(f);
          return typeof v === 'string' ? v : pyStr(v);
        };
      }
      return (f) => {
        f.rt.line = l;
        const v = e(f);
        return c0 + (typeof v === 'string' ? v : pyStr(v)) + c1;
      };
    }
    return (f) => {
      let s = consts[0] as string;
      for (let i = 0; i < k; i++) {
        f.rt.line = lines[i] as number;
        const v = (evs[i] as Ev)(f);
        s += (typeof v === 'string' ? v : pyStr(v)) + (consts[i + 1] as string);
      }
      return s;
    };
  }

  private ifStmt(s: Extract<Stmt, { k: 'if' }>, sc: Scope): Ex {
    const tests = s.branches.map((b) => this.expr(b.test, sc));
    const bodies = s.branches.map((b) => this.block(b.body, sc));
    const elseBody = s.else.length ? this.block(s.else, sc) : EMPTY_EX;
    const line = s.line;
    if (tests.length === 1) {
      const t = tests[0] as Ev;
      const b = bodies[0] as Ex;
      return (f) => {
        f.rt.line = line;
        const v = t(f);
        return v === true || (v !== false && truthy(v)) ? b(f) : elseBody(f);
      };
    }
    const n = tests.length;
    return (f) => {
      f.rt.line = line;
      for (let i = 0; i < n; i++) {
        if (truthy((tests[i] as Ev)(f))) return (bodies[i] as Ex)(f);
      }
      return elseBody(f);
    };
  }

  private forStmt(s: Extract<Stmt, { k: 'for' }>, sc: Scope): Ex {
    const iterEv = this.expr(s.iter, sc);
    const lsc = new Scope(sc);
    declareTarget(s.target, lsc);
    const usesLoop = s.recursive || loadedNames(s.body, new Set()).has('loop');
    const loopSlot = usesLoop ? lsc.declare('loop') : -1;
    const fixedSlots = lsc.size;
    collectStores(s.body, lsc);
    const assign = this.assigner(s.target, lsc);
    const testEv = s.test ? this.expr(s.test, lsc) : null;
    this.loopDepth++;
    const body = this.block(s.body, lsc);
    this.loopDepth--;
    const esc = new Scope(sc);
    collectStores(s.else, esc);
    const elseBody = s.else.length ? this.block(s.else, esc) : null;
    const checkCtl = hasLoopControl(s.body);
    const reuse = !capturesFrame(s.body);
    // Sizes are read here, not in the closures, so compiled code does not keep Scopes alive.
    const n = lsc.size;
    const elseSlots = esc.size;
    const recursive = s.recursive;
    const line = s.line;

    const run = (f: Frame, iterable: unknown, depth0: number): string => {
      const rt = f.rt;
      let items = iterate(iterable);
      if (testEv) {
        const tf = new Frame(newSlots(n), f, rt);
        const kept: unknown[] = [];
        for (const it of items) {
          assign(tf, it);
          if (truthy(testEv(tf))) kept.push(it);
        }
        items = kept;
      }
      const count = items.length;
      if (count === 0) return elseBody ? elseBody(new Frame(newSlots(elseSlots), f, rt)) : '';
      const lc = usesLoop ? new LoopContext(items, depth0, recursive ? (it, d) => run(f, it, d) : null) : null;
      let fr = new Frame(newSlots(n), f, rt);
      let out = '';
      for (let i = 0; i < count; i++) {
        if (i > 0) {
          if (!reuse) fr = new Frame(newSlots(n), f, rt);
          else for (let j = fixedSlots; j < n; j++) fr.v[j] = MISSING;
        }
        assign(fr, items[i]);
        if (lc !== null) {
          lc.index0 = i;
          fr.v[loopSlot] = lc;
        }
        out += body(fr);
        if (checkCtl && rt.ctl !== 0) {
          const c = rt.ctl;
          rt.ctl = 0;
          if (c === BREAK) break;
        }
      }
      return out;
    };
    return (f) => {
      f.rt.line = line;
      return run(f, iterEv(f), 0);
    };
  }

  private setBlock(s: Extract<Stmt, { k: 'setblock' }>, sc: Scope): Ex {
    const bsc = new Scope(sc);
    const input = bsc.declare('#input');
    collectStores(s.body, bsc);
    const body = this.block(s.body, bsc);
    const filter = s.filter ? this.expr(s.filter, bsc, (f) => f.v[input]) : null;
    const assign = this.assigner(s.target, sc);
    const line = s.line;
    const n = bsc.size;
    return (f) => {
      const fr = new Frame(newSlots(n), f, f.rt);
      let v: unknown = body(fr);
      f.rt.line = line;
      if (filter) {
        fr.v[input] = v;
        v = filter(fr);
      }
      assign(f, v);
      return '';
    };
  }

  private macroCode(name: string, params: Param[], body: Stmt[], line: number, sc: Scope): MacroCode {
    const msc = new Scope(sc);
    const paramNames = params.map((p) => p.name);
    for (const p of paramNames) msc.declare(p);
    const used = loadedNames(body, new Set());
    if (used.has('caller') && params.some((p) => p.name === 'caller' && !p.default)) {
      this.fail('When defining macros or call blocks the special "caller" argument must be omitted or be given a default.', line);
    }
    const special = (n: string): number => (used.has(n) && !paramNames.includes(n) ? msc.declare(n) : -1);
    const varargsSlot = special('varargs');
    const kwargsSlot = special('kwargs');
    const callerSlot = special('caller');
    collectStores(body, msc);
    const defaults = params.map((p) => (p.default ? this.expr(p.default, msc) : null));
    const savedDepth = this.loopDepth;
    this.loopDepth = 0;
    const bodyEx = this.block(body, msc);
    this.loopDepth = savedDepth;
    return {
      name,
      params: paramNames,
      defaults,
      nslots: msc.size,
      varargsSlot,
      kwargsSlot,
      callerSlot,
      body: bodyEx,
      templateName: this.templateName,
      line,
    };
  }

  private assigner(t: Target, sc: Scope): Assign {
    switch (t.k) {
      case 'name': {
        const slot = sc.declare(t.name);
        return (fr, v) => {
          fr.v[slot] = v;
        };
      }
      case 'tuple': {
        const subs = t.items.map((i) => this.assigner(i, sc));
        const n = subs.length;
        return (fr, v) => {
          const items = unpack(v, n);
          for (let i = 0; i < n; i++) (subs[i] as Assign)(fr, items[i]);
        };
      }
      case 'nsref': {
        const load = this.name(t.name, sc);
        const attr = t.attr;
        return (fr, v) => {
          const ns = load(fr);
          if (!(ns instanceof Namespace)) throw new PyError('TemplateRuntimeError', 'cannot assign attribute on non-namespace object');
          ns.attrs[attr] = v;
        };
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // expressions

  private name(name: string, sc: Scope): Ev {
    const cands: [number, number][] = [];
    let depth = 0;
    for (let s: Scope | null = sc; s; s = s.parent, depth++) {
      const slot = s.slots.get(name);
      if (slot !== undefined) cands.push([depth, slot]);
    }
    const ctxLookup = PROTO_NAMES.has(name) ? lookupContextSafe : lookupContext;
    if (cands.length === 0) return (f) => ctxLookup(f.rt, name);
    if (cands.length === 1) {
      const [d, s] = cands[0] as [number, number];
      if (d === 0) {
        return (f) => {
          const v = f.v[s];
          return v !== MISSING ? v : ctxLookup(f.rt, name);
        };
      }
      if (d === 1) {
        return (f) => {
          const v = (f.p as Frame).v[s];
          return v !== MISSING ? v : ctxLookup(f.rt, name);
        };
      }
    }
    return (f) => {
      let fr = f;
      let at = 0;
      for (const [d, s] of cands) {
        while (at < d) {
          fr = fr.p as Frame;
          at++;
        }
        const v = fr.v[s];
        if (v !== MISSING) return v;
      }
      return ctxLookup(f.rt, name);
    };
  }

  /** `input` supplies the value for filter nodes without an operand (filter blocks). */
  private expr(e: Expr, sc: Scope, input?: Ev): Ev {
    switch (e.k) {
      case 'const': {
        const v = e.value;
        return () => v;
      }
      case 'name':
        return this.name(e.name, sc);
      case 'list': {
        const items = e.items.map((i) => this.expr(i, sc, input));
        const n = items.length;
        if (n === 0) return () => [];
        return (f) => {
          const out = new Array<unknown>(n);
          for (let i = 0; i < n; i++) out[i] = (items[i] as Ev)(f);
          return out;
        };
      }
      case 'tuple': {
        const items = e.items.map((i) => this.expr(i, sc, input));
        const n = items.length;
        return (f) => {
          const out = new Array<unknown>(n);
          for (let i = 0; i < n; i++) out[i] = (items[i] as Ev)(f);
          return makeTuple(out);
        };
      }
      case 'dict': {
        const keys = e.keys.map((k) => this.expr(k, sc, input));
        const values = e.values.map((v) => this.expr(v, sc, input));
        const constKeys = e.keys.every((k) => k.k === 'const' && typeof k.value === 'string')
          ? e.keys.map((k) => (k as { value: string }).value)
          : null;
        const n = keys.length;
        if (constKeys) {
          return (f) => {
            const o: Record<string, unknown> = {};
            for (let i = 0; i < n; i++) o[constKeys[i] as string] = (values[i] as Ev)(f);
            return o;
          };
        }
        return (f) => {
          const o: Record<string, unknown> = {};
          for (let i = 0; i < n; i++) o[dictKey((keys[i] as Ev)(f))] = (values[i] as Ev)(f);
          return o;
        };
      }
      case 'getattr': {
        const obj = this.expr(e.obj, sc, input);
        const name = e.attr;
        if (DICT_METHODS[name] === undefined) return (f) => getattrKey(obj(f), name, f.rt.chainable);
        return (f) => getattr(obj(f), name, f.rt.chainable);
      }
      case 'getitem': {
        const obj = this.expr(e.obj, sc, input);
        const key = e.key;
        if (key.k === 'slice') {
          const a = key.start ? this.expr(key.start, sc, input) : null;
          const b = key.stop ? this.expr(key.stop, sc, input) : null;
          const c = key.step ? this.expr(key.step, sc, input) : null;
          return (f) => sliceValue(obj(f), a ? a(f) : null, b ? b(f) : null, c ? c(f) : null, f.rt.chainable);
        }
        const k = this.expr(key, sc, input);
        return (f) => getitem(obj(f), k(f), f.rt.chainable);
      }
      case 'slice':
        return this.fail('slice outside of a subscript', e.line);
      case 'call':
        return this.call(e, sc, null, input);
      case 'filter':
        return this.filter(e, sc, input);
      case 'test':
        return this.test(e, sc, input);
      case 'cond': {
        const test = this.expr(e.test, sc, input);
        const then = this.expr(e.then, sc, input);
        const other = e.else ? this.expr(e.else, sc, input) : null;
        const hint = `the inline if-expression on line ${e.line} evaluated to false and no else section was defined.`;
        return (f) => (truthy(test(f)) ? then(f) : other ? other(f) : new Undefined(undefined, undefined, hint));
      }
      case 'bin': {
        const l = this.expr(e.left, sc, input);
        const r = this.expr(e.right, sc, input);
        const op = { '+': add, '-': sub, '*': mul, '/': div, '//': floordiv, '%': mod, '**': pow }[e.op];
        return (f) => op(l(f), r(f));
      }
      case 'concat': {
        const items = e.items.map((i) => this.expr(i, sc, input));
        if (items.length === 2) {
          const a = items[0] as Ev;
          const b = items[1] as Ev;
          return (f) => concat(a(f), b(f));
        }
        return (f) => {
          let s = '';
          for (const i of items) s += str(i(f));
          return s;
        };
      }
      case 'and': {
        const l = this.expr(e.left, sc, input);
        const r = this.expr(e.right, sc, input);
        return (f) => {
          const v = l(f);
          return truthy(v) ? r(f) : v;
        };
      }
      case 'or': {
        const l = this.expr(e.left, sc, input);
        const r = this.expr(e.right, sc, input);
        return (f) => {
          const v = l(f);
          return truthy(v) ? v : r(f);
        };
      }
      case 'not': {
        const n = this.expr(e.node, sc, input);
        return (f) => !truthy(n(f));
      }
      case 'neg': {
        const n = this.expr(e.node, sc, input);
        return (f) => neg(n(f));
      }
      case 'pos': {
        const n = this.expr(e.node, sc, input);
        return (f) => pos(n(f));
      }
      case 'compare':
        return this.compare(e, sc, input);
    }
  }

  private compare(e: Extract<Expr, { k: 'compare' }>, sc: Scope, input?: Ev): Ev {
    const first = this.expr(e.first, sc, input);
    const ops = e.ops.map((o) => ({ fn: cmpFn(o.op), ev: this.expr(o.expr, sc, input) }));
    if (ops.length === 1) {
      const { fn, ev } = ops[0] as { fn: (a: unknown, b: unknown) => boolean; ev: Ev };
      return (f) => fn(first(f), ev(f));
    }
    return (f) => {
      let a = first(f);
      for (const o of ops) {
        const b = o.ev(f);
        if (!o.fn(a, b)) return false;
        a = b;
      }
      return true;
    };
  }

  /** Positional arguments evaluator (fresh array, or the shared empty one). */
  private argsEv(c: CallArgs, sc: Scope, input?: Ev): (f: Frame) => unknown[] {
    const evs = c.args.map((a) => this.expr(a, sc, input));
    const dyn = c.dynArgs ? this.expr(c.dynArgs, sc, input) : null;
    const n = evs.length;
    let base: (f: Frame) => unknown[];
    if (n === 0) base = () => EMPTY_ARGS;
    else if (n === 1) {
      const a = evs[0] as Ev;
      base = (f) => [a(f)];
    } else if (n === 2) {
      const a = evs[0] as Ev;
      const b = evs[1] as Ev;
      base = (f) => [a(f), b(f)];
    } else {
      base = (f) => {
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) out[i] = (evs[i] as Ev)(f);
        return out;
      };
    }
    if (!dyn) return base;
    return (f) => {
      const out = base(f).slice();
      for (const x of iterate(dyn(f))) out.push(x);
      return out;
    };
  }

  /** Keyword arguments evaluator, or null when the call site has none. */
  private kwargsEv(c: CallArgs, sc: Scope, extra: [string, Ev] | null, input?: Ev): ((f: Frame) => KwargsMap | null) | null {
    const names = c.kwargs.map((k) => k.name);
    const evs = c.kwargs.map((k) => this.expr(k.value, sc, input));
    const dyn = c.dynKwargs ? this.expr(c.dynKwargs, sc, input) : null;
    if (extra) {
      names.push(extra[0]);
      evs.push(extra[1]);
    }
    if (!names.length && !dyn) return null;
    const n = names.length;
    return (f) => {
      const kw: KwargsMap = {};
      let any = n > 0;
      for (let i = 0; i < n; i++) kw[names[i] as string] = (evs[i] as Ev)(f);
      if (dyn) {
        const d = dyn(f);
        if (d instanceof Undefined) {
          // Jinja2 treats **undefined as an empty mapping
        } else if (!isDict(d)) throw typeError(`argument after ** must be a mapping, not ${typeName(d)}`);
        else
          for (const k in d) {
            if (Object.prototype.hasOwnProperty.call(kw, k)) throw typeError(`got multiple values for keyword argument '${k}'`);
            kw[k] = d[k];
            any = true;
          }
      }
      return any ? kw : null;
    };
  }

  private call(e: Extract<Expr, { k: 'call' }>, sc: Scope, caller: Ev | null, input?: Ev): Ev {
    const args = this.argsEv(e, sc, input);
    const kwargs = this.kwargsEv(e, sc, caller ? ['caller', caller] : null, input);
    const callee = e.callee;
    if (callee.k === 'getattr') {
      const obj = this.expr(callee.obj, sc, input);
      const name = callee.attr;
      if (!kwargs) return (f) => callMethod(obj(f), name, args(f), null, f.rt);
      return (f) => {
        const o = obj(f);
        const a = args(f);
        return callMethod(o, name, a, kwargs(f), f.rt);
      };
    }
    const fn = this.expr(callee, sc, input);
    if (!kwargs) return (f) => callValue(fn(f), args(f), null, f.rt);
    return (f) => {
      const c = fn(f);
      const a = args(f);
      return callValue(c, a, kwargs(f), f.rt);
    };
  }

  private filter(e: Extract<Expr, { k: 'filter' }>, sc: Scope, input?: Ev): Ev {
    const operand: Ev = e.node ? this.expr(e.node, sc, input) : (input ?? (() => new Undefined()));
    const args = this.argsEv(e, sc, input);
    const kwargs = this.kwargsEv(e, sc, null, input);
    const name = e.name;
    let impl: FilterImpl | undefined;
    if (!kwargs) {
      return (f) => {
        const v = operand(f);
        const fi = impl ?? (impl = getFilter(f.rt, name));
        return fi(f.rt, v, args(f), null);
      };
    }
    return (f) => {
      const v = operand(f);
      const fi = impl ?? (impl = getFilter(f.rt, name));
      const a = args(f);
      return fi(f.rt, v, a, kwargs(f));
    };
  }

  private test(e: Extract<Expr, { k: 'test' }>, sc: Scope, input?: Ev): Ev {
    const operand = this.expr(e.node, sc, input);
    const args = this.argsEv(e, sc, input);
    const kwargs = this.kwargsEv(e, sc, null, input);
    const name = e.name;
    let impl: TestImpl | undefined;
    return (f) => {
      const v = operand(f);
      const ti = impl ?? (impl = getTest(f.rt, name));
      const a = args(f);
      return ti(f.rt, v, a, kwargs ? kwargs(f) : null);
    };
  }
}

function cmpFn(op: CmpOp): (a: unknown, b: unknown) => boolean {
  switch (op) {
    case '==':
      return pyEq;
    case '!=':
      return (a, b) => !pyEq(a, b);
    case '<':
      return lt;
    case '<=':
      return le;
    case '>':
      return gt;
    case '>=':
      return ge;
    case 'in':
      return (a, b) => contains(b, a);
    case 'notin':
      return (a, b) => !contains(b, a);
  }
}
