import * as z from 'zod';
import { boolOrJinja, freeForm, freeMapping, identifier, looseString, opt, requiredName, stringOrList } from './schema-kit.js';

/**
 * Properties ("schema") YAML files under model/seed/snapshot/analysis/macro paths. Values are
 * returned unrendered: descriptions and test arguments may hold Jinja the compiler renders later.
 */

// ---------------------------------------------------------------------------------------------
// Tests

/**
 * A test written as a mapping: `{unique: {config: …}}` (one key, the test name, holding its
 * arguments), or `{test_name: accepted_values, name: my_test, values: […]}`. Arguments are the
 * test's own business, so nothing inside is reported as unknown.
 */
const testMappingSchema = freeForm(
  z.record(z.string(), z.unknown()).superRefine((entry, ctx) => {
    if ('test_name' in entry) {
      if (typeof entry['test_name'] !== 'string' || entry['test_name'] === '') {
        ctx.addIssue({ code: 'custom', path: ['test_name'], message: 'must be the name of a generic test' });
      }
      return;
    }
    const keys = Object.keys(entry);
    if (keys.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          `has ${keys.length} keys (${keys.join(', ')}); a test is a name, or a mapping with exactly one key ` +
          '(the test name) holding its arguments, e.g. {accepted_values: {values: [a, b]}}',
      });
      return;
    }
    const args = entry[keys[0]!];
    if (args !== null && (typeof args !== 'object' || Array.isArray(args))) {
      ctx.addIssue({
        code: 'custom',
        path: [keys[0]!],
        message: 'must be a mapping of test arguments (or nothing), e.g. values: [a, b]',
      });
    }
  }),
);

/** `unique`, `dbt_utils.expression_is_true`, or one of the mapping forms above. */
export const testEntrySchema = z.union([z.string().min(1), testMappingSchema], {
  error: "a test name (like 'unique') or a mapping like {accepted_values: {values: [...]}}",
});

const testList = () => opt(z.array(testEntrySchema));

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** Configs set in YAML (`config:`). Free-form: adapters and packages define their own. */
export const configBlockSchema = freeForm(
  z.looseObject({
    enabled: opt(boolOrJinja()),
    tags: opt(stringOrList()),
    meta: opt(freeMapping()),
  }),
);

const description = () => opt(looseString());
const meta = () => opt(freeMapping());
const tags = () => opt(stringOrList());

export const docsBlockSchema = z.looseObject({
  show: opt(boolOrJinja()),
  node_color: opt(z.string()),
});

export const constraintSchema = z.looseObject({
  type: z.enum(['check', 'not_null', 'unique', 'primary_key', 'foreign_key', 'custom']),
  name: opt(z.string()),
  expression: opt(looseString()),
  columns: opt(stringOrList()),
  to: opt(z.string()),
  to_columns: opt(stringOrList()),
  warn_unenforced: opt(boolOrJinja()),
  warn_unsupported: opt(boolOrJinja()),
});

export const columnEntrySchema = z.looseObject({
  name: requiredName(),
  description: description(),
  data_type: opt(z.string()),
  /** Quote the column name in generated SQL and tests. */
  quote: opt(boolOrJinja()),
  constraints: opt(z.array(constraintSchema)),
  tests: testList(),
  /** dbt 1.8+ name for `tests`. */
  data_tests: testList(),
  meta: meta(),
  tags: tags(),
  config: opt(configBlockSchema),
  docs: opt(docsBlockSchema),
  policy_tags: opt(z.array(z.string())),
  granularity: opt(z.string()),
});

/** dbt 1.8 renamed `tests` to `data_tests`; an entry may use either name, but not both. */
function oneTestsKey(entry: { tests?: unknown; data_tests?: unknown }, ctx: z.RefinementCtx): void {
  if (entry.tests !== undefined && entry.data_tests !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['data_tests'],
      message: "cannot be used together with 'tests' on the same entry (data_tests is the newer name for tests); merge them",
    });
  }
}

const columns = () => opt(z.array(columnEntrySchema.superRefine(oneTestsKey)));

