import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type DataFile, type NestedField, type ResolvedPartitionField, icebergError, partitionPath, primitiveKind, uriFromPath } from '@lakeform/iceberg';
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
  /** A relation or parenthesised query whose columns are exactly `fields`, by name and Iceberg-compatible type. */
  source: string;
  fields: NestedField[];
  partition: ResolvedPartitionField[];
  specId: number;
  tableDir: string;
  codec: string;
  /** Unique per write: names temp tables and files. */
  tag: string;
}

/** DuckDB writes a NULL partition value as Hive's default-partition name, others percent-encoded. */
const HIVE_NULL = '__HIVE_DEFAULT_PARTITION__';

function partitionValueFromPath(p: ResolvedPartitionField, text: string): DataFile['partition'][number] {
  if (text === HIVE_NULL) return null;
  const s = decodeURIComponent(text);
  switch (primitiveKind(p.resultType)) {
    case 'boolean':
      return s === 'true';
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      return BigInt(s);
    default:
      return physicalFromJs(p.resultType, s);
  }
}

/** Every data file under a Hive-partitioned COPY output, with its partition values from the folder names. */
function listPartitioned(dir: string, partition: ResolvedPartitionField[]): { file: string; values: DataFile['partition'] }[] {
  const out: { file: string; values: DataFile['partition'] }[] = [];
  const walk = (d: string, values: DataFile['partition']) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        const m = /^__lf_p(\d+)=(.*)$/.exec(e.name);
        const field = m ? partition[Number(m[1])] : undefined;
        if (!m || !field) throw icebergError('E_ICEBERG_WRITE', `unexpected folder ${p} in a partitioned write`, 'Retry the write; remove stray folders under the table\'s data/ if it persists.');
        walk(p, [...values, partitionValueFromPath(field, m[2]!)]);
      } else out.push({ file: p, values });
    }
  };
  walk(dir, []);
  return out;
}

/**
 * Writes the rows of `source` as Parquet data files with Iceberg field ids, one folder per
 * partition value under `<table>/data/`, and returns them with their manifest statistics. One
 * streaming COPY: the rows are never materialised first. Files always go to new paths, so nothing
 * a committed snapshot reads is ever touched.
 */
export async function writeDataFiles(input: WriteFilesInput): Promise<DataFile[]> {
  const { conn, source, fields, partition, tableDir, tag } = input;
  const dataDir = join(tableDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const columns = fields.map((f) => quoteIdent(f.name)).join(', ');
  const options = `FORMAT parquet, FIELD_IDS ${fieldIdsOption(fields)}, COMPRESSION ${quoteString(input.codec)}`;
  const written: { path: string; partition: DataFile['partition'] }[] = [];

  if (partition.length === 0) {
    const path = join(dataDir, `${tag}.parquet`);
    const copied = await conn.run(`COPY (SELECT ${columns} FROM ${source} AS s) TO ${quoteString(path)} (${options})`);
    if (copied.rowsChanged === 0) {
      rmSync(path, { force: true });
      return [];
    }
    written.push({ path, partition: [] });
  } else {
    const parts = await partitionColumns(conn, source, partition, (n) => n, tag);
    const keys = partition.map((_p, i) => `__lf_p${i}`).join(', ');
    const staging = join(dataDir, `.staging-${tag}`);
    try {
      await conn.run(
        `COPY (SELECT ${columns}, ${keys} FROM (SELECT s.*, ${parts.selectItems.join(', ')} FROM ${source} s ${parts.joins.join(' ')}))
           TO ${quoteString(staging)} (${options}, PARTITION_BY (${keys}), FILENAME_PATTERN ${quoteString(`${tag}_{i}`)})`,
      );
      if (existsSync(staging)) {
        for (const f of listPartitioned(staging, partition)) {
          const target = join(dataDir, ...partitionPath(partition, f.values).split('/'));
          mkdirSync(target, { recursive: true });
          const path = join(target, basename(f.file));
          renameSync(f.file, path);
          written.push({ path, partition: f.values });
        }
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
      for (const t of parts.tempTables) await conn.run(`DROP TABLE IF EXISTS ${t}`);
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
