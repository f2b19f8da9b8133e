import type { ResolvedPartitionField } from './partition-spec.js';
import type { IcebergType } from './types.js';
import { parseDecimal, parseFixedLength } from './types.js';
import { primitiveKind } from './values.js';

/**
 * Avro schemas of manifest files and manifest lists, with the field ids the spec assigns
 * ("Manifests" and "Manifest Lists" sections). Readers match fields by these ids.
 */
type AvroSchema = string | string[] | Record<string, unknown> | (string | Record<string, unknown>)[];

const optional = (type: AvroSchema): AvroSchema => ['null', type] as AvroSchema;

function intMap(name: string, keyId: number, valueId: number, valueType: 'long' | 'bytes', fieldId: number, doc: string): Record<string, unknown> {
  return {
    name,
    type: optional({
      type: 'array',
      logicalType: 'map',
      items: {
        type: 'record',
        name: `k${keyId}_v${valueId}`,
        fields: [
          { name: 'key', type: 'int', 'field-id': keyId },
          { name: 'value', type: valueType, 'field-id': valueId },
        ],
      },
    }),
    default: null,
    'field-id': fieldId,
    doc,
  };
}

/** The Avro type of one partition value (spec: partition tuples use the transform's result type). */
export function avroTypeOfPrimitive(type: IcebergType): AvroSchema {
  const kind = primitiveKind(type);
  switch (kind) {
    case 'boolean':
      return 'boolean';
    case 'int':
      return 'int';
    case 'date':
      return { type: 'int', logicalType: 'date' };
    case 'long':
      return 'long';
    case 'time':
      return { type: 'long', logicalType: 'time-micros' };
    case 'timestamp':
      return { type: 'long', logicalType: 'timestamp-micros', 'adjust-to-utc': false };
    case 'timestamptz':
      return { type: 'long', logicalType: 'timestamp-micros', 'adjust-to-utc': true };
    case 'float':
      return 'float';
    case 'double':
      return 'double';
    case 'string':
      return 'string';
    case 'uuid':
      return { type: 'fixed', size: 16, name: 'uuid_fixed', logicalType: 'uuid' };
    case 'decimal': {
      const d = parseDecimal(type);
      return { type: 'bytes', logicalType: 'decimal', precision: d?.precision ?? 38, scale: d?.scale ?? 0 };
    }
    case 'fixed':
      return { type: 'fixed', size: parseFixedLength(type) ?? 0, name: `fixed_${parseFixedLength(type) ?? 0}` };
    default:
      return 'bytes';
  }
}

export function partitionRecordSchema(partition: ResolvedPartitionField[]): Record<string, unknown> {
  return {
    type: 'record',
    name: 'r102',
    fields: partition.map((p) => ({ name: p.field.name, type: optional(avroTypeOfPrimitive(p.resultType)), default: null, 'field-id': p.field['field-id'] })),
  };
}

