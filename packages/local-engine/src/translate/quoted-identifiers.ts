import type { SqlEdits } from './sql-edits.js';

/**
 * Polyglot 0.12 drops the quotes of some quoted identifiers (e.g. in a derived table's column
 * list, `AS t("x y")` comes out as `AS t(x y)`). Quoted identifiers are therefore swapped for
 * plain placeholder names before transpiling and put back, quoted, afterwards.
 */
export class QuotedIdentifiers {
  private readonly originals: string[] = [];

  /** Replace every quoted identifier token with a placeholder. */
  hide(edits: SqlEdits): void {
    edits.tokens.forEach((t, i) => {
      if (t.type !== 'QUOTED_IDENTIFIER') return;
      edits.replace(i, `__lf_qid_${this.originals.length}__`);
      this.originals.push(`"${t.text.replaceAll('"', '""')}"`);
    });
  }

  /** Put the quoted identifiers back into polyglot's output. */
  restore(sql: string): string {
    if (this.originals.length === 0) return sql;
    return sql.replace(/"?__lf_qid_(\d+)__"?/gi, (whole, n: string) => this.originals[Number(n)] ?? whole);
  }
}
