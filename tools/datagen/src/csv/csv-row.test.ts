import { describe, expect, it } from 'vitest';
import { csvChunks, csvField, csvRow } from './csv-row.js';

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('New York')).toBe('New York');
    expect(csvField("O'Brien")).toBe("O'Brien");
    expect(csvField('')).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('Korea, Republic of')).toBe('"Korea, Republic of"');
    expect(csvField('"Signature" Line')).toBe('"""Signature"" Line"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });
});

describe('csvRow and csvChunks', () => {
  it('joins fields with commas and ends the record with a line feed', () => {
    expect(csvRow(['1', 'a,b', 'c'])).toBe('1,"a,b",c\n');
  });

  it('groups rows into chunks of the requested size, keeping every row once', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [String(i)]);
    const chunks = [...csvChunks(rows, 4)];
    expect(chunks).toEqual(['0\n1\n2\n3\n', '4\n5\n6\n7\n', '8\n9\n']);
    expect([...csvChunks([], 4)]).toEqual([]);
  });
});
