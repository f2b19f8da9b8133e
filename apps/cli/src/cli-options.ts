import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LakeformError } from '@lakeform/sql-compiler';

/** The flags every project command takes, as dbt spells them; validated once at the boundary. */
export const ProjectFlagsSchema = z.object({
  projectDir: z.string().optional(),
  profilesDir: z.string().optional(),
  target: z.string().optional(),
  vars: z.string().optional(),
  debug: z.boolean().optional(),
  quiet: z.boolean().optional(),
  select: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
  selector: z.string().optional(),
  state: z.string().optional(),
  fullRefresh: z.boolean().optional(),
});
export type ProjectFlags = z.infer<typeof ProjectFlagsSchema>;

/** What run, build, seed, snapshot, show and retry add. */
export const RunFlagsSchema = ProjectFlagsSchema.extend({
  threads: z.coerce.number().int().min(1, '--threads must be at least 1').max(64, '--threads is at most 64').optional(),
  failFast: z.boolean().optional(),
  logFormat: z.enum(['text', 'json']).optional(),
  storeFailures: z.boolean().optional(),
});
export type RunFlagsInput = z.infer<typeof RunFlagsSchema>;

/** --vars takes YAML (or JSON) for a mapping, as dbt's does. */
export function parseVars(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw.trim() === '') return {};
  let value: unknown;
  try {
    value = parseYaml(raw);
  } catch (e) {
    throw new LakeformError({ code: 'E_CLI_VARS', message: `--vars is not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, hint: `write it as a mapping, e.g. --vars '{start_date: "2024-01-01"}'` });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new LakeformError({ code: 'E_CLI_VARS', message: '--vars must be a YAML mapping of names to values', hint: `e.g. --vars '{region: eu, days: 7}'` });
  }
  return value as Record<string, unknown>;
}
