/**
 * selectors.yml: named, reusable selection definitions. The file is validated as a whole when
 * loaded (shape, duplicate names, more than one default, unknown methods, missing or circular
 * selector references) so a broken selector fails the project load, as in dbt, rather than the
 * one run that happens to use it.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { z } from 'zod';
import { LakeformError, type SourceLocation } from '../errors.js';
import { suggestion } from './closest.js';
import {
  INDIRECT_SELECTION_MODES,
  criterionFromParts,
  parseSelectArgs,
  type IndirectSelectionMode,
  type SelectionSpec,
  type SpecOrigin,
} from './spec-parser.js';

export type SelectorScalar = string | number | boolean;

export interface SelectorCriterionDefinition {
  method: string;
  value: SelectorScalar;
  parents?: boolean | undefined;
  parents_depth?: number | undefined;
  children?: boolean | undefined;
  children_depth?: number | undefined;
  childrens_parents?: boolean | undefined;
  indirect_selection?: IndirectSelectionMode | undefined;
  /** Subtracted from this criterion. */
  exclude?: SelectorDefinition[] | undefined;
}
export interface SelectorUnionDefinition {
  union: SelectorDefinitionItem[];
}
export interface SelectorIntersectionDefinition {
  intersection: SelectorDefinitionItem[];
}
/** Only valid as an item of a union or intersection: subtracted from the combined result. */
export interface SelectorExcludeItem {
  exclude: SelectorDefinition[];
}
/** `{tag: nightly}`: one key naming the method. */
export type SelectorShorthandDefinition = Record<string, SelectorScalar>;
export type SelectorDefinition =
  | string
  | SelectorCriterionDefinition
  | SelectorUnionDefinition
  | SelectorIntersectionDefinition
  | SelectorShorthandDefinition;
export type SelectorDefinitionItem = SelectorDefinition | SelectorExcludeItem;

export interface SelectorEntry {
  name: string;
  description?: string | undefined;
  default?: boolean | undefined;
  definition: SelectorDefinition;
}
export interface SelectorsFile {
  selectors: SelectorEntry[];
}

const Scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'expected a string, number or boolean' });
const Depth = z.number().int().nonnegative();
const RESERVED_KEYS = new Set(['union', 'intersection', 'exclude', 'method', 'value']);

const CriterionSchema: z.ZodType<SelectorCriterionDefinition> = z.lazy(() =>
  z.strictObject({
    method: z.string().min(1),
    value: Scalar,
    parents: z.boolean().optional(),
    parents_depth: Depth.optional(),
    children: z.boolean().optional(),
    children_depth: Depth.optional(),
    childrens_parents: z.boolean().optional(),
    indirect_selection: z.enum(INDIRECT_SELECTION_MODES).optional(),
    exclude: z.array(SelectorDefinitionSchema).optional(),
  }),
);

const ShorthandSchema = z
  .record(z.string(), Scalar)
  .refine((v) => Object.keys(v).length === 1 && !RESERVED_KEYS.has(Object.keys(v)[0]!), {
    error: 'a shorthand criterion has exactly one key, the method, e.g. {tag: nightly}',
    // Aborting makes this option count as failed outright, so a union that fails everywhere
    // reports every option instead of zod picking this one's refinement message alone.
    abort: true,
  });

