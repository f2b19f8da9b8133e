import type { DuckDBConnection } from '@duckdb/node-api';

export interface DuckRows {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

/** One DuckDB connection with the two calls the engine needs; statements on it run one at a time. */
export class DuckSession {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly conn: DuckDBConnection) {}

  /** Runs a statement and returns the rows it changed. */
  run(sql: string): Promise<number> {
    return this.serial(async () => (await this.conn.run(sql)).rowsChanged);
  }

  query(sql: string, limit?: number): Promise<DuckRows> {
    return this.serial(async () => {
      const reader = await this.conn.runAndReadAll(sql);
      const names = reader.columnNames();
      const types = reader.columnTypes().map((t) => t.toString());
      let rows = reader.getRowsJS() as unknown[][];
      if (limit !== undefined) rows = rows.slice(0, limit);
      return { columns: names.map((name, i) => ({ name, type: types[i]! })), rows };
    });
  }

  /** Runs `fn` inside one transaction: all of it happens or none of it does. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const out = await fn();
      await this.run('COMMIT');
      return out;
    } catch (e) {
      await this.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
