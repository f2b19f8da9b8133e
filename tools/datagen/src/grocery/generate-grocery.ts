import { LakeformError } from '@lakeform/sql-compiler';
import { appendSalesDay } from './append-sales-day.js';
import { parseGroceryOptions, type GroceryOptions } from './grocery-options.js';
import { DEFAULT_DAYS_FROM, DEFAULT_DAYS_TO, FULL_SALES } from './grocery-scale.js';
import type { GrocerySummary } from './grocery-summary.js';
import { writeFullGrocery } from './write-full-grocery.js';

export const DEFAULT_SEED = 1;

/**
 * Generates the Grocery Sales Database into `outDir` — all seven tables (by default at the
 * original's full size), or with `appendDay` one more day of sales after the existing ones.
 * The same options always produce byte-identical files.
 */
export async function generateGrocery(options: GroceryOptions): Promise<GrocerySummary> {
  const opts = parseGroceryOptions(options);
  if (opts.appendDay !== undefined) {
    if (opts.daysFrom !== undefined || opts.daysTo !== undefined) {
      throw new LakeformError({
        code: 'E_DATAGEN_OPTION_CONFLICT',
        message: '--days-from and --days-to describe a whole data set and cannot be combined with --append-day',
        hint: 'append one day with --append-day YYYY-MM-DD alone (optionally with --sales for that day)',
      });
    }
    return appendSalesDay({ outDir: opts.outDir, day: opts.appendDay, sales: opts.sales, seed: opts.seed });
  }
  return writeFullGrocery({
    outDir: opts.outDir,
    seed: opts.seed ?? DEFAULT_SEED,
    sales: opts.sales ?? FULL_SALES,
    daysFrom: opts.daysFrom ?? DEFAULT_DAYS_FROM,
    daysTo: opts.daysTo ?? DEFAULT_DAYS_TO,
  });
}