/*
 * The options of each union, in order, with the test that says which one a value was meant to be.
 * Error reporting uses the tests to show the problem inside the intended shape instead of zod's
 * generic "Invalid input" for the whole union.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DEFINITION_BRANCHES: ((v: unknown) => boolean)[] = [
  (v) => typeof v === 'string',
  (v) => isRecord(v) && 'union' in v,
  (v) => isRecord(v) && 'intersection' in v,
  (v) => isRecord(v) && ('method' in v || 'value' in v),
  (v) => isRecord(v),
];
const ITEM_BRANCHES: ((v: unknown) => boolean)[] = [
  (v) => isRecord(v) && 'exclude' in v && !('method' in v),
  () => true,
];

// The unions' messages double as their identity when an error is explained.
const NOT_A_DEFINITION = 'this is not a selector definition';
const NOT_AN_ITEM = 'this is not a selector definition or an {exclude: [...]} item';

export const SelectorDefinitionSchema: z.ZodType<SelectorDefinition> = z.lazy(() =>
  z.union(
    [
      z.string().min(1),
      z.strictObject({ union: z.array(SelectorDefinitionItemSchema) }),
      z.strictObject({ intersection: z.array(SelectorDefinitionItemSchema) }),
      CriterionSchema,
      ShorthandSchema,
    ],
    { error: NOT_A_DEFINITION },
  ),
);

export const SelectorDefinitionItemSchema: z.ZodType<SelectorDefinitionItem> = z.lazy(() =>
  z.union([z.strictObject({ exclude: z.array(SelectorDefinitionSchema) }), SelectorDefinitionSchema], { error: NOT_AN_ITEM }),
);

const DefaultFlag = z
  .union([z.boolean(), z.enum(['true', 'false', 'True', 'False'])], {
    error: 'expected true or false (Jinja in default: is not rendered)',
  })
  .transform((v) => (typeof v === 'boolean' ? v : v.toLowerCase() === 'true'));

export const SelectorsFileSchema = z.strictObject({
  selectors: z.array(
    z.strictObject({
      name: z.string().min(1),
      description: z.string().optional(),
      default: DefaultFlag.optional(),
      definition: SelectorDefinitionSchema,
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Loading

type Path = (string | number)[];
type Locate = (path: Path) => SourceLocation | undefined;

/** Where each loaded file's paths are in its YAML text, for errors raised after loading. */
const locators = new WeakMap<SelectorsFile, Locate>();

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function fileError(message: string, location: SourceLocation | undefined, hint?: string): LakeformError {
  return new LakeformError({
    code: 'E_SELECTORS_FILE',
    message,
    ...(location ? { location } : {}),
    ...(hint ? { hint } : {}),
  });
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const SHAPES_HINT =
  'A definition is a spec string, {method, value, ...}, {union: [...]}, {intersection: [...]} or {METHOD: VALUE}; ' +
  'union and intersection lists may also hold one {exclude: [...]} item.';

/** The most specific explanation of a schema failure, looking inside the union option the value was meant to be. */
function explainIssue(issue: z.core.$ZodIssue, root: unknown, base: PropertyKey[]): { path: PropertyKey[]; message: string } {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union') {
    const value = valueAt(root, path);
    if (value === undefined) return { path, message: 'this key is required' };
    const branches =
      issue.message === NOT_A_DEFINITION ? DEFINITION_BRANCHES : issue.message === NOT_AN_ITEM ? ITEM_BRANCHES : undefined;
    const chosen = branches?.findIndex((applies) => applies(value)) ?? -1;
    const inner = chosen >= 0 ? issue.errors[chosen]?.[0] : undefined;
    if (inner !== undefined) return explainIssue(inner, root, path);
  }
  return { path, message: issue.message };
}

/** Checks an already-parsed selectors document (e.g. from JSON); errors name the file but no line. */
export function parseSelectorsFile(data: unknown, file = 'selectors.yml'): SelectorsFile {
  return loadSelectors(data, file, undefined);
}

function loadSelectors(data: unknown, file: string, locate: Locate | undefined): SelectorsFile {
  const result = SelectorsFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const { path, message } = explainIssue(issue, data, []);
    const at = path.filter((p): p is string | number => typeof p !== 'symbol');
    throw fileError(
      `Invalid ${file}${at.length ? ` at ${pathText(at)}` : ''}: ${message}.`,
      locate?.(at) ?? { file },
      SHAPES_HINT,
    );
  }
  const parsed: SelectorsFile = result.data;
  locators.set(parsed, locate ?? (() => ({ file })));

  const seen = new Map<string, number>();
  parsed.selectors.forEach((s, i) => {
    if (seen.has(s.name)) {
      throw fileError(`Selector '${s.name}' is defined twice in ${file}.`, locate?.(['selectors', i, 'name']) ?? { file });
    }
    seen.set(s.name, i);
  });
  defaultSelector(parsed);
  // Resolve every selector now so a bad definition fails at load time, not when first used.
  for (const s of parsed.selectors) selectorSpec(parsed, s.name);
  return parsed;
}

