/**
 * What the compiler may ask a warehouse while rendering (`run_query`, `statement`,
 * `adapter.get_columns_in_relation`, `adapter.get_relation`). Engines implement it; the compiler
 * never needs one unless a model asks.
 */
export interface WarehouseColumn {
  name: string;
  dataType: string;
}

export interface WarehouseTable {
  columnNames: string[];
  rows: unknown[][];
}

export interface WarehouseRelationRef {
  database: string | null;
  schema: string | null;
  identifier: string;
}

export interface Warehouse {
  query(sql: string): Promise<WarehouseTable>;
  getColumns(relation: WarehouseRelationRef): Promise<WarehouseColumn[] | undefined>;
  relationExists(relation: WarehouseRelationRef): Promise<{ type: 'table' | 'view' } | undefined>;
}

/**
 * Templates render synchronously, warehouses answer asynchronously. A template that needs an answer
 * throws this; the compiler fetches the answer, remembers it, and renders the template again from
 * the start — rendering is deterministic given the same answers, so the replay is exact.
 */
export class NeedsWarehouse extends Error {
  constructor(
    readonly key: string,
    readonly fetch: (w: Warehouse) => Promise<unknown>,
  ) {
    super(`needs warehouse: ${key}`);
    this.name = 'NeedsWarehouse';
  }
}

/** Answers fetched for one node, by request key, across replays of its render. */
export class WarehouseAnswers {
  private readonly answers = new Map<string, unknown>();
  has(key: string): boolean {
    return this.answers.has(key);
  }
  get(key: string): unknown {
    return this.answers.get(key);
  }
  set(key: string, value: unknown): void {
    this.answers.set(key, value);
  }
  get size(): number {
    return this.answers.size;
  }
}

/** Finds a NeedsWarehouse signal anywhere in an error's cause chain (the template engine wraps). */
export function findNeedsWarehouse(e: unknown): NeedsWarehouse | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 20; depth++) {
    if (cur instanceof NeedsWarehouse) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
