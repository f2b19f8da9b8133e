import type { Engine, ExecuteOptions, QueryResult } from '@lakeform/runner';

/**
 * What a test run asked of the warehouse, for the bench and the run summary: every query, what
 * it was for, which relations it read and what it scanned. On Athena each query is billed for
 * at least 10 MB, so the number of queries matters as much as the bytes.
 */
export type TestQueryKind = 'batch' | 'single' | 'failing_rows' | 'store_failures';

export interface TestQueryRecord {
  kind: TestQueryKind;
  /** unique_ids of the relations (models, seeds, snapshots, sources) the query reads. */
  relations: string[];
  testIds: string[];
  ok: boolean;
  durationMs: number;
  bytesScanned?: number;
  error?: string;
}

export interface TestQuerySummary {
  queries: number;
  byKind: Record<TestQueryKind, number>;
  /** Queries per relation read. */
  byRelation: Record<string, number>;
  bytesScanned: number;
  failed: number;
}

export class TestQueryLog {
  readonly records: TestQueryRecord[] = [];

  add(record: TestQueryRecord): void {
    this.records.push(record);
  }

  summary(): TestQuerySummary {
    const byKind: Record<TestQueryKind, number> = { batch: 0, single: 0, failing_rows: 0, store_failures: 0 };
    const byRelation: Record<string, number> = {};
    let bytesScanned = 0;
    let failed = 0;
    for (const r of this.records) {
      byKind[r.kind]++;
      for (const rel of r.relations) byRelation[rel] = (byRelation[rel] ?? 0) + 1;
      bytesScanned += r.bytesScanned ?? 0;
      if (!r.ok) failed++;
    }
    return { queries: this.records.length, byKind, byRelation, bytesScanned, failed };
  }
}

export interface ExecutedQuery {
  sql: string;
  nodeId: string | undefined;
  ok: boolean;
}

/**
 * The engine with every `execute` recorded — whatever issues it (tests, samples, DDL). The bench
 * compares batched runs with one-query-per-test runs through it.
 */
export function countQueries(engine: Engine): { engine: Engine; queries: ExecutedQuery[] } {
  const queries: ExecutedQuery[] = [];
  const execute = async (sql: string, opts?: ExecuteOptions): Promise<QueryResult> => {
    const entry: ExecutedQuery = { sql, nodeId: opts?.nodeId, ok: false };
    queries.push(entry);
    const result = await engine.execute(sql, opts);
    entry.ok = true;
    return result;
  };
  const counted = new Proxy(engine, {
    get(target, key, receiver) {
      if (key === 'execute') return execute;
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { engine: counted, queries };
}
