import { z } from 'zod';

/**
 * Iceberg schema types in their JSON form (spec "Appendix C"): primitives are strings such as
 * `long` or `decimal(10, 2)`; nested types are objects carrying their own field ids.
 */
export type PrimitiveType = string;

export interface NestedField {
  id: number;
  name: string;
  required: boolean;
  type: IcebergType;
  doc?: string;
}

export interface StructType {
  type: 'struct';
  fields: NestedField[];
}

export interface ListType {
  type: 'list';
  'element-id': number;
  element: IcebergType;
  'element-required': boolean;
}

export interface MapType {
  type: 'map';
  'key-id': number;
  key: IcebergType;
  'value-id': number;
  value: IcebergType;
  'value-required': boolean;
}

export type IcebergType = PrimitiveType | StructType | ListType | MapType;

export interface Schema {
  type: 'struct';
  'schema-id': number;
  'identifier-field-ids'?: number[];
  fields: NestedField[];
}

const PRIMITIVE = /^(boolean|int|long|float|double|date|time|timestamp|timestamptz|timestamp_ns|timestamptz_ns|string|uuid|binary|decimal\(\s*\d+\s*,\s*\d+\s*\)|fixed\[\s*\d+\s*\])$/;

export const primitiveTypeSchema = z.string().regex(PRIMITIVE, 'not an Iceberg primitive type');

export const icebergTypeSchema: z.ZodType<IcebergType> = z.lazy(() =>
  z.union([primitiveTypeSchema, structTypeSchema, listTypeSchema, mapTypeSchema]),
);

export const nestedFieldSchema: z.ZodType<NestedField> = z.lazy(() =>
  z.object({
    id: z.number().int(),
    name: z.string().min(1),
    required: z.boolean(),
    type: icebergTypeSchema,
    doc: z.string().optional(),
  }),
);

const structTypeSchema: z.ZodType<StructType> = z.lazy(() =>
  z.object({ type: z.literal('struct'), fields: z.array(nestedFieldSchema) }),
);

const listTypeSchema: z.ZodType<ListType> = z.lazy(() =>
  z.object({
    type: z.literal('list'),
    'element-id': z.number().int(),
    element: icebergTypeSchema,
    'element-required': z.boolean(),
  }),
);

const mapTypeSchema: z.ZodType<MapType> = z.lazy(() =>
  z.object({
    type: z.literal('map'),
    'key-id': z.number().int(),
    key: icebergTypeSchema,
    'value-id': z.number().int(),
    value: icebergTypeSchema,
    'value-required': z.boolean(),
  }),
);

export const schemaSchema: z.ZodType<Schema> = z.object({
  type: z.literal('struct'),
  'schema-id': z.number().int(),
  'identifier-field-ids': z.array(z.number().int()).optional(),
  fields: z.array(nestedFieldSchema),
});

export function isPrimitive(t: IcebergType): t is PrimitiveType {
  return typeof t === 'string';
}

export interface DecimalType {
  precision: number;
  scale: number;
}

export function parseDecimal(t: IcebergType): DecimalType | undefined {
  if (typeof t !== 'string') return undefined;
  const m = /^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(t);
  return m ? { precision: Number(m[1]), scale: Number(m[2]) } : undefined;
}

export function parseFixedLength(t: IcebergType): number | undefined {
  if (typeof t !== 'string') return undefined;
  const m = /^fixed\[\s*(\d+)\s*\]$/.exec(t);
  return m ? Number(m[1]) : undefined;
}

/** The highest field id used anywhere in a list of fields, nested ones included. */
export function maxFieldId(fields: NestedField[]): number {
  let max = 0;
  const visit = (t: IcebergType): void => {
    if (typeof t === 'string') return;
    if (t.type === 'struct') for (const f of t.fields) { max = Math.max(max, f.id); visit(f.type); }
    else if (t.type === 'list') { max = Math.max(max, t['element-id']); visit(t.element); }
    else { max = Math.max(max, t['key-id'], t['value-id']); visit(t.key); visit(t.value); }
  };
  visit({ type: 'struct', fields });
  return max;
}

export function findField(schema: Schema, name: string): NestedField | undefined {
  const lower = name.toLowerCase();
  return schema.fields.find((f) => f.name.toLowerCase() === lower);
}

export function findFieldById(schema: Schema, id: number): NestedField | undefined {
  return schema.fields.find((f) => f.id === id);
}
