import type { DuckSession } from './duck-session.js';
import { IcebergStore, extractTimeTravel } from './iceberg/index.js';
import { TRINO_COMPAT_MACROS, translateSql } from './translate/index.js';

/**
 * Athena SQL in, DuckDB SQL out, for one warehouse: time-travel references become scans of the
 * Iceberg snapshot they name, the rest is translated Trino → DuckDB.
 */
export class SqlDialect {
  private readonly stores = new WeakMap<DuckSession, IcebergStore>();

  constructor(private readonly warehouseDir: string) {}

  /** Per new connection: Lakeform's DuckDB macros for Trino functions. */
  async prepare(s: DuckSession): Promise<void> {
    await s.run(TRINO_COMPAT_MACROS);
  }

  /** Opens the Iceberg catalog on the first session (repairing views a killed run left stale). */
  async openIceberg(s: DuckSession): Promise<void> {
    this.stores.set(s, await IcebergStore.open(s.conn, this.warehouseDir));
  }

  iceberg(s: DuckSession): IcebergStore {
    let store = this.stores.get(s);
    if (!store) {
      store = IcebergStore.attach(s.conn, this.warehouseDir);
      this.stores.set(s, store);
    }
    return store;
  }

  async toDuck(s: DuckSession, sql: string, nodeId?: string): Promise<string> {
    const tt = extractTimeTravel(sql);
    let out = translateSql(tt.sql, nodeId ? { nodeId } : {});
    for (const ref of tt.refs) {
      out = out.replaceAll(ref.placeholder, `(SELECT * FROM ${await this.iceberg(s).scanSql(ref.schema, ref.table, ref.at)})`);
    }
    return out;
  }
}
