import { join } from 'node:path';
import { writeCsvFile } from '../csv/csv-file-writer.js';
import { formatCalendarDay } from '../time/calendar-day.js';
import type { SalesDayFile } from './grocery-manifest.js';
import { GROCERY_COLUMNS, salesDayFile } from './grocery-tables.js';
import { salesChunks } from './sales-rows.js';
import type { SalesDay } from './sales-volume.js';

export interface SalesDaysInput {
  outDir: string;
  seed: number;
  customers: number;
  /** SalesID of the first row of the first day; the rest follow without gaps across the days. */
  firstSalesId: number;
  days: readonly SalesDay[];
}

/** The file each day goes to and the SalesIDs it holds, in date order — what the record lists. */
export function salesDayFiles(firstSalesId: number, days: readonly SalesDay[]): SalesDayFile[] {
  let next = firstSalesId;
  return days.map(({ day, sales }) => {
    const text = formatCalendarDay(day);
    const file = { day: text, file: salesDayFile(text), firstSalesId: next, rows: sales };
    next += sales;
    return file;
  });
}

/**
 * Writes one `sales/dt=YYYY-MM-DD/sales.csv` per day, in date order, each with the header —
 * also for a day without sales, so that every partition of the range exists. A day's rows are
 * generated from that day's own random stream and its first SalesID, so they are the same bytes
 * whether the day is written alone or as part of a longer range. Each file is streamed and
 * renamed into place before the next one starts.
 */
export async function writeSalesDays(input: SalesDaysInput): Promise<void> {
  const files = salesDayFiles(input.firstSalesId, input.days);
  for (const [i, day] of input.days.entries()) {
    const { file, firstSalesId } = files[i]!;
    const chunks = salesChunks({ seed: input.seed, firstSalesId, customers: input.customers, days: [day] });
    await writeCsvFile(join(input.outDir, file), GROCERY_COLUMNS.sales, chunks);
  }
}
