import { LakeformError } from '../errors.js';
import { Environment, JinjaSyntaxError } from '../jinja/index.js';
import { bind } from '../context/arguments.js';

let env: Environment | undefined;

/**
 * Jinja inside dbt_project.yml and profiles.yml values: only `env_var`, `var` (from --vars) and
 * `target`-free helpers are available there, as in dbt.
 */
export function renderYamlString(
  template: string,
  where: { file: string; line?: number; column?: number },
  ctx: { env: Record<string, string | undefined>; vars: Record<string, unknown>; target?: Record<string, unknown> },
): string {
  env ??= new Environment();
  const location = { file: where.file, ...(where.line !== undefined ? { line: where.line } : {}), ...(where.column !== undefined ? { column: where.column } : {}) };
  try {
    const t = env.parse(template, where.file);
    return t.render({
      ...(ctx.target ? { target: ctx.target } : {}),
      env_var: (...a: unknown[]) => {
        const v = bind('env_var', a, ['var', 'default']).values;
        const value = ctx.env[String(v['var'])];
        if (value !== undefined) return value;
        if ('default' in v) return v['default'];
        throw new LakeformError({
          code: 'E_ENV_VAR_MISSING',
          message: `environment variable '${String(v['var'])}' is not set and env_var() was given no default`,
          location,
          hint: `export ${String(v['var'])}=... or give env_var a default`,
        });
      },
      var: (...a: unknown[]) => {
        const v = bind('var', a, ['name', 'default']).values;
        const name = String(v['name']);
        if (name in ctx.vars) return ctx.vars[name];
        if ('default' in v) return v['default'];
        throw new LakeformError({ code: 'E_VAR_MISSING', message: `required variable '${name}' is not set`, location, hint: `pass --vars '{${name}: ...}' or give var() a default` });
      },
    });
  } catch (e) {
    let cur: unknown = e;
    for (let i = 0; i < 10 && cur; i++) {
      if (cur instanceof LakeformError) throw cur;
      cur = (cur as { cause?: unknown }).cause;
    }
    if (e instanceof JinjaSyntaxError) throw new LakeformError({ code: 'E_JINJA_SYNTAX', message: e.message, location, cause: e });
    throw new LakeformError({ code: 'E_JINJA_RUNTIME', message: e instanceof Error ? e.message : String(e), location, cause: e });
  }
}

const NOT_RENDERED = new Set(['description', 'tests', 'data_tests']);

/**
 * Jinja inside schema YAML properties (`schema: "{{ env_var('RAW_SCHEMA') }}"`), rendered as dbt
 * does: every string except descriptions (rendered later, with doc()) and test arguments (rendered
 * with the test). Returns the input itself when nothing needed rendering.
 */
export function renderYamlDeep<T>(value: T, render: (template: string, where: { file: string }) => string, file: string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.includes('{{') || v.includes('{%') ? render(v, { file }) : v;
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x) => {
        const y = walk(x);
        if (y !== x) changed = true;
        return y;
      });
      return changed ? out : v;
    }
    if (v && typeof v === 'object') {
      let out: Record<string, unknown> | undefined;
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (NOT_RENDERED.has(k)) continue;
        const y = walk(x);
        if (y !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = y;
      }
      return out ?? v;
    }
    return v;
  };
  return walk(value) as T;
}
