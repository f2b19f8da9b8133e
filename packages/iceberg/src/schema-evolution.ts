import { icebergError } from './iceberg-error.js';
import { type IcebergType, type NestedField, type Schema, parseDecimal } from './types.js';

/** Hands out field ids above the table's `last-column-id`. */
export class FieldIdAllocator {
  constructor(private lastId: number) {}
  next(): number {
    this.lastId += 1;
    return this.lastId;
  }
  get last(): number {
    return this.lastId;
  }
}

/** Gives every field, element, key and value of a type fresh ids (types built with placeholder ids). */
export function assignIds(type: IcebergType, ids: FieldIdAllocator): IcebergType {
  if (typeof type === 'string') return type;
  if (type.type === 'struct') return { type: 'struct', fields: type.fields.map((f) => ({ ...f, id: ids.next(), type: assignIds(f.type, ids) })) };
  if (type.type === 'list') {
    const id = ids.next();
    return { ...type, 'element-id': id, element: assignIds(type.element, ids) };
  }
  const keyId = ids.next();
  const valueId = ids.next();
  return { ...type, 'key-id': keyId, key: assignIds(type.key, ids), 'value-id': valueId, value: assignIds(type.value, ids) };
}

/** Same type shape, ignoring field ids (and nested field name case). */
export function sameStructure(a: IcebergType, b: IcebergType): boolean {
  if (typeof a === 'string' || typeof b === 'string') return typeof a === 'string' && typeof b === 'string' && normalizePrimitive(a) === normalizePrimitive(b);
  if (a.type === 'struct' && b.type === 'struct') {
    return a.fields.length === b.fields.length && a.fields.every((f, i) => {
      const g = b.fields[i];
      return g !== undefined && g.name.toLowerCase() === f.name.toLowerCase() && sameStructure(f.type, g.type);
    });
  }
  if (a.type === 'list' && b.type === 'list') return sameStructure(a.element, b.element);
  if (a.type === 'map' && b.type === 'map') return sameStructure(a.key, b.key) && sameStructure(a.value, b.value);
  return false;
}

function normalizePrimitive(t: string): string {
  return t.replace(/\s+/g, '').replace(',', ', ');
}

/** Type promotions the spec allows in schema evolution: int→long, float→double, decimal(P,S)→decimal(P',S) with P'≥P. */
export function isAllowedPromotion(from: IcebergType, to: IcebergType): boolean {
  if (sameStructure(from, to)) return true;
  if (typeof from !== 'string' || typeof to !== 'string') return false;
  if (from === 'int' && to === 'long') return true;
  if (from === 'float' && to === 'double') return true;
  const a = parseDecimal(from);
  const b = parseDecimal(to);
  return a !== undefined && b !== undefined && a.scale === b.scale && b.precision >= a.precision;
}

export interface DesiredColumn {
  name: string;
  /** Nested ids in this type are placeholders; they are assigned here. */
  type: IcebergType;
}

export type EvolutionMode = 'append_new_columns' | 'sync_all_columns' | 'replace';

function typeName(t: IcebergType): string {
  return typeof t === 'string' ? t : t.type;
}

/**
 * The fields of the next schema. Columns keep their ids by (case-insensitive) name.
 * - append_new_columns: add the missing columns, keep all others as they are;
 * - sync_all_columns: also drop columns not desired and widen types (only spec-allowed promotions);
 * - replace (a full rewrite of the table): desired columns only; an incompatible type gets a new id.
 */
export function evolveFields(current: Schema, desired: DesiredColumn[], mode: EvolutionMode, ids: FieldIdAllocator, table: string): NestedField[] {
  const byName = new Map(current.fields.map((f) => [f.name.toLowerCase(), f]));
  const fresh = (c: DesiredColumn): NestedField => ({ id: ids.next(), name: c.name.toLowerCase(), required: false, type: assignIds(c.type, ids) });
  if (mode === 'append_new_columns') {
    const added = desired.filter((c) => !byName.has(c.name.toLowerCase())).map(fresh);
    return [...current.fields, ...added];
  }
  return desired.map((c) => {
    const existing = byName.get(c.name.toLowerCase());
    if (!existing) return fresh(c);
    if (sameStructure(existing.type, c.type)) return existing;
    if (isAllowedPromotion(existing.type, c.type)) return { ...existing, type: c.type };
    if (mode === 'replace') return fresh(c);
    throw icebergError(
      'E_ICEBERG_SCHEMA_CHANGE',
      `column '${existing.name}' of ${table} cannot change type from ${typeName(existing.type)} to ${typeName(c.type)}`,
      'Iceberg only widens int→long, float→double and decimal precision; rebuild the table with --full-refresh to change other types.',
    );
  });
}
