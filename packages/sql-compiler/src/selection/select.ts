/**
 * Evaluates a selection the way dbt does. Each spec yields two sets: nodes selected directly and
 * tests only selected "indirectly" (kept aside under cautious/buildable indirect selection until
 * the combined selection shows whether all their parents made it). Set operators combine both
 * sets, then re-check the aside tests against the combined result.
 */
import { LakeformError } from '../errors.js';
import { RESOURCE_TYPES, type SelectionGraph } from './graph.js';
import { ancestors, applyGraphOperators } from './graph-operators.js';
import { matchCriterion, type MethodContext } from './methods.js';
import { indexGraph, type CompactDag } from './node-index.js';
import { selectorSpec, type SelectorsFile } from './selectors-file.js';
import { parseSelectArgs, type IndirectSelectionMode, type SelectionCriterion, type SelectionSpec } from './spec-parser.js';
import { suggestion } from './closest.js';

export interface SelectOptions {
  /** --select values; each may hold several space-separated specs. Omitted or empty: everything. */
  select?: readonly string[] | undefined;
  /** --exclude values, same form as `select`. */
  exclude?: readonly string[] | undefined;
  /** --selector: a selector name from `selectors`. Cannot be combined with select/exclude. */
  selector?: string | undefined;
  selectors?: SelectorsFile | undefined;
  /** The previous run's graph, for `state:` methods. */
  state?: SelectionGraph | undefined;
  /** Keep only these resource types (like `--resource-type`), applied last. */
  resourceTypes?: readonly string[] | undefined;
  /**
   * Add tests attached to selected nodes, as dbt's test/build commands do. Omitted: no tests
   * are added, and selection is purely what the specs name.
   */
  indirectSelection?: IndirectSelectionMode | undefined;
}

/** A CLI spec that matched nothing; dbt warns about these rather than failing. */
export interface UnmatchedSpec {
  spec: string;
  side: 'select' | 'exclude';
  message: string;
}

export interface SelectionResult {
  selected: Set<string>;
  unmatched: UnmatchedSpec[];
}

interface Bundle {
  direct: Set<string>;
  /** Tests waiting for all (cautious) or buildable (buildable) parents. */
  indirect: Set<string>;
}

interface EvalContext extends MethodContext {
  /** undefined: the caller did not ask for indirect test selection. */
  indirect: IndirectSelectionMode | undefined;
  /** Only CLI specs are reported when they match nothing, as dbt does. */
  report: 'select' | 'exclude' | undefined;
  unmatched: UnmatchedSpec[];
  /** Direct matches per criterion, so a selector repeating a criterion does not rescan the graph. */
  matchCache: Map<string, Set<string>>;
}

/** Shared empty set; like every result set here, never mutated. */
const NONE: Set<string> = new Set();

function criterionKey(c: SelectionCriterion): string {
  return `${c.method}\u0000${c.methodArgs.join('.')}\u0000${c.value}`;
}

/** True when every parent of the node at `ordinal` is in `pool`. */
function parentsWithin(dag: CompactDag, ordinal: number, pool: ReadonlySet<string>): boolean {
  for (let e = dag.parentStart[ordinal]!, end = dag.parentStart[ordinal + 1]!; e < end; e++) {
    const p = dag.parentList[e]!;
    if (p >= 0 && !pool.has(dag.ids[p]!)) return false;
  }
  return true;
}

/** What a buildable test's parents may be: selected, upstream of the selection, or a source. */
function buildablePool(ctx: EvalContext, selected: ReadonlySet<string>): Set<string> {
  const pool = ancestors(ctx.graph, selected);
  for (const id of selected) pool.add(id);
  for (const id of indexGraph(ctx.graph).sourceIds) pool.add(id);
  return pool;
}

/**
 * Tests hanging off the selection. Eager takes every test touching a selected node; cautious and
 * buildable take those whose parents already qualify and set the rest aside; empty takes none.
 * Runs over the integer DAG because it visits every edge out of a possibly huge selection.
 */
