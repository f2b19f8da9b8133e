import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { salesChunks } from './sales-rows.js';
import { salesDayFiles, writeSalesDays } from './write-sales-days.js';

const root = mkdtempSync(join(tmpdir(), 'lakeform-datagen-days-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// 2018-01-01..2018-01-03 as day numbers
const DAYS = [
  { day: 17532, sales: 40 },
  { day: 17533, sales: 0 },
  { day: 17534, sales: 25 },
];

describe('salesDayFiles', () => {
  it('gives each day its partition file and continues the SalesIDs across days, also past empty ones', () => {
    expect(salesDayFiles(100, DAYS)).toEqual([
      { day: '2018-01-01', file: 'sales/dt=2018-01-01/sales.csv', firstSalesId: 100, rows: 40 },
      { day: '2018-01-02', file: 'sales/dt=2018-01-02/sales.csv', firstSalesId: 140, rows: 0 },
      { day: '2018-01-03', file: 'sales/dt=2018-01-03/sales.csv', firstSalesId: 140, rows: 25 },
    ]);
  });
});

describe('writeSalesDays', () => {
  it('writes one headed file per day whose rows are those of one run over all the days', async () => {
    const out = join(root, 'three-days');
    await writeSalesDays({ outDir: out, seed: 9, customers: 100, firstSalesId: 100, days: DAYS });
    expect(readdirSync(join(out, 'sales')).sort()).toEqual(['dt=2018-01-01', 'dt=2018-01-02', 'dt=2018-01-03']);
    const header = 'SalesID,SalesPersonID,CustomerID,ProductID,Quantity,Discount,TotalPrice,SalesDate,TransactionNumber\n';
    const texts = salesDayFiles(100, DAYS).map((f) => readFileSync(join(out, f.file), 'utf8'));
    for (const text of texts) expect(text.startsWith(header)).toBe(true);
    expect(texts[1]).toBe(header);
    const expected = [...salesChunks({ seed: 9, firstSalesId: 100, customers: 100, days: DAYS })].join('');
    expect(texts.map((t) => t.slice(header.length)).join('')).toBe(expected);
    // no temporary files left behind
    for (const day of readdirSync(join(out, 'sales'))) expect(readdirSync(join(out, 'sales', day))).toEqual(['sales.csv']);
  });
});
