/**
 * The DuckDB side of Lakeform's Iceberg tables: writing Parquet data files with Iceberg field ids,
 * committing snapshots through @lakeform/iceberg, views over the current snapshot, time travel and
 * pruned scans. See README.md in this folder.
 */
export { IcebergStore, type IcebergStoreOptions, type WriteMode, type WriteResult, type TableSpec, type EvolveColumn } from './iceberg-store.js';
export { extractTimeTravel, type ExtractedTimeTravel, type TimeTravelRef, type TimeTravelAt } from './time-travel-sql.js';
export { parseAthenaPartitioning } from './athena-partitioning.js';
export { duckdbToIceberg, icebergToDuckdb } from './duckdb-types.js';
export { readFilesSql } from './scan-sql.js';
export type { ScanPredicate, ScanPlan, CommitHooks } from '@lakeform/iceberg';
