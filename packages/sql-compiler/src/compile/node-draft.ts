import type { SourceLocation } from '../errors.js';
import type { Template } from '../jinja/index.js';
import type { ColumnInfo } from '../manifest/schema.js';

export type NodeResourceType = 'model' | 'seed' | 'snapshot' | 'test' | 'analysis' | 'operation';

export interface RefCall {
  name: string;
  package: string | null;
  version: string | number | null;
}

/**
 * A node while the compiler builds it: everything the manifest node will hold, plus what only the
 * compiler needs (the parsed template, where its pieces came from).
 */
export interface NodeDraft {
  uniqueId: string;
  resourceType: NodeResourceType;
  name: string;
  packageName: string;
  /** Relative to the resource root (`staging/stg_orders.sql`). */
  path: string;
  /** Relative to the package root (`models/staging/stg_orders.sql`). */
  originalFilePath: string;
  /** Where errors about this node point: the file (and line) defining it. */
  location: SourceLocation;
  fqn: string[];
  rawCode: string;
  checksum: string;
  template: Template | undefined;
  /** Config layers, merged in this order into `config`. */
  folderConfig: Record<string, unknown>;
  patchConfig: Record<string, unknown>;
  fileConfig: Record<string, unknown>;
  config: Record<string, unknown>;
  refs: RefCall[];
  sources: [string, string][];
  macros: Set<string>;
  description: string;
  columns: Record<string, ColumnInfo>;
  meta: Record<string, unknown>;
  docs: { show: boolean; node_color: string | null };
  patchPath: string | null;
  version: string | number | null;
  latestVersion: string | number | null;
  access: string;
  group: string | null;
  constraints: unknown[];
  deprecationDate: string | null;
  database: string | null;
  schema: string;
  alias: string;
  relationName: string | null;
  dependsOn: string[];
  compiledCode: string | undefined;
  extraCtes: { id: string; sql: string }[];
  /** Tests only. */
  testMetadata?: { name: string; kwargs: Record<string, unknown>; namespace: string | null };
  columnName?: string | null;
  fileKeyName?: string | null;
  attachedNode?: string | null;
  /** Generic tests: the arguments to hand the test macro. */
  testKwargs?: Record<string, unknown>;
  /** Generic tests whose refs are known without rendering (see generic-tests.ts). */
  staticDeps?: { refs: RefCall[]; sources: [string, string][] };
  /** Extra context for rendering (generic tests pass their arguments this way). */
  renderExtra?: Record<string, unknown>;
  /** Singular tests and operations carry no ref to re-resolve; hooks keep their index. */
  hookIndex?: number;
  /** Set when rendering touched something that makes a cached compile unsafe to reuse. */
  volatile: boolean;
}

export function emptyDraft(init: Pick<NodeDraft, 'uniqueId' | 'resourceType' | 'name' | 'packageName' | 'path' | 'originalFilePath' | 'location' | 'fqn' | 'rawCode' | 'checksum'>): NodeDraft {
  // Fields are listed one by one on purpose: `{ ...init, ...40 more }` makes V8 build the object
  // through its slow path (~75 µs each), which at 40,000 nodes costs seconds.
  return {
    uniqueId: init.uniqueId,
    resourceType: init.resourceType,
    name: init.name,
    packageName: init.packageName,
    path: init.path,
    originalFilePath: init.originalFilePath,
    location: init.location,
    fqn: init.fqn,
    rawCode: init.rawCode,
    checksum: init.checksum,
    template: undefined,
    folderConfig: {},
    patchConfig: {},
    fileConfig: {},
    config: {},
    refs: [],
    sources: [],
    macros: new Set(),
    description: '',
    columns: {},
    meta: {},
    docs: { show: true, node_color: null },
    patchPath: null,
    version: null,
    latestVersion: null,
    access: 'protected',
    group: null,
    constraints: [],
    deprecationDate: null,
    database: null,
    schema: '',
    alias: init.name,
    relationName: null,
    dependsOn: [],
    compiledCode: undefined,
    extraCtes: [],
    volatile: false,
  };
}
