import { LakeformError, type ManifestNode } from '@lakeform/sql-compiler';
import { type BuildContext, cfg, clearOtherKinds, isIceberg, relationOf, storeFor, tableSpec } from './build-context.js';
import { qualified, quoteIdent } from './quote.js';
import type { StoredColumn, WriteMode } from './table-store.js';

export interface BuildOutcome {
  /** dbt's adapter_response._message, e.g. "CREATE TABLE (1204 rows)". */
  message: string;
  rowsAffected?: number;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

function nodeError(node: ManifestNode, code: string, message: string, hint: string): LakeformError {
  return new LakeformError({ code, message, hint, node: `${node.resource_type} ${node.name}`, location: { file: node.original_file_path } });
}

export async function buildView(ctx: BuildContext, node: ManifestNode, sql: string): Promise<BuildOutcome> {
  const { schema, table } = relationOf(node);
  await clearOtherKinds(ctx, node, 'view');
  await ctx.db.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  await ctx.db.run(`CREATE OR REPLACE VIEW ${qualified(schema, table)} AS ${sql}`);
  return { message: 'CREATE VIEW' };
}

export async function buildTable(ctx: BuildContext, node: ManifestNode, sql: string): Promise<BuildOutcome> {
  const { schema, table } = relationOf(node);
  await clearOtherKinds(ctx, node, isIceberg(node) ? 'iceberg' : 'native');
  const { rowsWritten } = await storeFor(ctx, node).write(schema, table, sql, { kind: 'overwrite' }, tableSpec(node));
  return { message: `CREATE TABLE (${rowsWritten} rows)`, rowsAffected: rowsWritten };
}

const STRATEGIES = ['append', 'merge', 'insert_overwrite', 'delete+insert'] as const;

function writeModeOf(node: ManifestNode): WriteMode {
  const c = cfg(node);
  // dbt-athena's default strategy.
  const strategy = String(c['incremental_strategy'] ?? 'insert_overwrite');
  const uniqueKey = asList(c['unique_key']);
  const predicates = asList(c['incremental_predicates']);
  switch (strategy) {
    case 'append':
      return { kind: 'append' };
    case 'insert_overwrite':
      return { kind: 'replace-partitions' };
    case 'merge':
    case 'delete+insert':
      if (uniqueKey.length === 0) {
        throw nodeError(node, 'E_INCREMENTAL_CONFIG', `incremental_strategy '${strategy}' needs a unique_key`, `add unique_key='id' (or a list of columns) to the config of ${node.name}`);
      }
      return { kind: strategy === 'merge' ? 'merge' : 'delete-insert', uniqueKey, ...(predicates.length ? { predicates } : {}) };
    default:
      throw nodeError(node, 'E_INCREMENTAL_CONFIG', `unknown incremental_strategy '${strategy}'`, `use one of ${STRATEGIES.join(', ')}`);
  }
}

async function describe(ctx: BuildContext, sql: string): Promise<StoredColumn[]> {
  const r = await ctx.db.query(`DESCRIBE ${sql}`);
  return r.rows.map((row) => ({ name: String(row[0]), dataType: String(row[1]) }));
}

/**
 * dbt's on_schema_change, against what the table has now: `ignore` writes only the columns the
 * table knows, `fail` stops, `append_new_columns` adds new ones, `sync_all_columns` also drops
 * and retypes. Returns the SELECT to write.
 */
async function reconcileSchema(ctx: BuildContext, node: ManifestNode, sql: string): Promise<string> {
  const { schema, table } = relationOf(node);
  const store = storeFor(ctx, node);
  const mode = String(cfg(node)['on_schema_change'] ?? 'ignore');
  const incoming = await describe(ctx, sql);
  const existing = await store.columns(schema, table);
  const have = new Map(existing.map((c) => [c.name.toLowerCase(), c]));
  const want = new Map(incoming.map((c) => [c.name.toLowerCase(), c]));
  const added = incoming.filter((c) => !have.has(c.name.toLowerCase()));
  const removed = existing.filter((c) => !want.has(c.name.toLowerCase()));
  if (added.length === 0 && removed.length === 0) return sql;
  const change = `${added.length ? `new columns ${added.map((c) => c.name).join(', ')}` : ''}${added.length && removed.length ? '; ' : ''}${removed.length ? `missing columns ${removed.map((c) => c.name).join(', ')}` : ''}`;
  switch (mode) {
    case 'fail':
      throw nodeError(node, 'E_SCHEMA_CHANGE', `the columns of ${node.name} changed (${change}) and on_schema_change is 'fail'`, `run with --full-refresh --select ${node.name}, or set on_schema_change to append_new_columns or sync_all_columns`);
    case 'append_new_columns':
    case 'sync_all_columns':
      await store.evolveSchema(schema, table, mode === 'append_new_columns' ? [...existing, ...added] : incoming, mode);
      return sql;
    case 'ignore': {
      const keep = incoming.filter((c) => have.has(c.name.toLowerCase())).map((c) => quoteIdent(c.name));
      return `SELECT ${keep.join(', ')} FROM (${sql}) AS __lf_incoming`;
    }
    default:
      throw nodeError(node, 'E_INCREMENTAL_CONFIG', `unknown on_schema_change '${mode}'`, 'use ignore, fail, append_new_columns or sync_all_columns');
  }
}

export async function buildIncremental(ctx: BuildContext, node: ManifestNode, sql: string): Promise<BuildOutcome> {
  const { schema, table } = relationOf(node);
  const store = storeFor(ctx, node);
  const mode = writeModeOf(node);
  await clearOtherKinds(ctx, node, isIceberg(node) ? 'iceberg' : 'native');
  if (ctx.fullRefresh || !(await store.exists(schema, table))) {
    const { rowsWritten } = await store.write(schema, table, sql, { kind: 'overwrite' }, tableSpec(node));
    return { message: `CREATE TABLE (${rowsWritten} rows)`, rowsAffected: rowsWritten };
  }
  const select = await reconcileSchema(ctx, node, sql);
  const { rowsWritten } = await store.write(schema, table, select, mode, tableSpec(node));
  const verb = mode.kind === 'append' ? 'INSERT' : mode.kind === 'replace-partitions' ? 'INSERT OVERWRITE' : mode.kind === 'merge' ? 'MERGE' : 'DELETE+INSERT';
  return { message: `${verb} (${rowsWritten} rows)`, rowsAffected: rowsWritten };
}
