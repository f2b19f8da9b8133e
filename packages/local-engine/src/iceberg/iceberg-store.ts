import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  type CommitHooks,
  type DataFile,
  FieldIdAllocator,
  FileCatalog,
  type LoadedTable,
  type ScanPlan,
  type ScanPredicate,
  type Snapshot,
  type SnapshotOperation,
  type TableIdent,
  type TableMetadata,
  commitMetadata,
  commitSnapshot,
  currentSchema,
  evolveFields,
  icebergError,
  newTableMetadata,
  pathFromUri,
  planScan,
  resolveSpec,
  uriFromPath,
  valuesEqual,
  withPartitioning,
  withSchema,
} from '@lakeform/iceberg';
import { parseAthenaPartitioning } from './athena-partitioning.js';
import { parquetCodec, writeDataFiles } from './data-file-writer.js';
import { duckdbToIceberg, icebergToDuckdb } from './duckdb-types.js';
import { readFilesSql } from './scan-sql.js';
import { viewSql } from './view-sql.js';
import { quoteIdent, quoteString } from './sql-text.js';
import type { TimeTravelAt } from './time-travel-sql.js';

export type WriteMode =
  /** Replace the whole table (CTAS / full refresh); creates it when missing. */
  | { kind: 'overwrite' }
  | { kind: 'append' }
  /** Athena's insert_overwrite: partitions present in the new rows are replaced. */
  | { kind: 'replace-partitions' }
  /** Rows whose key matches a new row are replaced (copy-on-write of only the files holding them). */
  | { kind: 'merge'; uniqueKey: string[]; predicates?: string[] }
  | { kind: 'delete-insert'; uniqueKey: string[]; predicates?: string[] };

export interface TableSpec {
  /** Athena syntax: `col`, `day(col)`, `month(col)`, `year(col)`, `hour(col)`, `bucket(16, col)`, `truncate(10, col)`. */
  partitionedBy?: string[];
  format?: string;
  writeCompression?: string;
  properties?: Record<string, string>;
}

export interface WriteResult {
  /** Rows of the SELECT (not counting rows carried over from rewritten files). */
  rowsWritten: number;
  snapshotId: bigint;
  addedFiles: number;
  removedFiles: number;
}

export interface EvolveColumn {
  name: string;
  /** A DuckDB type; `type` is accepted as an alias. */
  dataType?: string;
  type?: string;
}

export interface IcebergStoreOptions {
  /** Test seams to simulate a crash around the pointer swap (see CommitHooks). */
  hooks?: CommitHooks;
}

const VIEW_MARK = 'lakeform:iceberg';

interface StageColumn {
  source: string;
  name: string;
  duckType: string;
}

/**
 * Iceberg v2 tables in a warehouse folder, written and read by DuckDB. Each table is also a DuckDB
 * view `"<schema>"."<table>"` over its current data files, re-created after every commit and
 * repaired from the catalog by syncViews() (which open() runs).
 */
export class IcebergStore {
  readonly catalog: FileCatalog;

  private constructor(
    private readonly conn: DuckDBConnection,
    readonly warehouseDir: string,
    private readonly options: IcebergStoreOptions,
  ) {
    this.catalog = new FileCatalog(warehouseDir);
  }

  /** Opens the store and repairs every table's view from the catalog pointers. */
  static async open(conn: DuckDBConnection, warehouseDir: string, options: IcebergStoreOptions = {}): Promise<IcebergStore> {
    const store = new IcebergStore(conn, warehouseDir, options);
    await store.syncViews();
    return store;
  }

  /** A store on another connection of an already opened warehouse (no view repair). */
  static attach(conn: DuckDBConnection, warehouseDir: string, options: IcebergStoreOptions = {}): IcebergStore {
    return new IcebergStore(conn, warehouseDir, options);
  }

  async exists(schema: string, table: string): Promise<boolean> {
    return this.catalog.exists(ident(schema, table));
  }

  load(schema: string, table: string): LoadedTable {
    return this.catalog.load(ident(schema, table));
  }

  async snapshots(schema: string, table: string): Promise<Snapshot[]> {
    return this.load(schema, table).metadata.snapshots ?? [];
  }

