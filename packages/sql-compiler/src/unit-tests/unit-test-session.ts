import type { CompileState } from '../compile/compile-state.js';
import type { NodeDraft } from '../compile/node-draft.js';
import { splitKwargs, bind } from '../context/arguments.js';
import { RenderSession } from '../context/node-context.js';
import { refCallOf } from '../context/recorded-calls.js';
import { Relation } from '../context/relation.js';
import { WarehouseAnswers } from '../context/warehouse.js';
import { unitTestError, type UnitTestOrigin } from './unit-test-error.js';

export interface SessionRedirects {
  /** unique id of a ref'd node or source → the CTE that holds its given rows. */
  inputs: ReadonlyMap<string, string>;
  /** The CTE for `{{ this }}` when the test gives `input: this`. */
  thisCte: string | undefined;
  /** `overrides.macros` (dbt replaces each macro by its value). */
  macros: Readonly<Record<string, unknown>>;
  origin: UnitTestOrigin;
}

/**
 * The model's render with its inputs swapped for fixture CTEs: ref()/source() of a given input
 * render the CTE's name, `this` the `this` fixture, and overridden macros return their value.
 * Only the lookups change, so the rest of the dbt context behaves as in a normal compile.
 */
export class UnitTestSession extends RenderSession {
  /** Every given input the model actually read (unique ids, and 'this'). */
  readonly used = new Set<string>();
  private readonly wrapped = new Map<string, (name: string) => unknown>();

  constructor(
    private readonly unitState: CompileState,
    node: NodeDraft,
    private readonly redirects: SessionRedirects,
    extra: Record<string, unknown>,
  ) {
    super(unitState, node, 'compile', new WarehouseAnswers(), extra);
  }

  override ref(args: unknown[]): Relation {
    const { positional, kwargs } = splitKwargs(args);
    const call = refCallOf(positional, kwargs);
    const target = this.unitState.resolveRef(this.node, call);
    return this.redirect(target.uniqueId, `ref('${call.name}')`);
  }

  override source(args: unknown[]): Relation {
    const v = bind('source', args, ['source_name', 'table_name'], { required: 2 }).values;
    const s = this.unitState.resolveSource(this.node, String(v['source_name']), String(v['table_name']));
    return this.redirect(s.uniqueId, `source('${s.sourceName}', '${s.name}')`);
  }

  override selfRelation(): Relation {
    const cte = this.redirects.thisCte;
    if (cte === undefined) {
      if (this.isIncremental()) {
        throw unitTestError(this.redirects.origin, 'E_UNIT_TEST_INPUT_MISSING', `model ${this.node.name} reads {{ this }} with is_incremental overridden to true, and the test does not give it`, 'add "- input: this" with the rows the table holds before this run (rows: [] for none)');
      }
      return super.selfRelation();
    }
    this.used.add('this');
    return new Relation({ identifier: cte }, { cteName: cte });
  }

  override isIncremental(): boolean {
    // Without an override a unit test is a full build (dbt's default: is_incremental() is false).
    return isTruthy(this.redirects.macros['is_incremental']);
  }

  override resolverFor(packageName: string): (name: string) => unknown {
    let r = this.wrapped.get(packageName);
    if (!r) {
      const base = super.resolverFor(packageName);
      r = (name: string) => {
        const overrides = this.redirects.macros;
        if (Object.hasOwn(overrides, name)) return constant(overrides[name]);
        const found = base(name);
        const prefix = `${name}.`;
        const inNamespace = Object.keys(overrides).filter((k) => k.startsWith(prefix));
        if (inNamespace.length === 0 || !found || typeof found !== 'object') return found;
        // `dbt.current_timestamp: ...` overrides one member of a package namespace.
        const ns = found as Record<string, unknown>;
        return new Proxy(ns, {
          get: (t, key) => (typeof key === 'string' && Object.hasOwn(overrides, prefix + key) ? constant(overrides[prefix + key]) : Reflect.get(t, key)),
        });
      };
      this.wrapped.set(packageName, r);
    }
    return r;
  }

  private redirect(uniqueId: string, label: string): Relation {
    const cte = this.redirects.inputs.get(uniqueId);
    if (cte === undefined) {
      throw unitTestError(
        this.redirects.origin,
        'E_UNIT_TEST_INPUT_MISSING',
        `model ${this.node.name} reads ${label}, which the test does not give`,
        `add "- input: ${label}" with rows (rows: [] for an empty input) under given:, as dbt requires every ref and source of the model`,
      );
    }
    this.used.add(uniqueId);
    return new Relation({ identifier: cte }, { cteName: cte });
  }
}

function isTruthy(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '' && !/^(false|0|no)$/i.test(v.trim());
  return !!v;
}

function constant(v: unknown): (...args: unknown[]) => unknown {
  return () => v;
}
