import { LakeformError } from '../errors.js';
import { JinjaRuntimeError, JinjaSyntaxError, type Template } from '../jinja/index.js';
import { CompilerErrorRaised } from '../context/globals.js';
import { RenderSession, type RenderPhase } from '../context/node-context.js';
import { findNeedsWarehouse, WarehouseAnswers } from '../context/warehouse.js';
import { findNeedsFullCompile } from './needs-full-compile.js';
import type { CompileState } from './compile-state.js';
import type { NodeDraft } from './node-draft.js';

/** A failure that came from a template, turned into an error that points at the node's file. */
export function renderError(e: unknown, node: NodeDraft, templateFile: string): LakeformError {
  let cur: unknown = e;
  for (let i = 0; i < 10 && cur; i++) {
    if (cur instanceof LakeformError) {
      if (cur.node) return cur;
      return new LakeformError({ code: cur.code, message: cur.message, hint: cur.hint, location: cur.location ?? node.location, node: node.uniqueId, cause: cur });
    }
    if (cur instanceof CompilerErrorRaised) {
      return new LakeformError({ code: 'E_COMPILER_ERROR', message: cur.message, node: node.uniqueId, location: lineOf(e) ?? node.location, cause: e });
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  if (e instanceof JinjaSyntaxError) {
    return new LakeformError({
      code: 'E_JINJA_SYNTAX',
      message: e.message,
      node: node.uniqueId,
      location: { file: e.templateName || templateFile, line: e.line, column: e.column },
      hint: 'fix the template syntax at this line',
      cause: e,
    });
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new LakeformError({
    code: /macro '.*' takes|missing required argument|unexpected keyword|takes at most|positional argument/.test(msg) ? 'E_MACRO_ARGS' : /is undefined|is not callable|no attribute/.test(msg) ? 'E_JINJA_UNDEFINED' : 'E_JINJA_RUNTIME',
    message: msg,
    node: node.uniqueId,
    location: lineOf(e) ?? node.location,
    hint: hintFor(msg),
    cause: e,
  });
}

function lineOf(e: unknown): { file: string; line?: number } | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 10 && cur; i++) {
    if (cur instanceof JinjaRuntimeError) return { file: cur.templateName, line: cur.line };
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function hintFor(msg: string): string | undefined {
  const m = /'([A-Za-z_][A-Za-z0-9_]*)' is undefined/.exec(msg);
  if (m) return `'${m[1]}' is not a variable, macro or context member here; check the spelling, or define the macro under macro-paths`;
  if (/takes|argument/.test(msg)) return 'check the call against the macro definition';
  return undefined;
}

/**
 * Renders `template` for `node`, fetching warehouse answers and replaying when a template asks for
 * one (run_query, get_columns_in_relation, is_incremental with a warehouse).
 */
export async function renderNode(
  state: CompileState,
  node: NodeDraft,
  template: Template,
  phase: RenderPhase,
  extra: Record<string, unknown> = {},
): Promise<{ output: string; session: RenderSession }> {
  const answers = new WarehouseAnswers();
  for (let attempt = 0; ; attempt++) {
    const session = new RenderSession(state, node, phase, answers, extra);
    try {
      const output = template.render(session.ctx, { resolve: session.resolverFor(node.packageName) });
      return { output, session };
    } catch (e) {
      const need = findNeedsWarehouse(e);
      if (need && state.warehouse && attempt < 1000) {
        answers.set(need.key, await need.fetch(state.warehouse));
        continue;
      }
      throw findNeedsFullCompile(e) ?? renderError(e, node, template.name);
    }
  }
}

/** The synchronous form for renders that never reach a warehouse (the parse pass). */
export function renderNodeSync(state: CompileState, node: NodeDraft, template: Template, phase: RenderPhase, extra: Record<string, unknown> = {}): { output: string; session: RenderSession } {
  const session = new RenderSession(state, node, phase, new WarehouseAnswers(), extra);
  try {
    const output = template.render(session.ctx, { resolve: session.resolverFor(node.packageName) });
    return { output, session };
  } catch (e) {
    throw findNeedsFullCompile(e) ?? renderError(e, node, template.name);
  }
}
