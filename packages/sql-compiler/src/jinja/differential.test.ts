/**
 * Differential test: renders every conformance case with real Jinja2 (one python3 process for
 * all cases) and with Lakeform, and requires byte-for-byte equal output (or equal error
 * messages). Python with jinja2 is a hard requirement: without it this suite fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CASES, type ConformanceCase, dbtLikeEnvironment, renderCase } from './conformance-cases.js';

const ORACLE = fileURLToPath(new URL('../../test/fixtures/jinja/jinja2_oracle.py', import.meta.url));

/** Templates checked only against the live oracle (no literal expectation needed). */
const EXTRA_CASES: ConformanceCase[] = [
  {
    name: 'dbt-style model',
    template: [
      "{{ config(materialized='table', tags=['a']) }}",
      "{% set cols = ['id', 'name', 'amount'] %}",
      'with src as (',
      "  select * from {{ ref('stg_orders') }}",
      ')',
      'select',
      '{%- for c in cols %}',
      "  {{ c }}{{ ',' if not loop.last }}",
      '{%- endfor %}',
      "from src join {{ ref('customers') }} using (id)",
      "where kind = '{{ var('kind', 'x') }}'",
      '',
    ].join('\n'),
    context: {},
    expected: '',
  },
  {
    name: 'dbt-style macro file',
    template: [
      '{% macro cents_to_dollars(column_name, scale=2) -%}',
      '    ({{ column_name }} / 100)::numeric(16, {{ scale }})',
      '{%- endmacro %}',
      '{% macro default__type_string() %}{{ return("varchar") }}{% endmacro %}',
      "{{ cents_to_dollars('amount') }} {{ default__type_string() }}",
    ].join('\n'),
    expected: '',
  },
  {
    name: 'whitespace control around loops and sets',
    template: '{%- set xs = [1, 2] -%}\n  {%- for x in xs %}\n    v{{ x }}\n  {%- endfor %}\n{# c #}\n  end  \n',
    expected: '',
  },
];

/** dbt-ish host functions, defined the same way on both sides via template macros. */
const PRELUDE =
  "{% macro config() %}{% endmacro %}{% macro ref(n) %}{{ return('\"db\".\"' ~ n ~ '\"') }}{% endmacro %}" +
  '{% macro var(n, d=none) %}{{ return(d) }}{% endmacro %}';

type OracleResult = { ok: true; output: string } | { ok: false; type: string; message: string };

function pythonExecutable(): string {
  const fromEnv = process.env.LAKEFORM_PYTHON;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

function runOracle(cases: ConformanceCase[]): { results: OracleResult[] } | { problem: string } {
  const python = pythonExecutable();
  const input = JSON.stringify(cases.map((c) => ({ template: c.template, context: c.context ?? {} })));
  const r = spawnSync(python, [ORACLE], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) {
    return { problem: `could not run ${python} (${r.error.message}); install python3 and python3-jinja2 (or set LAKEFORM_PYTHON)` };
  }
  if (r.status !== 0) {
    return { problem: `${python} ${ORACLE} exited with ${r.status}: ${r.stderr.trim()} — is python3-jinja2 installed?` };
  }
  const results = JSON.parse(r.stdout) as OracleResult[];
  if (results.length !== cases.length) return { problem: `oracle returned ${results.length} results for ${cases.length} cases` };
  return { results };
}

const extras = EXTRA_CASES.map((c) => ({ ...c, template: PRELUDE + c.template }));
const cases = [...CONFORMANCE_CASES, ...extras];
const oracle = runOracle(cases);

describe('Jinja differential test against Jinja2 (python3)', () => {
  it('python3 with jinja2 is available', () => {
    if ('problem' in oracle) throw new Error(`Jinja2 oracle unavailable: ${oracle.problem}`);
  });
  if ('problem' in oracle) return;
  const env = dbtLikeEnvironment();
  cases.forEach((c, i) => {
    it(c.name, () => {
      const expected = oracle.results[i] as OracleResult;
      const actual = renderCase(env, c);
      if (expected.ok) expect(actual).toEqual(expected.output);
      else expect(actual).toEqual({ error: expected.message });
    });
  });
});
