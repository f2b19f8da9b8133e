import { z } from 'zod';

/**
 * The record format 1 datagen wrote while all initial sales went to one `sales/sales.csv` and
 * each `--append-day` to `sales/sales_YYYYMMDD.csv`. It is still read so that regenerating such
 * a folder removes those files instead of leaving them next to the day partitions (a reader
 * globbing `sales/` would count every sale twice).
 */
export const LEGACY_SALES_FILE = 'sales/sales.csv';

export const legacyGroceryManifestSchema = z.object({
  dataset: z.literal('grocery'),
  formatVersion: z.literal(1),
  seed: z.number().int(),
  sales: z.number().int(),
  customers: z.number().int(),
  daysFrom: z.string(),
  daysTo: z.string(),
  lastSalesId: z.number().int(),
  lastSalesDay: z.string(),
  appended: z.array(
    z.object({
      day: z.string(),
      // only names format 1 wrote: a hand-edited record must never point the removal elsewhere
      file: z.string().regex(/^sales\/sales_\d{8}\.csv$/, 'expected sales/sales_YYYYMMDD.csv'),
      firstSalesId: z.number().int(),
      rows: z.number().int(),
    }),
  ),
});

export type LegacyGroceryManifest = z.infer<typeof legacyGroceryManifestSchema>;

/** The sales files a format 1 run wrote, relative to the output folder. */
export function legacySalesFiles(manifest: LegacyGroceryManifest): string[] {
  return [LEGACY_SALES_FILE, ...manifest.appended.map((a) => a.file)];
}