/** Loads selectors.yml text; errors carry the file, line and column of the offending entry. */
export function parseSelectorsYaml(text: string, file = 'selectors.yml'): SelectorsFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const pos = lineCounter.linePos(firstError.pos[0]);
    throw fileError(`Invalid YAML in ${file}: ${firstError.message.split('\n')[0]}`, { file, line: pos.line, column: pos.col });
  }
  return loadSelectors(doc.toJS(), file, yamlLocator(doc, lineCounter, file));
}

function yamlLocator(doc: Document, lineCounter: LineCounter, file: string): Locate {
  return (path) => {
    // A missing key has no node: point at the deepest ancestor that exists.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { file, line: pos.line, column: pos.col };
      }
    }
    return { file };
  };
}

/** The selector marked `default: true`, used when neither --select nor --selector is given. */
export function defaultSelector(file: SelectorsFile): SelectorEntry | undefined {
  const defaults = file.selectors.filter((s) => s.default === true);
  if (defaults.length > 1) {
    const locate = locators.get(file);
    const second = file.selectors.indexOf(defaults[1]!);
    throw fileError(
      `More than one selector has default: true (${defaults.map((s) => `'${s.name}'`).join(', ')}).`,
      locate?.(['selectors', second, 'default']),
      'Mark at most one selector as the default.',
    );
  }
  return defaults[0];
}

// ---------------------------------------------------------------------------------------------
// Definitions → selection specs

const specCache = new WeakMap<SelectorsFile, Map<string, SelectionSpec>>();

interface ResolveContext {
  file: SelectorsFile;
  locate: Locate;
  /** Selectors being resolved, to catch `method: selector` cycles. */
  stack: string[];
}

/** The selection spec of a named selector; an unknown name fails naming the closest one. */
export function selectorSpec(file: SelectorsFile, name: string): SelectionSpec {
  let cache = specCache.get(file);
  if (cache === undefined) {
    cache = new Map();
    specCache.set(file, cache);
  }
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const spec = resolveByName({ file, locate: locators.get(file) ?? (() => undefined), stack: [] }, name, undefined);
  cache.set(name, spec);
  return spec;
}

function resolveByName(ctx: ResolveContext, name: string, from: SpecOrigin | undefined): SelectionSpec {
  const index = ctx.file.selectors.findIndex((s) => s.name === name);
  const entry = ctx.file.selectors[index];
  if (entry === undefined) {
    const names = ctx.file.selectors.map((s) => s.name);
    const guess = suggestion(name, names, 'selector');
    throw new LakeformError({
      code: 'E_SELECTOR_NOT_FOUND',
      message: `No selector named '${name}'${from?.context ? ` (referenced in ${from.context})` : ''}.${guess ? ` ${guess}` : ''}`,
      ...(from?.location ? { location: from.location } : {}),
      hint: names.length ? `Selectors defined: ${names.join(', ')}.` : 'No selectors are defined in selectors.yml.',
    });
  }
  if (ctx.stack.includes(name)) {
    throw new LakeformError({
      code: 'E_SELECTOR_CYCLE',
      message: `Selectors refer to each other in a loop: ${[...ctx.stack, name].join(' → ')}.`,
      ...(from?.location ? { location: from.location } : {}),
    });
  }
  ctx.stack.push(name);
  try {
    return resolveDefinition(ctx, entry.definition, ['selectors', index, 'definition'], name);
  } finally {
    ctx.stack.pop();
  }
}

