import * as z from 'zod';
import {
  boolLike,
  deprecated,
  freeForm,
  freeMapping,
  identifier,
  looseString,
  opt,
  stringOrList,
} from './schema-kit.js';

/**
 * dbt_project.yml, as dbt documents it. Read top to bottom, this is the reference for which keys a
 * project file may hold; unknown keys load (with a warning) rather than fail.
 */

/**
 * `models:`, `seeds:` … config trees. Free-form: keys starting with '+' are configs, other keys
 * are package or folder names (or bare configs); folder-config.ts gives them meaning.
 */
export const configTreeSchema = freeForm(z.record(z.string(), z.unknown()));

const pathList = () => opt(stringOrList());

export const dispatchEntrySchema = z.looseObject({
  /** The package whose macros are being dispatched, e.g. dbt_utils. */
  macro_namespace: z.string(),
  /** Packages searched, in order, for an implementation. */
  search_order: z.array(z.string()),
});

export const projectQuotingSchema = z.looseObject({
  database: opt(boolLike()),
  schema: opt(boolLike()),
  identifier: opt(boolLike()),
  snowflake_ignore_case: opt(boolLike()),
});

export const queryCommentSchema = z.union(
  [
    z.string(),
    z.looseObject({
      comment: opt(z.string()),
      append: opt(boolLike()),
      'job-label': opt(boolLike()),
    }),
  ],
  { error: 'a string or a mapping with comment/append/job-label' },
);

const projectShape = {
  /** Project name: the first element of every node's fqn and the key of its config tree. */
  name: identifier(),
  version: opt(looseString()),
  /** Only 2 is supported by dbt 1.x; absent means 2. */
  'config-version': opt(z.literal(2)),
  /** Which profile in profiles.yml to connect with. */
  profile: opt(z.string()),

  'model-paths': pathList(),
  'seed-paths': pathList(),
  'test-paths': pathList(),
  'analysis-paths': pathList(),
  'macro-paths': pathList(),
  'snapshot-paths': pathList(),
  'docs-paths': pathList(),
  'asset-paths': pathList(),
  'function-paths': pathList(),
  'target-path': opt(z.string()),
  'log-path': deprecated(opt(z.string()), 'use the --log-path flag or DBT_LOG_PATH instead'),
  'packages-install-path': opt(z.string()),
  'clean-targets': pathList(),
  'source-paths': deprecated(pathList(), "use 'model-paths'"),
  'data-paths': deprecated(pathList(), "use 'seed-paths'"),
  'modules-path': deprecated(opt(z.string()), "use 'packages-install-path'"),

  /** dbt version range(s) this project runs with, e.g. ">=1.7.0" or [">=1.7.0", "<2.0.0"]. */
  'require-dbt-version': opt(stringOrList()),
  /** Project variables. Free-form: a key naming a package holds that package's own vars. */
  vars: opt(freeMapping()),
  dispatch: opt(z.array(dispatchEntrySchema)),
  /** SQL run at the start/end of every invocation; rendered at run time, not at load. */
  'on-run-start': opt(stringOrList()),
  'on-run-end': opt(stringOrList()),
  quoting: opt(projectQuotingSchema),
  'query-comment': z.union([queryCommentSchema, z.null()]).optional(),
  /** Behaviour-change flags (dbt 1.8+), free-form. */
  flags: opt(freeMapping()),
  'dbt-cloud': opt(freeMapping()),
  /** Enforce `access: private/protected` across packages. */
  'restrict-access': opt(boolLike()),

  models: opt(configTreeSchema),
  seeds: opt(configTreeSchema),
  snapshots: opt(configTreeSchema),
  sources: opt(configTreeSchema),
  tests: opt(configTreeSchema),
  data_tests: opt(configTreeSchema),
  unit_tests: opt(configTreeSchema),
  analyses: opt(configTreeSchema),
  exposures: opt(configTreeSchema),
  metrics: opt(configTreeSchema),
  'semantic-models': opt(configTreeSchema),
  'saved-queries': opt(configTreeSchema),
  functions: opt(configTreeSchema),
};

/** dbt's defaults, applied after validation so every path list is present in the result. */
export const projectFileSchema = z.looseObject(projectShape).transform((p) => {
  const modelPaths = p['model-paths'] ?? p['source-paths'] ?? ['models'];
  const seedPaths = p['seed-paths'] ?? p['data-paths'] ?? ['seeds'];
  const testPaths = p['test-paths'] ?? ['tests'];
  const analysisPaths = p['analysis-paths'] ?? ['analyses'];
  const macroPaths = p['macro-paths'] ?? ['macros'];
  const snapshotPaths = p['snapshot-paths'] ?? ['snapshots'];
  return {
    ...p,
    'config-version': 2 as const,
    'model-paths': modelPaths,
    'seed-paths': seedPaths,
    'test-paths': testPaths,
    'analysis-paths': analysisPaths,
    'macro-paths': macroPaths,
    'snapshot-paths': snapshotPaths,
    // dbt looks for docs blocks in every resource path unless told otherwise.
    'docs-paths': p['docs-paths'] ?? [...modelPaths, ...seedPaths, ...testPaths, ...analysisPaths, ...macroPaths, ...snapshotPaths],
    'asset-paths': p['asset-paths'] ?? [],
    'target-path': p['target-path'] ?? 'target',
    'packages-install-path': p['packages-install-path'] ?? p['modules-path'] ?? 'dbt_packages',
    'clean-targets': p['clean-targets'] ?? [],
    'require-dbt-version': p['require-dbt-version'] ?? [],
    'on-run-start': p['on-run-start'] ?? [],
    'on-run-end': p['on-run-end'] ?? [],
    vars: p.vars ?? {},
    dispatch: p.dispatch ?? [],
  };
});

export type ProjectFile = z.output<typeof projectFileSchema>;
export type DispatchEntry = z.output<typeof dispatchEntrySchema>;
/** The resource kinds that have a config tree in dbt_project.yml. */
export type ConfigTreeKind =
  | 'models'
  | 'seeds'
  | 'snapshots'
  | 'sources'
  | 'tests'
  | 'data_tests'
  | 'unit_tests'
  | 'analyses'
  | 'exposures'
  | 'metrics'
  | 'semantic-models'
  | 'saved-queries'
  | 'functions';
