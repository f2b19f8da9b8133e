import type { Warning } from '../errors.js';
import { DBT_COMPAT_VERSION } from '../context/globals.js';

const parse = (v: string): number[] => v.split('.').map((x) => Number.parseInt(x, 10) || 0);

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** Whether `version` satisfies one dbt version spec such as '>=1.5.0', '<2.0.0' or '1.7.x'. */
export function satisfies(version: string, spec: string): boolean {
  const m = /^\s*(>=|<=|>|<|==|=)?\s*v?(\d+(?:\.(?:\d+|x|\*)){0,2})\s*$/.exec(spec);
  if (!m) return true;
  const op = m[1] ?? '=';
  const want = m[2]!;
  const v = parse(version);
  if (want.includes('x') || want.includes('*')) {
    const parts = want.split('.');
    return parts.every((p, i) => p === 'x' || p === '*' || Number(p) === v[i]);
  }
  const c = compare(v, parse(want));
  return op === '>=' ? c >= 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '<' ? c < 0 : c === 0;
}

/**
 * `require-dbt-version`: Lakeform compiles the dbt language of DBT_COMPAT_VERSION. A project asking
 * for another version gets a warning, not an error: it usually compiles unmodified, and refusing
 * would break the promise that existing projects just run.
 */
export function checkRequiredDbtVersion(required: unknown, projectName: string): Warning[] {
  const specs = Array.isArray(required) ? required.map(String) : typeof required === 'string' ? required.split(',') : [];
  const failed = specs.filter((s) => !satisfies(DBT_COMPAT_VERSION, s));
  if (failed.length === 0) return [];
  return [
    {
      code: 'W_DBT_VERSION',
      message: `project '${projectName}' requires dbt ${specs.join(', ')}; Lakeform implements dbt ${DBT_COMPAT_VERSION}'s project format`,
      location: { file: 'dbt_project.yml' },
      hint: 'most projects compile unchanged; if something differs, widen require-dbt-version or report it',
    },
  ];
}
