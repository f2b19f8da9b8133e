import { LakeformError } from '../errors.js';
import { closestName } from '../suggest.js';
import type { SourceDraft } from './compile-state.js';
import type { NodeDraft, RefCall } from './node-draft.js';

type From = { packageName: string; uniqueId: string; location: NodeDraft['location']; rawCode?: string };

/** Where in the node's own file a failing ref()/source() call is, when it is written out literally. */
function callLocation(from: From, fn: 'ref' | 'source', firstArg: string): NodeDraft['location'] {
  const code = from.rawCode;
  if (!code || from.location.line !== undefined) return from.location;
  const esc = firstArg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\b${fn}\\s*\\(\\s*['"]${esc}['"]`).exec(code);
  if (!m) return from.location;
  const before = code.slice(0, m.index);
  const line = before.split('\n').length;
  const column = m.index - before.lastIndexOf('\n');
  return { file: from.location.file, line, column };
}

/** ref() and source() lookups with dbt's package preference and errors that suggest a fix. */
export class RefResolver {
  private readonly byName = new Map<string, NodeDraft[]>();
  private readonly sourcesByKey = new Map<string, SourceDraft[]>();
  private readonly disabled = new Set<string>();

  constructor(
    nodes: Iterable<NodeDraft>,
    sources: Iterable<SourceDraft>,
    private readonly rootPackage: string,
    disabledNames: Iterable<string> = [],
  ) {
    for (const n of nodes) {
      if (n.resourceType !== 'model' && n.resourceType !== 'seed' && n.resourceType !== 'snapshot') continue;
      const list = this.byName.get(n.name) ?? [];
      list.push(n);
      this.byName.set(n.name, list);
    }
    for (const s of sources) {
      const key = `${s.sourceName}.${s.name}`;
      const list = this.sourcesByKey.get(key) ?? [];
      list.push(s);
      this.sourcesByKey.set(key, list);
    }
    for (const d of disabledNames) this.disabled.add(d);
  }

  private prefer<T extends { packageName: string }>(from: NodeDraft | { packageName: string }, list: T[]): T | undefined {
    return list.find((n) => n.packageName === from.packageName) ?? list.find((n) => n.packageName === this.rootPackage) ?? list[0];
  }

  resolveRef(from: From, call: RefCall): NodeDraft {
    let list = this.byName.get(call.name) ?? [];
    if (call.package) list = list.filter((n) => n.packageName === call.package);
    if (list.length > 0 && list.some((n) => n.version !== null)) {
      const want = call.version ?? list[0]!.latestVersion;
      const v = list.filter((n) => String(n.version) === String(want));
      if (v.length === 0) {
        throw new LakeformError({
          code: 'E_REF_VERSION_NOT_FOUND',
          message: `ref('${call.name}', v=${String(call.version)}) names a version that does not exist`,
          node: from.uniqueId,
          location: callLocation(from, 'ref', call.package ?? call.name),
          hint: `versions of '${call.name}': ${list.map((n) => String(n.version)).join(', ')}`,
        });
      }
      list = v;
    }
    const found = this.prefer(from, list);
    if (found) return found;
    const label = call.package ? `ref('${call.package}', '${call.name}')` : `ref('${call.name}')`;
    if (this.disabled.has(call.name)) {
      throw new LakeformError({
        code: 'E_REF_DISABLED',
        message: `${label} refers to a model that is disabled (enabled: false)`,
        node: from.uniqueId,
        location: callLocation(from, 'ref', call.package ?? call.name),
        hint: 'enable that model, or disable this one too',
      });
    }
    const near = closestName(call.name, this.byName.keys());
    throw new LakeformError({
      code: 'E_REF_NOT_FOUND',
      message: `${label} does not match any model, seed or snapshot`,
      node: from.uniqueId,
      location: callLocation(from, 'ref', call.package ?? call.name),
      hint: near ? `did you mean ref('${near}')?` : 'check the name, or add the model file',
    });
  }

  resolveSource(from: From, sourceName: string, tableName: string): SourceDraft {
    const found = this.prefer(from, this.sourcesByKey.get(`${sourceName}.${tableName}`) ?? []);
    if (found) return found;
    const keys = [...this.sourcesByKey.keys()];
    const near = closestName(`${sourceName}.${tableName}`, keys);
    const sameSource = keys.filter((k) => k.startsWith(`${sourceName}.`));
    throw new LakeformError({
      code: 'E_SOURCE_NOT_FOUND',
      message: `source('${sourceName}', '${tableName}') is not declared in any sources: YAML`,
      node: from.uniqueId,
      location: callLocation(from, 'source', sourceName),
      hint: near
        ? `did you mean source('${near.split('.')[0]}', '${near.split('.').slice(1).join('.')}')?`
        : sameSource.length
          ? `source '${sourceName}' has tables: ${sameSource.map((k) => k.split('.')[1]).join(', ')}`
          : `declare it under sources: in a .yml file in the model paths`,
    });
  }

  refNames(): string[] {
    return [...this.byName.keys()];
  }
}
