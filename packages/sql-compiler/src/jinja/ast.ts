/** Template AST. Every node carries the 1-based source line it starts on. */

export interface CallArgs {
  args: Expr[];
  kwargs: { name: string; value: Expr }[];
  dynArgs: Expr | null;
  dynKwargs: Expr | null;
}

export type BinOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';
export type CmpOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'notin';

export type Expr =
  | { k: 'const'; value: unknown; line: number }
  | { k: 'name'; name: string; line: number }
  | { k: 'list'; items: Expr[]; line: number }
  | { k: 'tuple'; items: Expr[]; line: number }
  | { k: 'dict'; keys: Expr[]; values: Expr[]; line: number }
  | { k: 'getattr'; obj: Expr; attr: string; line: number }
  | { k: 'getitem'; obj: Expr; key: Expr; line: number }
  | { k: 'slice'; start: Expr | null; stop: Expr | null; step: Expr | null; line: number }
  | ({ k: 'call'; callee: Expr; line: number } & CallArgs)
  /** `node` is null for the input of `{% filter %}` blocks and `{% set x | f %}`. */
  | ({ k: 'filter'; node: Expr | null; name: string; line: number } & CallArgs)
  | ({ k: 'test'; node: Expr; name: string; line: number } & CallArgs)
  | { k: 'cond'; test: Expr; then: Expr; else: Expr | null; line: number }
  | { k: 'bin'; op: BinOp; left: Expr; right: Expr; line: number }
  | { k: 'concat'; items: Expr[]; line: number }
  | { k: 'and'; left: Expr; right: Expr; line: number }
  | { k: 'or'; left: Expr; right: Expr; line: number }
  | { k: 'not'; node: Expr; line: number }
  | { k: 'neg'; node: Expr; line: number }
  | { k: 'pos'; node: Expr; line: number }
  | { k: 'compare'; first: Expr; ops: { op: CmpOp; expr: Expr }[]; line: number };

export type CallExpr = Extract<Expr, { k: 'call' }>;
export type FilterExpr = Extract<Expr, { k: 'filter' }>;

export type Target =
  | { k: 'name'; name: string; line: number }
  | { k: 'tuple'; items: Target[]; line: number }
  /** `{% set ns.attr = ... %}` */
  | { k: 'nsref'; name: string; attr: string; line: number };

export interface Param {
  name: string;
  default: Expr | null;
}

export type Stmt =
  /** Template text (strings) and `{{ }}` expressions, in order. */
  | { k: 'output'; parts: (string | Expr)[]; line: number }
  | { k: 'if'; branches: { test: Expr; body: Stmt[] }[]; else: Stmt[]; line: number }
  | {
      k: 'for';
      target: Target;
      iter: Expr;
      body: Stmt[];
      else: Stmt[];
      test: Expr | null;
      recursive: boolean;
      line: number;
    }
  | { k: 'set'; target: Target; value: Expr; line: number }
  | { k: 'setblock'; target: Target; filter: Expr | null; body: Stmt[]; line: number }
  /** `span`: source offsets of the whole block, tags included (set for all macro-defining tags). */
  | { k: 'macro'; name: string; params: Param[]; body: Stmt[]; line: number; span: [number, number] | null }
  | { k: 'callblock'; call: CallExpr; params: Param[]; body: Stmt[]; line: number }
  | { k: 'filterblock'; filter: Expr; body: Stmt[]; line: number }
  | { k: 'with'; targets: Target[]; values: Expr[]; body: Stmt[]; line: number }
  | { k: 'do'; expr: Expr; line: number }
  | { k: 'break'; line: number; col: number }
  | { k: 'continue'; line: number; col: number }
  | { k: 'snapshot'; name: string; body: Stmt[]; line: number; span: [number, number] | null }
  | { k: 'docs'; name: string; content: string; line: number };
