/**
 * Ephemeral models become CTEs in their consumers, as dbt does: `__dbt__cte__<name> as (...)` is
 * added to the consumer's leading WITH, or a WITH is added in front of it.
 */
export interface Cte {
  id: string;
  name: string;
  sql: string;
}

/** Index just past leading whitespace and comments. */
function skipTrivia(sql: string, i: number): number {
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i]!)) i++;
    if (sql.startsWith('--', i)) {
      const nl = sql.indexOf('\n', i);
      i = nl === -1 ? sql.length : nl + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else return i;
  }
}

function wordAt(sql: string, i: number): string {
  const m = /^[A-Za-z_]+/.exec(sql.slice(i, i + 20));
  return m ? m[0].toLowerCase() : '';
}

export function injectCtes(sql: string, ctes: Cte[]): string {
  if (ctes.length === 0) return sql;
  const defs = ctes.map((c) => `__dbt__cte__${c.name} as (\n${c.sql.trim()}\n)`).join(', ');
  const start = skipTrivia(sql, 0);
  if (wordAt(sql, start) === 'with') {
    let after = start + 4;
    const next = skipTrivia(sql, after);
    if (wordAt(sql, next) === 'recursive') after = next + 'recursive'.length;
    return `${sql.slice(0, after)} ${defs}, ${sql.slice(after).replace(/^\s+/, '')}`;
  }
  return `${sql.slice(0, start)}with ${defs}\n${sql.slice(start)}`;
}
