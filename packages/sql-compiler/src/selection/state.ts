/**
 * `state:` comparison against a previous graph (dbt's --state manifest). A node missing from the
 * previous graph is new, and dbt counts new nodes as modified under every `modified*` check:
 * there is nothing to compare them with, so they must be rebuilt.
 */
import type { SelectableNode, SelectionGraph } from './graph.js';
import type { StateCheck } from './spec-parser.js';

/** JSON with sorted keys, so configs that differ only in key order compare equal. */
function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

const configKeys = new WeakMap<SelectableNode, string>();

function configKey(node: SelectableNode): string {
  let key = configKeys.get(node);
  if (key === undefined) {
    key = stableStringify(node.config);
    configKeys.set(node, key);
  }
  return key;
}

/**
 * Checksums when both sides have one, else the raw code. If only one side carries either, the
 * body cannot be shown unchanged, and rebuilding is the safe answer.
 */
export function sameBody(previous: SelectableNode, current: SelectableNode): boolean {
  if (previous.checksum !== undefined && current.checksum !== undefined) return previous.checksum === current.checksum;
  if (previous.rawCode !== undefined && current.rawCode !== undefined) return previous.rawCode === current.rawCode;
  const previousHasBody = previous.checksum !== undefined || previous.rawCode !== undefined;
  const currentHasBody = current.checksum !== undefined || current.rawCode !== undefined;
  return !previousHasBody && !currentHasBody;
}

export function sameConfig(previous: SelectableNode, current: SelectableNode): boolean {
  return configKey(previous) === configKey(current);
}

/** Where the node lands in the warehouse: database, schema and alias (identifier for sources). */
export function sameRelation(previous: SelectableNode, current: SelectableNode): boolean {
  for (const key of ['database', 'schema', 'alias', 'identifier']) {
    if (stableStringify(previous.config[key]) !== stableStringify(current.config[key])) return false;
  }
  return true;
}

function sameFqn(previous: SelectableNode, current: SelectableNode): boolean {
  return previous.fqn.length === current.fqn.length && previous.fqn.every((p, i) => p === current.fqn[i]);
}

/**
 * Macros whose effect changed: edited or added macros, and every macro that calls one of them,
 * found with one forward walk over macro-to-macro dependencies.
 */
function changedMacros(current: SelectionGraph, previous: SelectionGraph): Set<string> {
  const callers = new Map<string, string[]>();
  const changed: string[] = [];
  for (const node of current.nodes.values()) {
    if (node.resourceType !== 'macro') continue;
    const old = previous.nodes.get(node.uniqueId);
    if (old === undefined || !sameBody(old, node)) changed.push(node.uniqueId);
    for (const dep of node.dependsOn) {
      const list = callers.get(dep);
      if (list === undefined) callers.set(dep, [node.uniqueId]);
      else list.push(node.uniqueId);
    }
  }
  const tainted = new Set(changed);
  for (let i = 0; i < changed.length; i++) {
    for (const caller of callers.get(changed[i]!) ?? []) {
      if (!tainted.has(caller)) {
        tainted.add(caller);
        changed.push(caller);
      }
    }
  }
  return tainted;
}

/** The ids among `candidates` that pass `check` when `current` is compared with `previous`. */
export function selectByState(
  current: SelectionGraph,
  previous: SelectionGraph,
  check: StateCheck,
  candidates: Iterable<SelectableNode>,
): Set<string> {
  let macros: Set<string> | undefined;
  const macroChanged = (node: SelectableNode): boolean => {
    macros ??= changedMacros(current, previous);
    if (macros.size === 0) return false;
    return node.dependsOn.some((dep) => macros!.has(dep));
  };
  const modified = (old: SelectableNode, node: SelectableNode): boolean =>
    !sameBody(old, node) || !sameConfig(old, node) || !sameFqn(old, node) || !sameRelation(old, node) || macroChanged(node);

  const out = new Set<string>();
  for (const node of candidates) {
    const old = previous.nodes.get(node.uniqueId);
    let hit: boolean;
    switch (check) {
      case 'new':
        hit = old === undefined;
        break;
      case 'old':
        hit = old !== undefined;
        break;
      case 'modified':
        hit = old === undefined || modified(old, node);
        break;
      case 'unmodified':
        hit = old !== undefined && !modified(old, node);
        break;
      case 'modified.body':
        hit = old === undefined || !sameBody(old, node);
        break;
      case 'modified.configs':
        hit = old === undefined || !sameConfig(old, node);
        break;
      case 'modified.relation':
        hit = old === undefined || !sameRelation(old, node);
        break;
      case 'modified.macros':
        hit = macroChanged(node);
        break;
    }
    if (hit) out.add(node.uniqueId);
  }
  return out;
}
