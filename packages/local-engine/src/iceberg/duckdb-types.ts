import { type IcebergType, icebergError, parseDecimal, parseFixedLength } from '@lakeform/iceberg';

/**
 * DuckDB type names ↔ Iceberg types. Nested Iceberg types built here carry placeholder ids (0);
 * the table format assigns real ids when a column is added (see @lakeform/iceberg evolveFields).
 */

interface Cursor {
  text: string;
  pos: number;
}

function skipSpace(c: Cursor): void {
  while (c.pos < c.text.length && /\s/.test(c.text[c.pos] ?? '')) c.pos += 1;
}

function readName(c: Cursor): string {
  skipSpace(c);
  if (c.text[c.pos] === '"') {
    let out = '';
    c.pos += 1;
    while (c.pos < c.text.length) {
      const ch = c.text[c.pos];
      if (ch === '"') {
        if (c.text[c.pos + 1] === '"') {
          out += '"';
          c.pos += 2;
          continue;
        }
        c.pos += 1;
        return out;
      }
      out += ch;
      c.pos += 1;
    }
    return out;
  }
  const m = /^[^\s,()[\]]+/.exec(c.text.slice(c.pos));
  const name = m?.[0] ?? '';
  c.pos += name.length;
  return name;
}

function expect(c: Cursor, ch: string): void {
  skipSpace(c);
  if (c.text[c.pos] !== ch) throw unsupported(c.text);
  c.pos += 1;
}

function unsupported(type: string): Error {
  return icebergError('E_ICEBERG_TYPE', `DuckDB type ${type} has no Iceberg equivalent`, 'Cast the column to a supported type (e.g. VARCHAR, BIGINT, DOUBLE, DECIMAL, DATE, TIMESTAMP) in the model.');
}

const SIMPLE: Record<string, IcebergType> = {
  BOOLEAN: 'boolean', BOOL: 'boolean',
  TINYINT: 'int', SMALLINT: 'int', INTEGER: 'int', INT: 'int', UTINYINT: 'int', USMALLINT: 'int',
  UINTEGER: 'long', BIGINT: 'long',
  HUGEINT: 'decimal(38, 0)', UBIGINT: 'decimal(20, 0)', UHUGEINT: 'decimal(38, 0)',
  FLOAT: 'float', REAL: 'float', DOUBLE: 'double',
  DATE: 'date', TIME: 'time',
  TIMESTAMP: 'timestamp', TIMESTAMP_S: 'timestamp', TIMESTAMP_MS: 'timestamp', TIMESTAMP_NS: 'timestamp', DATETIME: 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamptz', TIMESTAMPTZ: 'timestamptz',
  VARCHAR: 'string', JSON: 'string', TEXT: 'string', STRING: 'string',
  UUID: 'uuid', BLOB: 'binary', BYTEA: 'binary',
};

function parseType(c: Cursor): IcebergType {
  skipSpace(c);
  const rest = c.text.slice(c.pos);
  let base: IcebergType;
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0]?.toUpperCase() ?? '';
  if (/^TIMESTAMP\s+WITH\s+TIME\s+ZONE/i.test(rest)) {
    c.pos += /^TIMESTAMP\s+WITH\s+TIME\s+ZONE/i.exec(rest)?.[0].length ?? 0;
    base = 'timestamptz';
  } else if (word === 'DECIMAL' || word === 'NUMERIC') {
    c.pos += word.length;
    skipSpace(c);
    let p = 18;
    let s = 3;
    if (c.text[c.pos] === '(') {
      const m = /^\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)/.exec(c.text.slice(c.pos));
      if (!m) throw unsupported(c.text);
      p = Number(m[1]);
      s = Number(m[2] ?? 0);
      c.pos += m[0].length;
    }
    base = `decimal(${p}, ${s})`;
  } else if (word === 'STRUCT') {
    c.pos += word.length;
    expect(c, '(');
    const fields: { id: number; name: string; required: boolean; type: IcebergType }[] = [];
    for (;;) {
      const name = readName(c);
      const type = parseType(c);
      fields.push({ id: 0, name: name.toLowerCase(), required: false, type });
      skipSpace(c);
      if (c.text[c.pos] === ',') {
        c.pos += 1;
        continue;
      }
      expect(c, ')');
      break;
    }
    base = { type: 'struct', fields };
  } else if (word === 'MAP') {
    c.pos += word.length;
    expect(c, '(');
    const key = parseType(c);
    expect(c, ',');
    const value = parseType(c);
    expect(c, ')');
    base = { type: 'map', 'key-id': 0, key, 'value-id': 0, value, 'value-required': false };
  } else {
    const simple = SIMPLE[word];
    if (!simple) throw unsupported(c.text);
    c.pos += word.length;
    base = simple;
  }
  for (;;) {
    skipSpace(c);
    const m = /^\[\s*\d*\s*\]/.exec(c.text.slice(c.pos));
    if (!m) break;
    c.pos += m[0].length;
    base = { type: 'list', 'element-id': 0, element: base, 'element-required': false };
  }
  return base;
}

export function duckdbToIceberg(duckType: string): IcebergType {
  const c = { text: duckType.trim(), pos: 0 };
  const t = parseType(c);
  skipSpace(c);
  if (c.pos !== c.text.length) throw unsupported(duckType);
  return t;
}

function quoteFieldName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

export function icebergToDuckdb(type: IcebergType): string {
  if (typeof type !== 'string') {
    if (type.type === 'list') return `${icebergToDuckdb(type.element)}[]`;
    if (type.type === 'map') return `MAP(${icebergToDuckdb(type.key)}, ${icebergToDuckdb(type.value)})`;
    return `STRUCT(${type.fields.map((f) => `${quoteFieldName(f.name)} ${icebergToDuckdb(f.type)}`).join(', ')})`;
  }
  const d = parseDecimal(type);
  if (d) return `DECIMAL(${d.precision},${d.scale})`;
  if (parseFixedLength(type) !== undefined) return 'BLOB';
  const map: Record<string, string> = {
    boolean: 'BOOLEAN', int: 'INTEGER', long: 'BIGINT', float: 'FLOAT', double: 'DOUBLE', date: 'DATE', time: 'TIME',
    timestamp: 'TIMESTAMP', timestamptz: 'TIMESTAMP WITH TIME ZONE', timestamp_ns: 'TIMESTAMP_NS', timestamptz_ns: 'TIMESTAMP WITH TIME ZONE',
    string: 'VARCHAR', uuid: 'UUID', binary: 'BLOB',
  };
  const out = map[type];
  if (!out) throw unsupported(type);
  return out;
}
