import { LakeformError } from '../errors.js';
import { Macro } from '../jinja/index.js';
import type { CompileState } from '../compile/compile-state.js';
import { NeedsFullCompile } from '../compile/needs-full-compile.js';
import type { NodeDraft } from '../compile/node-draft.js';
import { didYouMean } from '../suggest.js';
import { AgateTable } from './agate-table.js';
import { bind, splitKwargs } from './arguments.js';
import { ConfigObject } from './config-object.js';
import { recordRef, recordSource, refCallOf } from './recorded-calls.js';
import { nodeAsDict } from './node-dict.js';
import { Relation, type RelationType } from './relation.js';
import { NeedsWarehouse, WarehouseAnswers, type WarehouseColumn, type WarehouseTable } from './warehouse.js';

export type RenderPhase = 'parse' | 'compile';

export class ColumnObject {
  constructor(
    readonly name: string,
    readonly data_type: string,
  ) {}
  get column(): string {
    return this.name;
  }
  get dtype(): string {
    return this.data_type;
  }
  get quoted(): string {
    return `"${this.name}"`;
  }
  is_string(): boolean {
    return /char|string|text/i.test(this.data_type);
  }
  is_number(): boolean {
    return /int|decimal|numeric|double|float|real/i.test(this.data_type);
  }
  is_integer(): boolean {
    return /int/i.test(this.data_type);
  }
  is_float(): boolean {
    return /double|float|real/i.test(this.data_type);
  }
  is_numeric(): boolean {
    return /decimal|numeric/i.test(this.data_type);
  }
  toString(): string {
    return `<Column ${this.name} (${this.data_type})>`;
  }
}

/**
 * One render of one node: builds the dbt context the template sees (`ref`, `source`, `config`,
 * `this`, `adapter`, macros, ...) for either the parse pass (records refs and config, execute is
 * False) or the compile pass (resolves relations, execute is True).
 */
export class RenderSession {
  readonly ctx: Record<string, unknown>;
  /** Ephemeral models this render referenced, in first-use order. */
  readonly ephemeralRefs: NodeDraft[] = [];
  // Allocated on first use: most renders bind a macro or two and never touch the rest.
  private boundMacros: Map<string, Macro> | undefined;
  private namespaceObjects: Map<string, Record<string, unknown>> | undefined;
  private resolverFns: Map<string, (name: string) => unknown> | undefined;
  private statements: Map<string, unknown> | undefined;
  get statementResults(): Map<string, unknown> {
    return (this.statements ??= new Map());
  }
  private get bound(): Map<string, Macro> {
    return (this.boundMacros ??= new Map());
  }
  private get namespaces(): Map<string, Record<string, unknown>> {
    return (this.namespaceObjects ??= new Map());
  }
  private get resolvers(): Map<string, (name: string) => unknown> {
    return (this.resolverFns ??= new Map());
  }

  constructor(
    private readonly state: CompileState,
    readonly node: NodeDraft,
    readonly phase: RenderPhase,
    private readonly answers: WarehouseAnswers,
    extra: Record<string, unknown> = {},
  ) {
    const ctx = new DbtContext(this, state, node, phase === 'compile');
    for (const k in extra) (ctx as unknown as Record<string, unknown>)[k] = extra[k];
    this.ctx = ctx as unknown as Record<string, unknown>;
  }

  /** Name resolution after locals, template and ctx: macros of the node's package, the root project, dbt, then package namespaces. */
  resolverFor(packageName: string): (name: string) => unknown {
    // The node's own package is asked for on every render: keep it out of the map.
    if (packageName === this.node.packageName && this.ownResolver) return this.ownResolver;
    let r = packageName === this.node.packageName ? undefined : this.resolvers.get(packageName);
    if (!r) {
      r = (name: string) => {
        const reg = this.state.registry;
        const entry = reg.get(packageName, name) ?? reg.get(this.state.rootPackage, name) ?? reg.get('dbt', name);
        if (entry) return this.bindMacro(entry.packageName, name);
        if (reg.hasPackage(name) || this.state.packageNames.has(name)) return this.namespace(name);
        return undefined;
      };
      if (packageName === this.node.packageName) this.ownResolver = r;
      else this.resolvers.set(packageName, r);
    }
    return r;
  }

