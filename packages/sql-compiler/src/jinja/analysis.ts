/**
 * Static analysis for the compiler: the per-scope slot tables and the questions the compiler
 * asks about statement lists (what they assign, whether break/continue can escape them,
 * whether they capture their frame, which names they read).
 */
import type { CallArgs, Expr, Stmt, Target } from './ast.js';

/** Variables of one runtime scope, each with a fixed slot index. */
export class Scope {
  readonly slots = new Map<string, number>();
  constructor(readonly parent: Scope | null) {}
  declare(name: string): number {
    let s = this.slots.get(name);
    if (s === undefined) {
      s = this.slots.size;
      this.slots.set(name, s);
    }
    return s;
  }
  get size(): number {
    return this.slots.size;
  }
}

export function declareTarget(t: Target, sc: Scope): void {
  if (t.k === 'name') sc.declare(t.name);
  else if (t.k === 'tuple') for (const i of t.items) declareTarget(i, sc);
}

/** Declares the names a statement list assigns in its own scope (not in nested scopes). */
export function collectStores(stmts: Stmt[], sc: Scope): void {
  for (const s of stmts) {
    switch (s.k) {
      case 'set':
      case 'setblock':
        declareTarget(s.target, sc);
        break;
      case 'macro':
        sc.declare(s.name);
        break;
      case 'if':
        for (const b of s.branches) collectStores(b.body, sc);
        collectStores(s.else, sc);
        break;
    }
  }
}

/** Whether break/continue inside `stmts` can reach the enclosing loop. */
export function hasLoopControl(stmts: Stmt[]): boolean {
  for (const s of stmts) {
    switch (s.k) {
      case 'break':
      case 'continue':
        return true;
      case 'if':
        if (s.branches.some((b) => hasLoopControl(b.body)) || hasLoopControl(s.else)) return true;
        break;
      case 'with':
      case 'filterblock':
      case 'setblock':
        if (hasLoopControl(s.body)) return true;
        break;
      case 'for':
        if (hasLoopControl(s.else)) return true;
        break;
    }
  }
  return false;
}

/** Whether `stmts` define macros or call blocks (which capture the current frame). */
export function capturesFrame(stmts: Stmt[]): boolean {
  for (const s of stmts) {
    switch (s.k) {
      case 'macro':
      case 'callblock':
        return true;
      case 'if':
        if (s.branches.some((b) => capturesFrame(b.body)) || capturesFrame(s.else)) return true;
        break;
      case 'for':
        if (capturesFrame(s.body) || capturesFrame(s.else)) return true;
        break;
      case 'with':
      case 'filterblock':
      case 'setblock':
        if (capturesFrame(s.body)) return true;
        break;
    }
  }
  return false;
}

function exprNames(e: Expr | null, out: Set<string>): void {
  if (!e) return;
  switch (e.k) {
    case 'name':
      out.add(e.name);
      return;
    case 'const':
      return;
    case 'list':
    case 'tuple':
    case 'concat':
      for (const i of e.items) exprNames(i, out);
      return;
    case 'dict':
      for (const i of e.keys) exprNames(i, out);
      for (const i of e.values) exprNames(i, out);
      return;
    case 'getattr':
      exprNames(e.obj, out);
      return;
    case 'getitem':
      exprNames(e.obj, out);
      exprNames(e.key, out);
      return;
    case 'slice':
      exprNames(e.start, out);
      exprNames(e.stop, out);
      exprNames(e.step, out);
      return;
    case 'call':
      exprNames(e.callee, out);
      callArgNames(e, out);
      return;
    case 'filter':
    case 'test':
      exprNames(e.node, out);
      callArgNames(e, out);
      return;
    case 'cond':
      exprNames(e.test, out);
      exprNames(e.then, out);
      exprNames(e.else, out);
      return;
    case 'bin':
    case 'and':
    case 'or':
      exprNames(e.left, out);
      exprNames(e.right, out);
      return;
    case 'not':
    case 'neg':
    case 'pos':
      exprNames(e.node, out);
      return;
    case 'compare':
      exprNames(e.first, out);
      for (const o of e.ops) exprNames(o.expr, out);
      return;
  }
}

function callArgNames(c: CallArgs, out: Set<string>): void {
  for (const a of c.args) exprNames(a, out);
  for (const k of c.kwargs) exprNames(k.value, out);
  exprNames(c.dynArgs, out);
  exprNames(c.dynKwargs, out);
}

function targetNames(t: Target, out: Set<string>): void {
  if (t.k === 'nsref') out.add(t.name);
  else if (t.k === 'tuple') for (const i of t.items) targetNames(i, out);
}

/** Every name loaded anywhere in `stmts`, nested scopes included (like Jinja2's find_undeclared). */
export function loadedNames(stmts: Stmt[], out: Set<string>): Set<string> {
  for (const s of stmts) {
    switch (s.k) {
      case 'output':
        for (const p of s.parts) if (typeof p !== 'string') exprNames(p, out);
        break;
      case 'if':
        for (const b of s.branches) {
          exprNames(b.test, out);
          loadedNames(b.body, out);
        }
        loadedNames(s.else, out);
        break;
      case 'for':
        exprNames(s.iter, out);
        exprNames(s.test, out);
        loadedNames(s.body, out);
        loadedNames(s.else, out);
        break;
      case 'set':
        targetNames(s.target, out);
        exprNames(s.value, out);
        break;
      case 'setblock':
        targetNames(s.target, out);
        exprNames(s.filter, out);
        loadedNames(s.body, out);
        break;
      case 'macro':
        for (const p of s.params) exprNames(p.default, out);
        loadedNames(s.body, out);
        break;
      case 'callblock':
        exprNames(s.call, out);
        for (const p of s.params) exprNames(p.default, out);
        loadedNames(s.body, out);
        break;
      case 'filterblock':
        exprNames(s.filter, out);
        loadedNames(s.body, out);
        break;
      case 'with':
        for (const v of s.values) exprNames(v, out);
        loadedNames(s.body, out);
        break;
      case 'do':
        exprNames(s.expr, out);
        break;
    }
  }
  return out;
}
