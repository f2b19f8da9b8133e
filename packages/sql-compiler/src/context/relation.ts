/**
 * A warehouse relation as dbt exposes it to Jinja (`this`, `ref()`, `source()`, `api.Relation`).
 * Athena addresses tables as catalog.schema.table; the local engine uses the same three parts so
 * compiled SQL has one shape on both engines.
 */
import { bind } from './arguments.js';

export type RelationType = 'table' | 'view' | 'cte' | 'materialized_view' | 'external' | 'ephemeral' | null;

export interface RelationParts {
  database?: string | null;
  schema?: string | null;
  identifier?: string | null;
  type?: RelationType;
}

interface IncludePolicy {
  database: boolean;
  schema: boolean;
  identifier: boolean;
}

export class Relation {
  readonly database: string | null;
  readonly schema: string | null;
  readonly identifier: string | null;
  readonly type: RelationType;
  /** For ephemeral models dbt renders a CTE name instead of a table name. */
  readonly cteName: string | null;
  private readonly policy: IncludePolicy;
  private readonly quoting: boolean;

  constructor(parts: RelationParts, opts?: { include?: Partial<IncludePolicy>; quoting?: boolean; cteName?: string | null }) {
    this.database = parts.database ?? null;
    this.schema = parts.schema ?? null;
    this.identifier = parts.identifier ?? null;
    this.type = parts.type ?? null;
    this.cteName = opts?.cteName ?? null;
    this.policy = { database: true, schema: true, identifier: true, ...opts?.include };
    this.quoting = opts?.quoting ?? true;
  }

  get name(): string | null {
    return this.identifier;
  }
  get table(): string | null {
    return this.identifier;
  }
  get is_table(): boolean {
    return this.type === 'table';
  }
  get is_view(): boolean {
    return this.type === 'view';
  }
  get is_cte(): boolean {
    return this.type === 'cte' || this.cteName !== null;
  }

  render(): string {
    if (this.cteName !== null) return this.cteName;
    const parts: string[] = [];
    if (this.policy.database && this.database) parts.push(this.quotePart(this.database));
    if (this.policy.schema && this.schema) parts.push(this.quotePart(this.schema));
    if (this.policy.identifier && this.identifier) parts.push(this.quotePart(this.identifier));
    return parts.join('.');
  }

  /** Unquoted schema.table: what Athena's OPTIMIZE / VACUUM and Glue want. */
  render_pure(): string {
    return [this.schema, this.identifier].filter((p): p is string => !!p).join('.');
  }

  include(...args: unknown[]): Relation {
    const o = bind('include', args, ['database', 'schema', 'identifier']).values as Partial<IncludePolicy>;
    return new Relation(this.parts(), { include: { ...this.policy, ...o }, quoting: this.quoting, cteName: this.cteName });
  }

  quote(...args: unknown[]): Relation {
    const o = bind('quote', args, ['database', 'schema', 'identifier']).values;
    const quoting = Object.keys(o).length === 0 || Object.values(o).some(Boolean);
    return new Relation(this.parts(), { include: this.policy, quoting, cteName: this.cteName });
  }

  incorporate(...args: unknown[]): Relation {
    const o = bind('incorporate', args, ['path', 'type']).values as { path?: RelationParts; type?: RelationType };
    const parts = { ...this.parts(), ...o.path, ...(o.type !== undefined ? { type: o.type } : {}) };
    return new Relation(parts, { include: this.policy, quoting: this.quoting, cteName: this.cteName });
  }

  private parts(): RelationParts {
    return { database: this.database, schema: this.schema, identifier: this.identifier, type: this.type };
  }

  private quotePart(p: string): string {
    return this.quoting ? `"${p.replace(/"/g, '""')}"` : p;
  }

  toString(): string {
    return this.render();
  }

  toJSON(): string {
    return this.render();
  }
}

