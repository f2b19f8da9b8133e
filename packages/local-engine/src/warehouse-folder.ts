import { isAbsolute, join, resolve } from 'node:path';

/** The profile keys that place the local warehouse (a `type: local` or `type: duckdb` target). */
export interface LocalTargetLike {
  type: string;
  path?: string | null;
  warehouse?: string | null;
  database?: string | null;
  sources_root?: string | null;
  /** DuckDB's memory_limit (e.g. '3GB'): beyond it DuckDB spills to disk instead of growing. */
  memory_limit?: string | null;
}

export interface WarehouseLocation {
  /** Folder holding Iceberg tables and the catalog. */
  dir: string;
  /** The DuckDB database file holding views, native tables and the source views. */
  databaseFile: string;
  /** The catalog name models' relations use ("awsdatacatalog" unless the target says otherwise). */
  catalog: string;
  /** Folder raw source files are looked up under, when a source names no location of its own. */
  sourcesRoot?: string;
}

const abs = (projectDir: string, p: string) => (isAbsolute(p) ? p : resolve(projectDir, p));

/**
 * Where a target's warehouse lives. `type: local`: its `path` (or `warehouse`) folder, default
 * `.lakeform/warehouse` in the project. `type: duckdb`: dbt-duckdb's `path` names the database file
 * and the Iceberg warehouse sits beside it, in `<file stem>.lakeform/`.
 */
export function warehouseLocation(projectDir: string, target: LocalTargetLike): WarehouseLocation {
  const catalog = target.database ?? 'awsdatacatalog';
  const sourcesRoot = target.sources_root ? abs(projectDir, target.sources_root) : undefined;
  if (target.type === 'duckdb' && target.path && target.path !== ':memory:') {
    const databaseFile = abs(projectDir, target.path);
    const stem = databaseFile.replace(/\.[^./\\]+$/, '');
    return { dir: `${stem}.lakeform`, databaseFile, catalog, ...(sourcesRoot ? { sourcesRoot } : {}) };
  }
  const dir = abs(projectDir, target.path ?? target.warehouse ?? join('.lakeform', 'warehouse'));
  return { dir, databaseFile: join(dir, 'lakeform.duckdb'), catalog, ...(sourcesRoot ? { sourcesRoot } : {}) };
}