// ---------------------------------------------------------------------------------------------
// Models

const accessSchema = z.enum(['private', 'protected', 'public']);

/** `- include: all` / `exclude: [...]` in a model version's column list. */
export const columnIncludeExcludeSchema = z.looseObject({
  include: z.union([z.literal('all'), z.literal('*'), z.array(z.string())], {
    error: "'all', '*' or a list of column names",
  }),
  exclude: opt(z.array(z.string())),
});

export const modelVersionSchema = z
  .looseObject({
    v: looseString(),
    /** File holding this version, when not <model>_v<v>.sql. */
    defined_in: opt(z.string()),
    description: description(),
    config: opt(configBlockSchema),
    columns: opt(
      z.array(
        z.union([columnIncludeExcludeSchema, columnEntrySchema], {
          error: 'a column (with name:) or {include: ..., exclude: [...]}',
        }),
      ),
    ),
    tests: testList(),
    data_tests: testList(),
    docs: opt(docsBlockSchema),
    meta: meta(),
    tags: tags(),
    access: opt(accessSchema),
    group: opt(z.string()),
    constraints: opt(z.array(constraintSchema)),
    deprecation_date: opt(looseString()),
  })
  .superRefine(oneTestsKey);

export const modelEntrySchema = z
  .looseObject({
    name: requiredName(),
    description: description(),
    config: opt(configBlockSchema),
    columns: columns(),
    tests: testList(),
    data_tests: testList(),
    docs: opt(docsBlockSchema),
    meta: meta(),
    tags: tags(),
    latest_version: opt(looseString()),
    versions: opt(z.array(modelVersionSchema)),
    access: opt(accessSchema),
    group: opt(z.string()),
    constraints: opt(z.array(constraintSchema)),
    deprecation_date: opt(looseString()),
    /** Semantic-layer time spine; not used by Lakeform. */
    time_spine: opt(freeMapping()),
  })
  .superRefine(oneTestsKey);

// ---------------------------------------------------------------------------------------------
// Sources

const freshnessThresholdSchema = z.looseObject({
  count: opt(z.int()),
  period: opt(z.enum(['minute', 'hour', 'day'])),
});

/** `freshness: null` is meaningful (it turns off an inherited check), so null is kept here. */
export const freshnessSchema = z.looseObject({
  warn_after: z.union([freshnessThresholdSchema, z.null()]).optional(),
  error_after: z.union([freshnessThresholdSchema, z.null()]).optional(),
  filter: opt(z.string()),
});

const freshness = () => z.union([freshnessSchema, z.null()]).optional();

export const sourceQuotingSchema = z.looseObject({
  database: opt(boolOrJinja()),
  schema: opt(boolOrJinja()),
  identifier: opt(boolOrJinja()),
});

/**
 * dbt-external-tables' `external:` block. Its keys vary by adapter (Athena, Spark, Snowflake …),
 * so only the common ones are typed and none are reported as unknown.
 */
export const externalTableSchema = freeForm(
  z.looseObject({
    location: opt(z.string()),
    file_format: opt(z.string()),
    row_format: opt(z.string()),
    table_properties: opt(z.union([z.string(), freeMapping()], { error: 'a string or a mapping' })),
    tbl_properties: opt(z.union([z.string(), freeMapping()], { error: 'a string or a mapping' })),
    serde_properties: opt(z.union([z.string(), freeMapping()], { error: 'a string or a mapping' })),
    partitions: opt(
      z.array(
        z.looseObject({
          name: requiredName(),
          data_type: opt(z.string()),
          vals: z.unknown().optional(),
          path_macro: opt(z.string()),
          description: description(),
        }),
      ),
    ),
    options: opt(freeMapping()),
  }),
);

export const sourceTableEntrySchema = z
  .looseObject({
    name: requiredName(),
    /** The table's name in the database, when it differs from `name`. */
    identifier: opt(z.string()),
    description: description(),
    loaded_at_field: opt(z.string()),
    loaded_at_query: opt(z.string()),
    freshness: freshness(),
    external: opt(externalTableSchema),
    columns: columns(),
    tests: testList(),
    data_tests: testList(),
    meta: meta(),
    tags: tags(),
    config: opt(configBlockSchema),
    quoting: opt(sourceQuotingSchema),
    docs: opt(docsBlockSchema),
  })
  .superRefine(oneTestsKey);

