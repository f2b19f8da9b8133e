import { LakeformError } from '@lakeform/sql-compiler';

/**
 * Athena (Hive DDL and Trino) type names as DuckDB types: `string` → VARCHAR, `array<int>` →
 * INTEGER[], `map<string,bigint>` → MAP(VARCHAR, BIGINT), `struct<a:int>` → STRUCT("a" INTEGER).
 * Used for seeds' column_types, declared source columns and schema changes.
 */
export function athenaTypeToDuckdb(type: string, where?: string): string {
  const p = new TypeParser(type.trim(), where);
  const out = p.type();
  p.end();
  return out;
}

const SCALARS: Record<string, string> = {
  string: 'VARCHAR',
  varchar: 'VARCHAR',
  char: 'VARCHAR',
  text: 'VARCHAR',
  int: 'INTEGER',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  long: 'BIGINT',
  smallint: 'SMALLINT',
  tinyint: 'TINYINT',
  double: 'DOUBLE',
  'double precision': 'DOUBLE',
  float: 'FLOAT',
  real: 'FLOAT',
  boolean: 'BOOLEAN',
  bool: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  'timestamp with time zone': 'TIMESTAMPTZ',
  timestamptz: 'TIMESTAMPTZ',
  time: 'TIME',
  binary: 'BLOB',
  varbinary: 'BLOB',
  json: 'JSON',
  uuid: 'UUID',
};

class TypeParser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly where: string | undefined,
  ) {}

  private fail(): never {
    throw new LakeformError({
      code: 'E_UNKNOWN_TYPE',
      message: `unknown column type '${this.s}'${this.where ? ` in ${this.where}` : ''}`,
      hint: 'use an Athena type: string, int, bigint, double, decimal(p,s), boolean, date, timestamp, array<…>, map<…,…>, struct<…>',
    });
  }

  private ws(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  private word(): string {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*( with time zone| precision)?/i.exec(this.s.slice(this.i));
    if (!m) this.fail();
    this.i += m[0].length;
    return m[0].toLowerCase();
  }

  private eat(ch: string): boolean {
    this.ws();
    if (this.s[this.i] === ch) {
      this.i++;
      return true;
    }
    return false;
  }

  private expect(ch: string): void {
    if (!this.eat(ch)) this.fail();
  }

  private number(): string {
    this.ws();
    const m = /^\d+/.exec(this.s.slice(this.i));
    if (!m) this.fail();
    this.i += m[0].length;
    return m[0];
  }

  type(): string {
    const w = this.word();
    if (w === 'array') {
      const open = this.eat('<') ? '>' : (this.expect('('), ')');
      const inner = this.type();
      this.expect(open);
      return `${inner}[]`;
    }
    if (w === 'map') {
      const open = this.eat('<') ? '>' : (this.expect('('), ')');
      const k = this.type();
      this.expect(',');
      const v = this.type();
      this.expect(open);
      return `MAP(${k}, ${v})`;
    }
    if (w === 'struct' || w === 'row') {
      const open = this.eat('<') ? '>' : (this.expect('('), ')');
      const fields: string[] = [];
      do {
        const name = this.word();
        this.eat(':');
        fields.push(`"${name}" ${this.type()}`);
      } while (this.eat(','));
      this.expect(open);
      return `STRUCT(${fields.join(', ')})`;
    }
    if (w === 'decimal' || w === 'numeric') {
      if (!this.eat('(')) return 'DECIMAL(38, 18)';
      const p = this.number();
      const s = this.eat(',') ? this.number() : '0';
      this.expect(')');
      return `DECIMAL(${p}, ${s})`;
    }
    if (w === 'varchar' || w === 'char' || w === 'timestamp' || w === 'time') {
      // Length and precision carry no meaning locally: DuckDB strings are unbounded, timestamps µs.
      if (this.eat('(')) {
        this.number();
        this.expect(')');
      }
      this.ws();
      const rest = this.s.slice(this.i).toLowerCase();
      if (w === 'timestamp' && rest.startsWith('with time zone')) {
        this.i += 'with time zone'.length;
        return 'TIMESTAMPTZ';
      }
      return SCALARS[w]!;
    }
    const t = SCALARS[w];
    if (!t) this.fail();
    return t;
  }

  end(): void {
    this.ws();
    if (this.i !== this.s.length) this.fail();
  }
}
