import { LakeformError } from '@lakeform/sql-compiler';
import type { DuckSession } from './duck-session.js';
import { qualified, quoteIdent, quoteLiteral } from './quote.js';
import type { StoredColumn, TableSpec, TableStore, WriteMode } from './table-store.js';

/** Partition columns of `partitioned_by`: plain column names; transforms only mean something to Iceberg. */
function partitionColumns(spec: TableSpec | undefined, table: string): string[] {
  return (spec?.partitionedBy ?? []).map((p) => {
    const m = /^\s*"?([A-Za-z_][A-Za-z0-9_]*)"?\s*$/.exec(p);
    if (!m) {
      throw new LakeformError({
        code: 'E_PARTITION_SPEC',
        message: `partitioned_by entry '${p}' of ${table} is a transform, which only Iceberg tables have`,
        hint: "set table_type='iceberg' on the model, or partition by a column",
      });
    }
    return m[1]!;
  });
}

const keyMatch = (cols: string[], a: string, b: string) => cols.map((c) => `${a}.${quoteIdent(c)} IS NOT DISTINCT FROM ${b}.${quoteIdent(c)}`).join(' AND ');

/**
 * Athena's Hive tables, locally: DuckDB tables in the warehouse database. Every write is one
 * DuckDB transaction, so a failed or killed write leaves the previous table as it was.
 */
export class NativeTables implements TableStore {
  constructor(private readonly db: DuckSession) {}

  async kind(schema: string, table: string): Promise<'table' | 'view' | undefined> {
    const r = await this.db.query(
      `SELECT table_type FROM information_schema.tables WHERE table_catalog = current_database() AND lower(table_schema) = lower(${quoteLiteral(schema)}) AND lower(table_name) = lower(${quoteLiteral(table)})`,
    );
    const t = r.rows[0]?.[0];
    return t === undefined ? undefined : t === 'VIEW' ? 'view' : 'table';
  }

  async exists(schema: string, table: string): Promise<boolean> {
    return (await this.kind(schema, table)) === 'table';
  }

  async write(schema: string, table: string, selectSql: string, mode: WriteMode, spec?: TableSpec): Promise<{ rowsWritten: number }> {
    const target = qualified(schema, table);
    const parts = partitionColumns(spec, `${schema}.${table}`);
    const existing = await this.kind(schema, table);
    if (mode.kind === 'overwrite' || existing !== 'table') {
      return this.db.transaction(async () => {
        await this.db.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
        if (existing === 'view') await this.db.run(`DROP VIEW ${target}`);
        await this.db.run(`CREATE OR REPLACE TABLE ${target} AS ${selectSql}`);
        // DuckDB reports no changed rows for CTAS; the count comes from table metadata, no scan.
        return { rowsWritten: Number((await this.db.query(`SELECT count(*) FROM ${target}`)).rows[0]?.[0] ?? 0) };
      });
    }
    if (mode.kind === 'append') {
      return { rowsWritten: await this.db.run(`INSERT INTO ${target} BY NAME ${selectSql}`) };
    }
    const batch = quoteIdent(`__lf_batch_${schema}_${table}`);
    return this.db.transaction(async () => {
      await this.db.run(`CREATE OR REPLACE TEMP TABLE ${batch} AS ${selectSql}`);
      if (mode.kind === 'replace-partitions') {
        if (parts.length === 0) await this.db.run(`DELETE FROM ${target}`);
        else await this.db.run(`DELETE FROM ${target} AS t WHERE EXISTS (SELECT 1 FROM ${batch} AS b WHERE ${keyMatch(parts, 't', 'b')})`);
      } else {
        const preds = (mode.predicates ?? []).map((p) => ` AND (${p})`).join('');
        await this.db.run(`DELETE FROM ${target} AS DBT_INTERNAL_DEST WHERE EXISTS (SELECT 1 FROM ${batch} AS DBT_INTERNAL_SOURCE WHERE ${keyMatch(mode.uniqueKey, 'DBT_INTERNAL_DEST', 'DBT_INTERNAL_SOURCE')})${preds}`);
      }
      const rows = await this.db.run(`INSERT INTO ${target} BY NAME SELECT * FROM ${batch}`);
      await this.db.run(`DROP TABLE ${batch}`);
      return { rowsWritten: rows };
    });
  }

  async columns(schema: string, table: string): Promise<StoredColumn[]> {
    const r = await this.db.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = current_database() AND lower(table_schema) = lower(${quoteLiteral(schema)}) AND lower(table_name) = lower(${quoteLiteral(table)}) ORDER BY ordinal_position`,
    );
    return r.rows.map((row) => ({ name: String(row[0]), dataType: String(row[1]) }));
  }

  async evolveSchema(schema: string, table: string, columns: StoredColumn[], mode: 'append_new_columns' | 'sync_all_columns'): Promise<void> {
    const target = qualified(schema, table);
    const have = await this.columns(schema, table);
    const haveByName = new Map(have.map((c) => [c.name.toLowerCase(), c]));
    const want = new Set(columns.map((c) => c.name.toLowerCase()));
    await this.db.transaction(async () => {
      for (const c of columns) {
        const old = haveByName.get(c.name.toLowerCase());
        if (!old) await this.db.run(`ALTER TABLE ${target} ADD COLUMN ${quoteIdent(c.name)} ${c.dataType}`);
        else if (mode === 'sync_all_columns' && old.dataType !== c.dataType) await this.db.run(`ALTER TABLE ${target} ALTER COLUMN ${quoteIdent(old.name)} TYPE ${c.dataType}`);
      }
      if (mode === 'sync_all_columns') for (const c of have) if (!want.has(c.name.toLowerCase())) await this.db.run(`ALTER TABLE ${target} DROP COLUMN ${quoteIdent(c.name)}`);
    });
  }

  async drop(schema: string, table: string): Promise<void> {
    const kind = await this.kind(schema, table);
    if (kind) await this.db.run(`DROP ${kind === 'view' ? 'VIEW' : 'TABLE'} ${qualified(schema, table)}`);
  }
}
