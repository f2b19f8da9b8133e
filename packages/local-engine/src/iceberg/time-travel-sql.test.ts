import { describe, expect, it } from 'vitest';
import { extractTimeTravel } from './time-travel-sql.js';

describe('extractTimeTravel', () => {
  it('replaces version and timestamp references with placeholders', () => {
    const out = extractTimeTravel(`SELECT a.id FROM "Lake"."Orders" FOR VERSION AS OF 123 a JOIN cat.lake.items FOR TIMESTAMP AS OF TIMESTAMP '2024-01-01 00:00:00 UTC' b ON a.id = b.id`);
    expect(out.sql).toBe('SELECT a.id FROM __lakeform_time_travel_0 a JOIN __lakeform_time_travel_1 b ON a.id = b.id');
    expect(out.refs).toEqual([
      { placeholder: '__lakeform_time_travel_0', schema: 'lake', table: 'orders', at: { snapshotId: 123n } },
      { placeholder: '__lakeform_time_travel_1', schema: 'lake', table: 'items', at: { timestampMs: Date.UTC(2024, 0, 1) } },
    ]);
  });

  it('reads zone offsets, uses the default schema for bare names and ignores strings and comments', () => {
    const out = extractTimeTravel(`-- t FOR VERSION AS OF 1\nSELECT 'x FOR VERSION AS OF 2' FROM t for timestamp as of timestamp '2024-01-01 02:00:00+02:00'`, { defaultSchema: 'dev' });
    expect(out.refs).toEqual([{ placeholder: '__lakeform_time_travel_0', schema: 'dev', table: 't', at: { timestampMs: Date.UTC(2024, 0, 1) } }]);
    expect(out.sql).toBe(`-- t FOR VERSION AS OF 1\nSELECT 'x FOR VERSION AS OF 2' FROM __lakeform_time_travel_0`);
    expect(extractTimeTravel('SELECT 1').refs).toEqual([]);
  });

  it('names what it cannot translate', () => {
    expect(() => extractTimeTravel('SELECT * FROM s.t FOR TIMESTAMP AS OF current_timestamp')).toThrow(/unsupported time travel expression/);
  });
});
