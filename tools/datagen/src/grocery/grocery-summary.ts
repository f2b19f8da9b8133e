import type { GroceryTable } from './grocery-tables.js';

export interface GroceryFileSummary {
  table: GroceryTable;
  /** Path relative to the output folder, with `/` separators. */
  file: string;
  rows: number;
}

/** What one call wrote. */
export interface GrocerySummary {
  outDir: string;
  seed: number;
  /** `full`: all seven tables; `append-day`: one more file of sales. */
  mode: 'full' | 'append-day';
  files: GroceryFileSummary[];
  /** Rows written per table by this call (0 for tables it did not write). */
  rows: Record<GroceryTable, number>;
  /** The SalesIDs and days of the sales this call wrote. */
  sales: { firstSalesId: number; lastSalesId: number; daysFrom: string; daysTo: string };
}
