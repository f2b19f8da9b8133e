import { describe, expect, it } from 'vitest';
import { murmur3x86_32 } from './murmur3.js';
import { applyTransform, bucketHashBytes, humanString, parseTransform } from './transforms.js';
import { dateToDays, decimalToUnscaled, timeToMicros, timestampToMicros } from './values.js';
import { deserializeValue, serializeValue } from './single-value.js';

// Hash values from the Iceberg spec, Appendix B ("32-bit Hash Requirements").
describe('bucket hash (spec Appendix B vectors)', () => {
  const hash = (type: string, v: Parameters<typeof bucketHashBytes>[1]): number => murmur3x86_32(bucketHashBytes(type, v));
  it('hashes ints and longs identically', () => {
    expect(hash('int', 34)).toBe(2017239379);
    expect(hash('long', 34n)).toBe(2017239379);
  });
  it('hashes decimal, date, time, timestamps, strings, uuids and bytes as the spec says', () => {
    expect(hash('decimal(4, 2)', decimalToUnscaled('14.20', 2))).toBe(-500754589);
    expect(hash('date', dateToDays('2017-11-16'))).toBe(-653330422);
    expect(hash('time', timeToMicros('22:31:08'))).toBe(-662762989);
    expect(hash('timestamp', timestampToMicros('2017-11-16T22:31:08'))).toBe(-2047944441);
    expect(hash('timestamptz', timestampToMicros('2017-11-16T14:31:08-08:00'))).toBe(-2047944441);
    expect(hash('string', 'iceberg')).toBe(1210000089);
    expect(hash('uuid', 'f79c3e09-677c-4bbd-a479-3f349cb785e7')).toBe(1488055340);
    expect(hash('binary', Uint8Array.from([0, 1, 2, 3]))).toBe(-188683207);
  });
  it('takes the positive hash modulo N', () => {
    const b = applyTransform({ kind: 'bucket', n: 16 }, 'int', 34);
    expect(b).toBe((2017239379 & 0x7fffffff) % 16);
  });
});

describe('transforms', () => {
  const ts = timestampToMicros('2024-03-15 10:30:00');
  it('computes year/month/day/hour ordinals from the epoch', () => {
    expect(applyTransform({ kind: 'year' }, 'timestamp', ts)).toBe(54);
    expect(applyTransform({ kind: 'month' }, 'timestamp', ts)).toBe(54 * 12 + 2);
    expect(applyTransform({ kind: 'day' }, 'timestamp', ts)).toBe(dateToDays('2024-03-15'));
    expect(applyTransform({ kind: 'hour' }, 'timestamp', ts)).toBe(dateToDays('2024-03-15') * 24 + 10);
    expect(applyTransform({ kind: 'day' }, 'timestamp', timestampToMicros('1969-12-31 23:00:00'))).toBe(-1);
    expect(applyTransform({ kind: 'month' }, 'date', dateToDays('1969-12-01'))).toBe(-1);
  });
  it('truncates ints towards negative infinity, strings by code points', () => {
    expect(applyTransform({ kind: 'truncate', width: 10 }, 'int', -1)).toBe(-10);
    expect(applyTransform({ kind: 'truncate', width: 10 }, 'long', 25n)).toBe(20n);
    expect(applyTransform({ kind: 'truncate', width: 50 }, 'decimal(9, 2)', decimalToUnscaled('10.65', 2))).toBe(decimalToUnscaled('10.50', 2));
    expect(applyTransform({ kind: 'truncate', width: 3 }, 'string', 'iceberg')).toBe('ice');
  });
  it('renders human partition strings', () => {
    expect(humanString({ kind: 'month' }, 'date', 54 * 12 + 2)).toBe('2024-03');
    expect(humanString({ kind: 'day' }, 'date', dateToDays('2024-03-15'))).toBe('2024-03-15');
    expect(humanString({ kind: 'hour' }, 'timestamp', dateToDays('2024-03-15') * 24 + 10)).toBe('2024-03-15-10');
    expect(humanString({ kind: 'identity' }, 'string', null)).toBe('null');
  });
  it('parses spec transform strings and rejects unknown ones', () => {
    expect(parseTransform('bucket[16]')).toEqual({ kind: 'bucket', n: 16 });
    expect(() => parseTransform('zorder')).toThrow(/unknown partition transform/);
  });
});

describe('single-value serialization (spec Appendix D)', () => {
  it('round-trips each primitive and uses the spec byte layouts', () => {
    expect([...serializeValue('int', 1)]).toEqual([1, 0, 0, 0]);
    expect([...serializeValue('decimal(5, 2)', -1n)]).toEqual([0xff]);
    expect([...serializeValue('decimal(5, 2)', 128n)]).toEqual([0x00, 0x80]);
    expect([...serializeValue('boolean', true)]).toEqual([1]);
    const cases: [string, Parameters<typeof serializeValue>[1]][] = [
      ['long', -5n], ['double', 1.5], ['float', 2.5], ['date', 19000], ['timestamp', 1_700_000_000_000_000n],
      ['string', 'héllo'], ['uuid', 'f79c3e09-677c-4bbd-a479-3f349cb785e7'], ['decimal(38, 4)', -123456789012345678901234n],
    ];
    for (const [type, v] of cases) expect(deserializeValue(type, serializeValue(type, v))).toEqual(v);
  });
});