  private ownResolver: ((name: string) => unknown) | undefined;

  bindMacro(packageName: string, name: string): Macro {
    const key = `${packageName}\u0000${name}`;
    let m = this.bound.get(key);
    if (!m) {
      const entry = this.state.registry.get(packageName, name)!;
      m = entry.def.bind(this.ctx, { resolve: this.resolverFor(packageName) });
      this.node.macros.add(entry.uniqueId);
      this.bound.set(key, m);
    }
    return m;
  }

  private namespace(packageName: string): Record<string, unknown> {
    let ns = this.namespaces.get(packageName);
    if (!ns) {
      ns = {};
      for (const name of this.state.registry.namesIn(packageName)) {
        Object.defineProperty(ns, name, { enumerable: true, get: () => this.bindMacro(packageName, name) });
      }
      this.namespaces.set(packageName, ns);
    }
    return ns;
  }

  ref(args: unknown[]): Relation {
    const { positional, kwargs } = splitKwargs(args);
    const call = refCallOf(positional, kwargs);
    if (this.phase === 'parse') {
      recordRef(this.node, call);
      return new Relation({ database: this.str(this.state.target['database']), schema: this.str(this.state.target['schema']), identifier: call.name });
    }
    const target = this.state.resolveRef(this.node, call);
    return this.relationOf(target);
  }

  relationOf(target: NodeDraft): Relation {
    if (target.config['materialized'] === 'ephemeral') {
      if (!this.ephemeralRefs.includes(target)) this.ephemeralRefs.push(target);
      return new Relation({ identifier: target.name }, { cteName: `__dbt__cte__${target.name}` });
    }
    return new Relation({ database: target.database, schema: target.schema, identifier: target.alias, type: relationTypeOf(target) });
  }

  source(args: unknown[]): Relation {
    const v = bind('source', args, ['source_name', 'table_name'], { required: 2 }).values;
    const sourceName = String(v['source_name']);
    const tableName = String(v['table_name']);
    if (this.phase === 'parse') {
      recordSource(this.node, sourceName, tableName);
      return new Relation({ database: this.str(this.state.target['database']), schema: sourceName, identifier: tableName });
    }
    const src = this.state.resolveSource(this.node, sourceName, tableName);
    return new Relation({ database: src.database, schema: src.schema, identifier: src.identifier, type: 'external' });
  }

  selfRelation(): Relation {
    const n = this.node;
    if (this.phase === 'parse') {
      return new Relation({ database: this.str(this.state.target['database']), schema: this.str(this.state.target['schema']), identifier: n.name });
    }
    return new Relation({ database: n.database, schema: n.schema, identifier: n.alias, type: relationTypeOf(n) });
  }

  private str(v: unknown): string | null {
    return v === undefined || v === null ? null : String(v);
  }

  variable(args: unknown[]): unknown {
    const v = bind('var', args, ['name', 'default']).values;
    const name = String(v['name']);
    const s = this.state;
    if (name in s.cliVars) return s.cliVars[name];
    const pkgVars = s.packageVars.get(this.node.packageName);
    if (pkgVars && name in pkgVars) return pkgVars[name];
    if (name in s.projectVars) return s.projectVars[name];
    if ('default' in v) return v['default'];
    const known = [...Object.keys(s.cliVars), ...Object.keys(s.projectVars), ...Object.keys(pkgVars ?? {})];
    const hint = didYouMean(name, known);
    throw new LakeformError({
      code: 'E_VAR_MISSING',
      message: `required variable '${name}' is not set`,
      node: this.node.uniqueId,
      location: this.node.location,
      hint: `${hint ? `${hint} ` : ''}define it under vars: in dbt_project.yml, pass --vars '{${name}: ...}', or give var() a default`,
    });
  }

