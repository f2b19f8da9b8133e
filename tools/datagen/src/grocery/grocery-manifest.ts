import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LakeformError } from '@lakeform/sql-compiler';

/**
 * What a grocery run wrote, kept next to the table folders so that `--append-day` can continue
 * the SalesIDs and check the day comes after the existing ones. The leading underscore keeps it
 * out of every table: Athena, Hive, Spark and Glue crawlers skip such names.
 */
export const GROCERY_MANIFEST_FILE = '_datagen_grocery.json';

const appendedDaySchema = z.object({
  day: z.string(),
  file: z.string(),
  firstSalesId: z.number().int(),
  rows: z.number().int(),
});

export const groceryManifestSchema = z.object({
  dataset: z.literal('grocery'),
  formatVersion: z.literal(1),
  seed: z.number().int(),
  /** Sales in the initial `sales/sales.csv`. */
  sales: z.number().int(),
  customers: z.number().int(),
  daysFrom: z.string(),
  daysTo: z.string(),
  lastSalesId: z.number().int(),
  lastSalesDay: z.string(),
  appended: z.array(appendedDaySchema),
});

export type GroceryManifest = z.infer<typeof groceryManifestSchema>;

/** The manifest of the data set in `outDir`, or undefined when there is none. */
export async function readGroceryManifest(outDir: string): Promise<GroceryManifest | undefined> {
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
  const parsed = groceryManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidManifest(path, `${issue?.path.join('.') || 'manifest'}: ${issue?.message ?? 'not valid'}`);
  }
  return parsed.data;
}

export async function writeGroceryManifest(outDir: string, manifest: GroceryManifest): Promise<void> {
  const path = join(outDir, GROCERY_MANIFEST_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  try {
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