  async write(schema: string, table: string, selectSql: string, mode: WriteMode, spec: TableSpec = {}): Promise<WriteResult> {
    const id = ident(schema, table);
    const name = `${id.schema}.${id.table}`;
    if (spec.format !== undefined && spec.format.toLowerCase() !== 'parquet') {
      throw icebergError('E_ICEBERG_FORMAT', `${name}: format '${spec.format}' is not supported for Iceberg tables here`, "Use format='parquet' (the default).");
    }
    const tag = randomUUID().replace(/-/g, '').slice(0, 16);
    const stage = `__lf_stage_${tag}`;
    const query = `(${selectSql.trim().replace(/;+\s*$/, '')})`;
    // Merges read the new rows several times (key ranges, matches, the write): only they stage them.
    const staged = mode.kind === 'merge' || mode.kind === 'delete-insert';
    if (staged) await this.conn.run(`CREATE TEMP TABLE ${stage} AS SELECT * FROM ${query}`);
    try {
      const described = await this.conn.runAndReadAll(`DESCRIBE SELECT * FROM ${staged ? stage : query}`);
      const stageCols: StageColumn[] = described.getRowObjectsJS().map((r) => ({ source: String(r.column_name), name: String(r.column_name).toLowerCase(), duckType: String(r.column_type) }));
      const seen = new Set<string>();
      for (const c of stageCols) {
        if (seen.has(c.name)) throw icebergError('E_ICEBERG_DUPLICATE_COLUMN', `${name}: the query returns column '${c.name}' twice (names are case-insensitive)`, 'Alias one of the columns.');
        seen.add(c.name);
      }

      const existing = this.catalog.tryLoad(id);
      const base = this.targetTable(id, existing, stageCols, mode, spec);
      const md = base.metadata;
      const schemaNow = currentSchema(md);
      const partition = resolveSpec(md, md['default-spec-id']);
      const projection = schemaNow.fields.map((f) => {
        const c = stageCols.find((s) => s.name === f.name.toLowerCase());
        return `CAST(${c ? quoteIdent(c.source) : 'NULL'} AS ${icebergToDuckdb(f.type)}) AS ${quoteIdent(f.name)}`;
      });
      const live = existing ? (await planScan(existing)).files : [];

      let removed = new Set<string>();
      let carried = '';
      let newRows: number | undefined;
      if (staged) {
        newRows = Number((await this.conn.runAndReadAll(`SELECT count(*) AS n FROM ${stage}`)).getRowObjectsJS()[0]?.n ?? 0);
        if (live.length > 0) {
          const merge = await this.affectedByKey(existing as LoadedTable, stage, stageCols, mode.uniqueKey, mode.predicates ?? []);
          removed = merge.removed;
          carried = merge.carried;
        }
      }
      const added = await writeDataFiles({
        conn: this.conn,
        source: `(SELECT ${projection.join(', ')} FROM ${staged ? stage : query} AS __lf_new${carried ? ` UNION ALL ${carried}` : ''})`,
        fields: schemaNow.fields,
        partition,
        specId: md['default-spec-id'],
        tableDir: this.catalog.tableDir(id),
        codec: parquetCodec(spec.writeCompression ?? md.properties?.['write.parquet.compression-codec']),
        tag,
      });
      const rowsWritten = newRows ?? added.reduce((n, f) => n + Number(f.recordCount), 0);
      if (mode.kind === 'overwrite') removed = new Set(live.map((f) => f.filePath));
      if (mode.kind === 'replace-partitions') removed = replacedPartitions(live, added, partition.length, md['default-spec-id']);
      const operation: SnapshotOperation = removed.size === 0 ? 'append' : 'overwrite';
      const committed = await commitSnapshot(this.catalog, base, { operation, added, removed }, this.options.hooks ? { hooks: this.options.hooks } : {});
      // The commit stands from here on: a failure now must not look retryable, or a retried
      // append would write its rows twice. The view is repaired on the next open in any case.
      await this.refreshView(committed).catch(() => this.refreshView(committed)).catch((e: unknown) => {
        throw icebergError('E_ICEBERG_VIEW', `${name}: snapshot committed, but its DuckDB view could not be refreshed (${String((e as Error).message ?? e).split('\n')[0]!.replace(/conflict/gi, 'clash')})`, 'Run again: opening the warehouse repairs the view; the data is committed.');
      });
      return { rowsWritten, snapshotId: BigInt(committed.metadata['current-snapshot-id'] ?? 0), addedFiles: added.length, removedFiles: removed.size };
    } finally {
      if (staged) await this.conn.run(`DROP TABLE IF EXISTS ${stage}`);
    }
  }

  /** The table the write commits on: as loaded, with a replaced schema/spec for overwrites, or a new draft. */
  private targetTable(id: TableIdent, existing: LoadedTable | undefined, stageCols: StageColumn[], mode: WriteMode, spec: TableSpec): LoadedTable {
    const name = `${id.schema}.${id.table}`;
    const properties: Record<string, string> = { ...(spec.properties ?? {}) };
    if (spec.writeCompression) properties['write.parquet.compression-codec'] = spec.writeCompression.toLowerCase();
    if (existing && mode.kind !== 'overwrite') return existing;
    const desired = stageCols.map((c) => ({ name: c.name, type: duckdbToIceberg(c.duckType) }));
    const requests = parseAthenaPartitioning(spec.partitionedBy ?? []);
    if (!existing) {
      const fields = evolveFields({ type: 'struct', 'schema-id': 0, fields: [] }, desired, 'replace', new FieldIdAllocator(0), name);
      const md = newTableMetadata({ location: uriFromPath(this.catalog.tableDir(id)), fields, partition: requests, properties, nowMs: Date.now() });
      return this.catalog.draft(id, md);
    }
    const fields = evolveFields(currentSchema(existing.metadata), desired, 'replace', new FieldIdAllocator(existing.metadata['last-column-id']), name);
    let md: TableMetadata = withSchema(existing.metadata, fields);
    md = withPartitioning(md, requests);
    md = { ...md, properties: { ...(md.properties ?? {}), ...properties } };
    return { ...existing, metadata: md };
  }

