/**
 * How the local engine writes a table, whatever the table is made of: native DuckDB tables
 * (Athena's Hive tables, locally) or Iceberg tables in the warehouse folder. Materialisations
 * decide *what* to write; a store decides *how*, and makes each write all-or-nothing.
 */
export type WriteMode =
  /** Replace the whole table (CTAS, full refresh); creates it when missing. */
  | { kind: 'overwrite' }
  | { kind: 'append' }
  /** Athena's insert_overwrite: the partitions present in the new rows are replaced. */
  | { kind: 'replace-partitions' }
  /** Rows whose key matches a new row are replaced by it; the rest are added. */
  | { kind: 'merge'; uniqueKey: string[]; predicates?: string[] }
  | { kind: 'delete-insert'; uniqueKey: string[]; predicates?: string[] };

export interface TableSpec {
  partitionedBy?: string[];
  format?: string;
  writeCompression?: string;
  properties?: Record<string, string>;
}

export interface StoredColumn {
  name: string;
  dataType: string;
}

export interface TableStore {
  exists(schema: string, table: string): Promise<boolean>;
  /** Writes the rows of a DuckDB SELECT; returns how many rows were written. */
  write(schema: string, table: string, selectSql: string, mode: WriteMode, spec?: TableSpec): Promise<{ rowsWritten: number }>;
  columns(schema: string, table: string): Promise<StoredColumn[]>;
  evolveSchema(schema: string, table: string, columns: StoredColumn[], mode: 'append_new_columns' | 'sync_all_columns'): Promise<void>;
  drop(schema: string, table: string): Promise<void>;
}
