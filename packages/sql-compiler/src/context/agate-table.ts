import type { WarehouseTable } from './warehouse.js';

/**
 * The slice of agate's Table that dbt macros use on `run_query` results: `columns[i].values()`,
 * `columns['name'].values()`, `rows[i][j]`, `rows[i]['name']`, `column_names`, `len(rows)`.
 */
export class AgateColumn {
  constructor(
    readonly name: string,
    private readonly data: unknown[],
  ) {}
  values(): unknown[] {
    return [...this.data];
  }
  values_distinct(): unknown[] {
    return [...new Set(this.data)];
  }
  values_without_nulls(): unknown[] {
    return this.data.filter((v) => v !== null && v !== undefined);
  }
}

function namedArray<T>(items: T[], names: string[]): T[] & Record<string, T> {
  const arr = [...items] as T[] & Record<string, T>;
  names.forEach((n, i) => {
    if (!(n in arr)) Object.defineProperty(arr, n, { value: items[i], enumerable: false });
  });
  return arr;
}

export class AgateTable {
  readonly column_names: string[];
  readonly columns: AgateColumn[] & Record<string, AgateColumn>;
  readonly rows: Array<unknown[] & Record<string, unknown>>;

  constructor(t: WarehouseTable) {
    this.column_names = [...t.columnNames];
    this.columns = namedArray(
      t.columnNames.map((n, i) => new AgateColumn(n, t.rows.map((r) => r[i] ?? null))),
      t.columnNames,
    );
    this.rows = t.rows.map((r) => namedArray(r.map((v) => v ?? null), t.columnNames));
  }

  get column_types(): string[] {
    return this.column_names.map(() => 'Text');
  }

  print_table(): string {
    return [this.column_names.join(' | '), ...this.rows.map((r) => r.join(' | '))].join('\n');
  }
}
