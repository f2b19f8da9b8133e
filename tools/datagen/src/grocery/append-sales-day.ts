import { LakeformError } from '@lakeform/sql-compiler';
import { formatCalendarDay, parseCalendarDay } from '../time/calendar-day.js';
import { MAX_SALES_ID } from './grocery-options.js';
import { GROCERY_MANIFEST_FILE, readGroceryManifest, writeGroceryManifest, type GroceryManifest } from './grocery-manifest.js';
import { salesFilesSummary, type GrocerySummary } from './grocery-summary.js';
import { GROCERY_TABLES, type GroceryTable } from './grocery-tables.js';
import { salesDayFiles, writeSalesDays } from './write-sales-days.js';

export interface AppendSalesDayInput {
  outDir: string;
  day: string;
  /** Sales of the day; by default the average day of the initial data set. */
  sales?: number;
  /** Must match the data set's seed when given. */
  seed?: number;
}

/**
 * Writes one more day of sales as `sales/dt=YYYY-MM-DD/sales.csv`, continuing the SalesIDs of
 * the data set in `outDir` — the new partition a daily incremental run picks up.
 */
export async function appendSalesDay(input: AppendSalesDayInput): Promise<GrocerySummary> {
  const day = parseCalendarDay(input.day, '--append-day');
  const manifest = await readAppendableManifest(input.outDir);
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

  const days = [{ day, sales }];
  const appended = salesDayFiles(firstSalesId, days);
  const next: GroceryManifest = {
    ...manifest,
    status: 'writing',
    lastSalesId,
    lastSalesDay: formatCalendarDay(day),
    appended: [...manifest.appended, ...appended],
  };
  await writeGroceryManifest(input.outDir, next);
  await writeSalesDays({ outDir: input.outDir, seed: manifest.seed, customers: manifest.customers, firstSalesId, days });
  await writeGroceryManifest(input.outDir, { ...next, status: 'complete' });

  const rows = Object.fromEntries(GROCERY_TABLES.map((t) => [t, t === 'sales' ? sales : 0])) as Record<GroceryTable, number>;
  return {
    outDir: input.outDir,
    seed: manifest.seed,
    mode: 'append-day',
    files: [salesFilesSummary(appended)],
    rows,
    sales: { firstSalesId, lastSalesId, daysFrom: formatCalendarDay(day), daysTo: formatCalendarDay(day) },
  };
}

/** The record of a finished data set in the current layout, the only kind a day can be added to. */
async function readAppendableManifest(outDir: string): Promise<GroceryManifest> {
  const manifest = await readGroceryManifest(outDir);
  if (manifest === undefined) {
    throw new LakeformError({
      code: 'E_DATAGEN_NO_DATASET',
      message: `there is no grocery data set in ${outDir} to append a day to (no ${GROCERY_MANIFEST_FILE})`,
      hint: `generate it first: datagen grocery --out ${outDir} --sales N --seed S`,
    });
  }
  const regenerate = `datagen grocery --out ${outDir} --sales ${manifest.sales} --seed ${manifest.seed} --days-from ${manifest.daysFrom} --days-to ${manifest.daysTo}`;
  if (manifest.formatVersion === 1) {
    throw new LakeformError({
      code: 'E_DATAGEN_OUTDATED_DATASET',
      message: `the data set in ${outDir} has the old layout (all sales in sales/sales.csv, format 1 of ${GROCERY_MANIFEST_FILE}); days are now appended as sales/dt=YYYY-MM-DD/sales.csv partitions, which cannot be mixed with it`,
      hint: `generate it again in the new layout (the same rows, split by day; the old sales files are removed): ${regenerate}`,
    });
  }
  if (manifest.status !== 'complete') {
    throw new LakeformError({
      code: 'E_DATAGEN_INCOMPLETE_DATASET',
      message: `the last datagen run in ${outDir} did not finish (${GROCERY_MANIFEST_FILE} says it was still writing), so its sales may be incomplete`,
      hint: `generate the data set again, which removes what the interrupted run wrote: ${regenerate}`,
    });
  }
  return manifest;
}
