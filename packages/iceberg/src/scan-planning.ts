import type { LoadedTable } from './catalog.js';
import { tableName } from './catalog.js';
import type { DataFile } from './data-file.js';
import { icebergError } from './iceberg-error.js';
import { deserializeValue } from './single-value.js';
import { liveEntries } from './snapshot-files.js';
import { type SnapshotSelector, selectSnapshot } from './snapshot-selection.js';
import type { Snapshot } from './table-metadata-schema.js';
import { currentSchema, resolveSpec, schemaById } from './table-metadata.js';
import { applyTransform, preservesOrder } from './transforms.js';
import { type IcebergType, type NestedField, type Schema, findField } from './types.js';
import { type IcebergValue, type Literal, coerceLiteral, compareValues, valuesEqual } from './values.js';
import type { ResolvedPartitionField } from './partition-spec.js';

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A simple predicate on one top-level column; a list of them is an AND. */
export type ScanPredicate =
  | { column: string; op: ComparisonOp; value: Literal }
  | { column: string; op: 'in'; values: Literal[] }
  | { column: string; op: 'is null' | 'is not null' };

export interface ScanPlan {
  snapshot: Snapshot | undefined;
  /** The schema the snapshot was written with (time travel reads old snapshots with their schema). */
  schema: Schema;
  /** Live files that may hold matching rows. */
  files: DataFile[];
  /** Live files before pruning. */
  totalFiles: number;
}

interface BoundPredicate {
  field: NestedField;
  op: ScanPredicate['op'];
  values: IcebergValue[];
}

function bind(schema: Schema, p: ScanPredicate, table: string): BoundPredicate {
  const field = findField(schema, p.column);
  if (!field) {
    throw icebergError('E_ICEBERG_COLUMN_NOT_FOUND', `table ${table} has no column '${p.column}'`, `Filter on one of: ${schema.fields.map((f) => f.name).join(', ')}.`);
  }
  const literals = p.op === 'in' ? p.values : 'value' in p ? [p.value] : [];
  return { field, op: p.op, values: literals.map((l) => coerceLiteral(field.type, l)) };
}

function partitionMayMatch(pf: ResolvedPartitionField, part: IcebergValue | null, p: BoundPredicate): boolean {
  if (p.op === 'is null') return part === null || pf.transform.kind === 'void';
  if (p.op === 'is not null') return part !== null || pf.transform.kind === 'void';
  if (pf.transform.kind === 'void') return true;
  // A null partition value means every row's source value is null: no comparison holds.
  if (part === null) return false;
  const t = (v: IcebergValue): IcebergValue | null => applyTransform(pf.transform, pf.sourceType, v);
  const identity = pf.transform.kind === 'identity';
  const first = p.values[0];
  switch (p.op) {
    case '=':
      return first !== undefined && valuesEqual(t(first), part);
    case 'in':
      return p.values.some((v) => valuesEqual(t(v), part));
    case '!=':
      return !(identity && first !== undefined && valuesEqual(first, part));
    default:
      break;
  }
  if (!preservesOrder(pf.transform) || first === undefined) return true;
  const tv = t(first);
  if (tv === null) return true;
  const c = compareValues(part, tv);
  if (identity) return p.op === '<' ? c < 0 : p.op === '<=' ? c <= 0 : p.op === '>' ? c > 0 : c >= 0;
  return p.op === '<' || p.op === '<=' ? c <= 0 : c >= 0;
}

function boundsMayMatch(file: DataFile, type: IcebergType, p: BoundPredicate): boolean {
  const id = p.field.id;
  const nulls = file.nullValueCounts.get(id);
  const values = file.valueCounts.get(id);
  if (p.op === 'is null') return nulls === undefined || nulls > 0;
  if (p.op === 'is not null') return nulls === undefined || values === undefined || values > nulls;
  if (nulls !== undefined && values !== undefined && values === nulls) return false;
  if (typeof type !== 'string') return true;
  const loBytes = file.lowerBounds.get(id);
  const hiBytes = file.upperBounds.get(id);
  const lo = loBytes ? deserializeValue(type, loBytes) : undefined;
  const hi = hiBytes ? deserializeValue(type, hiBytes) : undefined;
  const within = (v: IcebergValue): boolean => (lo === undefined || compareValues(lo, v) <= 0) && (hi === undefined || compareValues(v, hi) <= 0);
  const first = p.values[0];
  if (first === undefined && p.op !== 'in') return true;
  switch (p.op) {
    case '=':
      return within(first as IcebergValue);
    case 'in':
      return p.values.some(within);
    case '!=':
      return !(lo !== undefined && hi !== undefined && compareValues(lo, hi) === 0 && compareValues(lo, first as IcebergValue) === 0);
    case '<':
      return lo === undefined || compareValues(lo, first as IcebergValue) < 0;
    case '<=':
      return lo === undefined || compareValues(lo, first as IcebergValue) <= 0;
    case '>':
      return hi === undefined || compareValues(hi, first as IcebergValue) > 0;
    case '>=':
      return hi === undefined || compareValues(hi, first as IcebergValue) >= 0;
  }
}

/**
 * Plans a read: picks the snapshot, lists its live data files and drops those that cannot hold a
 * row matching every predicate, using partition values first and column bounds second.
 */
export async function planScan(table: LoadedTable, opts: { at?: SnapshotSelector; predicates?: ScanPredicate[] } = {}): Promise<ScanPlan> {
  const md = table.metadata;
  const name = tableName(table);
  const snapshot = selectSnapshot(md, name, opts.at);
  const schema = snapshot && snapshot['schema-id'] !== undefined && opts.at ? schemaById(md, snapshot['schema-id']) : currentSchema(md);
  const entries = await liveEntries(md, snapshot);
  const bound = (opts.predicates ?? []).map((p) => bind(schema, p, name));
  const specs = new Map<number, ResolvedPartitionField[]>();
  const specOf = (id: number): ResolvedPartitionField[] => {
    let s = specs.get(id);
    if (!s) {
      s = resolveSpec(md, id);
      specs.set(id, s);
    }
    return s;
  };
  const files = entries
    .map((e) => e.dataFile)
    .filter((f) =>
      bound.every((p) => {
        const spec = specOf(f.specId);
        const byPartition = spec.every((pf, i) => pf.field['source-id'] !== p.field.id || partitionMayMatch(pf, f.partition[i] ?? null, p));
        return byPartition && boundsMayMatch(f, p.field.type, p);
      }),
    );
  return { snapshot, schema, files, totalFiles: entries.length };
}
