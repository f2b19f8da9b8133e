import { z } from 'zod';
import { icebergError } from './iceberg-error.js';
import { checkTransform, defaultPartitionName, humanString, parseTransform, transformResultType, type Transform } from './transforms.js';
import { type IcebergType, type Schema, findField, findFieldById } from './types.js';
import type { IcebergValue } from './values.js';

export const partitionFieldSchema = z.object({
  'source-id': z.number().int(),
  'field-id': z.number().int(),
  name: z.string(),
  transform: z.string(),
});
export type PartitionField = z.infer<typeof partitionFieldSchema>;

export const partitionSpecSchema = z.object({ 'spec-id': z.number().int(), fields: z.array(partitionFieldSchema) });
export type PartitionSpec = z.infer<typeof partitionSpecSchema>;

/** A partition field request: transform a source column. */
export interface PartitionRequest {
  column: string;
  transform: Transform;
}

/** Partition field ids start at 1000 (spec); `lastPartitionId` carries across specs so ids never repeat. */
export function buildPartitionSpec(schema: Schema, requests: PartitionRequest[], specId: number, lastPartitionId: number): PartitionSpec {
  let next = Math.max(lastPartitionId, 999);
  const names = new Set<string>();
  const fields = requests.map((r) => {
    const source = findField(schema, r.column);
    if (!source) {
      throw icebergError('E_ICEBERG_PARTITION_COLUMN', `partition column '${r.column}' is not a column of the table`, `Partition by one of: ${schema.fields.map((f) => f.name).join(', ')}.`);
    }
    checkTransform(r.transform, source.type, source.name);
    const name = defaultPartitionName(r.transform, source.name);
    if (names.has(name)) throw icebergError('E_ICEBERG_PARTITION_COLUMN', `partition field '${name}' is given twice`, 'List each partition transform once.');
    names.add(name);
    next += 1;
    return { 'source-id': source.id, 'field-id': next, name, transform: transformToSpecString(r.transform) };
  });
  return { 'spec-id': specId, fields };
}

function transformToSpecString(t: Transform): string {
  return t.kind === 'bucket' ? `bucket[${t.n}]` : t.kind === 'truncate' ? `truncate[${t.width}]` : t.kind;
}

/** Same fields (source, transform, name) regardless of ids: lets a rewrite reuse an existing spec. */
export function sameSpecShape(a: PartitionSpec, b: PartitionSpec): boolean {
  return a.fields.length === b.fields.length && a.fields.every((f, i) => {
    const g = b.fields[i];
    return g !== undefined && g['source-id'] === f['source-id'] && g.transform === f.transform && g.name === f.name;
  });
}

export interface ResolvedPartitionField {
  field: PartitionField;
  transform: Transform;
  sourceType: IcebergType;
  sourceName: string;
  resultType: IcebergType;
}

export function resolvePartitionSpec(spec: PartitionSpec, schema: Schema): ResolvedPartitionField[] {
  return spec.fields.map((field) => {
    const source = findFieldById(schema, field['source-id']);
    if (!source) {
      throw icebergError('E_ICEBERG_PARTITION_COLUMN', `partition field '${field.name}' refers to column id ${field['source-id']}, which the schema no longer has`, 'Keep partition source columns when evolving the schema.');
    }
    const transform = parseTransform(field.transform);
    return { field, transform, sourceType: source.type, sourceName: source.name, resultType: transformResultType(transform, source.type) };
  });
}

/** The `name=value/...` folder for one partition tuple, values URL-encoded as Hive-style paths are. */
export function partitionPath(resolved: ResolvedPartitionField[], values: (IcebergValue | null)[]): string {
  return resolved
    .map((r, i) => `${encodeURIComponent(r.field.name)}=${encodeURIComponent(humanString(r.transform, r.sourceType, values[i] ?? null))}`)
    .join('/');
}
