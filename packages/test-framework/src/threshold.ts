/**
 * dbt's warn_if / error_if: a SQL fragment appended to the fail_calc (`count(*) != 0`). The common
 * forms — a comparison with a number — are judged here, so a batched count needs no second query;
 * anything else is left to SQL (the test then runs on its own).
 */
export type Comparator = '=' | '!=' | '>' | '>=' | '<' | '<=';

export interface Threshold {
  text: string;
  op: Comparator;
  value: number;
}

const FORM = /^(==|=|!=|<>|>=|<=|>|<)\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)$/;

export function parseThreshold(text: string): Threshold | undefined {
  const m = FORM.exec(text.trim());
  if (!m) return undefined;
  const raw = m[1]!;
  const op: Comparator = raw === '==' ? '=' : raw === '<>' ? '!=' : (raw as Comparator);
  return { text: text.trim(), op, value: Number(m[2]) };
}

/** As SQL judges it: a null count satisfies no comparison. */
export function thresholdHolds(t: Threshold, failures: number | null): boolean {
  if (failures === null || Number.isNaN(failures)) return false;
  switch (t.op) {
    case '=':
      return failures === t.value;
    case '!=':
      return failures !== t.value;
    case '>':
      return failures > t.value;
    case '>=':
      return failures >= t.value;
    case '<':
      return failures < t.value;
    case '<=':
      return failures <= t.value;
  }
}
