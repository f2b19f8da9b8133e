import { LakeformError, isLakeformError } from '@lakeform/sql-compiler';

/**
 * A DuckDB failure as an error a person can act on: what failed, in which node and file, and
 * where to look. Lakeform's own errors pass through unchanged.
 */
export function sqlError(e: unknown, where: { node?: string; file?: string; what?: string }): unknown {
  if (isLakeformError(e) || !(e instanceof Error)) return e;
  const first = e.message.split('\n').filter((l) => l.trim() !== '').slice(0, 3).join(' — ');
  const kind = /^(Parser|Binder|Catalog|Conversion|Invalid Input|Out of Range|Constraint|Not implemented|IO) Error/.exec(e.message)?.[1];
  return new LakeformError({
    code: kind === 'IO' ? 'E_IO' : 'E_SQL',
    message: `${where.what ? `${where.what}: ` : ''}${first}`,
    ...(where.node ? { node: where.node } : {}),
    ...(where.file ? { location: { file: where.file } } : {}),
    hint: where.file ? `the SQL Lakeform ran is under target/compiled/ for ${where.file}` : 'check the SQL against the error above',
    cause: e,
  });
}
