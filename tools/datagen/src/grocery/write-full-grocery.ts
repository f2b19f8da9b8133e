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
import { GROCERY_MANIFEST_FORMAT_VERSION, readGroceryManifest, writeGroceryManifest, type GroceryManifest } from './grocery-manifest.js';
import { salesFilesSummary, type GroceryFileSummary, type GrocerySummary } from './grocery-summary.js';
import { GROCERY_COLUMNS, groceryTableFile, type SingleFileGroceryTable } from './grocery-tables.js';
import { productRows } from './products.js';
import { removeRecordedSales } from './remove-recorded-sales.js';
import { dailySalesVolumes } from './sales-volume.js';
import { salesDayFiles, writeSalesDays } from './write-sales-days.js';

export interface FullGroceryInput {
  outDir: string;
  seed: number;
  sales: number;
  daysFrom: string;
  daysTo: string;
}

/**
 * Writes all seven tables — sales as one `sales/dt=YYYY-MM-DD/sales.csv` per day — replacing a
 * data set already in `outDir` together with the days appended to it.
 */
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
  // a damaged record cannot say what it wrote; the new one replaces it
  const previous = await readGroceryManifest(input.outDir).catch(() => undefined);
  if (previous !== undefined) await removeRecordedSales(input.outDir, previous);

  const customers = customerCountFor(input.sales);
  const days = dailySalesVolumes(input.seed, input.sales, from, to);
  const salesFiles = salesDayFiles(1, days);
  const manifest: GroceryManifest = {
    dataset: 'grocery',
    formatVersion: GROCERY_MANIFEST_FORMAT_VERSION,
    status: 'writing',
    seed: input.seed,
    sales: input.sales,
    customers,
    daysFrom: formatCalendarDay(from),
    daysTo: formatCalendarDay(to),
    lastSalesId: input.sales,
    lastSalesDay: formatCalendarDay(to),
    salesFiles,
    appended: [],
  };
  await writeGroceryManifest(input.outDir, manifest);

  const files: GroceryFileSummary[] = [];
  const write = async (table: SingleFileGroceryTable, rows: number, chunks: Iterable<string>): Promise<void> => {
    const file = groceryTableFile(table);
    await writeCsvFile(join(input.outDir, file), GROCERY_COLUMNS[table], chunks);
    files.push({ table, file, files: 1, rows });
  };
  const small = async (table: SingleFileGroceryTable, rows: readonly string[][]): Promise<void> => write(table, rows.length, csvChunks(rows));

  await small('categories', categoryRows());
  await small('cities', cityRows(input.seed));
  await small('countries', countryRows());
  await write('customers', customers, csvChunks(customerRows(input.seed, customers)));
  await small('employees', employeeRows(input.seed));
  await small('products', productRows(input.seed));
  await writeSalesDays({ outDir: input.outDir, seed: input.seed, customers, firstSalesId: 1, days });
  files.push(salesFilesSummary(salesFiles));

  await writeGroceryManifest(input.outDir, { ...manifest, status: 'complete' });

  const rows = Object.fromEntries(files.map((f) => [f.table, f.rows])) as GrocerySummary['rows'];
  return {
    outDir: input.outDir,
    seed: input.seed,
    mode: 'full',
    files,
    rows,
    sales: { firstSalesId: 1, lastSalesId: input.sales, daysFrom: formatCalendarDay(from), daysTo: formatCalendarDay(to) },
  };
}
