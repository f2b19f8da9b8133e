import { z } from 'zod';
import { LakeformError, type ManifestNode } from '@lakeform/sql-compiler';

/** The configs of a test node that decide how it runs and how its count is judged (dbt's defaults). */
const TestConfigSchema = z.looseObject({
  severity: z.string().nullish(),
  warn_if: z.string().nullish(),
  error_if: z.string().nullish(),
  fail_calc: z.string().nullish(),
  where: z.string().nullish(),
  limit: z.number().int().nonnegative().nullish(),
  store_failures: z.boolean().nullish(),
  store_failures_as: z.enum(['table', 'view', 'ephemeral']).nullish(),
});

export type Severity = 'error' | 'warn';

export interface TestConfig {
  severity: Severity;
  warnIf: string;
  errorIf: string;
  failCalc: string;
  /** dbt's default fail_calc: the failing rows are counted. */
  countsRows: boolean;
  where: string | null;
  limit: number | null;
  /** How to keep the failing rows: set by store_failures / store_failures_as (the run's --store-failures may add 'table'). */
  storeFailuresAs: 'table' | 'view' | null;
  /** store_failures_as was given: it wins over --store-failures, as in dbt. */
  storeFailuresExplicit: boolean;
}

export function readTestConfig(node: ManifestNode): TestConfig {
  const parsed = TestConfigSchema.safeParse(node.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LakeformError({
      code: 'E_TEST_CONFIG',
      message: `test ${node.name} has an invalid config${issue ? ` (${issue.path.join('.')}: ${issue.message})` : ''}`,
      node: node.unique_id,
      location: { file: node.original_file_path },
      hint: "severity is 'error' or 'warn', limit a whole number, store_failures true or false, store_failures_as 'table', 'view' or 'ephemeral'",
    });
  }
  const c = parsed.data;
  const severity = (c.severity ?? 'error').trim().toLowerCase();
  if (severity !== 'error' && severity !== 'warn') {
    throw new LakeformError({
      code: 'E_TEST_CONFIG',
      message: `test ${node.name} has severity '${c.severity}'`,
      node: node.unique_id,
      location: { file: node.original_file_path },
      hint: "severity is 'error' or 'warn' (any case)",
    });
  }
  const failCalc = (c.fail_calc ?? 'count(*)').trim();
  const as = c.store_failures_as ?? null;
  return {
    severity,
    warnIf: (c.warn_if ?? '!= 0').trim(),
    errorIf: (c.error_if ?? '!= 0').trim(),
    failCalc,
    countsRows: failCalc.replace(/\s+/g, '').toLowerCase() === 'count(*)',
    where: c.where && c.where.trim() !== '' ? c.where : null,
    limit: c.limit ?? null,
    storeFailuresAs: as === 'table' || as === 'view' ? as : as === 'ephemeral' ? null : c.store_failures ? 'table' : null,
    storeFailuresExplicit: as !== null,
  };
}