function expandTests(ctx: EvalContext, selected: Set<string>, mode: IndirectSelectionMode): Bundle {
  if (mode === 'empty') return { direct: selected, indirect: NONE };
  const { dag } = indexGraph(ctx.graph);
  const added: string[] = [];
  const indirect = new Set<string>();
  const seen = new Uint8Array(dag.ids.length);
  let pool: Set<string> | undefined;
  for (const id of selected) {
    const i = dag.ordinal.get(id);
    if (i === undefined) continue;
    for (let e = dag.childStart[i]!, end = dag.childStart[i + 1]!; e < end; e++) {
      const c = dag.childList[e]!;
      if (c < 0 || dag.testLike[c] === 0 || seen[c] === 1) continue;
      seen[c] = 1;
      const child = dag.ids[c]!;
      if (selected.has(child)) continue;
      if (mode === 'eager' || parentsWithin(dag, c, selected)) {
        added.push(child);
      } else if (mode === 'buildable' && parentsWithin(dag, c, (pool ??= buildablePool(ctx, selected)))) {
        added.push(child);
      } else {
        indirect.add(child);
      }
    }
  }
  if (added.length === 0) return { direct: selected, indirect };
  const direct = new Set(selected);
  for (const id of added) direct.add(id);
  return { direct, indirect };
}

/**
 * Checks tests set aside earlier against a combined selection: under cautious/buildable those
 * whose parents now qualify join it, the rest stay aside for an enclosing set operation.
 */
function settle(ctx: EvalContext, direct: Set<string>, pending: Iterable<string>): Bundle {
  const waiting: string[] = [];
  for (const id of pending) if (!direct.has(id)) waiting.push(id);
  if (waiting.length === 0) return { direct, indirect: NONE };
  const mode = ctx.indirect;
  if (mode !== 'cautious' && mode !== 'buildable') return { direct, indirect: new Set(waiting) };
  const pool = mode === 'buildable' ? buildablePool(ctx, direct) : direct;
  const { dag } = indexGraph(ctx.graph);
  const added: string[] = [];
  const still = new Set<string>();
  for (const id of waiting) {
    const ordinal = dag.ordinal.get(id);
    if (ordinal !== undefined && parentsWithin(dag, ordinal, pool)) added.push(id);
    else still.add(id);
  }
  if (added.length === 0) return { direct, indirect: still };
  const out = new Set(direct);
  for (const id of added) out.add(id);
  return { direct: out, indirect: still };
}

/*
 * Result sets are never mutated once built, so the set helpers may hand back an input unchanged
 * instead of copying it, and the aside sets (small) are combined without materialising
 * direct-plus-aside unions: copies of 30,000-id sets would dominate a large selection's cost.
 */
function unionAll(sets: readonly Set<string>[]): Set<string> {
  const nonEmpty = sets.filter((s) => s.size > 0);
  if (nonEmpty.length === 0) return NONE;
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  nonEmpty.sort((a, b) => b.size - a.size);
  const out = new Set(nonEmpty[0]);
  for (let i = 1; i < nonEmpty.length; i++) for (const id of nonEmpty[i]!) out.add(id);
  return out;
}

function intersectAll(sets: readonly Set<string>[]): Set<string> {
  if (sets.length === 0) return NONE;
  if (sets.length === 1) return sets[0]!;
  const sorted = [...sets].sort((a, b) => a.size - b.size);
  const out = new Set<string>();
  outer: for (const id of sorted[0]!) {
    for (let i = 1; i < sorted.length; i++) if (!sorted[i]!.has(id)) continue outer;
    out.add(id);
  }
  return out;
}

function minus(a: Set<string>, b: ReadonlySet<string>): Set<string> {
  if (b.size === 0 || a.size === 0) return a;
  const out = new Set<string>();
  for (const id of a) if (!b.has(id)) out.add(id);
  return out;
}

function inBundle(b: Bundle, id: string): boolean {
  return b.direct.has(id) || b.indirect.has(id);
}

/** Aside tests of a union: any part's; of an intersection: those every part has, directly or aside. */
function pendingOf(kind: 'union' | 'intersection', parts: readonly Bundle[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    for (const id of part.indirect) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (kind === 'union' || parts.every((p) => inBundle(p, id))) out.push(id);
    }
  }
  return out;
}

