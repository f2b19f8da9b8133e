/**
 * What dbt's static parser does: learn a model's ref(), source() and config() calls from the
 * template itself, without rendering it. Only for templates where that is provably the same as
 * rendering: every free name is one of those three (or a harmless builtin), each is only ever
 * called, and every argument is a literal. Anything else returns undefined and the template is
 * rendered as usual.
 */
import type { Expr, Stmt, Target } from './ast.js';
import { unboxDeep } from './values.js';

export interface StaticCalls {
  refs: { args: unknown[]; kwargs: Record<string, unknown> }[];
  sources: { args: unknown[]; kwargs: Record<string, unknown> }[];
  configs: { args: unknown[]; kwargs: Record<string, unknown> }[];
}

const CAPTURED = new Set(['ref', 'source', 'config']);
const HARMLESS = new Set(['range', 'dict', 'namespace', 'cycler', 'joiner', 'loop', 'true', 'false', 'none', 'True', 'False', 'None']);

class NotStatic extends Error {}

function targets(t: Target, out: Set<string>): void {
  if (t.k === 'name') out.add(t.name);
  else if (t.k === 'tuple') for (const i of t.items) targets(i, out);
}

function stores(stmts: Stmt[], out: Set<string>): void {
  for (const s of stmts) {
    switch (s.k) {
      case 'set':
      case 'setblock':
        targets(s.target, out);
        if (s.k === 'setblock') stores(s.body, out);
        break;
      case 'for':
        targets(s.target, out);
        stores(s.body, out);
        stores(s.else, out);
        break;
      case 'if':
        for (const b of s.branches) stores(b.body, out);
        stores(s.else, out);
        break;
      case 'macro':
        out.add(s.name);
        for (const p of s.params) out.add(p.name);
        out.add('varargs').add('kwargs');
        stores(s.body, out);
        break;
      case 'with':
        for (const t of s.targets) targets(t, out);
        stores(s.body, out);
        break;
      case 'filterblock':
        stores(s.body, out);
        break;
      default:
        break;
    }
  }
}

function literal(e: Expr): unknown {
  switch (e.k) {
    case 'const':
      return unboxDeep(e.value);
    case 'list':
    case 'tuple':
      return e.items.map(literal);
    case 'dict': {
      const o: Record<string, unknown> = {};
      e.keys.forEach((k, i) => {
        const key = literal(k);
        if (typeof key !== 'string') throw new NotStatic();
        o[key] = literal(e.values[i]!);
      });
      return o;
    }
    default:
      throw new NotStatic();
  }
}

export function staticCalls(stmts: Stmt[]): StaticCalls | undefined {
  const local = new Set<string>();
  stores(stmts, local);
  for (const n of CAPTURED) if (local.has(n)) return undefined;
  const found: StaticCalls = { refs: [], sources: [], configs: [] };

  const expr = (e: Expr | null): void => {
    if (!e) return;
    switch (e.k) {
      case 'const':
        return;
      case 'name':
        if (CAPTURED.has(e.name)) throw new NotStatic();
        if (!local.has(e.name) && !HARMLESS.has(e.name)) throw new NotStatic();
        return;
      case 'call': {
        if (e.callee.k === 'name' && CAPTURED.has(e.callee.name)) {
          if (e.dynArgs || e.dynKwargs) throw new NotStatic();
          const call = { args: e.args.map(literal), kwargs: Object.fromEntries(e.kwargs.map((k) => [k.name, literal(k.value)])) };
          (e.callee.name === 'ref' ? found.refs : e.callee.name === 'source' ? found.sources : found.configs).push(call);
          return;
        }
        expr(e.callee);
        e.args.forEach(expr);
        e.kwargs.forEach((k) => expr(k.value));
        expr(e.dynArgs);
        expr(e.dynKwargs);
        return;
      }
      case 'filter':
      case 'test':
        expr(e.node);
        e.args.forEach(expr);
        e.kwargs.forEach((k) => expr(k.value));
        expr(e.dynArgs);
        expr(e.dynKwargs);
        return;
      case 'list':
      case 'tuple':
      case 'concat':
        e.items.forEach(expr);
        return;
      case 'dict':
        e.keys.forEach(expr);
        e.values.forEach(expr);
        return;
      case 'getattr':
        expr(e.obj);
        return;
      case 'getitem':
        expr(e.obj);
        expr(e.key);
        return;
      case 'slice':
        expr(e.start);
        expr(e.stop);
        expr(e.step);
        return;
      case 'cond':
        expr(e.test);
        expr(e.then);
        expr(e.else);
        return;
      case 'bin':
      case 'and':
      case 'or':
        expr(e.left);
        expr(e.right);
        return;
      case 'not':
      case 'neg':
      case 'pos':
        expr(e.node);
        return;
      case 'compare':
        expr(e.first);
        e.ops.forEach((o) => expr(o.expr));
        return;
    }
  };

  const body = (list: Stmt[]): void => {
    for (const s of list) {
      switch (s.k) {
        case 'output':
          for (const p of s.parts) if (typeof p !== 'string') expr(p);
          break;
        case 'if':
          for (const b of s.branches) {
            expr(b.test);
            body(b.body);
          }
          body(s.else);
          break;
        case 'for':
          expr(s.iter);
          expr(s.test);
          body(s.body);
          body(s.else);
          break;
        case 'set':
          expr(s.value);
          break;
        case 'setblock':
          expr(s.filter);
          body(s.body);
          break;
        case 'macro':
          for (const p of s.params) expr(p.default);
          body(s.body);
          break;
        case 'filterblock':
          expr(s.filter);
          body(s.body);
          break;
        case 'with':
          s.values.forEach(expr);
          body(s.body);
          break;
        case 'do':
          expr(s.expr);
          break;
        case 'break':
        case 'continue':
        case 'docs':
          break;
        default:
          // call blocks, snapshots: rendering decides.
          throw new NotStatic();
      }
    }
  };

  try {
    body(stmts);
  } catch (e) {
    if (e instanceof NotStatic) return undefined;
    throw e;
  }
  return found;
}
