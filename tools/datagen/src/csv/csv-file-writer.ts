import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { basename, dirname, join } from 'node:path';
import { LakeformError } from '@lakeform/sql-compiler';
import { csvRow } from './csv-row.js';

/**
 * Streams a CSV file to disk: the header, then pre-encoded chunks of rows, waiting for the
 * stream to drain whenever its buffer is full so memory stays flat however large the file.
 *
 * The file is written under a hidden temporary name and renamed into place at the end, so an
 * interrupted run never leaves a truncated CSV where a table reader (Athena, DuckDB, a Glue
 * crawler — all of which skip names starting with `.`) would pick it up.
 */
export async function writeCsvFile(path: string, header: readonly string[], chunks: Iterable<string>): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const stream = createWriteStream(temp, { highWaterMark: 1 << 20 });
    // failures surface through once('drain') or finished(); this listener only keeps an error
    // emitted between those awaits from becoming an uncaught exception
    stream.on('error', () => undefined);
    try {
      stream.write(csvRow(header));
      for (const chunk of chunks) {
        if (!stream.write(chunk)) await once(stream, 'drain');
      }
      stream.end();
      await finished(stream);
    } catch (error) {
      stream.destroy();
      throw error;
    }
    await rename(temp, path);
  } catch (error) {
    // best effort: when the folder itself is the problem there is no temporary file to remove
    await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof LakeformError) throw error;
    throw new LakeformError({
      code: 'E_DATAGEN_WRITE_FAILED',
      message: `could not write ${path}: ${error instanceof Error ? error.message : String(error)}`,
      hint: 'check that the output folder is writable and the disk has space (the full grocery data set is about 0.6 GB)',
      cause: error,
    });
  }
}
