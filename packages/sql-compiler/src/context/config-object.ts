import { LakeformError } from '../errors.js';
import type { NodeDraft } from '../compile/node-draft.js';
import { bind, splitKwargs } from './arguments.js';
import { recordConfig } from './recorded-calls.js';
import type { RenderPhase } from './node-context.js';

/**
 * `config` in a template: called as `config(materialized='table')` it records in-file config (parse
 * pass); `config.get` / `config.require` read the node's config as known in this pass.
 */
export class ConfigObject {
  constructor(
    private readonly node: NodeDraft,
    private readonly phase: RenderPhase,
  ) {
    // Callable from templates: the engine calls a function; keep the methods reachable on it.
    const call = (...args: unknown[]) => this.call(args);
    return Object.assign(call, {
      get: (...a: unknown[]) => this.get(a),
      require: (...a: unknown[]) => this.require(a),
      set: (k: string, v: unknown) => {
        this.node.config[k] = v;
        return '';
      },
      has_key: (k: string) => k in this.node.config,
      meta_get: (...a: unknown[]) => {
        const v = bind('config.meta_get', a, ['name', 'default']).values;
        const meta = (this.node.config['meta'] ?? {}) as Record<string, unknown>;
        return meta[String(v['name'])] ?? v['default'] ?? null;
      },
      persist_relation_docs: () => Boolean((this.node.config['persist_docs'] as Record<string, unknown> | undefined)?.['relation']),
      persist_column_docs: () => Boolean((this.node.config['persist_docs'] as Record<string, unknown> | undefined)?.['columns']),
      toString: () => '',
    }) as unknown as ConfigObject;
  }

  private call(args: unknown[]): string {
    if (this.phase !== 'parse') return '';
    const { positional, kwargs } = splitKwargs(args);
    recordConfig(this.node, positional, kwargs);
    return '';
  }

  private get(args: unknown[]): unknown {
    const v = bind('config.get', args, ['name', 'default', 'validator']).values;
    const name = String(v['name']);
    const val = this.node.config[name];
    if (val !== undefined && val !== null) return val;
    return 'default' in v ? v['default'] : null;
  }

  private require(args: unknown[]): unknown {
    const v = bind('config.require', args, ['name', 'validator'], { required: 1 }).values;
    const name = String(v['name']);
    const val = this.node.config[name];
    if (val === undefined || val === null) {
      if (this.phase === 'parse') return null;
      throw new LakeformError({
        code: 'E_CONFIG_REQUIRED',
        message: `config '${name}' is required by ${this.node.name} but is not set`,
        node: this.node.uniqueId,
        location: this.node.location,
        hint: `set it with {{ config(${name}=...) }} in the file, under config: in its YAML, or +${name} in dbt_project.yml`,
      });
    }
    return val;
  }
}
