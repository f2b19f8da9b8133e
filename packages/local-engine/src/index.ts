/** @lakeform/local-engine — the embedded default engine: DuckDB with real Iceberg tables. See README.md. */
export { LocalEngine, type LocalEngineOptions } from './local-engine.js';
export { warehouseLocation, type WarehouseLocation, type LocalTargetLike } from './warehouse-folder.js';
export { DUCKDB_NO_DOWNLOAD } from './duckdb-config.js';
export { athenaTypeToDuckdb } from './athena-types.js';
export { locateSourceFiles, type SourceFiles, type SourceFormat } from './source-files.js';
export { createSourceView } from './source-views.js';
export { DuckSession, type DuckRows } from './duck-session.js';
export { translateSql, TRINO_COMPAT_MACROS, supportedFunctionNames } from './translate/index.js';
export { IcebergStore, extractTimeTravel } from './iceberg/index.js';