export const sourceEntrySchema = z.looseObject({
  name: requiredName(),
  description: description(),
  database: opt(z.string()),
  schema: opt(z.string()),
  loader: opt(z.string()),
  loaded_at_field: opt(z.string()),
  loaded_at_query: opt(z.string()),
  freshness: freshness(),
  meta: meta(),
  tags: tags(),
  config: opt(configBlockSchema),
  quoting: opt(sourceQuotingSchema),
  /** Name of a package whose source of the same name this one replaces. */
  overrides: opt(z.string()),
  tables: opt(z.array(sourceTableEntrySchema)),
  docs: opt(docsBlockSchema),
});

// ---------------------------------------------------------------------------------------------
// Seeds, snapshots, analyses, macros

export const seedConfigSchema = freeForm(
  z.looseObject({
    enabled: opt(boolOrJinja()),
    tags: opt(stringOrList()),
    meta: opt(freeMapping()),
    /** Column name → SQL type, overriding type inference. */
    column_types: opt(z.record(z.string(), z.string())),
    delimiter: opt(z.string()),
    quote_columns: opt(boolOrJinja()),
  }),
);

export const seedEntrySchema = z
  .looseObject({
    name: requiredName(),
    description: description(),
    config: opt(seedConfigSchema),
    columns: columns(),
    tests: testList(),
    data_tests: testList(),
    docs: opt(docsBlockSchema),
    meta: meta(),
    tags: tags(),
  })
  .superRefine(oneTestsKey);

export const snapshotEntrySchema = z
  .looseObject({
    name: requiredName(),
    description: description(),
    /** YAML-defined snapshots (dbt 1.9+): the ref() or source() to snapshot. */
    relation: opt(z.string()),
    config: opt(configBlockSchema),
    columns: columns(),
    tests: testList(),
    data_tests: testList(),
    docs: opt(docsBlockSchema),
    meta: meta(),
    tags: tags(),
    group: opt(z.string()),
  })
  .superRefine(oneTestsKey);

export const analysisEntrySchema = z.looseObject({
  name: requiredName(),
  description: description(),
  config: opt(configBlockSchema),
  columns: columns(),
  docs: opt(docsBlockSchema),
  meta: meta(),
  tags: tags(),
});

export const macroArgumentSchema = z.looseObject({
  name: requiredName(),
  type: opt(z.string()),
  description: description(),
});

export const macroEntrySchema = z.looseObject({
  name: requiredName(),
  description: description(),
  arguments: opt(z.array(macroArgumentSchema)),
  docs: opt(docsBlockSchema),
  meta: meta(),
  config: opt(configBlockSchema),
});

// ---------------------------------------------------------------------------------------------
// Exposures and groups

export const ownerSchema = z.looseObject({
  name: opt(z.string()),
  email: opt(z.string()),
});

export const exposureEntrySchema = z.looseObject({
  name: identifier(),
  type: z.enum(['dashboard', 'notebook', 'analysis', 'ml', 'application']),
  owner: ownerSchema,
  /** ref(), source() and metric() calls as text. */
  depends_on: opt(z.array(z.string())),
  url: opt(z.string()),
  maturity: opt(z.enum(['high', 'medium', 'low'])),
  label: opt(z.string()),
  description: description(),
  meta: meta(),
  tags: tags(),
  config: opt(configBlockSchema),
});

export const groupEntrySchema = z.looseObject({
  name: identifier(),
  /** Owners may carry extra keys (slack handle …); dbt keeps them. */
  owner: freeForm(ownerSchema),
  description: description(),
  config: opt(configBlockSchema),
});

// ---------------------------------------------------------------------------------------------
// Unit tests (dbt 1.8+)

const fixtureFormatSchema = z.enum(['dict', 'csv', 'sql']);