  /**
   * Files holding a row whose key matches a new row (and the predicates): those are rewritten
   * without the matched rows. Column bounds first narrow the files DuckDB has to look into.
   */
  private async affectedByKey(table: LoadedTable, stage: string, stageCols: StageColumn[], uniqueKey: string[], predicates: string[]): Promise<{ removed: Set<string>; carried: string }> {
    const name = `${table.schema}.${table.table}`;
    const schema = currentSchema(table.metadata);
    const keys = uniqueKey.map((k) => k.trim().toLowerCase());
    const keyPairs = keys.map((k) => {
      const source = stageCols.find((c) => c.name === k);
      if (!source || !schema.fields.some((f) => f.name.toLowerCase() === k)) {
        throw icebergError('E_ICEBERG_UNIQUE_KEY', `${name}: unique_key column '${k}' is missing from the ${source ? 'table' : 'new rows'}`, 'unique_key must name columns of both the model and the table.');
      }
      return { source: source.source, target: k };
    });
    const ranges: ScanPredicate[] = [];
    for (const k of keyPairs) {
      const r = await this.conn.runAndReadAll(`SELECT CAST(min(${quoteIdent(k.source)}) AS VARCHAR) AS lo, CAST(max(${quoteIdent(k.source)}) AS VARCHAR) AS hi FROM ${stage}`);
      const row = r.getRowObjectsJS()[0];
      if (row?.lo === null || row?.lo === undefined || row.hi === null || row.hi === undefined) return { removed: new Set(), carried: '' };
      ranges.push({ column: k.target, op: '>=', value: String(row.lo) }, { column: k.target, op: '<=', value: String(row.hi) });
    }
    let candidates: DataFile[];
    try {
      candidates = (await planScan(table, { predicates: ranges })).files;
    } catch {
      // Key types whose text form cannot bound a scan (e.g. binary) fall back to every live file.
      candidates = (await planScan(table)).files;
    }
    if (candidates.length === 0) return { removed: new Set(), carried: '' };
    const match = `EXISTS (SELECT 1 FROM ${stage} AS DBT_INTERNAL_SOURCE WHERE ${keyPairs.map((k) => `DBT_INTERNAL_SOURCE.${quoteIdent(k.source)} = DBT_INTERNAL_DEST.${quoteIdent(k.target)}`).join(' AND ')})`;
    const condition = [match, ...predicates.map((p) => `(${p})`)].join(' AND ');
    const hits = await this.conn.runAndReadAll(`SELECT DISTINCT filename FROM ${readFilesSql(candidates, schema.fields, { filename: true })} AS DBT_INTERNAL_DEST WHERE ${condition}`);
    const hitPaths = new Set(hits.getRowObjectsJS().map((r) => String(r.filename)));
    const affected = candidates.filter((f) => hitPaths.has(pathFromUri(f.filePath)));
    if (affected.length === 0) return { removed: new Set(), carried: '' };
    const columns = schema.fields.map((f) => quoteIdent(f.name)).join(', ');
    return {
      removed: new Set(affected.map((f) => f.filePath)),
      carried: `SELECT ${columns} FROM ${readFilesSql(affected, schema.fields)} AS DBT_INTERNAL_DEST WHERE NOT coalesce(${condition}, false)`,
    };
  }

  /** The scan plan of a read (time travel with `at`, pruning with `predicates`). */
  async planScan(schema: string, table: string, at?: TimeTravelAt, predicates?: ScanPredicate[]): Promise<ScanPlan> {
    const loaded = this.catalog.load(ident(schema, table));
    return planScan(loaded, { ...(at ? { at } : {}), ...(predicates ? { predicates } : {}) });
  }

  /** A DuckDB FROM-clause item reading the table at a snapshot (or the current one), pruned by `predicates`. */
  async scanSql(schema: string, table: string, at?: TimeTravelAt, predicates?: ScanPredicate[]): Promise<string> {
    const plan = await this.planScan(schema, table, at, predicates);
    return readFilesSql(plan.files, plan.schema.fields);
  }

