import { randomUUID } from 'node:crypto';
import { icebergError } from './iceberg-error.js';
import { buildPartitionSpec, type PartitionRequest, type PartitionSpec, type ResolvedPartitionField, resolvePartitionSpec, sameSpecShape } from './partition-spec.js';
import type { Snapshot, TableMetadata } from './table-metadata-schema.js';
import { type NestedField, type Schema, maxFieldId } from './types.js';
import { sameStructure } from './schema-evolution.js';

export interface NewTableOptions {
  location: string;
  /** Fields with their final ids (see FieldIdAllocator / evolveFields). */
  fields: NestedField[];
  partition: PartitionRequest[];
  properties?: Record<string, string>;
  nowMs: number;
}

export function newTableMetadata(opts: NewTableOptions): TableMetadata {
  const schema: Schema = { type: 'struct', 'schema-id': 0, fields: opts.fields };
  const spec = buildPartitionSpec(schema, opts.partition, 0, 999);
  return {
    'format-version': 2,
    'table-uuid': randomUUID(),
    location: opts.location,
    'last-sequence-number': 0,
    'last-updated-ms': opts.nowMs,
    'last-column-id': maxFieldId(opts.fields),
    schemas: [schema],
    'current-schema-id': 0,
    'partition-specs': [spec],
    'default-spec-id': 0,
    'last-partition-id': Math.max(999, ...spec.fields.map((f) => f['field-id'])),
    properties: { 'write.format.default': 'parquet', ...(opts.properties ?? {}) },
    snapshots: [],
    'snapshot-log': [],
    'metadata-log': [],
    'sort-orders': [{ 'order-id': 0, fields: [] }],
    'default-sort-order-id': 0,
    refs: {},
  };
}

export function schemaById(md: TableMetadata, id: number): Schema {
  const s = md.schemas.find((x) => x['schema-id'] === id);
  if (!s) throw icebergError('E_ICEBERG_METADATA', `table metadata has no schema with id ${id}`, 'The metadata file is damaged; restore it from metadata-log.');
  return s;
}

export function currentSchema(md: TableMetadata): Schema {
  return schemaById(md, md['current-schema-id']);
}

export function specById(md: TableMetadata, id: number): PartitionSpec {
  const s = md['partition-specs'].find((x) => x['spec-id'] === id);
  if (!s) throw icebergError('E_ICEBERG_METADATA', `table metadata has no partition spec with id ${id}`, 'The metadata file is damaged; restore it from metadata-log.');
  return s;
}

export function defaultSpec(md: TableMetadata): PartitionSpec {
  return specById(md, md['default-spec-id']);
}

/**
 * Resolves a spec's source columns against the newest schema that still has them, so files written
 * under an older spec stay readable after its source column was dropped.
 */
export function resolveSpec(md: TableMetadata, specId: number): ResolvedPartitionField[] {
  const spec = specById(md, specId);
  const schemas = [currentSchema(md), ...[...md.schemas].reverse()];
  const schema = schemas.find((s) => spec.fields.every((f) => s.fields.some((x) => x.id === f['source-id'])));
  return resolvePartitionSpec(spec, schema ?? currentSchema(md));
}

export function currentSnapshot(md: TableMetadata): Snapshot | undefined {
  const id = md['current-snapshot-id'];
  if (id === null || id === undefined || id < 0) return undefined;
  return (md.snapshots ?? []).find((s) => s['snapshot-id'] === id);
}

function sameFields(a: NestedField[], b: NestedField[]): boolean {
  return a.length === b.length && a.every((f, i) => {
    const g = b[i];
    return g !== undefined && g.id === f.id && g.name === f.name && g.required === f.required && sameStructure(f.type, g.type);
  });
}

/** Makes `fields` the current schema, reusing an identical existing schema instead of adding one. */
export function withSchema(md: TableMetadata, fields: NestedField[]): TableMetadata {
  if (sameFields(currentSchema(md).fields, fields)) return md;
  const same = md.schemas.find((s) => sameFields(s.fields, fields));
  if (same) return { ...md, 'current-schema-id': same['schema-id'] };
  const id = Math.max(...md.schemas.map((s) => s['schema-id'])) + 1;
  return {
    ...md,
    schemas: [...md.schemas, { type: 'struct', 'schema-id': id, fields }],
    'current-schema-id': id,
    'last-column-id': Math.max(md['last-column-id'], maxFieldId(fields)),
  };
}

/** Makes a spec of the given shape the default, reusing an existing one with the same shape. */
export function withPartitioning(md: TableMetadata, requests: PartitionRequest[]): TableMetadata {
  const schema = currentSchema(md);
  const candidate = buildPartitionSpec(schema, requests, -1, md['last-partition-id']);
  const existing = md['partition-specs'].find((s) => sameSpecShape(s, candidate));
  if (existing) return existing['spec-id'] === md['default-spec-id'] ? md : { ...md, 'default-spec-id': existing['spec-id'] };
  const specId = Math.max(...md['partition-specs'].map((s) => s['spec-id'])) + 1;
  const spec = { ...candidate, 'spec-id': specId };
  return {
    ...md,
    'partition-specs': [...md['partition-specs'], spec],
    'default-spec-id': specId,
    'last-partition-id': Math.max(md['last-partition-id'], ...spec.fields.map((f) => f['field-id'])),
  };
}
