import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LakeformError } from '@lakeform/sql-compiler';
import { csvChunks } from '../csv/csv-row.js';
import { writeCsvFile } from '../csv/csv-file-writer.js';
import { formatCalendarDay, parseCalendarDay } from '../time/calendar-day.js';
import { categoryRows } from './categories.js';
import { cityRows } from './cities.js';
import { countryRows } from './countries.js';
import { customerRows } from './customers.js';
import { employeeRows } from './employees.js';
import { customerCountFor } from './grocery-scale.js';
import { readGroceryManifest, writeGroceryManifest } from './grocery-manifest.js';
import type { GroceryFileSummary, GrocerySummary } from './grocery-summary.js';
import { GROCERY_COLUMNS, groceryTableFile, type GroceryTable } from './grocery-tables.js';
import { productRows } from './products.js';
import { salesChunks } from './sales-rows.js';
import { dailySalesVolumes } from './sales-volume.js';

export interface FullGroceryInput {
  outDir: string;
  seed: number;
  sales: number;
  daysFrom: string;
  daysTo: string;
}

/** Writes all seven tables, replacing a data set already in `outDir` (and the days appended to it). */
export async function writeFullGrocery(input: FullGroceryInput): Promise<GrocerySummary> {
  const from = parseCalendarDay(input.daysFrom, '--days-from');
  const to = parseCalendarDay(input.daysTo, '--days-to');
  if (to < from) {
    throw new LakeformError({
      code: 'E_DATAGEN_EMPTY_DAY_RANGE',
      message: `--days-to ${input.daysTo} is before --days-from ${input.daysFrom}`,
      hint: 'give the first and the last day of sales, in that order',
    });
  }
  await removeAppendedDays(input.outDir);

  const customers = customerCountFor(input.sales);
  const files: GroceryFileSummary[] = [];
  const write = async (table: GroceryTable, rows: number, chunks: Iterable<string>): Promise<void> => {
    const file = groceryTableFile(table);
    await writeCsvFile(join(input.outDir, file), GROCERY_COLUMNS[table], chunks);
    files.push({ table, file, rows });
  };
  const small = async (table: GroceryTable, rows: readonly string[][]): Promise<void> => write(table, rows.length, csvChunks(rows));

  await small('categories', categoryRows());
  await small('cities', cityRows(input.seed));
  await small('countries', countryRows());
  await write('customers', customers, csvChunks(customerRows(input.seed, customers)));
  await small('employees', employeeRows(input.seed));
  await small('products', productRows(input.seed));
  const days = dailySalesVolumes(input.seed, input.sales, from, to);
  await write('sales', input.sales, salesChunks({ seed: input.seed, firstSalesId: 1, customers, days }));

  await writeGroceryManifest(input.outDir, {
    dataset: 'grocery',
    formatVersion: 1,
    seed: input.seed,
    sales: input.sales,
    customers,
    daysFrom: formatCalendarDay(from),
    daysTo: formatCalendarDay(to),
    lastSalesId: input.sales,
    lastSalesDay: formatCalendarDay(to),
    appended: [],
  });

  const rows = Object.fromEntries(files.map((f) => [f.table, f.rows])) as Record<GroceryTable, number>;
  return {
    outDir: input.outDir,
    seed: input.seed,
    mode: 'full',
    files,
    rows,
    sales: { firstSalesId: 1, lastSalesId: input.sales, daysFrom: formatCalendarDay(from), daysTo: formatCalendarDay(to) },
  };
}

/**
 * Days appended to an earlier data set would continue SalesIDs the new `sales.csv` reuses, so
 * they go with it; only files the manifest lists are removed, never anything else in the folder.
 */
async function removeAppendedDays(outDir: string): Promise<void> {
  const previous = await readGroceryManifest(outDir).catch(() => undefined);
  for (const { file } of previous?.appended ?? []) {
    if (/^sales\/sales_\d{8}\.csv$/.test(file)) await rm(join(outDir, file), { force: true });
  }
}