export function manifestEntrySchema(partition: ResolvedPartitionField[]): Record<string, unknown> {
  return {
    type: 'record',
    name: 'manifest_entry',
    fields: [
      { name: 'status', type: 'int', 'field-id': 0 },
      { name: 'snapshot_id', type: optional('long'), default: null, 'field-id': 1 },
      { name: 'sequence_number', type: optional('long'), default: null, 'field-id': 3 },
      { name: 'file_sequence_number', type: optional('long'), default: null, 'field-id': 4 },
      {
        name: 'data_file',
        'field-id': 2,
        type: {
          type: 'record',
          name: 'r2',
          fields: [
            { name: 'content', type: 'int', 'field-id': 134, doc: 'Contents of the file: 0=data, 1=position deletes, 2=equality deletes' },
            { name: 'file_path', type: 'string', 'field-id': 100, doc: 'Location URI with FS scheme' },
            { name: 'file_format', type: 'string', 'field-id': 101, doc: 'File format name: avro, orc, or parquet' },
            { name: 'partition', type: partitionRecordSchema(partition), 'field-id': 102, doc: 'Partition data tuple, schema based on the partition spec' },
            { name: 'record_count', type: 'long', 'field-id': 103, doc: 'Number of records in the file' },
            { name: 'file_size_in_bytes', type: 'long', 'field-id': 104, doc: 'Total file size in bytes' },
            intMap('column_sizes', 117, 118, 'long', 108, 'Map of column id to total size on disk'),
            intMap('value_counts', 119, 120, 'long', 109, 'Map of column id to total count, including null and NaN'),
            intMap('null_value_counts', 121, 122, 'long', 110, 'Map of column id to null value count'),
            intMap('nan_value_counts', 138, 139, 'long', 137, 'Map of column id to number of NaN values in the column'),
            intMap('lower_bounds', 126, 127, 'bytes', 125, 'Map of column id to lower bound'),
            intMap('upper_bounds', 129, 130, 'bytes', 128, 'Map of column id to upper bound'),
            { name: 'key_metadata', type: optional('bytes'), default: null, 'field-id': 131, doc: 'Encryption key metadata blob' },
            { name: 'split_offsets', type: optional({ type: 'array', items: 'long', 'element-id': 133 }), default: null, 'field-id': 132, doc: 'Splittable offsets' },
            { name: 'equality_ids', type: optional({ type: 'array', items: 'int', 'element-id': 136 }), default: null, 'field-id': 135, doc: 'Equality comparison field IDs' },
            { name: 'sort_order_id', type: optional('int'), default: null, 'field-id': 140, doc: 'Sort order ID' },
          ],
        },
      },
    ],
  };
}

export const manifestListSchema: Record<string, unknown> = {
  type: 'record',
  name: 'manifest_file',
  fields: [
    { name: 'manifest_path', type: 'string', 'field-id': 500, doc: 'Location URI with FS scheme' },
    { name: 'manifest_length', type: 'long', 'field-id': 501, doc: 'Total file size in bytes' },
    { name: 'partition_spec_id', type: 'int', 'field-id': 502, doc: 'Spec ID used to write' },
    { name: 'content', type: 'int', 'field-id': 517, doc: 'Contents of the manifest: 0=data, 1=deletes' },
    { name: 'sequence_number', type: 'long', 'field-id': 515, doc: 'Sequence number when the manifest was added' },
    { name: 'min_sequence_number', type: 'long', 'field-id': 516, doc: 'Lowest sequence number in the manifest' },
    { name: 'added_snapshot_id', type: 'long', 'field-id': 503, doc: 'Snapshot ID that added the manifest' },
    { name: 'added_files_count', type: 'int', 'field-id': 504, doc: 'Added entry count' },
    { name: 'existing_files_count', type: 'int', 'field-id': 505, doc: 'Existing entry count' },
    { name: 'deleted_files_count', type: 'int', 'field-id': 506, doc: 'Deleted entry count' },
    { name: 'added_rows_count', type: 'long', 'field-id': 512, doc: 'Added rows count' },
    { name: 'existing_rows_count', type: 'long', 'field-id': 513, doc: 'Existing rows count' },
    { name: 'deleted_rows_count', type: 'long', 'field-id': 514, doc: 'Deleted rows count' },
    {
      name: 'partitions',
      type: optional({
        type: 'array',
        'element-id': 508,
        items: {
          type: 'record',
          name: 'r508',
          fields: [
            { name: 'contains_null', type: 'boolean', 'field-id': 509, doc: 'True if any file has a null partition value' },
            { name: 'contains_nan', type: optional('boolean'), default: null, 'field-id': 518, doc: 'True if any file has a nan partition value' },
            { name: 'lower_bound', type: optional('bytes'), default: null, 'field-id': 510, doc: 'Partition lower bound for all files' },
            { name: 'upper_bound', type: optional('bytes'), default: null, 'field-id': 511, doc: 'Partition upper bound for all files' },
          ],
        },
      }),
      default: null,
      'field-id': 507,
      doc: 'Summary for each partition',
    },
    { name: 'key_metadata', type: optional('bytes'), default: null, 'field-id': 519, doc: 'Encryption key metadata blob' },
  ],
};
