/**
 * The grammar of dbt's `--select` / `--exclude` strings and the selection-spec tree they (and
 * selectors.yml) turn into. Everything that can be checked without the graph is checked here, so
 * a typo fails before any work is done and the message can point at the exact spec.
 */
import { LakeformError, type SourceLocation } from '../errors.js';
import { RESOURCE_TYPES } from './graph.js';
import { suggestion } from './closest.js';

export type IndirectSelectionMode = 'eager' | 'cautious' | 'buildable' | 'empty';
export const INDIRECT_SELECTION_MODES: readonly IndirectSelectionMode[] = ['eager', 'cautious', 'buildable', 'empty'];

export const SELECTION_METHODS = [
  'fqn',
  'tag',
  'path',
  'file',
  'package',
  'config',
  'resource_type',
  'source',
  'exposure',
  'test_type',
  'test_name',
  'version',
  'state',
  'group',
  'access',
] as const;
export type SelectionMethod = (typeof SELECTION_METHODS)[number];

/** dbt methods that need data Lakeform does not have yet (run results, freshness, semantic layer). */
const UNSUPPORTED_METHODS: Readonly<Record<string, string>> = {
  result: 'it needs run_results.json from a previous run, which Lakeform does not read yet',
  source_status: 'it needs sources.json freshness results, which Lakeform does not produce yet',
  metric: 'Lakeform has no metrics',
  semantic_model: 'Lakeform has no semantic models',
  saved_query: 'Lakeform has no saved queries',
};

export const STATE_CHECKS = [
  'new',
  'old',
  'modified',
  'unmodified',
  'modified.body',
  'modified.configs',
  'modified.relation',
  'modified.macros',
] as const;
export type StateCheck = (typeof STATE_CHECKS)[number];
const UNSUPPORTED_STATE_CHECKS = ['modified.persisted_descriptions', 'modified.contract'];

export const TEST_TYPES = ['generic', 'singular', 'unit', 'schema', 'data'] as const;
export const VERSION_SELECTORS = ['latest', 'prerelease', 'old', 'none'] as const;

export interface SelectionCriterion {
  /** The spec as written (or, from selectors.yml, as it would be written on the CLI). */
  raw: string;
  method: SelectionMethod;
  /** The dotted key of `config.<key>:`; empty for every other method. */
  methodArgs: string[];
  value: string;
  parents: boolean;
  /** undefined = unlimited. */
  parentsDepth: number | undefined;
  children: boolean;
  childrenDepth: number | undefined;
  /** The `@` operator. */
  childrensParents: boolean;
  /** Per-criterion override from selectors.yml. */
  indirectSelection: IndirectSelectionMode | undefined;
}

export type SelectionSpec =
  | { kind: 'criterion'; criterion: SelectionCriterion }
  | { kind: 'union'; items: SelectionSpec[] }
  /** `raw` is set on the intersections that come from one CLI spec, so an empty result can be reported. */
  | { kind: 'intersection'; items: SelectionSpec[]; raw?: string }
  | { kind: 'difference'; include: SelectionSpec; exclude: SelectionSpec };

/** Where a spec came from, for error messages. */
export interface SpecOrigin {
  location?: SourceLocation;
  /** e.g. "selector 'nightly'". */
  context?: string;
}

function fail(code: string, message: string, origin: SpecOrigin | undefined, hint?: string): never {
  const where = origin?.context ? ` (in ${origin.context})` : '';
  throw new LakeformError({
    code,
    message: message + where,
    ...(origin?.location ? { location: origin.location } : {}),
    ...(hint ? { hint } : {}),
  });
}

const SYNTAX_HINT =
  "A spec is [@|N+|+]METHOD:VALUE[+|+N] or a bare name, e.g. 'stg_orders', '+orders', 'tag:nightly+1', '@path:models/marts'.";

function syntax(raw: string, why: string, origin: SpecOrigin | undefined): never {
  return fail('E_SELECTOR_SYNTAX', `Invalid selection spec '${raw}': ${why}.`, origin, SYNTAX_HINT);
}

function badValue(raw: string, why: string, expected: readonly string[], value: string, origin: SpecOrigin | undefined): never {
  const guess = suggestion(value, expected, 'value');
  return fail(
    'E_SELECTOR_VALUE',
    `Invalid selection spec '${raw}': ${why}.${guess ? ` ${guess}` : ''}`,
    origin,
    `Expected one of: ${expected.join(', ')}.`,
  );
}

function isSelectionMethod(name: string): name is SelectionMethod {
  return (SELECTION_METHODS as readonly string[]).includes(name);
}

