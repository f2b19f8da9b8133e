/**
 * Recursive-descent parser producing the AST in ast.ts. The grammar, operator precedence and
 * error messages follow Jinja2 3.1 (with the `do` and `loopcontrols` extensions and dbt's
 * `test`, `materialization`, `snapshot` and `docs` tags), so users see the messages they
 * know from dbt.
 */
import type { CallArgs, CmpOp, Expr, Param, Stmt, Target } from './ast.js';
import { JinjaSyntaxError } from './errors.js';
import type { Token } from './lexer.js';
import { makeFloat } from './values.js';

const TYPE_DESCRIPTIONS: Record<string, string> = {
  block_begin: 'begin of statement block',
  block_end: 'end of statement block',
  variable_begin: 'begin of print statement',
  variable_end: 'end of print statement',
  data: 'template data / text',
  eof: 'end of template',
};

function describeToken(t: Token): string {
  if (t.type === 'name' || t.type === 'op') return t.value;
  return TYPE_DESCRIPTIONS[t.type] ?? t.type;
}

/** Rules are token types ('block_end'), operators (')') or 'name:<value>'. */
function describeRule(rule: string): string {
  if (rule.startsWith('name:')) return rule.slice(5);
  return TYPE_DESCRIPTIONS[rule] ?? rule;
}

function pyStrRepr(s: string): string {
  return s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/'/g, "\\'")}'`;
}

const UNSUPPORTED_TAGS = new Set(['include', 'import', 'from', 'extends', 'block', 'autoescape']);
const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const TEST_ARG_START = new Set(['name', 'string', 'integer', 'float']);

export class Parser {
  private i = 0;
  private readonly endTokenStack: string[][] = [];
  private readonly tagStack: string[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly name: string,
  ) {}

  // ------------------------------------------------------------------------------------------
  // token stream

  private get cur(): Token {
    return this.tokens[this.i] as Token;
  }