function originAt(ctx: ResolveContext, path: Path, selector: string): SpecOrigin {
  const location = ctx.locate(path);
  return { context: `selector '${selector}'`, ...(location ? { location } : {}) };
}

function isExcludeItem(item: SelectorDefinitionItem): item is SelectorExcludeItem {
  return isRecord(item) && Array.isArray(item['exclude']) && !('method' in item);
}

function resolveItems(
  ctx: ResolveContext,
  items: readonly SelectorDefinitionItem[],
  path: Path,
  selector: string,
  combine: 'union' | 'intersection',
): SelectionSpec {
  const included: SelectionSpec[] = [];
  const excluded: SelectionSpec[] = [];
  items.forEach((item, i) => {
    if (isExcludeItem(item)) {
      item.exclude.forEach((d, j) => excluded.push(resolveDefinition(ctx, d, [...path, i, 'exclude', j], selector)));
    } else {
      included.push(resolveDefinition(ctx, item, [...path, i], selector));
    }
  });
  const base: SelectionSpec = { kind: combine, items: included };
  return excluded.length === 0 ? base : { kind: 'difference', include: base, exclude: { kind: 'union', items: excluded } };
}

function resolveDefinition(ctx: ResolveContext, def: SelectorDefinition, path: Path, selector: string): SelectionSpec {
  const origin = originAt(ctx, path, selector);
  if (typeof def === 'string') return parseSelectArgs([def], origin);
  if ('union' in def && Array.isArray(def.union)) {
    return resolveItems(ctx, def.union as SelectorDefinitionItem[], [...path, 'union'], selector, 'union');
  }
  if ('intersection' in def && Array.isArray(def.intersection)) {
    return resolveItems(ctx, def.intersection as SelectorDefinitionItem[], [...path, 'intersection'], selector, 'intersection');
  }

  let criterion: SelectorCriterionDefinition;
  const asCriterion = def as Partial<SelectorCriterionDefinition>;
  if (typeof asCriterion.method === 'string' && asCriterion.value !== undefined) {
    criterion = def as SelectorCriterionDefinition;
  } else {
    const keys = Object.keys(def);
    if (keys.length !== 1 || keys[0] === 'exclude') {
      throw new LakeformError({
        code: 'E_SELECTORS_FILE',
        message: `Invalid definition in selector '${selector}': ${
          keys[0] === 'exclude' ? 'exclude is only allowed as an item of a union or intersection list' : 'expected one method key'
        }.`,
        ...(origin.location ? { location: origin.location } : {}),
        hint: SHAPES_HINT,
      });
    }
    const key = keys[0]!;
    criterion = { method: key, value: (def as SelectorShorthandDefinition)[key]! };
  }

  let spec: SelectionSpec;
  if (criterion.method === 'selector') {
    spec = resolveByName(ctx, String(criterion.value), origin);
  } else {
    spec = {
      kind: 'criterion',
      criterion: criterionFromParts(
        {
          method: criterion.method,
          value: String(criterion.value),
          ...(criterion.parents !== undefined ? { parents: criterion.parents } : {}),
          ...(criterion.parents_depth !== undefined ? { parentsDepth: criterion.parents_depth } : {}),
          ...(criterion.children !== undefined ? { children: criterion.children } : {}),
          ...(criterion.children_depth !== undefined ? { childrenDepth: criterion.children_depth } : {}),
          ...(criterion.childrens_parents !== undefined ? { childrensParents: criterion.childrens_parents } : {}),
          ...(criterion.indirect_selection !== undefined ? { indirectSelection: criterion.indirect_selection } : {}),
        },
        origin,
      ),
    };
  }
  if (criterion.exclude === undefined || criterion.exclude.length === 0) return spec;
  const excluded = criterion.exclude.map((d, j) => resolveDefinition(ctx, d, [...path, 'exclude', j], selector));
  return { kind: 'difference', include: spec, exclude: { kind: 'union', items: excluded } };
}
