import { mkdirSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { LakeformError, type ManifestNode, type ManifestSource, type Warehouse, type WarehouseRelationRef } from '@lakeform/sql-compiler';
import type { ColumnInfo, Engine, EngineCapabilities, ExecuteOptions, MaterializeContext, NodeResult, QueryResult, RelationInfo, RelationRef } from '@lakeform/runner';
import type { BuildContext } from './build-context.js';
import { DUCKDB_NO_DOWNLOAD } from './duckdb-config.js';
import type { DuckSession } from './duck-session.js';
import { buildIncremental, buildTable, buildView, type BuildOutcome } from './materialize-model.js';
import { buildSeed } from './materialize-seed.js';
import { buildSnapshot } from './materialize-snapshot.js';
import { NativeTables } from './native-tables.js';
import { quoteIdent, quoteLiteral } from './quote.js';
import { SessionPool } from './session-pool.js';
import { sqlError } from './sql-error.js';
import { createSourceView } from './source-views.js';
import { SqlDialect } from './sql-dialect.js';
import { warehouseLocation, type LocalTargetLike, type WarehouseLocation } from './warehouse-folder.js';

export interface LocalEngineOptions {
  projectDir: string;
  target: LocalTargetLike;
  /** Parallel connections (the run's --threads). */
  threads?: number;
}

const CAPABILITIES: EngineCapabilities = { icebergTables: true, timeTravel: true, merge: true, concurrentQueries: true };

/** DuckDB errors worth a retry: another writer won a race. */
const TRANSIENT = /Transaction conflict|write-write conflict|E_ICEBERG_COMMIT_CONFLICT|Could not set lock on file/i;

/**
 * The embedded default engine: Athena SQL translated to DuckDB, views and Hive-style tables in a
 * DuckDB database, Iceberg tables as real Iceberg in the warehouse folder, sources read from files.
 */
export class LocalEngine implements Engine {
  readonly name = 'local' as const;
  readonly capabilities = CAPABILITIES;
  readonly warehouse: Warehouse;
  private readonly sourceViews = new Map<string, Promise<void>>();
  /** Schemas known to exist: created once, before any node writes into them (concurrent creates conflict). */
  private readonly schemas = new Map<string, Promise<void>>();

  private constructor(
    readonly location: WarehouseLocation,
    private readonly projectDir: string,
    private readonly instance: DuckDBInstance,
    private readonly pool: SessionPool,
    private readonly dialect: SqlDialect,
  ) {
    this.warehouse = {
      query: async (sql) => {
        const r = await this.execute(sql);
        return { columnNames: r.columns.map((c) => c.name), rows: r.rows };
      },
      getColumns: async (rel) => {
        const ref = this.refOf(rel);
        return (await this.getRelation(ref)) ? (await this.getColumns(ref)).map((c) => ({ name: c.name, dataType: c.dataType })) : undefined;
      },
      relationExists: async (rel) => {
        const info = await this.getRelation(this.refOf(rel));
        return info ? { type: info.type } : undefined;
      },
    };
  }

  static async open(opts: LocalEngineOptions): Promise<LocalEngine> {
    const location = warehouseLocation(opts.projectDir, opts.target);
    mkdirSync(location.dir, { recursive: true });
    let instance: DuckDBInstance;
    try {
      const memory = opts.target.memory_limit ?? process.env['LAKEFORM_MEMORY_LIMIT'];
      instance = await DuckDBInstance.create(':memory:', { ...DUCKDB_NO_DOWNLOAD, ...(memory ? { memory_limit: String(memory) } : {}) });
    } catch (e) {
      throw new LakeformError({ code: 'E_LOCAL_ENGINE', message: `cannot start DuckDB: ${(e as Error).message}`, cause: e });
    }
    const dialect = new SqlDialect(location.dir);
    let first = true;
    const pool = new SessionPool(instance, Math.max(1, opts.threads ?? 4), async (s) => {
      if (first) {
        first = false;
        try {
          await s.run(`ATTACH ${quoteLiteral(location.databaseFile)} AS ${quoteIdent(location.catalog)}`);
        } catch (e) {
          throw new LakeformError({
            code: 'E_WAREHOUSE_LOCKED',
            message: `cannot open the local warehouse ${location.databaseFile}: ${(e as Error).message.split('\n')[0]}`,
            hint: 'another lakeform run may be using it; wait for it to finish',
            cause: e,
          });
        }
      }
      await s.run(`USE ${quoteIdent(location.catalog)}`);
      await dialect.prepare(s);
    });
    const engine = new LocalEngine(location, opts.projectDir, instance, pool, dialect);
    // The first session attaches the catalog and repairs Iceberg views a killed run left behind.
    await pool.with((s) => dialect.openIceberg(s));
    return engine;
  }

  private refOf(rel: WarehouseRelationRef): RelationRef {
    return { database: rel.database, schema: rel.schema, identifier: rel.identifier };
  }

  async execute(sql: string, opts: ExecuteOptions = {}): Promise<QueryResult> {
    const started = Date.now();
    return this.pool.with(async (s) => {
      if (opts.sources?.length) await this.ensureSourceList(s, opts.sources);
      const duck = await this.dialect.toDuck(s, sql, opts.nodeId);
      const r = await s.query(duck, opts.limit).catch((e: unknown) => {
        throw sqlError(e, opts.nodeId ? { node: opts.nodeId } : {});
      });
      return { columns: r.columns.map((c) => ({ name: c.name, dataType: c.type })), rows: opts.discardRows ? [] : r.rows, stats: { durationMs: Date.now() - started, queryIds: [] } };
    });
  }

  async getRelation(ref: RelationRef): Promise<RelationInfo | undefined> {
    if (!ref.schema) return undefined;
    return this.pool.with(async (s) => {
      const r = await s.query(
        `SELECT table_type FROM information_schema.tables WHERE table_catalog = current_database() AND lower(table_schema) = lower(${quoteLiteral(ref.schema!)}) AND lower(table_name) = lower(${quoteLiteral(ref.identifier)})`,
      );
      const t = r.rows[0]?.[0];
      if (t === undefined) return undefined;
      const iceberg = await this.dialect.iceberg(s).exists(ref.schema!, ref.identifier);
      return { ...ref, type: iceberg || t !== 'VIEW' ? 'table' : 'view', tableType: iceberg ? 'iceberg' : t === 'VIEW' ? 'view' : 'hive' };
    });
  }

  async listRelations(schema: string): Promise<RelationInfo[]> {
    return this.pool.with(async (s) => {
      const r = await s.query(`SELECT table_name, table_type FROM information_schema.tables WHERE table_catalog = current_database() AND lower(table_schema) = lower(${quoteLiteral(schema)}) ORDER BY table_name`);
      return r.rows.map((row) => ({ database: this.location.catalog, schema, identifier: String(row[0]), type: row[1] === 'VIEW' ? ('view' as const) : ('table' as const) }));
    });
  }

  async getColumns(ref: RelationRef): Promise<ColumnInfo[]> {
    if (!ref.schema) return [];
    return this.pool.with(async (s) => {
      const r = await s.query(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = current_database() AND lower(table_schema) = lower(${quoteLiteral(ref.schema!)}) AND lower(table_name) = lower(${quoteLiteral(ref.identifier)}) ORDER BY ordinal_position`,
      );
      return r.rows.map((row) => ({ name: String(row[0]), dataType: String(row[1]) }));
    });
  }

  /** Makes the sources a node reads queryable (once per run per source). */
  private ensureSources(s: DuckSession, node: ManifestNode, sources: ReadonlyMap<string, ManifestSource>): Promise<void> {
    const ids = ((node.depends_on as { nodes?: string[] } | undefined)?.nodes ?? []).filter((id) => id.startsWith('source.'));
    return this.ensureSourceList(s, ids.map((id) => sources.get(id)).filter((x): x is ManifestSource => !!x));
  }

  private ensureSchema(s: DuckSession, schema: string): Promise<void> {
    const key = schema.toLowerCase();
    let p = this.schemas.get(key);
    if (!p) {
      p = s.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`).then(() => undefined);
      this.schemas.set(key, p);
      p.catch(() => this.schemas.delete(key));
    }
    return p;
  }

  private async ensureSourceList(s: DuckSession, list: readonly ManifestSource[]): Promise<void> {
    for (const src of list) {
      let p = this.sourceViews.get(src.unique_id);
      if (!p) {
        await this.ensureSchema(s, src.schema);
        p = createSourceView(s, src, this.projectDir, this.location.sourcesRoot);
        this.sourceViews.set(src.unique_id, p);
        p.catch(() => this.sourceViews.delete(src.unique_id));
      }
      await p;
    }
  }

  async materialize(node: ManifestNode, ctx: MaterializeContext): Promise<NodeResult> {
    const startedAt = new Date().toISOString();
    const outcome = await this.pool.with(async (s) => {
      await this.ensureSchema(s, node.schema);
      await this.ensureSources(s, node, ctx.sources);
      const bctx: BuildContext = {
        db: s,
        native: new NativeTables(s),
        iceberg: this.dialect.iceberg(s),
        toDuck: (sql, nodeId) => this.dialect.toDuck(s, sql, nodeId),
        fullRefresh: ctx.fullRefresh,
        projectDir: ctx.projectDir,
        runStartedAt: ctx.runStartedAt ?? new Date(),
      };
      return this.build(bctx, node).catch((e: unknown) => {
        throw sqlError(e, { node: `${node.resource_type} ${node.name}`, file: node.original_file_path });
      });
    });
    const completedAt = new Date().toISOString();
    return {
      status: 'success',
      message: outcome.message,
      ...(outcome.rowsAffected !== undefined ? { rowsAffected: outcome.rowsAffected } : {}),
      queryIds: [],
      timing: [{ name: 'execute', startedAt, completedAt }],
      adapterResponse: { _message: outcome.message, code: outcome.message.split(' (')[0], ...(outcome.rowsAffected !== undefined ? { rows_affected: outcome.rowsAffected } : {}) },
    };
  }

  private async build(ctx: BuildContext, node: ManifestNode): Promise<BuildOutcome> {
    const id = node.unique_id;
    if (node.resource_type === 'seed') return buildSeed(ctx, node);
    const compiled = node.compiled_code;
    if (compiled === undefined) throw new LakeformError({ code: 'E_NOT_COMPILED', message: `${node.resource_type} ${node.name} has no compiled SQL`, node: id, hint: 'this is a bug in Lakeform: the runner must compile selected nodes' });
    if (node.resource_type === 'snapshot') return buildSnapshot(ctx, node, await ctx.toDuck(compiled, id));
    const materialized = String((node.config as Record<string, unknown>)['materialized'] ?? 'view');
    switch (materialized) {
      case 'view':
        return buildView(ctx, node, await ctx.toDuck(compiled, id));
      case 'table':
        return buildTable(ctx, node, await ctx.toDuck(compiled, id));
      case 'incremental':
        return buildIncremental(ctx, node, await ctx.toDuck(compiled, id));
      case 'ephemeral':
        return { message: 'EPHEMERAL (compiled into its dependents)' };
      default:
        throw new LakeformError({
          code: 'E_UNKNOWN_MATERIALIZATION',
          message: `materialization '${materialized}' of ${node.name} is not one the local engine has`,
          node: id,
          location: { file: node.original_file_path },
          hint: 'use view, table, incremental or ephemeral',
        });
    }
  }

  isTransient(error: unknown): boolean {
    const e = error as { code?: string; message?: string };
    return TRANSIENT.test(`${e?.code ?? ''} ${e?.message ?? ''}`);
  }

  async close(): Promise<void> {
    this.pool.close();
    this.instance.closeSync();
  }
}