function evaluate(ctx: EvalContext, spec: SelectionSpec, mode: IndirectSelectionMode): Bundle {
  switch (spec.kind) {
    case 'criterion': {
      const c = spec.criterion;
      const key = criterionKey(c);
      let matched = ctx.matchCache.get(key);
      if (matched === undefined) {
        matched = matchCriterion(ctx, c);
        ctx.matchCache.set(key, matched);
      }
      const selected = applyGraphOperators(ctx.graph, c, matched);
      if (ctx.indirect === undefined) return { direct: selected, indirect: NONE };
      return expandTests(ctx, selected, c.indirectSelection ?? mode);
    }
    case 'union':
    case 'intersection': {
      const parts = spec.items.map((item) => evaluate(ctx, item, mode));
      const direct = (spec.kind === 'union' ? unionAll : intersectAll)(parts.map((p) => p.direct));
      const result = settle(ctx, direct, pendingOf(spec.kind, parts));
      if (spec.kind === 'intersection' && spec.raw !== undefined && ctx.report !== undefined && result.direct.size === 0) {
        ctx.unmatched.push({
          spec: spec.raw,
          side: ctx.report,
          message: `The selection criterion '${spec.raw}' does not match any enabled nodes`,
        });
      }
      return result;
    }
    case 'difference': {
      const include = evaluate(ctx, spec.include, mode);
      // dbt's test exclusion is greedy: a test is dropped when any of its parents is excluded,
      // so the excluded side always expands eagerly.
      const exclude = evaluate(ctx, spec.exclude, 'eager');
      return subtract(ctx, include, exclude);
    }
  }
}

function subtract(ctx: EvalContext, include: Bundle, exclude: Bundle): Bundle {
  const direct = minus(include.direct, exclude.direct);
  const pending = [...include.indirect].filter((id) => !inBundle(exclude, id));
  return settle(ctx, direct, pending);
}

/** dbt's default selection: every node (fqn:* covers all but sources, source:* the sources). */
const EVERYTHING: SelectionSpec = parseSelectArgs(['fqn:* source:*']);

function validateResourceTypes(types: readonly string[]): void {
  for (const t of types) {
    if (!(RESOURCE_TYPES as readonly string[]).includes(t)) {
      throw new LakeformError({
        code: 'E_SELECTOR_VALUE',
        message: `Unknown resource type '${t}'. ${suggestion(t, RESOURCE_TYPES, 'resource type')}`.trimEnd(),
        hint: `Resource types: ${RESOURCE_TYPES.join(', ')}.`,
      });
    }
  }
}

/** Selection plus the CLI specs that matched nothing (for dbt's "does not match any enabled nodes" warning). */
export function selectNodes(graph: SelectionGraph, options: SelectOptions = {}): SelectionResult {
  const hasSelect = (options.select?.length ?? 0) > 0;
  const hasExclude = (options.exclude?.length ?? 0) > 0;
  if (options.resourceTypes) validateResourceTypes(options.resourceTypes);

  const ctx: EvalContext = {
    graph,
    state: options.state,
    indirect: options.indirectSelection,
    report: undefined,
    unmatched: [],
    matchCache: new Map(),
  };
  const mode = options.indirectSelection ?? 'eager';

  let result: Set<string>;
  if (options.selector !== undefined) {
    if (hasSelect || hasExclude) {
      throw new LakeformError({
        code: 'E_SELECTOR_CONFLICT',
        message: `--selector '${options.selector}' cannot be combined with --select or --exclude.`,
        hint: 'Put the extra criteria into the selector definition, or drop --selector.',
      });
    }
    if (options.selectors === undefined) {
      throw new LakeformError({
        code: 'E_SELECTOR_NOT_FOUND',
        message: `No selector named '${options.selector}': the project has no selectors.yml.`,
        hint: 'Define the selector in selectors.yml at the project root.',
      });
    }
    result = evaluate(ctx, selectorSpec(options.selectors, options.selector), mode).direct;
  } else {
    ctx.report = hasSelect ? 'select' : undefined;
    const include = evaluate(ctx, hasSelect ? parseSelectArgs(options.select!) : EVERYTHING, mode);
    if (hasExclude) {
      ctx.report = 'exclude';
      const exclude = evaluate(ctx, parseSelectArgs(options.exclude!), 'eager');
      result = subtract(ctx, include, exclude).direct;
    } else {
      result = include.direct;
    }
  }

  // Methods only match graph members and walks only cross member edges, so every id here is
  // selectable; what is left is the resource-type filter. The result is owned by this call
  // (nothing outlives it but the shared empty set), so it can be returned without a copy.
  let selected = result === NONE ? new Set<string>() : result;
  if (options.resourceTypes) {
    const types = new Set(options.resourceTypes);
    selected = new Set([...selected].filter((id) => types.has(graph.nodes.get(id)!.resourceType)));
  }
  return { selected, unmatched: ctx.unmatched };
}

/** The selected unique ids. */
export function select(graph: SelectionGraph, options: SelectOptions = {}): Set<string> {
  return selectNodes(graph, options).selected;
}
