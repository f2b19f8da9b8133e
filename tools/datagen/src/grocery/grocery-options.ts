import { z } from 'zod';
import { LakeformError } from '@lakeform/sql-compiler';

/**
 * SalesIDs (and with them the uniqueness of transaction numbers) are kept below 2^32; no
 * realistic run comes near it.
 */
export const MAX_SALES_ID = 0xffff_ffff;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD');

export const groceryOptionsSchema = z
  .object({
    /** Folder the table folders are written into. */
    outDir: z.string().min(1),
    /** Number of sales; with `appendDay`, the sales of that one day. */
    sales: z.number().int().min(1).max(MAX_SALES_ID).optional(),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    daysFrom: day.optional(),
    daysTo: day.optional(),
    /** Write one more day of sales after the existing ones instead of the whole data set. */
    appendDay: day.optional(),
  })
  .strict();

export type GroceryOptions = z.input<typeof groceryOptionsSchema>;

export function parseGroceryOptions(options: GroceryOptions): z.output<typeof groceryOptionsSchema> {
  const parsed = groceryOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'options';
  throw new LakeformError({
    code: 'E_DATAGEN_INVALID_OPTION',
    message: `invalid grocery option ${field}: ${issue?.message ?? 'not valid'}`,
    hint: 'sales is a whole number from 1, seed a whole number from 0, days are YYYY-MM-DD',
  });
}
