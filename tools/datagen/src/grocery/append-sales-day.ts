import { join } from 'node:path';
import { LakeformError } from '@lakeform/sql-compiler';
import { writeCsvFile } from '../csv/csv-file-writer.js';
import { compactCalendarDay, formatCalendarDay, parseCalendarDay } from '../time/calendar-day.js';
import { MAX_SALES_ID } from './grocery-options.js';
import { GROCERY_MANIFEST_FILE, readGroceryManifest, writeGroceryManifest } from './grocery-manifest.js';
import type { GrocerySummary } from './grocery-summary.js';
import { appendedSalesFile, GROCERY_COLUMNS, GROCERY_TABLES, type GroceryTable } from './grocery-tables.js';
import { salesChunks } from './sales-rows.js';

export interface AppendSalesDayInput {
  outDir: string;
  day: string;
  /** Sales of the day; by default the average day of the initial data set. */
  sales?: number;
  /** Must match the data set's seed when given. */
  seed?: number;
}

/**
 * Writes one more day of sales as `sales/sales_YYYYMMDD.csv`, continuing the SalesIDs of the data
 * set in `outDir` — the new data a daily incremental run picks up.
 */
export async function appendSalesDay(input: AppendSalesDayInput): Promise<GrocerySummary> {
  const day = parseCalendarDay(input.day, '--append-day');
  const manifest = await readGroceryManifest(input.outDir);
  if (manifest === undefined) {
    throw new LakeformError({
      code: 'E_DATAGEN_NO_DATASET',
      message: `there is no grocery data set in ${input.outDir} to append a day to (no ${GROCERY_MANIFEST_FILE})`,
      hint: `generate it first: datagen grocery --out ${input.outDir} --sales N --seed S`,
    });
  }
  if (input.seed !== undefined && input.seed !== manifest.seed) {
    throw new LakeformError({
      code: 'E_DATAGEN_SEED_MISMATCH',
      message: `--seed ${input.seed} differs from the seed ${manifest.seed} the data set in ${input.outDir} was generated with`,
      hint: `leave out --seed (the data set's seed is used) or pass --seed ${manifest.seed}`,
    });
  }
  const lastDay = parseCalendarDay(manifest.lastSalesDay, `lastSalesDay in ${GROCERY_MANIFEST_FILE}`);
  if (day <= lastDay) {
    throw new LakeformError({
      code: 'E_DATAGEN_APPEND_DAY_NOT_AFTER',
      message: `cannot append ${input.day}: the data set in ${input.outDir} already has sales up to ${manifest.lastSalesDay}`,
      hint: `append a later day, e.g. --append-day ${formatCalendarDay(lastDay + 1)}`,
    });
  }
  const baseDays = parseCalendarDay(manifest.daysTo, 'daysTo') - parseCalendarDay(manifest.daysFrom, 'daysFrom') + 1;
  const sales = input.sales ?? Math.max(1, Math.round(manifest.sales / baseDays));
  const firstSalesId = manifest.lastSalesId + 1;
  const lastSalesId = manifest.lastSalesId + sales;
  if (lastSalesId > MAX_SALES_ID) {
    throw new LakeformError({
      code: 'E_DATAGEN_TOO_MANY_SALES',
      message: `appending ${sales} sales would take SalesID past ${MAX_SALES_ID}`,
      hint: 'append fewer sales, or regenerate a smaller data set',
    });
  }

  const file = appendedSalesFile(compactCalendarDay(day));
  await writeCsvFile(
    join(input.outDir, file),
    GROCERY_COLUMNS.sales,
    salesChunks({ seed: manifest.seed, firstSalesId, customers: manifest.customers, days: [{ day, sales }] }),
  );
  await writeGroceryManifest(input.outDir, {
    ...manifest,
    lastSalesId,
    lastSalesDay: formatCalendarDay(day),
    appended: [...manifest.appended, { day: formatCalendarDay(day), file, firstSalesId, rows: sales }],
  });

  const rows = Object.fromEntries(GROCERY_TABLES.map((t) => [t, t === 'sales' ? sales : 0])) as Record<GroceryTable, number>;
  return {
    outDir: input.outDir,
    seed: manifest.seed,
    mode: 'append-day',
    files: [{ table: 'sales', file, rows: sales }],
    rows,
    sales: { firstSalesId, lastSalesId, daysFrom: formatCalendarDay(day), daysTo: formatCalendarDay(day) },
  };
}
