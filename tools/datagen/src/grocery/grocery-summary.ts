import { LakeformError } from '@lakeform/sql-compiler';
import type { SalesDayFile } from './grocery-manifest.js';
import type { GroceryTable } from './grocery-tables.js';

export interface GroceryFileSummary {
  table: GroceryTable;
  /**
   * Path relative to the output folder, with `/` separators; for sales over several days the
   * range of day files, `sales/dt=<first>..dt=<last>/sales.csv`.
   */
  file: string;
  /** Files behind `file`: 1, or the number of days of sales. */
  files: number;
  rows: number;
}

/** What one call wrote. */
export interface GrocerySummary {
  outDir: string;
  seed: number;
  /** `full`: all seven tables; `append-day`: one more day of sales. */
  mode: 'full' | 'append-day';
  files: GroceryFileSummary[];
  /** Rows written per table by this call (0 for tables it did not write). */
  rows: Record<GroceryTable, number>;
  /** The SalesIDs and days of the sales this call wrote. */
  sales: { firstSalesId: number; lastSalesId: number; daysFrom: string; daysTo: string };
}

/** One summary line for the day files of the sales, however many days they cover. */
export function salesFilesSummary(days: readonly SalesDayFile[]): GroceryFileSummary {
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) {
    // the options are checked for an empty range before anything is written; this is a backstop
    throw new LakeformError({ code: 'E_DATAGEN_EMPTY_DAY_RANGE', message: 'no days of sales were written', hint: 'give a day range with at least one day' });
  }
  const file = days.length === 1 ? first.file : `sales/dt=${first.day}..dt=${last.day}/sales.csv`;
  return { table: 'sales', file, files: days.length, rows: days.reduce((sum, d) => sum + d.rows, 0) };
}
