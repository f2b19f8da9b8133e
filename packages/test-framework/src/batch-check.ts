/**
 * What one test contributes to its model's batched query. Every check is written so that, over
 * the same rows, it yields exactly the number of rows the test's own compiled SQL returns.
 *
 * - `count`: one aggregate over the model's rows whose value is the failure count (row-level
 *   checks are `count_if(<failing row>)`, distinct-value checks `count(distinct case …)`).
 * - `groups`: the test's SQL aggregates per group (or over the whole table when `keys` is empty)
 *   and returns one row per group where `failing` holds. The batched query computes the
 *   aggregates in the grouping set `keys` and counts the groups where `failing` holds; with no
 *   keys there is exactly one group, as in SQL's aggregate without GROUP BY.
 */
export interface CountCheck {
  shape: 'count';
  /** An aggregate over all rows of the relation; the test's `where` is already inside it. 0 on no rows. */
  aggregate: string;
}

export interface Aggregate {
  sql: string;
  /** Its value over no rows (`0` for counts, `null` for max), for the whole-table group. */
  empty: string;
}

export interface GroupsCheck {
  shape: 'groups';
  /** Grouping expressions; [] = the whole table is one group. */
  keys: string[];
  aggregates: Aggregate[];
  /** The failing-group predicate over the aggregates' values and the group's key values (SQL expressions). */
  failing: (values: readonly string[], keys: readonly string[]) => string;
}

/**
 * `semi`: a row-level check that also needs another relation (relationships). `flag` is a boolean
 * per row of the model, computed in the batch's row projection as a semi-join (`x in (select …)`),
 * so the other relation is read once by the same query; `aggregate(flag)` counts failing rows.
 */
export interface SemiCheck {
  shape: 'semi';
  flag: string;
  aggregate: (flag: string) => string;
  /** unique_id of the other relation the flag reads. */
  reads: string;
}

export type BatchCheck = CountCheck | GroupsCheck | SemiCheck;

/** Why a test cannot join the batch; it runs on its own with dbt's wrapper. */
export interface NotBatchable {
  shape: 'single';
  reason: string;
}