/** `config.meta.owner` → method `config`, args ['meta', 'owner']; unknown names fail with a suggestion. */
export function parseMethodName(
  methodPart: string,
  raw: string,
  origin?: SpecOrigin,
): { method: SelectionMethod; args: string[] } {
  const [name = '', ...args] = methodPart.split('.');
  if (!isSelectionMethod(name)) {
    const unsupported = UNSUPPORTED_METHODS[name];
    if (unsupported !== undefined) {
      fail('E_SELECTOR_UNSUPPORTED', `The '${name}:' selection method is not supported: ${unsupported}.`, origin);
    }
    const extra = name === 'selector' ? " Use --selector NAME to run a selector from selectors.yml." : '';
    fail(
      'E_SELECTOR_METHOD',
      `Unknown selection method '${name}' in '${raw}'. ${suggestion(name, SELECTION_METHODS, 'method')}${extra}`.trimEnd(),
      origin,
      `Valid methods: ${SELECTION_METHODS.join(', ')}.`,
    );
  }
  if (name === 'config') {
    if (args.length === 0) syntax(raw, "'config' needs a key, as in 'config.materialized:table'", origin);
    if (args.some((a) => a === '')) syntax(raw, 'the config key has an empty part', origin);
  } else if (args.length > 0) {
    syntax(raw, `only 'config' takes a dotted key, not '${name}'`, origin);
  }
  return { method: name, args };
}

/** Checks what can be known about a value without the graph. */
function validateValue(method: SelectionMethod, value: string, raw: string, origin: SpecOrigin | undefined): void {
  switch (method) {
    case 'test_type':
      if (!(TEST_TYPES as readonly string[]).includes(value)) {
        badValue(raw, `'${value}' is not a test type`, ['generic', 'singular', 'unit'], value, origin);
      }
      return;
    case 'version':
      if (!(VERSION_SELECTORS as readonly string[]).includes(value)) {
        badValue(raw, `'${value}' is not a version selector`, VERSION_SELECTORS, value, origin);
      }
      return;
    case 'state':
      if (UNSUPPORTED_STATE_CHECKS.includes(value)) {
        fail(
          'E_SELECTOR_UNSUPPORTED',
          `'state:${value}' is not supported: Lakeform's state comparison covers bodies, configs, relations and macros only.`,
          origin,
          `Supported: ${STATE_CHECKS.map((s) => `state:${s}`).join(', ')}.`,
        );
      }
      if (!(STATE_CHECKS as readonly string[]).includes(value)) {
        badValue(raw, `'${value}' is not a state comparison`, STATE_CHECKS, value, origin);
      }
      return;
    case 'resource_type':
      if (!(RESOURCE_TYPES as readonly string[]).includes(value)) {
        badValue(raw, `'${value}' is not a resource type`, RESOURCE_TYPES, value, origin);
      }
      return;
    case 'source':
      if (value.split('.').length > 3) {
        syntax(raw, 'sources are selected as source_name, source_name.table_name or package.source_name.table_name', origin);
      }
      return;
    case 'exposure':
      if (value.split('.').length > 2) {
        syntax(raw, 'exposures are selected as exposure_name or package.exposure_name', origin);
      }
      return;
    default:
      return;
  }
}

/** What dbt does with a bare value: paths go to `path:`, file names to `file:`, the rest to `fqn:`. */
export function defaultMethod(value: string): SelectionMethod {
  if (value.includes('/') || value.includes('\\')) return 'path';
  if (/\.(sql|py|csv)$/i.test(value)) return 'file';
  return 'fqn';
}

const PARENTS_PREFIX = /^(\d*)\+/;
const CHILDREN_SUFFIX = /\+(\d*)$/;
const METHOD_PREFIX = /^([A-Za-z0-9_.]+):([\s\S]*)$/;

