import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { LakeformError, type ManifestNode } from '@lakeform/sql-compiler';
import { athenaTypeToDuckdb } from './athena-types.js';
import { type BuildContext, cfg, clearOtherKinds, isIceberg, relationOf, storeFor, tableSpec } from './build-context.js';
import type { BuildOutcome } from './materialize-model.js';
import { quoteIdent, quoteLiteral } from './quote.js';

/**
 * The types dbt infers for seed columns, in the order it tries them: whole numbers, decimals
 * (dbt-athena writes them as double), booleans, dates, timestamps, else text.
 */
const CANDIDATES = ['BOOLEAN', 'BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'VARCHAR'];

function seedPath(ctx: BuildContext, node: ManifestNode): string {
  const root = typeof node.root_path === 'string' && node.root_path ? node.root_path : ctx.projectDir;
  return resolve(root, node.original_file_path);
}

/** Loads a seed CSV with dbt's type inference (column_types override it) into its table. */
export async function buildSeed(ctx: BuildContext, node: ManifestNode): Promise<BuildOutcome> {
  const file = seedPath(ctx, node);
  if (!existsSync(file)) {
    throw new LakeformError({ code: 'E_SEED_NOT_FOUND', message: `seed file ${node.original_file_path} is missing`, node: `seed ${node.name}`, hint: 'restore the file or remove the seed' });
  }
  const c = cfg(node);
  const overrides = (c['column_types'] && typeof c['column_types'] === 'object' ? c['column_types'] : {}) as Record<string, unknown>;
  const delim = typeof c['delimiter'] === 'string' ? c['delimiter'] : ',';
  const where = `seed ${node.name}`;
  const types = Object.entries(overrides).map(([k, v]) => `${quoteLiteral(k)}: ${quoteLiteral(athenaTypeToDuckdb(String(v), `${where} column_types.${k}`))}`);
  const reader = `read_csv(${quoteLiteral(file)}, header = true, delim = ${quoteLiteral(delim)}, quote = '"', escape = '"', auto_type_candidates = [${CANDIDATES.map(quoteLiteral).join(', ')}]${types.length ? `, types = {${types.join(', ')}}` : ''})`;
  let cols: string[];
  try {
    cols = (await ctx.db.query(`DESCRIBE SELECT * FROM ${reader}`)).rows.map((r) => String(r[0]));
  } catch (e) {
    throw new LakeformError({
      code: 'E_SEED_READ',
      message: `cannot read seed ${node.original_file_path}: ${(e as Error).message.split('\n')[0]}`,
      node: where,
      location: { file: node.original_file_path },
      hint: 'check the CSV: one header row, the same number of fields in every row, quotes closed',
      cause: e,
    });
  }
  const unknown = Object.keys(overrides).filter((k) => !cols.some((c2) => c2.toLowerCase() === k.toLowerCase()));
  if (unknown.length) {
    throw new LakeformError({ code: 'E_SEED_CONFIG', message: `column_types names ${unknown.join(', ')}, not in ${node.original_file_path} (columns: ${cols.join(', ')})`, node: where, hint: 'fix the column names in column_types' });
  }
  const select = `SELECT ${cols.map((col) => `${quoteIdent(col)} AS ${quoteIdent(col.toLowerCase())}`).join(', ')} FROM ${reader}`;
  const { schema, table } = relationOf(node);
  await clearOtherKinds(ctx, node, isIceberg(node) ? 'iceberg' : 'native');
  const { rowsWritten } = await storeFor(ctx, node).write(schema, table, select, { kind: 'overwrite' }, tableSpec(node));
  return { message: `INSERT ${rowsWritten}`, rowsAffected: rowsWritten };
}