/** Rows as a list of mappings (format dict), or text for csv/sql. */
const fixtureRowsSchema = z.union([z.array(freeMapping()), z.string()], {
  error: 'a list of rows (mappings) or, for format csv/sql, text',
});

export const unitTestGivenSchema = z.looseObject({
  /** ref('...') or source('...', '...') being mocked. */
  input: z.string(),
  rows: opt(fixtureRowsSchema),
  format: opt(fixtureFormatSchema),
  /** Name of a fixture file under the test paths' fixtures folder. */
  fixture: opt(z.string()),
});

export const unitTestExpectSchema = z.looseObject({
  rows: opt(fixtureRowsSchema),
  format: opt(fixtureFormatSchema),
  fixture: opt(z.string()),
});

export const unitTestEntrySchema = z.looseObject({
  name: requiredName(),
  model: z.string(),
  description: description(),
  given: opt(z.array(unitTestGivenSchema)),
  expect: unitTestExpectSchema,
  overrides: opt(
    z.looseObject({
      macros: opt(freeMapping()),
      vars: opt(freeMapping()),
      env_vars: opt(freeMapping()),
    }),
  ),
  config: opt(configBlockSchema),
  versions: opt(freeForm(z.looseObject({ include: z.unknown().optional(), exclude: z.unknown().optional() }))),
});

/** Properties of singular data tests (tests/*.sql), dbt 1.9+. */
export const singularTestEntrySchema = z.looseObject({
  name: requiredName(),
  description: description(),
  config: opt(configBlockSchema),
  meta: meta(),
});

// ---------------------------------------------------------------------------------------------
// The file

export const schemaFileSchema = z.looseObject({
  /** `version: 2`; optional since dbt 1.5. */
  version: opt(z.union([z.number(), z.string()])),
  models: opt(z.array(modelEntrySchema)),
  sources: opt(z.array(sourceEntrySchema)),
  seeds: opt(z.array(seedEntrySchema)),
  snapshots: opt(z.array(snapshotEntrySchema)),
  analyses: opt(z.array(analysisEntrySchema)),
  macros: opt(z.array(macroEntrySchema)),
  exposures: opt(z.array(exposureEntrySchema)),
  groups: opt(z.array(groupEntrySchema)),
  unit_tests: opt(z.array(unitTestEntrySchema)),
  data_tests: opt(z.array(singularTestEntrySchema)),
  // Semantic-layer and UDF definitions: accepted so dbt projects load, not used by Lakeform.
  semantic_models: z.unknown().optional(),
  metrics: z.unknown().optional(),
  saved_queries: z.unknown().optional(),
  functions: z.unknown().optional(),
});

export type SchemaFile = z.output<typeof schemaFileSchema>;
export type TestEntry = z.output<typeof testEntrySchema>;
export type ColumnEntry = z.output<typeof columnEntrySchema>;
export type ColumnIncludeExclude = z.output<typeof columnIncludeExcludeSchema>;
export type ConstraintEntry = z.output<typeof constraintSchema>;
export type ModelEntry = z.output<typeof modelEntrySchema>;
export type ModelVersionEntry = z.output<typeof modelVersionSchema>;
export type SourceEntry = z.output<typeof sourceEntrySchema>;
export type SourceTableEntry = z.output<typeof sourceTableEntrySchema>;
export type Freshness = z.output<typeof freshnessSchema>;
export type ExternalTable = z.output<typeof externalTableSchema>;
export type SeedEntry = z.output<typeof seedEntrySchema>;
export type SnapshotEntry = z.output<typeof snapshotEntrySchema>;
export type AnalysisEntry = z.output<typeof analysisEntrySchema>;
export type MacroEntry = z.output<typeof macroEntrySchema>;
export type ExposureEntry = z.output<typeof exposureEntrySchema>;
export type GroupEntry = z.output<typeof groupEntrySchema>;
export type UnitTestEntry = z.output<typeof unitTestEntrySchema>;
export type SingularTestEntry = z.output<typeof singularTestEntrySchema>;
export type ConfigBlock = z.output<typeof configBlockSchema>;
