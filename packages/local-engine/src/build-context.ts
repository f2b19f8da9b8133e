import type { ManifestNode } from '@lakeform/sql-compiler';
import type { DuckSession } from './duck-session.js';
import type { TableSpec, TableStore } from './table-store.js';

/** What a materialisation needs from the engine for one node. */
export interface BuildContext {
  db: DuckSession;
  /** Native tables (Athena's Hive tables, locally). */
  native: TableStore & { kind(schema: string, table: string): Promise<'table' | 'view' | undefined> };
  iceberg: TableStore;
  /** Athena SQL → DuckDB SQL; errors name the node. */
  toDuck(sql: string, nodeId: string): Promise<string>;
  fullRefresh: boolean;
  projectDir: string;
  /** The run's start, for check-strategy snapshots (one timestamp for the whole run). */
  runStartedAt: Date;
}

export const cfg = (node: ManifestNode): Record<string, unknown> => node.config as Record<string, unknown>;

export function relationOf(node: ManifestNode): { schema: string; table: string } {
  return { schema: node.schema, table: (node.alias as string | undefined) ?? node.name };
}

export function isIceberg(node: ManifestNode): boolean {
  return String(cfg(node)['table_type'] ?? '').toLowerCase() === 'iceberg';
}

export function storeFor(ctx: BuildContext, node: ManifestNode): TableStore {
  return isIceberg(node) ? ctx.iceberg : ctx.native;
}

export function tableSpec(node: ManifestNode): TableSpec {
  const c = cfg(node);
  const list = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : undefined);
  const props = c['table_properties'];
  return {
    ...(list(c['partitioned_by']) ? { partitionedBy: list(c['partitioned_by'])! } : {}),
    ...(typeof c['format'] === 'string' ? { format: c['format'] } : {}),
    ...(typeof c['write_compression'] === 'string' ? { writeCompression: c['write_compression'] } : {}),
    ...(props && typeof props === 'object' ? { properties: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, String(v)])) } : {}),
  };
}

/** A relation switching kind (view ↔ native table ↔ Iceberg table) loses its old form first. */
export async function clearOtherKinds(ctx: BuildContext, node: ManifestNode, keep: 'view' | 'native' | 'iceberg'): Promise<void> {
  const { schema, table } = relationOf(node);
  if (keep !== 'iceberg' && (await ctx.iceberg.exists(schema, table))) await ctx.iceberg.drop(schema, table);
  const kind = await ctx.native.kind(schema, table);
  if (kind === 'table' && keep !== 'native') await ctx.native.drop(schema, table);
  if (kind === 'view' && keep === 'native') await ctx.native.drop(schema, table);
}
