import { LakeformError } from '@lakeform/sql-compiler';

export interface TranslateContext {
  /** The model (or test) whose SQL is translated; named in errors. */
  nodeId?: string | undefined;
  /** Its file, for the error location. */
  file?: string | undefined;
}

/** E_UNSUPPORTED_SQL: the local engine cannot reproduce Athena's result for this SQL. */
export function unsupportedSql(what: string, reason: string, ctx: TranslateContext): LakeformError {
  const model = ctx.nodeId ?? 'this statement';
  return new LakeformError({
    code: 'E_UNSUPPORTED_SQL',
    message: `${what} in ${model} cannot run on the local engine: ${reason}.`,
    hint:
      'Rewrite the expression with functions the local engine supports (see the local-engine README), ' +
      'or run this model against Athena.',
    ...(ctx.nodeId ? { node: ctx.nodeId } : {}),
    ...(ctx.file ? { location: { file: ctx.file } } : {}),
  });
}
