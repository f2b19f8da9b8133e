import { rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LakeformError } from '@lakeform/sql-compiler';
import { recordedSalesFiles, type RecordedGroceryManifest } from './grocery-manifest.js';

/**
 * Removes the sales files a previous run recorded, and each `dt=` folder it leaves empty. A new
 * data set restarts the SalesIDs, so any day of the old one left behind — a day outside the new
 * range, or an appended day — would duplicate them. Nothing the record does not list is touched:
 * a folder that still holds someone else's file stays.
 */
export async function removeRecordedSales(outDir: string, manifest: RecordedGroceryManifest): Promise<void> {
  for (const file of recordedSalesFiles(manifest)) {
    const path = join(outDir, file);
    try {
      await rm(path, { force: true });
      if (dirname(file) !== 'sales') await removeFolderIfEmpty(dirname(path));
    } catch (error) {
      throw new LakeformError({
        code: 'E_DATAGEN_WRITE_FAILED',
        message: `could not remove ${path}, written by the previous run: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'check that the output folder is writable; the old day would duplicate SalesIDs of the new data set',
        cause: error,
      });
    }
  }
}

async function removeFolderIfEmpty(path: string): Promise<void> {
  try {
    await rmdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
}
