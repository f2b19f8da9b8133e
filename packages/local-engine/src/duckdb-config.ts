/**
 * Options for every DuckDB instance Lakeform opens. parquet, json and icu are compiled into
 * @duckdb/node-api; anything else would be fetched from the network at first use, which this
 * product must never do — so a query needing another extension fails instead of downloading it.
 */
export const DUCKDB_NO_DOWNLOAD: Readonly<Record<string, string>> = Object.freeze({
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
});
