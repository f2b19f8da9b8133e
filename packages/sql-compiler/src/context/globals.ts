import { createHash } from 'node:crypto';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { LakeformError } from '../errors.js';
import { bind } from './arguments.js';
import { PyDatetime, datetimeModule } from './py-datetime.js';
import { reModule } from './py-re.js';
import { relationCreate } from './node-context.js';

export const DBT_COMPAT_VERSION = '1.10.0';

export interface GlobalsInput {
  invocationId: string;
  runStartedAt: number;
  which: string;
  fullRefresh: boolean;
  /** Where raise_compiler_error reports from; filled per node by the caller's error handling. */
  onWarn: (message: string) => void;
}

/** Raised by `exceptions.raise_compiler_error`; the compiler turns it into a located error. */
export class CompilerErrorRaised extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompilerErrorRaised';
  }
}

/** Context members that are the same for every node of one compile; built once. */
export function buildGlobals(input: GlobalsInput): Record<string, unknown> {
  const modules = {
    datetime: datetimeModule(() => input.runStartedAt),
    re: reModule(),
    itertools: {
      chain: (...lists: unknown[][]) => lists.flat(),
      product: (...lists: unknown[][]) => lists.reduce<unknown[][]>((acc, l) => acc.flatMap((a) => l.map((x) => [...a, x])), [[]]),
    },
  };
  const raise = (...a: unknown[]) => {
    const v = bind('raise_compiler_error', a, ['msg', 'node']).values;
    throw new CompilerErrorRaised(String(v['msg']));
  };
  return {
    modules,
    exceptions: {
      raise_compiler_error: raise,
      raise_not_implemented: raise,
      raise_fail_fast_error: raise,
      warn: (msg: unknown) => {
        input.onWarn(String(msg));
        return '';
      },
      warn_snapshot_timestamp_data_types: () => '',
    },
    api: { Relation: { create: relationCreate } },
    tojson: (...a: unknown[]) => {
      const v = bind('tojson', a, ['value', 'default', 'sort_keys']).values;
      try {
        return JSON.stringify(v['value'], jsonReplacer);
      } catch {
        return v['default'] ?? null;
      }
    },
    fromjson: (...a: unknown[]) => {
      const v = bind('fromjson', a, ['string', 'default']).values;
      try {
        return JSON.parse(String(v['string']));
      } catch {
        return v['default'] ?? null;
      }
    },
    toyaml: (...a: unknown[]) => stringifyYaml(bind('toyaml', a, ['value', 'default', 'sort_keys']).values['value']),
    fromyaml: (...a: unknown[]) => {
      const v = bind('fromyaml', a, ['value', 'default']).values;
      try {
        return parseYaml(String(v['value']));
      } catch {
        return v['default'] ?? null;
      }
    },
    zip: (...lists: unknown[][]) => {
      const n = Math.min(...lists.map((l) => (Array.isArray(l) ? l.length : 0)));
      return Array.from({ length: n }, (_, i) => lists.map((l) => l[i]));
    },
    set: (items: unknown) => [...new Set(Array.isArray(items) ? items : items === undefined || items === null ? [] : [...(items as Iterable<unknown>)])],
    set_strict: (items: unknown[]) => [...new Set(items)],
    local_md5: (s: unknown) => createHash('md5').update(String(s)).digest('hex'),
    run_started_at: new PyDatetime(input.runStartedAt),
    invocation_id: input.invocationId,
    dbt_version: DBT_COMPAT_VERSION,
    flags: { FULL_REFRESH: input.fullRefresh, WHICH: input.which, STORE_FAILURES: false, FAIL_FAST: false, WARN_ERROR: false },
    selected_resources: [],
    try_or_compiler_error: (...a: unknown[]) => {
      const v = bind('try_or_compiler_error', a, ['message_if_exception', 'func'], { varargs: true });
      try {
        return (v.values['func'] as (...x: unknown[]) => unknown)(...v.rest);
      } catch {
        throw new CompilerErrorRaised(String(v.values['message_if_exception']));
      }
    },
    diff_of_two_dicts: (a: Record<string, unknown>, b: Record<string, unknown>) => {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(a)) if (!(k in b)) out[k] = a[k];
      return out;
    },
  };
}

function jsonReplacer(_k: string, v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { toString?: unknown }).toString === 'function' && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) {
    return String(v);
  }
  return v;
}

export function compilerErrorToLakeform(e: CompilerErrorRaised, node: string, file: string): LakeformError {
  return new LakeformError({ code: 'E_COMPILER_ERROR', message: e.message, node, location: { file }, cause: e });
}
