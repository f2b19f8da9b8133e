import type { ManifestSource } from '@lakeform/sql-compiler';
import { freshnessCriteria, type FreshnessCriteria } from './freshness-criteria.js';

/** One source table whose freshness can be checked. */
export interface FreshnessCheck {
  source: ManifestSource;
  loadedAtField: string;
  criteria: FreshnessCriteria;
}

/** A selected source that has thresholds but nothing to measure them against. */
export interface FreshnessSkip {
  source: ManifestSource;
  reason: string;
}

export interface FreshnessPlan {
  checks: FreshnessCheck[];
  /** Sources with a freshness block but no loaded_at_field: worth telling the user about. */
  skipped: FreshnessSkip[];
}

/**
 * Which of the given sources get a freshness query, in a stable order (by unique_id). Sources
 * without thresholds are left out silently, as dbt leaves them out; a source with thresholds but
 * no loaded_at_field is reported, because a user who wrote thresholds expects a check.
 */
export function planFreshnessChecks(sources: Iterable<ManifestSource>): FreshnessPlan {
  const checks: FreshnessCheck[] = [];
  const skipped: FreshnessSkip[] = [];
  for (const source of [...sources].sort((a, b) => a.unique_id.localeCompare(b.unique_id))) {
    const criteria = freshnessCriteria(source);
    if (!criteria) continue;
    const field = source.loaded_at_field?.trim();
    if (!field) {
      skipped.push({ source, reason: `source '${source.source_name}.${source.name}' has freshness thresholds but no loaded_at_field, so there is nothing to measure` });
      continue;
    }
    checks.push({ source, loadedAtField: field, criteria });
  }
  return { checks, skipped };
}
