import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** A temp warehouse folder with a DuckDB database file inside, opened without extension downloads. */
export interface TestWarehouse {
  dir: string;
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  reopen(): Promise<void>;
  close(): void;
}

export async function openTestWarehouse(): Promise<TestWarehouse> {
  const dir = mkdtempSync(join(tmpdir(), 'lakeform-iceberg-store-'));
  const open = async (): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> => {
    const instance = await DuckDBInstance.create(join(dir, 'warehouse.duckdb'), { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '2' });
    return { instance, conn: await instance.connect() };
  };
  const w = { dir, ...(await open()) } as TestWarehouse;
  w.rows = async (sql) => (await w.conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  w.reopen = async () => {
    w.conn.closeSync();
    w.instance.closeSync();
    Object.assign(w, await open());
  };
  w.close = () => {
    w.conn.closeSync();
    w.instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  };
  return w;
}
