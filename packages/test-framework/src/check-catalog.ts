import { z } from 'zod';
import type { BatchCheck, NotBatchable } from './batch-check.js';
import { allOf, pyStr, quoteIdentifier, stringLiteral } from './sql-text.js';

/**
 * The generic tests that join a model's batched query, each rebuilt from its arguments as the
 * failing-row condition (or per-group aggregate) its macro in Lakeform's built-in dbt, dbt_utils
 * and dbt_expectations packages computes. Arguments are pasted into SQL the way those macros paste
 * them, so a check and the test's compiled SQL agree row for row; the conformance suite runs both.
 */

export interface CheckInput {
  /** The test's arguments (test_metadata.kwargs). */
  kwargs: Record<string, unknown>;
  /** The test's `where` config: dbt reads the model through `(select * from model where …)`. */
  where: string | null;
}

type Builder = (input: CheckInput) => BatchCheck | NotBatchable;

/** What Athena's `current_timestamp()` macro renders: timestamp(6) in UTC. */
const NOW = 'cast(current_timestamp as timestamp(6))';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const Column = z.string().trim().min(1);
const Bound = z.union([z.string(), z.number()]).nullish();
const Columns = z.array(Column);

class Unbatchable extends Error {}

function arg<T>(kwargs: Record<string, unknown>, name: string, schema: z.ZodType<T>, fallback?: T): T {
  const v = kwargs[name];
  if (v === undefined && fallback !== undefined) return fallback;
  const parsed = schema.safeParse(v);
  if (!parsed.success) throw new Unbatchable(`argument ${name} is not in a form the batch can reproduce`);
  return parsed.data;
}

