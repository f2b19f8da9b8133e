/**
 * The selection methods (`tag:`, `path:`, `config.x:`, ...): each turns one criterion into the
 * set of nodes it names directly, before graph operators. Each is at most one pass over the
 * graph's members with its pattern compiled once; exact names go through the index instead.
 */
import { LakeformError } from '../errors.js';
import type { SelectableNode, SelectionGraph } from './graph.js';
import { compareVersions, indexGraph, versionGroupKey, type GraphIndex, type IndexedNode } from './node-index.js';
import type { SelectionCriterion, StateCheck } from './spec-parser.js';
import { selectByState } from './state.js';
import { compilePathMatcher, fnmatcher, hasWildcard } from './wildcards.js';

export interface MethodContext {
  graph: SelectionGraph;
  /** The previous graph for `state:`; undefined when the caller has none. */
  state: SelectionGraph | undefined;
}

function collect(members: readonly IndexedNode[], keep: (entry: IndexedNode) => boolean): Set<string> {
  const out = new Set<string>();
  for (const entry of members) if (keep(entry)) out.add(entry.id);
  return out;
}

/**
 * dbt's qualified-name rule: the leaf name matches exactly (for versioned models, the name or
 * name_vN / name.vN); otherwise the selector is an fqn prefix, compared part by part until the
 * first part holding a wildcard, from which point the rest is one fnmatch over the joined tail.
 */
function fqnMatcher(selector: string): (entry: IndexedNode) => boolean {
  const parts = selector.split('.');
  const slurpAt = parts.findIndex(hasWildcard);
  const exactParts = slurpAt >= 0 ? slurpAt : parts.length;
  const tail = slurpAt >= 0 ? fnmatcher(parts.slice(slurpAt).join('.')) : undefined;
  const lastTwo = parts.slice(-2).join('_');
  // dbt only applies a dotless pattern such as `stg_*` to the whole fqn, which misses every model
  // inside a folder; matching it against the node's name too is what people mean by it.
  const namePattern = slurpAt === 0 && parts.length === 1 ? tail : undefined;

  const prefixMatches = (flat: readonly string[], joined: string): boolean => {
    if (flat.length < parts.length) return false;
    for (let i = 0; i < exactParts; i++) if (flat[i] !== parts[i]) return false;
    if (tail === undefined) return true;
    return tail(slurpAt === 0 ? joined : flat.slice(slurpAt).join('.'));
  };

  return (entry) => {
    const fqn = entry.fqn;
    const n = fqn.length;
    // The leaf checks on the scoped fqn cover the unscoped one: the last elements are the same.
    if (entry.isVersioned) {
      if (n >= 2 && (fqn[n - 2] === selector || `${fqn[n - 2]}_${fqn[n - 1]}` === lastTwo)) return true;
    } else if (n > 0 && fqn[n - 1] === selector) {
      return true;
    }
    return (
      prefixMatches(entry.flatFqn, entry.joinedFqn) ||
      prefixMatches(entry.flatUnscopedFqn, entry.joinedUnscopedFqn) ||
      (namePattern !== undefined && namePattern(entry.name))
    );
  };
}

/**
 * For a wildcard-free selector, the only nodes that can match are those indexed under the
 * selector itself (leaf or versioned name), its first part (fqn prefix) or its last two parts
 * joined by '_' (name_vN): a few lookups instead of a scan of every node.
 */
function fqnCandidates(index: GraphIndex, selector: string): IndexedNode[] {
  const parts = selector.split('.');
  const found = new Set<IndexedNode>();
  for (const key of [selector, parts[0]!, parts.slice(-2).join('_')]) {
    for (const entry of index.fqnKeys.get(key) ?? []) found.add(entry);
  }
  return [...found];
}

function fileName(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}

function fileStem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

const NO_VALUE = Symbol('no value');