/** One spec without spaces or commas, e.g. `2+tag:nightly+`. */
export function parseCriterion(raw: string, origin?: SpecOrigin): SelectionCriterion {
  if (raw.trim() === '') syntax(raw, 'it is empty', origin);
  let rest = raw;

  const childrensParents = rest.startsWith('@');
  if (childrensParents) rest = rest.slice(1);

  let parents = false;
  let parentsDepth: number | undefined;
  const prefix = PARENTS_PREFIX.exec(rest);
  if (prefix) {
    parents = true;
    parentsDepth = prefix[1] ? Number(prefix[1]) : undefined;
    rest = rest.slice(prefix[0].length);
  }
  if (childrensParents && parents) syntax(raw, "'@' and a '+' prefix cannot be combined", origin);

  let children = false;
  let childrenDepth: number | undefined;
  const suffix = CHILDREN_SUFFIX.exec(rest);
  if (suffix) {
    children = true;
    childrenDepth = suffix[1] ? Number(suffix[1]) : undefined;
    rest = rest.slice(0, suffix.index);
  }

  let method: SelectionMethod;
  let methodArgs: string[] = [];
  let value: string;
  const methodMatch = METHOD_PREFIX.exec(rest);
  if (methodMatch) {
    ({ method, args: methodArgs } = parseMethodName(methodMatch[1]!, raw, origin));
    value = methodMatch[2]!;
  } else {
    value = rest;
    method = defaultMethod(value);
  }

  if (value === '') syntax(raw, 'it names no node, only graph operators or a method', origin);
  if (value.includes('+')) syntax(raw, "'+' may only appear at the start or end", origin);
  if (value.startsWith('@')) syntax(raw, "'@' may only appear once, at the start", origin);
  // `1+2+` could mean "a node named 2" or be a mistyped depth. A model named only by digits is
  // implausible, so refusing beats silently selecting nothing; `fqn:2+` still works.
  if ((parents || children || childrensParents) && /^\d+$/.test(value) && !methodMatch) {
    syntax(raw, `'${value}' looks like a depth, not a node name`, origin);
  }
  validateValue(method, value, raw, origin);

  return {
    raw,
    method,
    methodArgs,
    value,
    parents,
    parentsDepth,
    children,
    childrenDepth,
    childrensParents,
    indirectSelection: undefined,
  };
}

export interface CriterionParts {
  method: string;
  value: string;
  parents?: boolean;
  parentsDepth?: number;
  children?: boolean;
  childrenDepth?: number;
  childrensParents?: boolean;
  indirectSelection?: IndirectSelectionMode;
}

/** Renders a criterion as its CLI spelling, so selectors.yml criteria read like CLI specs in messages. */
export function renderCriterion(c: Omit<SelectionCriterion, 'raw'>): string {
  const method = c.method === 'config' ? `config.${c.methodArgs.join('.')}` : c.method;
  const pre = c.childrensParents ? '@' : c.parents ? `${c.parentsDepth ?? ''}+` : '';
  const post = c.children ? `+${c.childrenDepth ?? ''}` : '';
  return `${pre}${method}:${c.value}${post}`;
}

/** The dict form of selectors.yml: no operator characters are parsed out of `value`. */
export function criterionFromParts(parts: CriterionParts, origin?: SpecOrigin): SelectionCriterion {
  const rawGuess = `${parts.method}:${parts.value}`;
  const { method, args } = parseMethodName(parts.method, rawGuess, origin);
  if (parts.value === '') syntax(rawGuess, 'the value is empty', origin);
  // A depth without the flag is almost certainly meant to turn the walk on.
  const parents = parts.parents ?? parts.parentsDepth !== undefined;
  const children = parts.children ?? parts.childrenDepth !== undefined;
  const childrensParents = parts.childrensParents ?? false;
  if (childrensParents && parents) syntax(rawGuess, "'childrens_parents' and 'parents' cannot be combined", origin);
  validateValue(method, parts.value, rawGuess, origin);
  const criterion: Omit<SelectionCriterion, 'raw'> = {
    method,
    methodArgs: args,
    value: parts.value,
    parents,
    parentsDepth: parents ? parts.parentsDepth : undefined,
    children,
    childrenDepth: children ? parts.childrenDepth : undefined,
    childrensParents,
    indirectSelection: parts.indirectSelection,
  };
  return { raw: renderCriterion(criterion), ...criterion };
}

/**
 * CLI `--select`/`--exclude` values: each argument may hold several space-separated specs (a
 * union); within a spec, commas intersect.
 */
export function parseSelectArgs(args: readonly string[], origin?: SpecOrigin): SelectionSpec {
  const items: SelectionSpec[] = [];
  for (const arg of args) {
    const specs = arg.split(/\s+/).filter((s) => s !== '');
    if (specs.length === 0) syntax(arg, 'it is empty', origin);
    for (const spec of specs) {
      const parts = spec.split(',');
      if (parts.some((p) => p === '')) syntax(spec, 'a comma needs a spec on each side', origin);
      items.push({
        kind: 'intersection',
        raw: spec,
        items: parts.map((p) => ({ kind: 'criterion', criterion: parseCriterion(p, origin) })),
      });
    }
  }
  return { kind: 'union', items };
}