/** Jinja's truthiness of an argument (`{% if quote %}`), as Python decides it. */
function truthy(kwargs: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const v = kwargs[name];
  if (v === undefined) return fallback;
  if (v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

function optionalText(kwargs: Record<string, unknown>, name: string): string | null {
  const v = kwargs[name];
  if (v === undefined || v === null || v === '' || v === false) return null;
  if (typeof v !== 'string') throw new Unbatchable(`argument ${name} is not a SQL string`);
  return v;
}

/** An interval the macros negate with Jinja arithmetic (`interval * -1`): only whole numbers print the same in both. */
function wholeNumber(kwargs: Record<string, unknown>, name: string): number {
  const v = kwargs[name];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Unbatchable(`argument ${name} is not a whole number`);
  return v;
}

function datepart(kwargs: Record<string, unknown>, name: string): string {
  const v = kwargs[name];
  if (typeof v !== 'string' || !/^[A-Za-z_]+$/.test(v)) throw new Unbatchable(`argument ${name} is not a date part`);
  return v;
}

/** The macros paste values between quotes unescaped: a quote inside a value changes their SQL, so such tests run their own. */
function quotable(text: string, what: string): string {
  if (text.includes("'")) throw new Unbatchable(`${what} holds a quote`);
  return text;
}

function valueList(values: readonly (string | number | boolean)[], quote: boolean): string {
  return values.map((v) => (quote ? stringLiteral(quotable(pyStr(v), 'a value')) : pyStr(v))).join(', ');
}

const countIf = (...conditions: (string | null)[]): string => (conditions.some((c) => c) ? `count_if(${allOf(...conditions)})` : 'count(*)');
const rowCount = (where: string | null): string => (where ? countIf(where) : 'count(*)');

function rowCheck(where: string | null, failingRow: string, extraFilter: string | null = null): BatchCheck {
  return { shape: 'count', aggregate: countIf(where, extraFilter, failingRow) };
}

/** dbt_expectations' expression_is_true over rows: a row fails unless `expression = true`. */
function expectationRows(where: string | null, expression: string, rowCondition: string | null): BatchCheck {
  return rowCheck(where, `not((${expression}) = true)`, rowCondition);
}

function expressionBetween(expression: string, kwargs: Record<string, unknown>): string {
  const min = arg(kwargs, 'min_value', Bound, null);
  const max = arg(kwargs, 'max_value', Bound, null);
  if ((min === null || min === undefined) && (max === null || max === undefined)) throw new Unbatchable('neither min_value nor max_value is given');
  const orEqual = truthy(kwargs, 'strictly', false) ? '' : '=';
  const checks: string[] = [];
  if (min !== null && min !== undefined) checks.push(`${expression} >${orEqual} ${pyStr(min)}`);
  if (max !== null && max !== undefined) checks.push(`${expression} <${orEqual} ${pyStr(max)}`);
  return `(${checks.join(' and ')})`;
}

/** Per-group tests with dbt_utils' group_by_columns: a group exists when a row of it passes the filter. */
function groupedOrTable(keys: string[], filter: string | null, aggregates: { sql: string; empty: string }[], failing: (values: readonly string[]) => string): BatchCheck {
  const present = { sql: rowCount(filter), empty: '0' };
  return {
    shape: 'groups',
    keys,
    aggregates: [present, ...aggregates],
    failing: ([rows, ...values]) => (keys.length === 0 ? failing(values) : `${rows} > 0 and (${failing(values)})`),
  };
}

/** Distinct combinations seen more than once among the filtered rows (unique and friends). */
function duplicateGroups(keys: string[], filter: string | null): BatchCheck {
  return { shape: 'groups', keys, aggregates: [{ sql: rowCount(filter), empty: '0' }], failing: ([n]) => `${n} > 1` };
}

function ignoreRowIf(mode: string, columns: string[]): string {
  if (mode === 'all_values_are_missing') return `(${columns.map((c) => `${c} is not null`).join(' or ')})`;
  if (mode === 'any_value_is_missing') return `(${columns.map((c) => `${c} is not null`).join(' and ')})`;
  throw new Unbatchable(`ignore_row_if '${mode}' is not one dbt_expectations knows`);
}

function compoundUnique(columns: string[], kwargs: Record<string, unknown>, where: string | null): BatchCheck {
  if (columns.length === 0) throw new Unbatchable('no columns given');
  const mode = typeof kwargs['ignore_row_if'] === 'string' ? kwargs['ignore_row_if'] : 'all_values_are_missing';
  const rowCondition = optionalText(kwargs, 'row_condition');
  // The macro writes `where <ignore> and <row_condition>` unparenthesised; keep its precedence.
  const macroWhere = `${ignoreRowIf(mode, columns)}${rowCondition ? ` and ${rowCondition}` : ''}`;
  return duplicateGroups(columns, allOf(where, macroWhere));
}

function recencyThreshold(datepartName: string, interval: number, type: string): string {
  return `cast(date_add('${datepartName}', ${-interval}, ${NOW}) as ${type})`;
}

const DBT: Record<string, Builder> = {
  not_null: ({ kwargs, where }) => rowCheck(where, `${arg(kwargs, 'column_name', Column)} is null`),
  unique: ({ kwargs, where }) => {
    const column = arg(kwargs, 'column_name', Column);
    return { shape: 'groups', keys: [column], aggregates: [{ sql: rowCount(where), empty: '0' }], failing: ([n], [key]) => `${key} is not null and ${n} > 1` };
  },
  accepted_values: ({ kwargs, where }) => {
    const column = arg(kwargs, 'column_name', Column);
    const values = arg(kwargs, 'values', z.array(Scalar).min(1));
    // One failing row per distinct value outside the list; a null value is never outside it.
    return { shape: 'count', aggregate: `count(distinct case when ${allOf(where, `${column} not in (${valueList(values, truthy(kwargs, 'quote', true))})`)} then ${column} end)` };
  },
};

const DBT_UTILS: Record<string, Builder> = {
  expression_is_true: ({ kwargs, where }) => {
    const expression = arg(kwargs, 'expression', z.string().min(1));
    const column = optionalText(kwargs, 'column_name');
    return rowCheck(where, column === null ? `not(${expression})` : `not(${column} ${expression})`);
  },
  accepted_range: ({ kwargs, where }) => {
    const column = arg(kwargs, 'column_name', Column);
    const min = arg(kwargs, 'min_value', Bound, null);
    const max = arg(kwargs, 'max_value', Bound, null);
    if ((min === null || min === undefined) && (max === null || max === undefined)) throw new Unbatchable('neither min_value nor max_value is given');
    const eq = truthy(kwargs, 'inclusive', true) ? '=' : '';
    const parts = ['1 = 2'];
    if (min !== null && min !== undefined) parts.push(`not(${column} >${eq} ${pyStr(min)})`);
    if (max !== null && max !== undefined) parts.push(`not(${column} <${eq} ${pyStr(max)})`);
    return rowCheck(where, parts.join(' or '));
  },
  not_empty_string: ({ kwargs, where }) => {
    const column = arg(kwargs, 'column_name', Column);
    return rowCheck(where, truthy(kwargs, 'trim_whitespace', true) ? `trim(${column}) = ''` : `${column} = ''`);
  },
  not_accepted_values: ({ kwargs, where }) => {
    const column = arg(kwargs, 'column_name', Column);
    const values = arg(kwargs, 'values', z.array(Scalar).min(1));
    return { shape: 'count', aggregate: `count(distinct case when ${allOf(where, `${column} in (${valueList(values, truthy(kwargs, 'quote', true))})`)} then ${column} end)` };
  },
  at_least_one: ({ kwargs, where }) => {
    const column = arg(kwargs, 'column_name', Column);
    const groupBy = arg(kwargs, 'group_by_columns', Columns, []);
    return groupedOrTable(groupBy, where, [{ sql: countIf(where, `${column} is not null`), empty: '0' }], ([nonNull]) => `${nonNull} = 0`);
  },
  not_constant: ({ kwargs, where }) => {
    const column = arg(kwargs, 'column_name', Column);
    const groupBy = arg(kwargs, 'group_by_columns', Columns, []);
    const distinct = `count(distinct ${where ? `case when ${allOf(where)} then ${column} end` : column})`;
    return groupedOrTable(groupBy, where, [{ sql: distinct, empty: '0' }], ([n]) => `${n} = 1`);
  },
  not_null_proportion: ({ kwargs, where }) => {
    const column = arg(kwargs, 'column_name', Column);
    const atLeast = arg(kwargs, 'at_least', z.union([z.number(), z.string()]));
    const atMost = arg(kwargs, 'at_most', z.union([z.number(), z.string()]), 1.0);
    const groupBy = arg(kwargs, 'group_by_columns', Columns, []);
    return groupedOrTable(
      groupBy,
      where,
      [
        { sql: countIf(where, `${column} is not null`), empty: '0' },
        { sql: rowCount(where), empty: '0' },
      ],
      ([nonNull, rows]) => {
        const proportion = `(${nonNull} / cast(nullif(${rows}, 0) as double))`;
        return `${proportion} < ${pyStr(atLeast)} or ${proportion} > ${pyStr(atMost)}`;
      },
    );
  },
  recency: ({ kwargs, where }) => {
    const field = arg(kwargs, 'field', Column);
    const part = datepart(kwargs, 'datepart');
    const interval = wholeNumber(kwargs, 'interval');
    const type = truthy(kwargs, 'ignore_time_component', false) ? 'date' : 'timestamp(6)';
    const groupBy = arg(kwargs, 'group_by_columns', Columns, []);
    const newest = where ? `max(case when ${allOf(where)} then ${field} end)` : `max(${field})`;
    return groupedOrTable(groupBy, where, [{ sql: newest, empty: 'null' }], ([m]) => `cast(${m} as ${type}) < ${recencyThreshold(part, interval, type)} or ${m} is null`);
  },
  unique_combination_of_columns: ({ kwargs, where }) => {
    const columns = arg(kwargs, 'combination_of_columns', Columns);
    if (columns.length === 0) throw new Unbatchable('no columns given');
    return duplicateGroups(truthy(kwargs, 'quote_columns', false) ? columns.map(quoteIdentifier) : columns, where);
  },
};

const DBT_EXPECTATIONS: Record<string, Builder> = {
  expect_column_values_to_not_be_null: ({ kwargs, where }) =>
    expectationRows(where, `${arg(kwargs, 'column_name', Column)} is not null`, optionalText(kwargs, 'row_condition')),
  expect_column_values_to_be_null: ({ kwargs, where }) => expectationRows(where, `${arg(kwargs, 'column_name', Column)} is null`, optionalText(kwargs, 'row_condition')),
  expect_column_values_to_be_between: ({ kwargs, where }) =>
    expectationRows(where, expressionBetween(arg(kwargs, 'column_name', Column), kwargs), optionalText(kwargs, 'row_condition')),
  expect_column_values_to_match_regex: ({ kwargs, where }) => {
    const column = arg(kwargs, 'column_name', Column);
    const regex = arg(kwargs, 'regex', z.string());
    const flags = optionalText(kwargs, 'flags') ?? '';
    return expectationRows(where, `regexp_like(${column}, ${stringLiteral(quotable(`${flags ? `(?${flags})` : ''}${regex}`, 'the regex'))})`, optionalText(kwargs, 'row_condition'));
  },
  expect_column_values_to_be_in_set: ({ kwargs, where }) => {
    const column = arg(kwargs, 'column_name', Column);
    const values = arg(kwargs, 'value_set', z.array(Scalar).min(1));
    const quote = truthy(kwargs, 'quote_values', true);
    const set = values.map((v) => (quote ? `cast(${stringLiteral(quotable(pyStr(v), 'a value'))} as varchar)` : pyStr(v))).join(', ');
    // A left join against the set: a row without a match fails, so nulls fail too.
    return rowCheck(where, `not coalesce(${column} in (${set}), false)`, optionalText(kwargs, 'row_condition'));
  },
  expect_row_values_to_have_recent_data: ({ kwargs, where }) => {
    const column = arg(kwargs, 'column_name', Column);
    const part = datepart(kwargs, 'datepart');
    const interval = wholeNumber(kwargs, 'interval');
    const rowCondition = optionalText(kwargs, 'row_condition');
    const asTimestamp = `cast(${column} as timestamp(6))`;
    const macroWhere = `${asTimestamp} <= ${NOW}${rowCondition ? ` and ${rowCondition}` : ''}`;
    return {
      shape: 'groups',
      keys: [],
      aggregates: [{ sql: `max(case when ${allOf(where, macroWhere)} then ${asTimestamp} end)`, empty: 'null' }],
      failing: ([newest]) => `${newest} is null or ${newest} < ${recencyThreshold(part, interval, 'timestamp(6)')}`,
    };
  },
  expect_table_row_count_to_be_between: ({ kwargs, where }) => {
    const groupBy = arg(kwargs, 'group_by', Columns.nullable(), null) ?? [];
    const rowCondition = optionalText(kwargs, 'row_condition');
    const rows = { sql: countIf(where, rowCondition), empty: '0' };
    const between = (n: string) => `not(${expressionBetween(n, kwargs)} = true)`;
    if (groupBy.length === 0) return { shape: 'groups', keys: [], aggregates: [rows], failing: ([n]) => between(n!) };
    return { shape: 'groups', keys: groupBy, aggregates: [rows], failing: ([n]) => `${n} > 0 and ${between(n!)}` };
  },
  expect_column_values_to_be_unique: ({ kwargs, where }) => compoundUnique([arg(kwargs, 'column_name', Column)], { ...kwargs, ignore_row_if: 'all_values_are_missing' }, where),
  expect_compound_columns_to_be_unique: ({ kwargs, where }) => {
    const columns = arg(kwargs, 'column_list', Columns);
    return compoundUnique(truthy(kwargs, 'quote_columns', false) ? columns.map(quoteIdentifier) : columns, kwargs, where);
  },
};

const CATALOG: Record<string, Record<string, Builder>> = { dbt: DBT, dbt_utils: DBT_UTILS, dbt_expectations: DBT_EXPECTATIONS };

/** The packages whose test macros the catalog reproduces. */
export const BUILTIN_TEST_PACKAGES: ReadonlySet<string> = new Set(['dbt', 'dbt_utils', 'dbt_expectations', 'dbt_date']);

/** The check for a generic test, or why it runs on its own. `namespace` null = dbt's own tests. */
export function batchCheckFor(namespace: string | null, name: string, input: CheckInput): BatchCheck | NotBatchable {
  const builder = CATALOG[namespace ?? 'dbt']?.[name];
  if (!builder) return { shape: 'single', reason: `${namespace ? `${namespace}.` : ''}${name} has no batched form` };
  try {
    return builder(input);
  } catch (e) {
    if (e instanceof Unbatchable) return { shape: 'single', reason: e.message };
    throw e;
  }
}
