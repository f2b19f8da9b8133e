import { describe, expect, it } from 'vitest';
import type { ManifestSource } from '@lakeform/sql-compiler';
import { freshnessCriteria, thresholdSeconds } from './freshness-criteria.js';
import { freshnessSql } from './freshness-query.js';
import { freshnessStatus } from './freshness-status.js';
import { EARLIEST_TIME, toInstant } from './timestamp-value.js';

const source = (freshness: unknown, extra: Partial<ManifestSource> = {}): ManifestSource =>
  ({
    unique_id: 'source.p.raw.orders',
    source_name: 'raw',
    name: 'orders',
    original_file_path: 'models/sources.yml',
    relation_name: '"awsdatacatalog"."raw"."orders"',
    loaded_at_field: 'loaded_at',
    freshness,
    ...extra,
  }) as ManifestSource;

describe('freshness criteria', () => {
  it('normalises a freshness block to dbt criteria, unset thresholds as nulls', () => {
    expect(freshnessCriteria(source({ warn_after: { count: 12, period: 'hour' } }))).toEqual({
      warn_after: { count: 12, period: 'hour' },
      error_after: { count: null, period: null },
      filter: null,
    });
  });

  it('has nothing to check without thresholds', () => {
    expect(freshnessCriteria(source(null))).toBeUndefined();
    expect(freshnessCriteria(source({ warn_after: null, error_after: { count: null, period: null } }))).toBeUndefined();
  });

  it('rejects a threshold with a count but no period, naming the source', () => {
    expect(() => freshnessCriteria(source({ error_after: { count: 3 } }))).toThrow(/error_after of source 'raw.orders' needs both/);
  });

  it('rejects an unknown period', () => {
    expect(() => freshnessCriteria(source({ warn_after: { count: 1, period: 'week' } }))).toThrow(expect.objectContaining({ code: 'E_FRESHNESS_CONFIG' }));
  });

  it('converts periods to seconds', () => {
    expect(thresholdSeconds({ count: 2, period: 'day' })).toBe(172800);
    expect(thresholdSeconds({ count: 90, period: 'minute' })).toBe(5400);
    expect(thresholdSeconds({ count: null, period: null })).toBeUndefined();
  });
});

describe('freshness status', () => {
  const criteria = { warn_after: { count: 1, period: 'hour' as const }, error_after: { count: 1, period: 'day' as const }, filter: null };

  it('passes at the threshold and warns or errors only beyond it', () => {
    expect(freshnessStatus(3600, criteria)).toBe('pass');
    expect(freshnessStatus(3601, criteria)).toBe('warn');
    expect(freshnessStatus(86400, criteria)).toBe('warn');
    expect(freshnessStatus(86401, criteria)).toBe('error');
    expect(freshnessStatus(-50, criteria)).toBe('pass');
  });

  it('errors without a warn threshold and warns without an error threshold', () => {
    expect(freshnessStatus(7200, { ...criteria, warn_after: { count: null, period: null }, error_after: { count: 1, period: 'hour' } })).toBe('error');
    expect(freshnessStatus(1e9, { ...criteria, error_after: { count: null, period: null } })).toBe('warn');
  });
});

describe('freshness query', () => {
  it('is dbt collect_freshness in Athena SQL, with the filter and an injected clock', () => {
    const sql = freshnessSql(source(null), 'cast(updated_at as timestamp)', { warn_after: { count: 1, period: 'hour' }, error_after: { count: null, period: null }, filter: "kind = 'a'" }, new Date('2024-06-01T12:00:00Z'));
    expect(sql).toBe(`select max(cast(updated_at as timestamp)) as max_loaded_at, timestamp '2024-06-01 12:00:00.000' as snapshotted_at\nfrom "awsdatacatalog"."raw"."orders"\nwhere kind = 'a'`);
  });

  it('uses the warehouse clock when no instant is given', () => {
    expect(freshnessSql(source(null), 'x', { warn_after: { count: 1, period: 'hour' }, error_after: { count: null, period: null }, filter: null })).toContain('current_timestamp as snapshotted_at');
  });
});

describe('timestamp values', () => {
  it('reads engine values as instants, naive text as UTC', () => {
    expect(toInstant(new Date('2024-01-01T00:00:00Z'))?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(toInstant('2024-05-01 10:00:00.123456')?.toISOString()).toBe('2024-05-01T10:00:00.123Z');
    expect(toInstant('2024-05-01 10:00:00.000 UTC')?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(toInstant('2024-05-01T10:00:00+02:00')?.toISOString()).toBe('2024-05-01T08:00:00.000Z');
    expect(toInstant('2024-05-01')?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(toInstant(null)).toBeNull();
    expect(toInstant('yesterday')).toBeUndefined();
    expect(toInstant(42)?.getTime()).toBe(42);
  });

  it('puts the earliest time at year 1, as dbt reads an empty table', () => {
    expect(EARLIEST_TIME.toISOString()).toBe('0001-01-01T00:00:00.000Z');
  });
});