/** Walks nested config keys (`meta.owner`) through plain objects only, as dbt's attribute/item lookup does. */
function configValue(config: Record<string, unknown>, keys: readonly string[]): unknown {
  let value: unknown = config;
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return NO_VALUE;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The CLI always passes strings, so booleans and numbers compare by their spelling; `severity`
 * compares case-insensitively because dbt normalises it ('warn' vs 'WARN').
 */
function configEquals(selector: string, keys: readonly string[]): (value: unknown) => boolean {
  const caseInsensitive = keys.length === 1 && keys[0] === 'severity';
  const lowered = selector.toLowerCase();
  const asNumber = selector.trim() === '' ? NaN : Number(selector);
  return (value) => {
    if (typeof value === 'string') return caseInsensitive ? value.toLowerCase() === lowered : value === selector;
    if (typeof value === 'boolean') return lowered === String(value);
    if (typeof value === 'number') return asNumber === value;
    return false;
  };
}

function isTest(node: SelectableNode): boolean {
  return node.resourceType === 'test';
}

/** The nodes one criterion names directly (no graph operators). */
export function matchCriterion(ctx: MethodContext, criterion: SelectionCriterion): Set<string> {
  const index = indexGraph(ctx.graph);
  const { members } = index;
  const value = criterion.value;
  switch (criterion.method) {
    case 'fqn': {
      const match = fqnMatcher(value);
      const candidates = hasWildcard(value) ? members : fqnCandidates(index, value);
      // Sources have their own method; dbt's fqn search skips them.
      return collect(candidates, (e) => e.resourceType !== 'source' && match(e));
    }
    case 'tag': {
      const match = fnmatcher(value);
      return collect(members, (e) => e.tags.some(match));
    }
    case 'path': {
      const match = compilePathMatcher(value);
      return collect(members, (e) => match(e.node.originalFilePath));
    }
    case 'file': {
      const match = fnmatcher(value);
      return collect(members, (e) => {
        const name = fileName(e.node.originalFilePath);
        return match(name) || match(fileStem(name));
      });
    }
    case 'package': {
      const match = fnmatcher(value);
      return collect(members, (e) => match(e.node.packageName));
    }
    case 'config': {
      const equals = configEquals(value, criterion.methodArgs);
      return collect(members, (e) => {
        const v = configValue(e.node.config, criterion.methodArgs);
        if (v === NO_VALUE) return false;
        return Array.isArray(v) ? v.some(equals) : equals(v);
      });
    }
    case 'resource_type':
      return collect(members, (e) => e.resourceType === value);
    case 'source': {
      const parts = value.split('.');
      const [pkg, source, table] =
        parts.length === 3 ? parts : parts.length === 2 ? ['*', ...parts] : ['*', parts[0] ?? '', '*'];
      const matchPkg = fnmatcher(pkg ?? '*');
      const matchSource = fnmatcher(source ?? '*');
      const matchTable = fnmatcher(table ?? '*');
      return collect(
        members,
        (e) =>
          e.resourceType === 'source' &&
          matchPkg(e.node.packageName) &&
          matchSource(e.node.sourceName ?? '') &&
          matchTable(e.node.name),
      );
    }
    case 'exposure': {
      const parts = value.split('.');
      const [pkg, name] = parts.length === 2 ? parts : ['*', parts[0] ?? ''];
      const matchPkg = fnmatcher(pkg ?? '*');
      const matchName = fnmatcher(name ?? '');
      return collect(members, (e) => e.resourceType === 'exposure' && matchPkg(e.node.packageName) && matchName(e.node.name));
    }
    case 'test_type': {
      // 'schema' and 'data' are dbt's pre-1.0 names for generic and singular tests.
      if (value === 'unit') return collect(members, (e) => e.resourceType === 'unit_test');
      const generic = value === 'generic' || value === 'schema';
      return collect(members, (e) => isTest(e.node) && (e.node.testMetadata !== undefined) === generic);
    }
    case 'test_name': {
      const match = fnmatcher(value);
      return collect(members, (e) => {
        const meta = e.node.testMetadata;
        if (!isTest(e.node) || meta === undefined) return false;
        // Package tests are also reachable by their namespaced name, e.g. dbt_utils.expression_is_true.
        return match(meta.name) || (meta.namespace ? match(`${meta.namespace}.${meta.name}`) : false);
      });
    }
    case 'version': {
      const { latestVersion } = index;
      return collect(members, (e) => {
        const node = e.node;
        if (node.resourceType !== 'model') return false;
        if (value === 'none') return node.version === undefined;
        if (node.version === undefined) return false;
        const latest = latestVersion.get(versionGroupKey(node));
        if (latest === undefined) return false;
        const cmp = compareVersions(node.version, latest);
        if (value === 'latest') return cmp === 0;
        return value === 'prerelease' ? cmp > 0 : cmp < 0;
      });
    }
    case 'state': {
      if (ctx.state === undefined) {
        throw new LakeformError({
          code: 'E_STATE_REQUIRED',
          message: `'${criterion.raw}' compares with a previous state, but no state was given.`,
          hint: 'Pass --state with the path to the manifest of the run to compare with (e.g. the production artifacts).',
        });
      }
      return selectByState(
        ctx.graph,
        ctx.state,
        value as StateCheck,
        members.map((e) => e.node),
      );
    }
    case 'group':
      return collect(members, (e) => e.node.config['group'] === value);
    case 'access':
      // dbt's default access level for a model without one is 'protected'.
      return collect(members, (e) => e.resourceType === 'model' && (e.node.config['access'] ?? 'protected') === value);
  }
}
