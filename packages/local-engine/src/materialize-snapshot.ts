import { LakeformError, type ManifestNode } from '@lakeform/sql-compiler';
import { type BuildContext, cfg, clearOtherKinds, isIceberg, relationOf, storeFor, tableSpec } from './build-context.js';
import type { BuildOutcome } from './materialize-model.js';
import { qualified, quoteIdent, quoteLiteral } from './quote.js';

const META = ['dbt_scd_id', 'dbt_updated_at', 'dbt_valid_from', 'dbt_valid_to'];

function snapshotError(node: ManifestNode, message: string, hint: string): LakeformError {
  return new LakeformError({ code: 'E_SNAPSHOT_CONFIG', message, hint, node: `snapshot ${node.name}`, location: { file: node.original_file_path } });
}

/** A unique_key as one SQL expression over alias `a` (a list becomes a struct, compared as one value). */
function keyExpr(uniqueKey: unknown, a: string): string {
  const cols = Array.isArray(uniqueKey) ? uniqueKey.map(String) : [String(uniqueKey)];
  const one = (k: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${a}.${quoteIdent(k)}` : k);
  return cols.length === 1 ? one(cols[0]!) : `struct_pack(${cols.map((k, i) => `k${i} := ${one(k)}`).join(', ')})`;
}

/**
 * dbt's SCD2 snapshot: current versions carry dbt_valid_to NULL; a changed row closes its current
 * version and opens a new one; with hard deletes invalidated, a vanished key closes its version.
 * The whole new table is computed in one statement and written as one commit.
 */
export async function buildSnapshot(ctx: BuildContext, node: ManifestNode, sourceSql: string): Promise<BuildOutcome> {
  const c = cfg(node);
  const strategy = String(c['strategy'] ?? '');
  const uniqueKey = c['unique_key'];
  if (!uniqueKey) throw snapshotError(node, `snapshot ${node.name} has no unique_key`, "add unique_key='id' to its config");
  if (strategy !== 'timestamp' && strategy !== 'check') throw snapshotError(node, `snapshot ${node.name} has strategy '${strategy}'`, "use strategy='timestamp' (with updated_at) or strategy='check' (with check_cols)");
  const updatedAt = c['updated_at'];
  if (strategy === 'timestamp' && typeof updatedAt !== 'string') throw snapshotError(node, `snapshot ${node.name} uses the timestamp strategy without updated_at`, "add updated_at='<column>' to its config");
  const hardDeletes = String(c['hard_deletes'] ?? (c['invalidate_hard_deletes'] === true ? 'invalidate' : 'ignore'));
  const now = `TIMESTAMP ${quoteLiteral(ctx.runStartedAt.toISOString().replace('T', ' ').replace('Z', ''))}`;

  const { schema, table } = relationOf(node);
  const store = storeFor(ctx, node);
  await clearOtherKinds(ctx, node, isIceberg(node) ? 'iceberg' : 'native');
  const srcCols = (await ctx.db.query(`DESCRIBE ${sourceSql}`)).rows.map((r) => String(r[0]));
  const checkCols = strategy === 'check' ? (c['check_cols'] === 'all' || c['check_cols'] === undefined ? srcCols : (c['check_cols'] as unknown[]).map(String)) : [];
  const updatedExpr = strategy === 'timestamp' ? `CAST(s.${quoteIdent(String(updatedAt))} AS TIMESTAMP)` : now;
  const scdId = `md5(coalesce(CAST(${keyExpr(uniqueKey, 's')} AS VARCHAR), '') || '|' || coalesce(CAST(${updatedExpr} AS VARCHAR), ''))`;
  const src = `SELECT s.*, ${keyExpr(uniqueKey, 's')} AS __lf_key, ${updatedExpr} AS __lf_updated FROM (${sourceSql}) AS s`;
  const newVersion = (from: string) =>
    `SELECT ${srcCols.map((col) => `s.${quoteIdent(col)}`).join(', ')}, ${scdId} AS dbt_scd_id, ${updatedExpr} AS dbt_updated_at, ${updatedExpr} AS dbt_valid_from, CAST(NULL AS TIMESTAMP) AS dbt_valid_to FROM (${from}) AS s`;

  if (ctx.fullRefresh || !(await store.exists(schema, table))) {
    const { rowsWritten } = await store.write(schema, table, newVersion(sourceSql), { kind: 'overwrite' }, tableSpec(node));
    return { message: `SNAPSHOT (${rowsWritten} rows)`, rowsAffected: rowsWritten };
  }

  const target = qualified(schema, table);
  const targetCols = (await store.columns(schema, table)).map((col) => col.name).filter((n) => !META.includes(n.toLowerCase()));
  const changedCond =
    strategy === 'timestamp'
      ? 'src.__lf_updated > cur.dbt_updated_at'
      : checkCols.map((col) => `src.${quoteIdent(col)} IS DISTINCT FROM cur.${quoteIdent(col)}`).join(' OR ') || 'false';
  const sql = `
WITH src AS (${src}),
cur AS (SELECT t.*, ${keyExpr(uniqueKey, 't')} AS __lf_key FROM ${target} AS t WHERE t.dbt_valid_to IS NULL),
changed AS (SELECT src.* FROM src JOIN cur ON src.__lf_key = cur.__lf_key WHERE ${changedCond}),
added AS (SELECT src.* FROM src WHERE NOT EXISTS (SELECT 1 FROM cur WHERE cur.__lf_key = src.__lf_key)),
closed AS (
  SELECT __lf_key, __lf_updated AS closed_at FROM changed
  ${hardDeletes === 'ignore' ? '' : `UNION ALL SELECT cur.__lf_key, ${now} FROM cur WHERE NOT EXISTS (SELECT 1 FROM src WHERE src.__lf_key = cur.__lf_key)`}
)
SELECT ${targetCols.map((col) => `t.${quoteIdent(col)}`).join(', ')}, t.dbt_scd_id, t.dbt_updated_at, t.dbt_valid_from,
  CASE WHEN t.dbt_valid_to IS NULL AND closed.__lf_key IS NOT NULL THEN closed.closed_at ELSE t.dbt_valid_to END AS dbt_valid_to
FROM ${target} AS t LEFT JOIN closed ON t.dbt_valid_to IS NULL AND ${keyExpr(uniqueKey, 't')} = closed.__lf_key
UNION ALL BY NAME
${newVersion('SELECT * FROM changed UNION ALL BY NAME SELECT * FROM added')}`;
  const before = Number((await ctx.db.query(`SELECT count(*) FROM ${target}`)).rows[0]?.[0] ?? 0);
  const { rowsWritten } = await store.write(schema, table, sql, { kind: 'overwrite' }, tableSpec(node));
  return { message: `SNAPSHOT (${rowsWritten - before} new versions)`, rowsAffected: rowsWritten - before };
}