  envVar(args: unknown[]): unknown {
    const v = bind('env_var', args, ['var', 'default']).values;
    const name = String(v['var']);
    const value = this.state.env[name];
    if (value !== undefined) {
      this.node.volatile = true;
      return value;
    }
    if ('default' in v) return v['default'];
    throw new LakeformError({
      code: 'E_ENV_VAR_MISSING',
      message: `environment variable '${name}' is not set and env_var() was given no default`,
      node: this.node.uniqueId,
      location: this.node.location,
      hint: `export ${name}=... before running, or use env_var('${name}', 'default')`,
    });
  }

  isIncremental(): boolean {
    const n = this.node;
    if (this.phase === 'parse' || n.config['materialized'] !== 'incremental' || this.state.fullRefresh || n.config['full_refresh'] === true) return false;
    if (!this.state.warehouse) return false;
    const key = `exists:${n.database}.${n.schema}.${n.alias}`;
    n.volatile = true;
    if (!this.answers.has(key)) {
      throw new NeedsWarehouse(key, (w) => w.relationExists({ database: n.database, schema: n.schema, identifier: n.alias }));
    }
    return this.answers.get(key) !== undefined;
  }

  private needWarehouse(what: string): never {
    throw new LakeformError({
      code: 'E_NEEDS_WAREHOUSE',
      message: `${what} needs a warehouse connection, and this command compiles without one`,
      node: this.node.uniqueId,
      location: this.node.location,
      hint: "wrap the call in {% if execute %} and give a fallback, or run the command that connects to the warehouse (lakeform run / build)",
    });
  }

  /** Marks renders whose output depends on more than the node's own file and its refs' names. */
  dependsOnWholeProject(what: string): void {
    this.node.volatile = true;
    if (this.state.partial) throw new NeedsFullCompile(`${this.node.name} uses ${what}`);
  }

  runQuery(args: unknown[]): unknown {
    const v = bind('run_query', args, ['sql'], { required: 1 }).values;
    if (this.phase === 'parse') return null;
    return this.query(String(v['sql']), 'run_query()');
  }

  private query(sql: string, what: string): AgateTable {
    const key = `query:${sql}`;
    this.dependsOnWholeProject(what);
    if (!this.answers.has(key)) {
      if (!this.state.warehouse) this.needWarehouse(what);
      throw new NeedsWarehouse(key, (w) => w.query(sql));
    }
    return new AgateTable(this.answers.get(key) as WarehouseTable);
  }

  statement(args: unknown[]): string {
    const v = bind('statement', args, ['name', 'fetch_result', 'auto_begin', 'language', 'caller']).values;
    if (this.phase === 'parse') return '';
    const caller = v['caller'];
    const sql = typeof caller === 'function' ? String(caller()) : caller instanceof Macro ? String(caller.call([], {})) : '';
    const table = this.query(sql, 'statement()');
    const name = v['name'] === undefined || v['name'] === null ? 'main' : String(v['name']);
    this.statementResults.set(name, {
      response: { code: 'OK', rows_affected: table.rows.length },
      table,
      data: v['fetch_result'] ? table.rows.map((r) => [...r]) : null,
    });
    return '';
  }

  log(args: unknown[]): string {
    const v = bind('log', args, ['msg', 'info']).values;
    this.state.logs.push({ level: v['info'] ? 'info' : 'debug', message: String(v['msg']), node: this.node.uniqueId });
    return '';
  }

