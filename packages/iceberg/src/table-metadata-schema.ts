import { z } from 'zod';
import { partitionSpecSchema } from './partition-spec.js';
import { schemaSchema } from './types.js';

export const snapshotSchema = z.looseObject({
  'snapshot-id': z.number().int(),
  'parent-snapshot-id': z.number().int().optional(),
  'sequence-number': z.number().int(),
  'timestamp-ms': z.number().int(),
  'manifest-list': z.string(),
  summary: z.looseObject({ operation: z.enum(['append', 'replace', 'overwrite', 'delete']) }).catchall(z.string()),
  'schema-id': z.number().int().optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const sortOrderSchema = z.object({
  'order-id': z.number().int(),
  fields: z.array(z.looseObject({ transform: z.string(), 'source-id': z.number().int(), direction: z.enum(['asc', 'desc']), 'null-order': z.enum(['nulls-first', 'nulls-last']) })),
});

export const snapshotRefSchema = z.looseObject({
  'snapshot-id': z.number().int(),
  type: z.enum(['branch', 'tag']),
});

/** Table metadata, format version 2 (Iceberg spec "Table Metadata"). Unknown keys are kept. */
export const tableMetadataSchema = z.looseObject({
  'format-version': z.literal(2),
  'table-uuid': z.string().uuid(),
  location: z.string(),
  'last-sequence-number': z.number().int(),
  'last-updated-ms': z.number().int(),
  'last-column-id': z.number().int(),
  schemas: z.array(schemaSchema).min(1),
  'current-schema-id': z.number().int(),
  'partition-specs': z.array(partitionSpecSchema).min(1),
  'default-spec-id': z.number().int(),
  'last-partition-id': z.number().int(),
  properties: z.record(z.string(), z.string()).optional(),
  'current-snapshot-id': z.number().int().nullable().optional(),
  snapshots: z.array(snapshotSchema).optional(),
  'snapshot-log': z.array(z.object({ 'timestamp-ms': z.number().int(), 'snapshot-id': z.number().int() })).optional(),
  'metadata-log': z.array(z.object({ 'timestamp-ms': z.number().int(), 'metadata-file': z.string() })).optional(),
  'sort-orders': z.array(sortOrderSchema).min(1),
  'default-sort-order-id': z.number().int(),
  refs: z.record(z.string(), snapshotRefSchema).optional(),
});
export type TableMetadata = z.infer<typeof tableMetadataSchema>;
