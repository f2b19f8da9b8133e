import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LakeformError } from '@lakeform/sql-compiler';
import { SALES_DAY_FILE_PATTERN, salesDayFile } from './grocery-tables.js';
import { legacyGroceryManifestSchema, legacySalesFiles, type LegacyGroceryManifest } from './legacy-grocery-manifest.js';

/**
 * What a grocery run wrote, kept next to the table folders so that `--append-day` can continue
 * the SalesIDs and check the day comes after the existing ones, and so that generating the data
 * set again removes exactly the sales files of the previous one. The leading underscore keeps it
 * out of every table: Athena, Hive, Spark and Glue crawlers skip such names.
 */
export const GROCERY_MANIFEST_FILE = '_datagen_grocery.json';

export const GROCERY_MANIFEST_FORMAT_VERSION = 2;

const salesDayFileSchema = z
  .object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD'),
    // only names datagen writes: a hand-edited record must never point the removal elsewhere
    file: z.string().regex(SALES_DAY_FILE_PATTERN, 'expected sales/dt=YYYY-MM-DD/sales.csv'),
    firstSalesId: z.number().int().min(1),
    rows: z.number().int().min(0),
  })
  .refine((f) => f.file === salesDayFile(f.day), { message: 'file is not the partition of its day', path: ['file'] });

/** One file of sales, `sales/dt=<day>/sales.csv`, holding SalesIDs firstSalesId.. for `rows` rows. */
export type SalesDayFile = z.infer<typeof salesDayFileSchema>;

export const groceryManifestSchema = z.object({
  dataset: z.literal('grocery'),
  formatVersion: z.literal(GROCERY_MANIFEST_FORMAT_VERSION),
  /**
   * `writing` while a run is under way: the files listed may be missing or from the run before.
   * It is recorded before the first file is written, so an interrupted run still leaves a record
   * of everything it may have written.
   */
  status: z.enum(['writing', 'complete']),
  seed: z.number().int(),
  /** Sales of the initial data set (`salesFiles`), without the appended days. */
  sales: z.number().int(),
  customers: z.number().int(),
  daysFrom: z.string(),
  daysTo: z.string(),
  lastSalesId: z.number().int(),
  lastSalesDay: z.string(),
  /** The initial data set's sales, one file per day from daysFrom to daysTo. */
  salesFiles: z.array(salesDayFileSchema),
  /** The days written by `--append-day`, in the order they were appended. */
  appended: z.array(salesDayFileSchema),
});

export type GroceryManifest = z.infer<typeof groceryManifestSchema>;

/** A record as found on disk: the current format or the one before it. */
export type RecordedGroceryManifest = GroceryManifest | LegacyGroceryManifest;

const recordedManifestSchema = z.discriminatedUnion('formatVersion', [groceryManifestSchema, legacyGroceryManifestSchema]);

/** The manifest of the data set in `outDir` (either format), or undefined when there is none. */
export async function readGroceryManifest(outDir: string): Promise<RecordedGroceryManifest | undefined> {
  const path = join(outDir, GROCERY_MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw invalidManifest(path, error instanceof Error ? error.message : String(error));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidManifest(path, error instanceof Error ? error.message : String(error));
  }
  const parsed = recordedManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidManifest(path, `${issue?.path.join('.') || 'manifest'}: ${issue?.message ?? 'not valid'}`);
  }
  return parsed.data;
}

/** Every sales file the record says its run wrote (or was writing), relative to the output folder. */
export function recordedSalesFiles(manifest: RecordedGroceryManifest): string[] {
  if (manifest.formatVersion === 1) return legacySalesFiles(manifest);
  return [...manifest.salesFiles, ...manifest.appended].map((f) => f.file);
}

export async function writeGroceryManifest(outDir: string, manifest: GroceryManifest): Promise<void> {
  const path = join(outDir, GROCERY_MANIFEST_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(outDir, { recursive: true });
    await writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(temp, path);
  } catch (error) {
    throw new LakeformError({
      code: 'E_DATAGEN_WRITE_FAILED',
      message: `could not write ${path}: ${error instanceof Error ? error.message : String(error)}`,
      hint: 'check that the output folder is writable',
      cause: error,
    });
  }
}

function invalidManifest(path: string, detail: string): LakeformError {
  return new LakeformError({
    code: 'E_DATAGEN_BAD_MANIFEST',
    message: `${path} is not a grocery datagen manifest (${detail})`,
    location: { file: path },
    hint: 'regenerate the data set without --append-day; that rewrites the manifest',
  });
}