  doc(args: unknown[]): string {
    const { positional } = splitKwargs(args);
    const name = String(positional[positional.length - 1]);
    const pkg = positional.length === 2 ? String(positional[0]) : null;
    const found = this.state.docs.get(pkg ? `${pkg}.${name}` : name) ?? this.state.docs.get(`${this.state.rootPackage}.${name}`);
    if (found === undefined) {
      const names = [...this.state.docs.keys()].filter((k) => !k.includes('.'));
      throw new LakeformError({
        code: 'E_DOC_NOT_FOUND',
        message: `doc('${name}') refers to a docs block that does not exist`,
        node: this.node.uniqueId,
        location: this.node.location,
        hint: didYouMean(name, names) || 'define it with {% docs name %}...{% enddocs %} in a .md file under the model paths',
      });
    }
    // dbt stores a docs block stripped of its surrounding whitespace (block_contents), and doc()
    // returns exactly that.
    return found.trim();
  }

  columnsOf(rel: Relation): ColumnObject[] {
    if (this.phase === 'parse') return [];
    this.dependsOnWholeProject('adapter.get_columns_in_relation');
    const key = `columns:${rel.database}.${rel.schema}.${rel.identifier}`;
    if (this.state.warehouse) {
      if (!this.answers.has(key)) {
        throw new NeedsWarehouse(key, (w) => w.getColumns({ database: rel.database, schema: rel.schema, identifier: rel.identifier ?? '' }));
      }
      const answer = this.answers.get(key) as WarehouseColumn[] | undefined;
      if (answer) return answer.map((c) => new ColumnObject(c.name, c.dataType));
    }
    return this.declaredColumns(rel);
  }

  /** Without a warehouse, columns come from what schema YAML declares for that relation. */
  private declaredColumns(rel: Relation): ColumnObject[] {
    const ident = (rel.cteName ? rel.identifier : rel.identifier)?.toLowerCase();
    const schema = rel.schema?.toLowerCase();
    for (const n of this.state.nodes.values()) {
      if (n.resourceType === 'test') continue;
      const matches = rel.cteName ? n.name.toLowerCase() === ident : n.alias.toLowerCase() === ident && (!schema || n.schema.toLowerCase() === schema);
      if (matches) return Object.values(n.columns).map((c) => new ColumnObject(c.name, c.data_type ?? ''));
    }
    for (const s of this.state.sources.values()) {
      if (s.identifier.toLowerCase() === ident && (!schema || s.schema.toLowerCase() === schema)) {
        const cols = (s.entry['columns'] ?? {}) as Record<string, { name: string; data_type: string | null }>;
        return Object.values(cols).map((c) => new ColumnObject(c.name, c.data_type ?? ''));
      }
    }
    return [];
  }

  adapterObject(): AdapterContext {
    return new AdapterContext(this);
  }

  get adapterType(): string {
    return this.state.adapterType;
  }

  /** adapter.get_relation: the relation if it exists (asking the warehouse when one is connected). */
  getRelation(args: unknown[]): Relation | null {
    const v = bind('get_relation', args, ['database', 'schema', 'identifier']).values;
    const rel = new Relation({ database: v['database'] as string, schema: v['schema'] as string, identifier: v['identifier'] as string });
    if (this.phase === 'parse') return null;
    this.dependsOnWholeProject('adapter.get_relation');
    if (!this.state.warehouse) return this.knownRelation(rel);
    const key = `exists:${rel.database}.${rel.schema}.${rel.identifier}`;
    if (!this.answers.has(key)) throw new NeedsWarehouse(key, (w) => w.relationExists({ database: rel.database, schema: rel.schema, identifier: rel.identifier ?? '' }));
    const found = this.answers.get(key) as { type: 'table' | 'view' } | undefined;
    return found ? new Relation({ database: rel.database, schema: rel.schema, identifier: rel.identifier, type: found.type }) : null;
  }


  /** Without a warehouse, a relation "exists" when the project builds it (or declares it as a source). */
  knownRelation(rel: Relation): Relation | null {
    const ident = rel.identifier?.toLowerCase();
    const schema = rel.schema?.toLowerCase();
    for (const n of this.state.nodes.values()) {
      if (n.resourceType !== 'test' && n.alias.toLowerCase() === ident && n.schema.toLowerCase() === schema) return new Relation({ database: rel.database, schema: rel.schema, identifier: rel.identifier, type: relationTypeOf(n) });
    }
    return null;
  }