  async columns(schema: string, table: string): Promise<{ name: string; dataType: string }[]> {
    const md = this.load(schema, table).metadata;
    return currentSchema(md).fields.map((f) => ({ name: f.name, dataType: icebergToDuckdb(f.type) }));
  }

  /** dbt's on_schema_change for Iceberg: a metadata-only commit (no data is rewritten). */
  async evolveSchema(schema: string, table: string, columns: EvolveColumn[], mode: 'append_new_columns' | 'sync_all_columns'): Promise<void> {
    const base = this.load(schema, table);
    const name = `${base.schema}.${base.table}`;
    const desired = columns.map((c) => {
      const t = c.dataType ?? c.type;
      if (!t) throw icebergError('E_ICEBERG_SCHEMA_CHANGE', `${name}: column '${c.name}' has no type`, 'Give each column a DuckDB type.');
      return { name: c.name.toLowerCase(), type: duckdbToIceberg(t) };
    });
    const fields = evolveFields(currentSchema(base.metadata), desired, mode, new FieldIdAllocator(base.metadata['last-column-id']), name);
    const spec = resolveSpec(base.metadata, base.metadata['default-spec-id']);
    for (const p of spec) {
      if (!fields.some((f) => f.id === p.field['source-id'])) {
        throw icebergError('E_ICEBERG_SCHEMA_CHANGE', `${name}: cannot drop column '${p.sourceName}', the table is partitioned by it`, 'Keep partition columns in the model, or rebuild with --full-refresh.');
      }
    }
    const next = withSchema(base.metadata, fields);
    if (next === base.metadata) return;
    const committed = commitMetadata(this.catalog, base, next, this.options.hooks ? { hooks: this.options.hooks } : {});
    await this.refreshView(committed);
  }

  /** Removes the table (its files included, as Athena's DROP TABLE does for Iceberg) and its view. */
  async drop(schema: string, table: string): Promise<void> {
    const id = ident(schema, table);
    this.catalog.drop(id);
    await this.conn.run(`DROP VIEW IF EXISTS ${quoteIdent(id.schema)}.${quoteIdent(id.table)}`);
  }

  /**
   * Brings every table's view in line with the catalog and drops views of tables that are gone.
   * A view's comment records the metadata version it reads, so only views a killed run left
   * behind (pointer swapped, view not yet refreshed) are rebuilt — opening stays cheap.
   */
  async syncViews(): Promise<void> {
    const tables = this.catalog.list();
    const ours = await this.conn.runAndReadAll(`SELECT schema_name, view_name, comment FROM duckdb_views() WHERE starts_with(comment, ${quoteString(VIEW_MARK)}) AND database_name = current_database()`);
    const marks = new Map(ours.getRowObjectsJS().map((r) => [`${String(r.schema_name)}.${String(r.view_name)}`, String(r.comment)]));
    for (const t of tables) {
      this.catalog.repairHint(t);
      const loaded = this.catalog.load(t);
      if (marks.get(`${t.schema}.${t.table}`) !== viewMark(loaded)) await this.refreshView(loaded);
    }
    const known = new Set(tables.map((t) => `${t.schema}.${t.table}`));
    for (const key of marks.keys()) {
      if (known.has(key)) continue;
      const [schema, view] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
      await this.conn.run(`DROP VIEW IF EXISTS ${quoteIdent(schema)}.${quoteIdent(view)}`);
    }
  }

  private async refreshView(t: LoadedTable): Promise<void> {
    const plan = await planScan(t);
    const view = `${quoteIdent(t.schema)}.${quoteIdent(t.table)}`;
    await this.conn.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(t.schema)}`);
    await this.conn.run(`CREATE OR REPLACE VIEW ${view} AS ${viewSql(plan.files, plan.schema.fields, (id) => resolveSpec(t.metadata, id), { singleSchema: t.metadata.schemas.length === 1 })}`);
    await this.conn.run(`COMMENT ON VIEW ${view} IS ${quoteString(viewMark(t))}`);
  }
}

/** What a view's comment says it reads: the table's identity and metadata version. */
function viewMark(t: LoadedTable): string {
  return `${VIEW_MARK} ${t.metadata['table-uuid']} v${t.version}`;
}

function ident(schema: string, table: string): TableIdent {
  return { schema: schema.toLowerCase(), table: table.toLowerCase() };
}

/** insert_overwrite: live files of the default spec whose partition the new files write; all files when unpartitioned. */
function replacedPartitions(live: DataFile[], added: DataFile[], partitionFields: number, specId: number): Set<string> {
  if (partitionFields === 0) return new Set(live.map((f) => f.filePath));
  const written = added.map((f) => f.partition);
  return new Set(
    live
      .filter((f) => f.specId === specId && written.some((w) => w.length === f.partition.length && w.every((v, i) => valuesEqual(v, f.partition[i] ?? null))))
      .map((f) => f.filePath),
  );
}
