import type { ManifestSource } from '@lakeform/sql-compiler';
import type { FreshnessCriteria } from './freshness-criteria.js';

/** `timestamp '2024-05-01 10:00:00.000'`: an instant as an Athena (Trino) literal, in UTC. */
export function timestampLiteral(d: Date): string {
  return `timestamp '${d.toISOString().replace('T', ' ').replace('Z', '')}'`;
}

/**
 * dbt's collect_freshness query in Athena SQL. `now` replaces the warehouse clock — for tests and
 * for checking every source against one instant; without it the warehouse's own clock is used,
 * as in dbt, so loaded_at and the snapshot come from the same clock.
 */
export function freshnessSql(src: ManifestSource, loadedAtField: string, criteria: FreshnessCriteria, now?: Date): string {
  const snapshot = now ? timestampLiteral(now) : 'current_timestamp';
  const where = criteria.filter ? `\nwhere ${criteria.filter}` : '';
  return `select max(${loadedAtField}) as max_loaded_at, ${snapshot} as snapshotted_at\nfrom ${src.relation_name}${where}`;
}
