import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type DataFile, type NestedField, type ResolvedPartitionField, icebergError, partitionPath, uriFromPath } from '@lakeform/iceberg';
import { fieldIdsOption } from './field-ids-sql.js';
import { partitionColumns, physicalFromJs } from './partition-sql.js';
import { readParquetStats } from './parquet-stats.js';
import { quoteIdent, quoteString } from './sql-text.js';

const CODECS: Record<string, string> = { zstd: 'zstd', snappy: 'snappy', gzip: 'gzip', lz4: 'lz4_raw', lz4_raw: 'lz4_raw', brotli: 'brotli', none: 'uncompressed', uncompressed: 'uncompressed' };

export function parquetCodec(writeCompression: string | undefined): string {
  const key = (writeCompression ?? 'zstd').toLowerCase();
  const codec = CODECS[key];
  if (!codec) throw icebergError('E_ICEBERG_COMPRESSION', `write_compression '${writeCompression}' is not supported for Parquet`, `Use one of: ${Object.keys(CODECS).join(', ')}.`);
  return codec;
}

export interface WriteFilesInput {
  conn: DuckDBConnection;
  /** A relation whose columns are exactly `fields`, by name and Iceberg-compatible type. */
  source: string;
  fields: NestedField[];
  partition: ResolvedPartitionField[];
  specId: number;
  tableDir: string;
  codec: string;
  /** Unique per write: names temp tables and files. */
  tag: string;
}

/**
 * Writes the rows of `source` as Parquet data files with Iceberg field ids, one folder per
 * partition value under `<table>/data/`, and returns them with their manifest statistics. Files
 * always go to new paths, so nothing a committed snapshot reads is ever touched.
 */
export async function writeDataFiles(input: WriteFilesInput): Promise<DataFile[]> {
  const { conn, source, fields, partition, tableDir, tag } = input;
  const dataDir = join(tableDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const columns = fields.map((f) => quoteIdent(f.name)).join(', ');
  const options = `FORMAT parquet, FIELD_IDS ${fieldIdsOption(fields)}, COMPRESSION ${quoteString(input.codec)}`;
  const written: { path: string; partition: DataFile['partition'] }[] = [];

  if (partition.length === 0) {
    const count = await conn.runAndReadAll(`SELECT count(*) AS n FROM ${source}`);
    if (Number(count.getRowObjectsJS()[0]?.n ?? 0) === 0) return [];
    const path = join(dataDir, `${tag}.parquet`);
    await conn.run(`COPY (SELECT ${columns} FROM ${source}) TO ${quoteString(path)} (${options})`);
    written.push({ path, partition: [] });
  } else {
    const parts = await partitionColumns(conn, source, partition, (n) => n, tag);
    const parted = `__lf_parted_${tag}`;
    const order = partition.map((_p, i) => `__lf_p${i} NULLS FIRST`).join(', ');
    try {
      await conn.run(
        `CREATE TEMP TABLE ${parted} AS SELECT *, dense_rank() OVER (ORDER BY ${order}) AS __lf_part
           FROM (SELECT s.*, ${parts.selectItems.join(', ')} FROM ${source} s ${parts.joins.join(' ')})`,
      );
      const tuples = await conn.runAndReadAll(`SELECT DISTINCT __lf_part, ${partition.map((_p, i) => `__lf_p${i}`).join(', ')} FROM ${parted}`);
      const byIndex = new Map<number, DataFile['partition']>();
      for (const r of tuples.getRowObjectsJS()) {
        byIndex.set(Number(r.__lf_part), partition.map((p, i) => physicalFromJs(p.resultType, r[`__lf_p${i}`])));
      }
      if (byIndex.size > 0) {
        const staging = join(dataDir, `.staging-${tag}`);
        await conn.run(
          `COPY (SELECT ${columns}, __lf_part FROM ${parted}) TO ${quoteString(staging)} (${options}, PARTITION_BY (__lf_part), FILENAME_PATTERN ${quoteString(`${tag}_{i}`)})`,
        );
        for (const dir of readdirSync(staging)) {
          const index = Number(/^__lf_part=(\d+)$/.exec(dir)?.[1]);
          const values = byIndex.get(index);
          if (values === undefined) continue;
          const target = join(dataDir, ...partitionPath(partition, values).split('/'));
          mkdirSync(target, { recursive: true });
          for (const file of readdirSync(join(staging, dir))) {
            const path = join(target, file);
            renameSync(join(staging, dir, file), path);
            written.push({ path, partition: values });
          }
        }
        rmSync(staging, { recursive: true, force: true });
      }
    } finally {
      for (const t of [parted, ...parts.tempTables]) await conn.run(`DROP TABLE IF EXISTS ${t}`);
    }
  }

  const stats = await readParquetStats(conn, written.map((w) => w.path), fields);
  return written.map((w) => {
    const s = stats.get(w.path);
    if (!s) throw icebergError('E_ICEBERG_WRITE', `DuckDB wrote ${w.path} but its Parquet metadata could not be read`, 'Check the disk of the warehouse folder and retry.');
    return {
      filePath: uriFromPath(w.path),
      fileFormat: 'PARQUET',
      partition: w.partition,
      specId: input.specId,
      recordCount: s.recordCount,
      fileSizeInBytes: statSync(w.path).size,
      columnSizes: s.columnSizes,
      valueCounts: s.valueCounts,
      nullValueCounts: s.nullValueCounts,
      lowerBounds: s.lowerBounds,
      upperBounds: s.upperBounds,
      splitOffsets: s.splitOffsets,
    };
  });
}
