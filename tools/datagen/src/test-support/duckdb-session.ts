import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/**
 * An in-memory DuckDB for tests: an independent CSV reader to check the generated files with.
 * Extensions are never installed or loaded on demand — tests must not reach the network.
 */
export class DuckDbSession {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<DuckDbSession> {
    const instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    return new DuckDbSession(instance, await instance.connect());
  }

  /** Rows as arrays of JS values (BIGINT as bigint, VARCHAR as string, NULL as null). */
  async rows(sql: string): Promise<unknown[][]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowsJS();
  }

  /** The single value of a one-row, one-column query. */
  async value(sql: string): Promise<unknown> {
    return (await this.rows(sql))[0]?.[0];
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/**
 * `read_csv` of a generated file (or a glob of them) the way Athena's OpenCSVSerde sees it: every
 * column a string. With `hivePartitioning`, `key=value` folders in the path become columns, as
 * they do for an Athena table partitioned by them.
 */
export function csvTable(path: string, options: { hivePartitioning?: boolean } = {}): string {
  const hive = options.hivePartitioning === true ? 'true' : 'false';
  return `read_csv('${path.replaceAll("'", "''")}', header = true, delim = ',', quote = '"', escape = '"', all_varchar = true, hive_partitioning = ${hive})`;
}
