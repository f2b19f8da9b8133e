import { z } from 'zod';

/**
 * target/run_results.json in dbt's v6 layout (https://schemas.getdbt.com/dbt/run-results/v6.json),
 * field for field: the published schema forbids extra properties, so tools validating against it
 * accept what Lakeform writes and Lakeform reads what dbt writes.
 */
export const RUN_RESULTS_SCHEMA_VERSION = 'https://schemas.getdbt.com/dbt/run-results/v6.json';

export const RunResultStatusSchema = z.enum(['success', 'error', 'skipped', 'partial success', 'pass', 'fail', 'warn', 'runtime error']);

export const TimingInfoSchema = z.strictObject({
  name: z.string(),
  started_at: z.string().nullable().optional(),
  completed_at: z.string().nullable().optional(),
});

const BatchPairSchema = z.tuple([z.string(), z.string()]);

export const BatchResultsSchema = z.strictObject({
  successful: z.array(BatchPairSchema).optional(),
  failed: z.array(BatchPairSchema).optional(),
});

export const RunResultOutputSchema = z.strictObject({
  status: RunResultStatusSchema,
  timing: z.array(TimingInfoSchema),
  thread_id: z.string(),
  execution_time: z.number(),
  adapter_response: z.record(z.string(), z.unknown()),
  message: z.string().nullable(),
  failures: z.number().int().nullable(),
  unique_id: z.string(),
  compiled: z.boolean().nullable(),
  compiled_code: z.string().nullable(),
  relation_name: z.string().nullable(),
  batch_results: BatchResultsSchema.nullable().optional(),
});

export const RunResultsMetadataSchema = z.strictObject({
  dbt_schema_version: z.string(),
  dbt_version: z.string().optional(),
  generated_at: z.string().optional(),
  invocation_id: z.string().nullable().optional(),
  env: z.record(z.string(), z.string()).optional(),
});

export const RunResultsSchema = z.strictObject({
  metadata: RunResultsMetadataSchema,
  results: z.array(RunResultOutputSchema),
  elapsed_time: z.number(),
  args: z.record(z.string(), z.unknown()).optional(),
});

export type RunResultStatus = z.infer<typeof RunResultStatusSchema>;
export type RunResultOutput = z.infer<typeof RunResultOutputSchema>;
export type RunResults = z.infer<typeof RunResultsSchema>;