  dispatch(args: unknown[]): Macro {
    const v = bind('adapter.dispatch', args, ['macro_name', 'macro_namespace', 'packages']).values;
    const macroName = String(v['macro_name']);
    const ns = v['macro_namespace'] === undefined || v['macro_namespace'] === null ? null : String(v['macro_namespace']);
    const s = this.state;
    let order: string[];
    if (ns === null) order = [this.node.packageName, s.rootPackage, 'dbt'];
    else order = s.dispatchSearchOrder.get(ns) ?? (ns === 'dbt' ? [s.rootPackage, 'dbt'] : [ns]);
    const tried: string[] = [];
    for (const pkg of order) {
      for (const prefix of s.dispatchPrefixes) {
        const name = `${prefix}__${macroName}`;
        tried.push(`${pkg}.${name}`);
        if (s.registry.get(pkg, name)) return this.bindMacro(pkg, name);
      }
    }
    // dbt also accepts an unprefixed implementation in the namespace itself.
    for (const pkg of order) if (s.registry.get(pkg, macroName) && ns !== null && pkg !== ns) return this.bindMacro(pkg, macroName);
    throw new LakeformError({
      code: 'E_MACRO_NOT_FOUND',
      message: `adapter.dispatch('${macroName}'${ns ? `, '${ns}'` : ''}) found no implementation; looked for ${tried.join(', ')}`,
      node: this.node.uniqueId,
      location: this.node.location,
      hint: `define a macro named default__${macroName}${ns ? ` in package '${ns}'` : ''}, or check the dispatch: search_order in dbt_project.yml`,
    });
  }
}

export function relationTypeOf(n: NodeDraft): RelationType {
  const m = n.config['materialized'];
  if (m === 'view') return 'view';
  if (m === 'ephemeral') return 'cte';
  if (n.resourceType === 'test' || n.resourceType === 'analysis' || n.resourceType === 'operation') return null;
  return 'table';
}

export function relationCreate(...args: unknown[]): Relation {
  const v = bind('Relation.create', args, ['database', 'schema', 'identifier', 'type']).values;
  const s = (k: string) => (v[k] === undefined || v[k] === null ? null : String(v[k]));
  return new Relation({ database: s('database'), schema: s('schema'), identifier: s('identifier'), type: (s('type') as RelationType) ?? null });
}

const SESSION = Symbol('session');
const MEMO = Symbol('memo');
const STATE = Symbol('state');
const NODE = Symbol('node');
const MEMOIZE = Symbol('memoize');
const EMPTY_GRAPH = { nodes: {}, sources: {}, exposures: {}, macros: {}, metrics: {}, groups: {}, semantic_models: {}, saved_queries: {} };

/**
 * The dbt context one render sees. Node-independent members (modules, exceptions, tojson, ...)
 * live in the environment's globals; the members here are built on first use and kept for the
 * render, because a compile creates 80,000 contexts and most templates touch two or three names.
 * Internal state sits under symbols so no template name can reach it.
 */
class DbtContext {
  readonly execute: boolean;
  readonly target: Record<string, unknown>;
  readonly project_name: string;
  private readonly [SESSION]: RenderSession;
  private readonly [STATE]: CompileState;
  private readonly [NODE]: NodeDraft;
  private readonly [MEMO]: Record<string, unknown> = {};

  constructor(session: RenderSession, state: CompileState, node: NodeDraft, execute: boolean) {
    this[SESSION] = session;
    this[STATE] = state;
    this[NODE] = node;
    this.execute = execute;
    this.target = state.target;
    this.project_name = state.rootPackage;
  }

  private [MEMOIZE]<T>(name: string, make: () => T): T {
    const m = this[MEMO];
    return (m[name] ??= make()) as T;
  }

