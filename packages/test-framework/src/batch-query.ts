import type { BatchCheck } from './batch-check.js';

/**
 * One query that scans a relation once and returns one failure count per test (column
 * `lf_t<i>`). Shape, in Trino SQL:
 *
 *   select <per-test count> as lf_t0, ...
 *   from (
 *     select grouping(lf_k0, lf_k1) as lf_gid, lf_k0, lf_k1, <aggregates> as lf_a0, ...
 *     from (select *, k0 as lf_k0, k1 as lf_k1 from <relation>) lf_rows
 *     group by grouping sets ((), (lf_k0), (lf_k1))
 *   ) lf_batch
 *
 * The inner query is the only scan. Its `()` row holds the whole-table aggregates (row checks are
 * `count_if`s there); every other grouping set holds one row per group of a unique-style or
 * grouped test, told apart by `grouping()`. The outer query only reads those group rows: a
 * row-level count is the `()` row's value, a grouped test counts the rows of its grouping set
 * where its failing predicate holds — one per duplicated value, exactly dbt's failing rows. The
 * `()` row is read through `max(case when lf_gid = <all> …)` with the aggregate's empty value as
 * fallback, so the counts are right even if an engine returned no `()` row for an empty table.
 * The keys are grouped by their aliases: an engine treats `pair_a` and `"pair_a"` as one grouping
 * expression, which would merge two tests' grouping sets and shift their `grouping()` codes.
 * Without grouped tests the inner query is a plain aggregate with no GROUP BY.
 */
export interface BatchMember {
  testId: string;
  check: BatchCheck;
}

export interface BatchQuery {
  sql: string;
  /** Which output column holds which test's failure count. */
  columns: { testId: string; column: string }[];
}

/** `grouping()` is an integer bit set; keep the distinct grouping expressions of one batch under its width. */
export const MAX_GROUPING_KEYS = 30;

/** One spelling per grouping expression: `Code`, `code` and `"code"` name the same column. */
function keyOf(expression: string): string {
  const text = expression.trim().replace(/\s+/g, ' ');
  const quoted = /^"((?:[^"]|"")+)"$/.exec(text);
  if (quoted) return quoted[1]!.replace(/""/g, '"').toLowerCase();
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text.toLowerCase() : text;
}

export function distinctKeys(checks: readonly BatchCheck[]): Set<string> {
  const keys = new Set<string>();
  for (const c of checks) if (c.shape === 'groups') for (const k of c.keys) keys.add(keyOf(k));
  return keys;
}

export function buildBatchQuery(relation: string, members: readonly BatchMember[]): BatchQuery {
  /** Canonical key → its index; the first spelling seen is the one selected. */
  const keyIndex = new Map<string, number>();
  const keyList: string[] = [];
  for (const m of members) {
    if (m.check.shape !== 'groups') continue;
    for (const k of m.check.keys) {
      if (keyIndex.has(keyOf(k))) continue;
      keyIndex.set(keyOf(k), keyList.length);
      keyList.push(k.trim());
    }
  }
  const nKeys = keyIndex.size;
  if (nKeys > MAX_GROUPING_KEYS) throw new Error(`a batch may group by at most ${MAX_GROUPING_KEYS} expressions, got ${nKeys}`);
  const keyed = nKeys > 0;
  const allBits = (1 << nKeys) - 1;
  /** grouping(k0..kn) of a set: a bit is set for every key the set does not group by (first key = highest bit). */
  const codeOf = (indexes: readonly number[]): number => {
    let code = allBits;
    for (const i of indexes) code &= ~(1 << (nKeys - 1 - i));
    return code;
  };

  const inner: string[] = [];
  const sets = new Map<string, number[]>([['', []]]);
  const outer: string[] = [];
  const columns: BatchQuery['columns'] = [];
  // Tests often share an aggregate (every unfiltered unique test counts rows): compute it once.
  const aggregateNames = new Map<string, string>();
  const addAggregate = (sql: string): string => {
    let name = aggregateNames.get(sql);
    if (!name) {
      name = `lf_a${aggregateNames.size}`;
      aggregateNames.set(sql, name);
      inner.push(`${sql} as ${name}`);
    }
    return name;
  };
  const atAll = (name: string): string => (keyed ? `case when lf_gid = ${allBits} then ${name} end` : name);
  /** Per-row flags of semi-join checks, computed once in the row projection. */
  const flags: string[] = [];

  members.forEach((m, i) => {
    const column = `lf_t${i}`;
    columns.push({ testId: m.testId, column });
    const c = m.check;
    if (c.shape === 'semi') {
      const flag = `lf_s${flags.length}`;
      flags.push(`${c.flag} as ${flag}`);
      outer.push(`coalesce(max(${atAll(addAggregate(c.aggregate(flag)))}), 0) as ${column}`);
      return;
    }
    if (c.shape === 'count') {
      outer.push(`coalesce(max(${atAll(addAggregate(c.aggregate))}), 0) as ${column}`);
      return;
    }
    const names = c.aggregates.map((a) => addAggregate(a.sql));
    if (c.keys.length === 0) {
      const values = names.map((n, j) => {
        const empty = c.aggregates[j]!.empty;
        return empty === 'null' ? `max(${atAll(n)})` : `coalesce(max(${atAll(n)}), ${empty})`;
      });
      outer.push(`case when ${c.failing(values, [])} then 1 else 0 end as ${column}`);
      return;
    }
    const indexes = [...new Set(c.keys.map((k) => keyIndex.get(keyOf(k))!))].sort((a, b) => a - b);
    sets.set(indexes.join(','), indexes);
    const keyRefs = c.keys.map((k) => `lf_k${keyIndex.get(keyOf(k))!}`);
    outer.push(`count_if(lf_gid = ${codeOf(indexes)} and (${c.failing(names, keyRefs)})) as ${column}`);
  });

  const aliases = keyList.map((_k, i) => `lf_k${i}`);
  const innerSelect = keyed ? [`grouping(${aliases.join(', ')}) as lf_gid`, ...aliases, ...inner] : inner;
  const projected = [...keyList.map((k, i) => `${k} as ${aliases[i]}`), ...flags];
  const from = projected.length ? `(select *, ${projected.join(', ')} from ${relation}) lf_rows` : relation;
  const groupBy = keyed ? `\n  group by grouping sets (${[...sets.values()].map((ix) => `(${ix.map((i) => aliases[i]).join(', ')})`).join(', ')})` : '';
  const sql = `select\n  ${outer.join(',\n  ')}\nfrom (\n  select\n    ${innerSelect.join(',\n    ')}\n  from ${from}${groupBy}\n) lf_batch`;
  return { sql, columns };
}
