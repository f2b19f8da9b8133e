import { thresholdSeconds, type FreshnessCriteria } from './freshness-criteria.js';

export type FreshnessStatus = 'pass' | 'warn' | 'error';

/** dbt's rule: error beyond error_after, else warn beyond warn_after, else pass (strictly beyond). */
export function freshnessStatus(ageSeconds: number, criteria: FreshnessCriteria): FreshnessStatus {
  const beyond = (limit: number | undefined) => limit !== undefined && ageSeconds > limit;
  if (beyond(thresholdSeconds(criteria.error_after))) return 'error';
  if (beyond(thresholdSeconds(criteria.warn_after))) return 'warn';
  return 'pass';
}