  get ref() {
    return this[MEMOIZE]('ref', () => (...a: unknown[]) => this[SESSION].ref(a));
  }
  get source() {
    return this[MEMOIZE]('source', () => (...a: unknown[]) => this[SESSION].source(a));
  }
  get config() {
    return this[MEMOIZE]('config', () => new ConfigObject(this[NODE], this.execute ? 'compile' : 'parse'));
  }
  get var() {
    return this[MEMOIZE]('var', () => (...a: unknown[]) => this[SESSION].variable(a));
  }
  get env_var() {
    return this[MEMOIZE]('env_var', () => (...a: unknown[]) => this[SESSION].envVar(a));
  }
  get is_incremental() {
    return this[MEMOIZE]('is_incremental', () => () => this[SESSION].isIncremental());
  }
  get adapter() {
    return this[MEMOIZE]('adapter', () => this[SESSION].adapterObject());
  }
  get run_query() {
    return this[MEMOIZE]('run_query', () => (...a: unknown[]) => this[SESSION].runQuery(a));
  }
  get statement() {
    return this[MEMOIZE]('statement', () => (...a: unknown[]) => this[SESSION].statement(a));
  }
  get load_result() {
    return this[MEMOIZE]('load_result', () => (name: string) => this[SESSION].statementResults.get(name) ?? null);
  }
  get store_result() {
    return this[MEMOIZE]('store_result', () => (...a: unknown[]) => {
      const v = bind('store_result', a, ['name', 'response', 'agate_table']).values;
      this[SESSION].statementResults.set(String(v['name']), { response: v['response'], table: v['agate_table'], data: null });
      return '';
    });
  }
  get log() {
    return this[MEMOIZE]('log', () => (...a: unknown[]) => this[SESSION].log(a));
  }
  get print() {
    return this.log;
  }
  get doc() {
    return this[MEMOIZE]('doc', () => (...a: unknown[]) => this[SESSION].doc(a));
  }
  get model() {
    return this[MEMOIZE]('model', () => nodeAsDict(this[NODE]));
  }
  get node() {
    return this.model;
  }
  get this() {
    return this[MEMOIZE]('this', () => this[SESSION].selfRelation());
  }
  get graph() {
    if (!this.execute) return EMPTY_GRAPH;
    // A node reading the graph depends on every node: never reused from a partial parse.
    this[SESSION].dependsOnWholeProject('graph');
    return this[STATE].graph();
  }
}

const ADAPTER_SESSION = Symbol('session');

/**
 * `adapter` in templates: one object per render, methods on the prototype (the engine binds them
 * on attribute access), state under a symbol.
 */
class AdapterContext {
  private readonly [ADAPTER_SESSION]: RenderSession;
  readonly Relation = { create: relationCreate };
  readonly Column = { create: (name: string, dtype: string) => new ColumnObject(name, dtype) };

  constructor(session: RenderSession) {
    this[ADAPTER_SESSION] = session;
  }
  type(): string {
    return this[ADAPTER_SESSION].adapterType;
  }
  quote(id: unknown): string {
    return `"${String(id).replace(/"/g, '""')}"`;
  }
  quote_as_configured(id: unknown): string {
    return `"${String(id)}"`;
  }
  quote_seed_column(id: unknown, quote?: unknown): string {
    return quote === false ? String(id) : `"${String(id)}"`;
  }
  dispatch(...a: unknown[]): Macro {
    return this[ADAPTER_SESSION].dispatch(a);
  }
  get_columns_in_relation(rel: unknown): ColumnObject[] {
    return rel instanceof Relation ? this[ADAPTER_SESSION].columnsOf(rel) : [];
  }
  get_relation(...a: unknown[]): Relation | null {
    return this[ADAPTER_SESSION].getRelation(a);
  }
  already_exists(): boolean {
    return false;
  }
  check_schema_exists(): boolean {
    return true;
  }
  get_missing_columns(): unknown[] {
    return [];
  }
}