  private look(): Token {
    return this.tokens[Math.min(this.i + 1, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.cur;
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  private test(t: Token, rule: string): boolean {
    if (rule.startsWith('name:')) return t.type === 'name' && t.value === rule.slice(5);
    if (t.type === 'op') return t.value === rule;
    return t.type === rule;
  }

  private is(rule: string): boolean {
    return this.test(this.cur, rule);
  }

  private isOp(op: string): boolean {
    const t = this.cur;
    return t.type === 'op' && t.value === op;
  }

  private isName(value: string): boolean {
    const t = this.cur;
    return t.type === 'name' && t.value === value;
  }

  private skipIf(rule: string): boolean {
    if (this.is(rule)) {
      this.next();
      return true;
    }
    return false;
  }

  private expect(rule: string): Token {
    const t = this.cur;
    if (this.test(t, rule)) return this.next();
    const what = describeRule(rule);
    if (t.type === 'eof') this.fail(`unexpected end of template, expected ${pyStrRepr(what)}.`, t);
    this.fail(`expected token ${pyStrRepr(what)}, got ${pyStrRepr(describeToken(t))}`, t);
  }

  private fail(message: string, at: Token = this.cur): never {
    throw new JinjaSyntaxError(message, this.name, at.line, at.col);
  }

  private failUnknownTagOrEof(tagName: string | null, stack: string[][], at: Token): never {
    const expected = new Set<string>();
    for (const rules of stack) for (const r of rules) expected.add(describeRule(r));
    const innermost = stack[stack.length - 1];
    const looking = innermost ? innermost.map((r) => pyStrRepr(describeRule(r))).join(' or ') : null;
    const message = [tagName === null ? 'Unexpected end of template.' : `Encountered unknown tag ${pyStrRepr(tagName)}.`];
    if (looking) {
      if (tagName !== null && expected.has(tagName)) {
        message.push(`You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for ${looking}.`);
      } else {
        message.push(`Jinja was looking for the following tags: ${looking}.`);
      }
    }
    const tag = this.tagStack[this.tagStack.length - 1];
    if (tag !== undefined) message.push(`The innermost block that needs to be closed is ${pyStrRepr(tag)}.`);
    this.fail(message.join(' '), at);
  }

  // ------------------------------------------------------------------------------------------
  // statements

  parseTemplate(): Stmt[] {
    return this.subparse(null);
  }

  private subparse(endTokens: string[] | null): Stmt[] {
    const body: Stmt[] = [];
    let parts: (string | Expr)[] = [];
    let partsLine = 0;
    const flush = (): void => {
      if (parts.length) {
        body.push({ k: 'output', parts, line: partsLine });
        parts = [];
      }
    };
    if (endTokens) this.endTokenStack.push(endTokens);
    try {
      for (;;) {
        const t = this.cur;
        if (t.type === 'data') {
          if (!parts.length) partsLine = t.line;
          parts.push(t.value);
          this.next();
        } else if (t.type === 'variable_begin') {
          if (!parts.length) partsLine = t.line;
          this.next();
          parts.push(this.parseTuple({ withCondexpr: true }));
          this.expect('variable_end');
        } else if (t.type === 'block_begin') {
          flush();
          this.next();
          if (endTokens && endTokens.some((r) => this.is(r))) return body;
          const stmt = this.parseStatement();
          const end = this.expect('block_end');
          if (stmt) {
            if (stmt.k === 'macro' || stmt.k === 'snapshot') stmt.span = [t.pos, end.end];
            body.push(stmt);
          }
        } else if (t.type === 'eof') {
          break;
        } else {
          this.fail(`unexpected ${pyStrRepr(describeToken(t))}`, t);
        }
      }
      flush();
      return body;
    } finally {
      if (endTokens) this.endTokenStack.pop();
    }
  }

  private parseStatement(): Stmt | null {
    const t = this.cur;
    if (t.type !== 'name') this.fail('tag name expected', t);
    this.tagStack.push(t.value);
    let pop = true;
    try {
      switch (t.value) {
        case 'if':
          return this.parseIf();
        case 'for':
          return this.parseFor();
        case 'set':
          return this.parseSet();
        case 'macro':
          return this.parseMacro();
        case 'call':
          return this.parseCallBlock();
        case 'filter':
          return this.parseFilterBlock();
        case 'with':
          return this.parseWith();
        case 'do': {
          this.next();
          return { k: 'do', expr: this.parseTuple({}), line: t.line };
        }
        case 'break':
        case 'continue':
          this.next();
          return { k: t.value, line: t.line, col: t.col };
        case 'test':
          return this.parseTestBlock();
        case 'materialization':
          return this.parseMaterialization();
        case 'snapshot':
          return this.parseSnapshot();
        case 'docs':
          return this.parseDocs();
      }
      if (UNSUPPORTED_TAGS.has(t.value)) {
        this.fail(`The '${t.value}' tag is not supported (dbt projects do not use it).`, t);
      }
      this.tagStack.pop();
      pop = false;
      return this.failUnknownTagOrEof(t.value, this.endTokenStack, t);
    } finally {
      if (pop) this.tagStack.pop();
    }
  }

  private parseStatements(endTokens: string[], dropNeedle = false): Stmt[] {
    this.skipIf(':');
    this.expect('block_end');
    const result = this.subparse(endTokens);
    if (this.cur.type === 'eof') this.failUnknownTagOrEof(null, [...this.endTokenStack, endTokens], this.cur);
    if (dropNeedle) this.next();
    return result;
  }

  private parseIf(): Stmt {
    const line = this.expect('name:if').line;
    const branches: { test: Expr; body: Stmt[] }[] = [];
    let elseBody: Stmt[] = [];
    for (;;) {
      const test = this.parseTuple({ withCondexpr: false });
      const body = this.parseStatements(['name:elif', 'name:else', 'name:endif']);
      branches.push({ test, body });
      const t = this.next();
      if (t.value === 'elif') continue;
      if (t.value === 'else') elseBody = this.parseStatements(['name:endif'], true);
      break;
    }
    return { k: 'if', branches, else: elseBody, line };
  }

  private parseFor(): Stmt {
    const line = this.expect('name:for').line;
    const target = this.parseAssignTarget({ extraEndRules: ['name:in'] });
    this.expect('name:in');
    const iter = this.parseTuple({ withCondexpr: false, extraEndRules: ['name:recursive'] });
    let test: Expr | null = null;
    if (this.skipIf('name:if')) test = this.parseExpression(true);
    const recursive = this.skipIf('name:recursive');
    const body = this.parseStatements(['name:endfor', 'name:else']);
    let elseBody: Stmt[] = [];
    if (this.next().value !== 'endfor') elseBody = this.parseStatements(['name:endfor'], true);
    return { k: 'for', target, iter, body, else: elseBody, test, recursive, line };
  }

  private parseSet(): Stmt {
    const line = this.next().line;
    const target = this.parseAssignTarget({ withNamespace: true });
    if (this.skipIf('=')) return { k: 'set', target, value: this.parseTuple({}), line };
    const filter = this.parseFilter(null, false);
    const body = this.parseStatements(['name:endset'], true);
    return { k: 'setblock', target, filter, body, line };
  }

  private parseMacro(): Stmt {
    const line = this.next().line;
    const name = this.parseNameTarget();
    const params = this.parseSignature();
    const body = this.parseStatements(['name:endmacro'], true);
    return { k: 'macro', name, params, body, line, span: null };
  }

  private parseSignature(): Param[] {
    const params: Param[] = [];
    let sawDefault = false;
    this.expect('(');
    while (!this.isOp(')')) {
      if (params.length) this.expect(',');
      const name = this.parseNameTarget();
      let def: Expr | null = null;
      if (this.skipIf('=')) {
        def = this.parseExpression(true);
        sawDefault = true;
      } else if (sawDefault) {
        this.fail('non-default argument follows default argument');
      }
      params.push({ name, default: def });
    }
    this.expect(')');
    return params;
  }

  private parseCallBlock(): Stmt {
    const start = this.next();
    const params = this.isOp('(') ? this.parseSignature() : [];
    const call = this.parseExpression(true);
    if (call.k !== 'call') this.fail('expected call', start);
    const body = this.parseStatements(['name:endcall'], true);
    return { k: 'callblock', call, params, body, line: start.line };
  }

  private parseFilterBlock(): Stmt {
    const line = this.next().line;
    const filter = this.parseFilter(null, true) as Expr;
    const body = this.parseStatements(['name:endfilter'], true);
    return { k: 'filterblock', filter, body, line };
  }

  private parseWith(): Stmt {
    const line = this.next().line;
    const targets: Target[] = [];
    const values: Expr[] = [];
    while (this.cur.type !== 'block_end') {
      if (targets.length) this.expect(',');
      targets.push(this.parseAssignTarget({}));
      this.expect('=');
      values.push(this.parseExpression(true));
    }
    const body = this.parseStatements(['name:endwith'], true);
    return { k: 'with', targets, values, body, line };
  }

  /** dbt: `{% test name(args) %}` defines the macro `test_name`. */
  private parseTestBlock(): Stmt {
    const line = this.next().line;
    const name = this.parseNameTarget();
    const params = this.parseSignature();
    const body = this.parseStatements(['name:endtest'], true);
    return { k: 'macro', name: `test_${name}`, params, body, line, span: null };
  }

  /** dbt: `{% materialization name, adapter='x', supported_languages=[...] %}`. */
  private parseMaterialization(): Stmt {
    const line = this.next().line;
    const name = this.parseNameTarget();
    let adapter = 'default';
    const params: Param[] = [];
    while (this.skipIf(',')) {
      const argTok = this.cur;
      const arg = this.parseNameTarget();
      if (arg === 'default') continue;
      if (arg === 'adapter') {
        this.expect('=');
        const value = this.parseExpression(true);
        if (value.k !== 'const' || typeof value.value !== 'string') this.fail('materialization adapter must be a string literal', argTok);
        adapter = value.value;
      } else if (arg === 'supported_languages') {
        this.expect('=');
        params.push({ name: arg, default: this.parseExpression(true) });
      } else {
        this.fail(`materialization '${name}' received unknown argument '${arg}'.`, argTok);
      }
    }
    if (!params.length) {
      params.push({ name: 'supported_languages', default: { k: 'list', items: [{ k: 'const', value: 'sql', line }], line } });
    }
    const body = this.parseStatements(['name:endmaterialization'], true);
    return { k: 'macro', name: `materialization_${name}_${adapter}`, params, body, line, span: null };
  }

  private parseSnapshot(): Stmt {
    const line = this.next().line;
    const name = this.parseNameTarget();
    const body = this.parseStatements(['name:endsnapshot'], true);
    return { k: 'snapshot', name, body, line, span: null };
  }

  private parseDocs(): Stmt {
    const line = this.next().line;
    const name = this.parseNameTarget();
    // The lexer emitted the content as a single raw data token.
    const body = this.parseStatements(['name:enddocs'], true);
    let content = '';
    for (const s of body) if (s.k === 'output') for (const p of s.parts) if (typeof p === 'string') content += p;
    return { k: 'docs', name, content, line };
  }

  // ------------------------------------------------------------------------------------------
  // assignment targets

  private parseNameTarget(): string {
    return this.expect('name').value;
  }

  private parseAssignTarget(opts: { withTuple?: boolean; extraEndRules?: string[]; withNamespace?: boolean }): Target {
    const start = this.cur;
    if (opts.withNamespace && start.type === 'name' && this.test(this.look(), '.')) {
      this.next();
      this.next();
      const attr = this.expect('name');
      return { k: 'nsref', name: start.value, attr: attr.value, line: start.line };
    }
    const expr =
      opts.withTuple === false ? this.parsePrimary() : this.parseTuple({ simplified: true, extraEndRules: opts.extraEndRules ?? null });
    const target = this.toTarget(expr);
    if (!target) this.fail(`can't assign to ${pyStrRepr(expr.k)}`, start);
    return target;
  }

  private toTarget(e: Expr): Target | null {
    if (e.k === 'name') return { k: 'name', name: e.name, line: e.line };
    if (e.k === 'tuple') {
      const items: Target[] = [];
      for (const item of e.items) {
        const t = this.toTarget(item);
        if (!t) return null;
        items.push(t);
      }
      return { k: 'tuple', items, line: e.line };
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------
  // expressions

  private parseExpression(withCondexpr: boolean): Expr {
    return withCondexpr ? this.parseCondexpr() : this.parseOr();
  }

  private parseCondexpr(): Expr {
    const line = this.cur.line;
    let expr1 = this.parseOr();
    while (this.skipIf('name:if')) {
      const test = this.parseOr();
      const expr3 = this.skipIf('name:else') ? this.parseCondexpr() : null;
      expr1 = { k: 'cond', test, then: expr1, else: expr3, line };
    }
    return expr1;
  }

  private parseOr(): Expr {
    const line = this.cur.line;
    let left = this.parseAnd();
    while (this.skipIf('name:or')) left = { k: 'or', left, right: this.parseAnd(), line };
    return left;
  }

  private parseAnd(): Expr {
    const line = this.cur.line;
    let left = this.parseNot();
    while (this.skipIf('name:and')) left = { k: 'and', left, right: this.parseNot(), line };
    return left;
  }

  private parseNot(): Expr {
    if (this.isName('not')) {
      const line = this.next().line;
      return { k: 'not', node: this.parseNot(), line };
    }
    return this.parseCompare();
  }

  private parseCompare(): Expr {
    const line = this.cur.line;
    const first = this.parseMath1();
    const ops: { op: CmpOp; expr: Expr }[] = [];
    for (;;) {
      const t = this.cur;
      if (t.type === 'op' && COMPARE_OPS.has(t.value)) {
        this.next();
        ops.push({ op: t.value as CmpOp, expr: this.parseMath1() });
      } else if (this.skipIf('name:in')) {
        ops.push({ op: 'in', expr: this.parseMath1() });
      } else if (this.isName('not') && this.test(this.look(), 'name:in')) {
        this.next();
        this.next();
        ops.push({ op: 'notin', expr: this.parseMath1() });
      } else break;
    }
    return ops.length ? { k: 'compare', first, ops, line } : first;
  }

  private parseMath1(): Expr {
    const line = this.cur.line;
    let left = this.parseConcat();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().value as '+' | '-';
      left = { k: 'bin', op, left, right: this.parseConcat(), line };
    }
    return left;
  }

  private parseConcat(): Expr {
    const line = this.cur.line;
    const items = [this.parseMath2()];
    while (this.isOp('~')) {
      this.next();
      items.push(this.parseMath2());
    }
    return items.length === 1 ? (items[0] as Expr) : { k: 'concat', items, line };
  }

  private parseMath2(): Expr {
    const line = this.cur.line;
    let left = this.parsePow();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
      const op = this.next().value as '*' | '/' | '//' | '%';
      left = { k: 'bin', op, left, right: this.parsePow(), line };
    }
    return left;
  }

  private parsePow(): Expr {
    const line = this.cur.line;
    let left = this.parseUnary(true);
    while (this.isOp('**')) {
      this.next();
      left = { k: 'bin', op: '**', left, right: this.parseUnary(true), line };
    }
    return left;
  }

  private parseUnary(withFilter: boolean): Expr {
    const t = this.cur;
    let node: Expr;
    if (this.isOp('-')) {
      this.next();
      node = { k: 'neg', node: this.parseUnary(false), line: t.line };
    } else if (this.isOp('+')) {
      this.next();
      node = { k: 'pos', node: this.parseUnary(false), line: t.line };
    } else {
      node = this.parsePrimary();
    }
    node = this.parsePostfix(node);
    if (withFilter) node = this.parseFilterExpr(node);
    return node;
  }

  private parsePrimary(): Expr {
    const t = this.cur;
    const line = t.line;
    switch (t.type) {
      case 'name': {
        this.next();
        const v = t.value;
        if (v === 'true' || v === 'True') return { k: 'const', value: true, line };
        if (v === 'false' || v === 'False') return { k: 'const', value: false, line };
        if (v === 'none' || v === 'None') return { k: 'const', value: null, line };
        return { k: 'name', name: v, line };
      }
      case 'string': {
        this.next();
        let s = t.value;
        while (this.cur.type === 'string') s += this.next().value;
        return { k: 'const', value: s, line };
      }
      case 'integer':
        this.next();
        return { k: 'const', value: t.num, line };
      case 'float':
        this.next();
        return { k: 'const', value: makeFloat(t.num), line };
      case 'op':
        if (t.value === '(') {
          this.next();
          const node = this.parseTuple({ explicitParentheses: true });
          this.expect(')');
          return node;
        }
        if (t.value === '[') return this.parseList();
        if (t.value === '{') return this.parseDict();
        break;
    }
    this.fail(`unexpected ${pyStrRepr(describeToken(t))}`, t);
  }

  private parseTuple(opts: {
    simplified?: boolean;
    withCondexpr?: boolean;
    extraEndRules?: string[] | null;
    explicitParentheses?: boolean;
  }): Expr {
    const line = this.cur.line;
    const items: Expr[] = [];
    let isTuple = false;
    for (;;) {
      if (items.length) this.expect(',');
      if (this.isTupleEnd(opts.extraEndRules ?? null)) break;
      items.push(opts.simplified ? this.parsePrimary() : this.parseExpression(opts.withCondexpr !== false));
      if (this.isOp(',')) isTuple = true;
      else break;
    }
    if (!isTuple) {
      const first = items[0];
      if (first) return first;
      if (!opts.explicitParentheses) this.fail(`Expected an expression, got ${pyStrRepr(describeToken(this.cur))}`);
    }
    return { k: 'tuple', items, line };
  }

  private isTupleEnd(extra: string[] | null): boolean {
    const t = this.cur;
    if (t.type === 'variable_end' || t.type === 'block_end' || (t.type === 'op' && t.value === ')')) return true;
    return extra !== null && extra.some((r) => this.test(t, r));
  }

  private parseList(): Expr {
    const line = this.expect('[').line;
    const items: Expr[] = [];
    while (!this.isOp(']')) {
      if (items.length) this.expect(',');
      if (this.isOp(']')) break;
      items.push(this.parseExpression(true));
    }
    this.expect(']');
    return { k: 'list', items, line };
  }

  private parseDict(): Expr {
    const line = this.expect('{').line;
    const keys: Expr[] = [];
    const values: Expr[] = [];
    while (!this.isOp('}')) {
      if (keys.length) this.expect(',');
      if (this.isOp('}')) break;
      keys.push(this.parseExpression(true));
      this.expect(':');
      values.push(this.parseExpression(true));
    }
    this.expect('}');
    return { k: 'dict', keys, values, line };
  }

  private parsePostfix(node: Expr): Expr {
    for (;;) {
      if (this.isOp('.') || this.isOp('[')) node = this.parseSubscript(node);
      else if (this.isOp('(')) node = this.parseCall(node);
      else return node;
    }
  }

  private parseFilterExpr(node: Expr): Expr {
    for (;;) {
      if (this.isOp('|')) node = this.parseFilter(node, false) as Expr;
      else if (this.isName('is')) node = this.parseTest(node);
      else if (this.isOp('(')) node = this.parseCall(node);
      else return node;
    }
  }

  private parseSubscript(node: Expr): Expr {
    const t = this.next();
    if (t.value === '.') {
      const attr = this.cur;
      this.next();
      if (attr.type === 'name') return { k: 'getattr', obj: node, attr: attr.value, line: t.line };
      if (attr.type === 'integer') return { k: 'getitem', obj: node, key: { k: 'const', value: attr.num, line: attr.line }, line: t.line };
      this.fail('expected name or number', attr);
    }
    const args: Expr[] = [];
    while (!this.isOp(']')) {
      if (args.length) this.expect(',');
      args.push(this.parseSubscribed());
    }
    this.expect(']');
    const key: Expr = args.length === 1 ? (args[0] as Expr) : { k: 'tuple', items: args, line: t.line };
    return { k: 'getitem', obj: node, key, line: t.line };
  }

  private parseSubscribed(): Expr {
    const line = this.cur.line;
    const parts: (Expr | null)[] = [];
    if (this.isOp(':')) {
      this.next();
      parts.push(null);
    } else {
      const node = this.parseExpression(true);
      if (!this.isOp(':')) return node;
      this.next();
      parts.push(node);
    }
    if (this.isOp(':')) parts.push(null);
    else if (!this.isOp(']') && !this.isOp(',')) parts.push(this.parseExpression(true));
    else parts.push(null);
    if (this.isOp(':')) {
      this.next();
      if (!this.isOp(']') && !this.isOp(',')) parts.push(this.parseExpression(true));
      else parts.push(null);
    } else parts.push(null);
    return { k: 'slice', start: parts[0] ?? null, stop: parts[1] ?? null, step: parts[2] ?? null, line };
  }

  private parseCallArgs(): CallArgs {
    const open = this.expect('(');
    const out: CallArgs = { args: [], kwargs: [], dynArgs: null, dynKwargs: null };
    const ensure = (ok: boolean): void => {
      if (!ok) this.fail('invalid syntax for function call expression', open);
    };
    let requireComma = false;
    while (!this.isOp(')')) {
      if (requireComma) {
        this.expect(',');
        if (this.isOp(')')) break;
      }
      if (this.isOp('*')) {
        ensure(out.dynArgs === null && out.dynKwargs === null);
        this.next();
        out.dynArgs = this.parseExpression(true);
      } else if (this.isOp('**')) {
        ensure(out.dynKwargs === null);
        this.next();
        out.dynKwargs = this.parseExpression(true);
      } else if (this.cur.type === 'name' && this.test(this.look(), '=')) {
        ensure(out.dynKwargs === null);
        const key = this.next().value;
        this.next();
        out.kwargs.push({ name: key, value: this.parseExpression(true) });
      } else {
        ensure(out.dynArgs === null && out.dynKwargs === null && out.kwargs.length === 0);
        out.args.push(this.parseExpression(true));
      }
      requireComma = true;
    }
    this.expect(')');
    return out;
  }

  private parseCall(node: Expr): Expr {
    const line = this.cur.line;
    return { k: 'call', callee: node, ...this.parseCallArgs(), line };
  }

  private parseFilter(node: Expr | null, startInline: boolean): Expr | null {
    while (this.isOp('|') || startInline) {
      if (!startInline) this.next();
      startInline = false;
      const t = this.expect('name');
      let name = t.value;
      while (this.isOp('.')) {
        this.next();
        name += '.' + this.expect('name').value;
      }
      const args: CallArgs = this.isOp('(') ? this.parseCallArgs() : { args: [], kwargs: [], dynArgs: null, dynKwargs: null };
      node = { k: 'filter', node, name, ...args, line: t.line };
    }
    return node;
  }

  private parseTest(node: Expr): Expr {
    const isTok = this.next();
    const negated = this.skipIf('name:not');
    let name = this.expect('name').value;
    while (this.isOp('.')) {
      this.next();
      name += '.' + this.expect('name').value;
    }
    let args: CallArgs = { args: [], kwargs: [], dynArgs: null, dynKwargs: null };
    const t = this.cur;
    if (this.isOp('(')) {
      args = this.parseCallArgs();
    } else if (
      (TEST_ARG_START.has(t.type) || (t.type === 'op' && (t.value === '[' || t.value === '{'))) &&
      !(t.type === 'name' && (t.value === 'else' || t.value === 'or' || t.value === 'and'))
    ) {
      if (this.isName('is')) this.fail('You cannot chain multiple tests with is');
      args.args = [this.parsePostfix(this.parsePrimary())];
    }
    const test: Expr = { k: 'test', node, name, ...args, line: isTok.line };
    return negated ? { k: 'not', node: test, line: isTok.line } : test;
  }
}

export function parse(tokens: Token[], templateName: string): Stmt[] {
  return new Parser(tokens, templateName).parseTemplate();
}
