import type { DuckDBInstance } from '@duckdb/node-api';
import { DuckSession } from './duck-session.js';

/**
 * Connections for concurrent nodes: DuckDB runs one statement per connection at a time, so each
 * node borrows a session of its own. `setup` prepares a new connection (catalog, macros).
 */
export class SessionPool {
  private readonly idle: DuckSession[] = [];
  private readonly all: DuckSession[] = [];
  private readonly waiting: ((s: DuckSession) => void)[] = [];

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly size: number,
    private readonly setup: (s: DuckSession) => Promise<void>,
  ) {}

  async acquire(): Promise<DuckSession> {
    const s = this.idle.pop();
    if (s) return s;
    if (this.all.length < this.size) {
      const session = new DuckSession(await this.instance.connect());
      this.all.push(session);
      await this.setup(session);
      return session;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(s: DuckSession): void {
    const next = this.waiting.shift();
    if (next) next(s);
    else this.idle.push(s);
  }

  async with<T>(fn: (s: DuckSession) => Promise<T>): Promise<T> {
    const s = await this.acquire();
    try {
      return await fn(s);
    } finally {
      this.release(s);
    }
  }

  close(): void {
    for (const s of this.all) s.conn.closeSync();
    this.all.length = 0;
    this.idle.length = 0;
  }
}
