import { z } from 'zod';
import { LakeformError, type ManifestSource } from '@lakeform/sql-compiler';

/** dbt's freshness periods; each is a fixed number of seconds (dbt uses timedelta, so no calendar days). */
export const FRESHNESS_PERIODS = ['minute', 'hour', 'day'] as const;
export type FreshnessPeriod = (typeof FRESHNESS_PERIODS)[number];

const SECONDS_PER: Record<FreshnessPeriod, number> = { minute: 60, hour: 3600, day: 86400 };

// The manifest keeps `freshness` as it was written in YAML, so it is validated again here.
const ThresholdInputSchema = z.looseObject({
  count: z.number().int().nullish(),
  period: z.enum(FRESHNESS_PERIODS).nullish(),
});
const FreshnessInputSchema = z.looseObject({
  warn_after: ThresholdInputSchema.nullish(),
  error_after: ThresholdInputSchema.nullish(),
  filter: z.string().nullish(),
});

/** A threshold as dbt writes it in sources.json: both null when it is not set. */
export interface FreshnessThreshold {
  count: number | null;
  period: FreshnessPeriod | null;
}

/** The `criteria` of a sources.json result: the source's freshness block, normalised. */
export interface FreshnessCriteria {
  warn_after: FreshnessThreshold;
  error_after: FreshnessThreshold;
  filter: string | null;
}

const UNSET: FreshnessThreshold = { count: null, period: null };

/** A threshold only counts with both parts, as in dbt; it is the age in seconds beyond which it trips. */
export function thresholdSeconds(t: FreshnessThreshold): number | undefined {
  return t.count !== null && t.period !== null ? t.count * SECONDS_PER[t.period] : undefined;
}

/**
 * The criteria of a source, or undefined when it has no freshness check to run (no `freshness`,
 * `freshness: null`, or neither threshold set). A half-written threshold is an error rather than
 * a silently skipped check.
 */
export function freshnessCriteria(src: ManifestSource): FreshnessCriteria | undefined {
  if (src.freshness === null || src.freshness === undefined) return undefined;
  const parsed = FreshnessInputSchema.safeParse(src.freshness);
  const where = `source '${src.source_name}.${src.name}'`;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LakeformError({
      code: 'E_FRESHNESS_CONFIG',
      message: `the freshness of ${where} is not valid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : parsed.error.message}`,
      hint: 'write it as freshness: {warn_after: {count: 12, period: hour}, error_after: {count: 24, period: hour}, filter: <sql>}; period is minute, hour or day',
      location: { file: src.original_file_path },
    });
  }
  const threshold = (key: 'warn_after' | 'error_after'): FreshnessThreshold => {
    const t = parsed.data[key];
    if (!t || ((t.count ?? null) === null && (t.period ?? null) === null)) return UNSET;
    if ((t.count ?? null) === null || (t.period ?? null) === null) {
      throw new LakeformError({
        code: 'E_FRESHNESS_CONFIG',
        message: `the ${key} of ${where} needs both a count and a period`,
        hint: `e.g. ${key}: {count: 12, period: hour}`,
        location: { file: src.original_file_path },
      });
    }
    return { count: t.count ?? null, period: t.period ?? null };
  };
  const criteria: FreshnessCriteria = { warn_after: threshold('warn_after'), error_after: threshold('error_after'), filter: parsed.data.filter ?? null };
  if (thresholdSeconds(criteria.warn_after) === undefined && thresholdSeconds(criteria.error_after) === undefined) return undefined;
  return criteria;
}
