import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProject, LakeformError } from '../src/index.js';
import { writeProject } from './project-fixture.js';

interface BadCase {
  name: string;
  files: Record<string, string>;
  withDefaults?: boolean;
  env?: Record<string, string>;
  target?: string;
  code: string;
  file?: string;
  line?: number;
  message?: RegExp;
  hint?: RegExp;
}

const ok = 'select 1 as id\n';

const CASES: BadCase[] = [
  { name: 'YAML syntax error in a schema file', files: { 'models/a.sql': ok, 'models/schema.yml': 'version: 2\nmodels:\n  - name: a\n    columns: [\n' }, code: 'E_YAML_SYNTAX', file: 'models/schema.yml' },
  { name: 'tab indentation in dbt_project.yml', withDefaults: false, files: { 'dbt_project.yml': "name: shop\nmodels:\n\tshop:\n\t\t+materialized: table\n" }, code: 'E_YAML_SYNTAX', file: 'dbt_project.yml', line: 3 },
  { name: 'dbt_project.yml without a name', withDefaults: false, files: { 'dbt_project.yml': "version: '1.0'\nconfig-version: 2\n" }, code: 'E_YAML_SCHEMA', file: 'dbt_project.yml', message: /name/ },
  { name: 'dbt_project.yml that is a list', withDefaults: false, files: { 'dbt_project.yml': '- name: shop\n' }, code: 'E_YAML_SCHEMA', file: 'dbt_project.yml' },
  { name: 'columns given as a mapping', files: { 'models/a.sql': ok, 'models/schema.yml': 'version: 2\nmodels:\n  - name: a\n    columns:\n      id:\n        tests: [unique]\n' }, code: 'E_YAML_SCHEMA', file: 'models/schema.yml', line: 5 },
  { name: 'tests given as a string', files: { 'models/a.sql': ok, 'models/schema.yml': 'version: 2\nmodels:\n  - name: a\n    columns:\n      - name: id\n        tests: unique\n' }, code: 'E_YAML_SCHEMA', file: 'models/schema.yml', line: 6 },
  { name: 'a model entry without a name', files: { 'models/a.sql': ok, 'models/schema.yml': 'version: 2\nmodels:\n  - description: no name\n' }, code: 'E_YAML_SCHEMA', file: 'models/schema.yml', line: 3 },
  { name: 'freshness period that does not exist', files: { 'models/a.sql': ok, 'models/sources.yml': 'version: 2\nsources:\n  - name: raw\n    freshness:\n      warn_after: {count: 1, period: weeks}\n    tables:\n      - name: orders\n' }, code: 'E_YAML_SCHEMA', file: 'models/sources.yml', line: 5 },
  { name: 'duplicate key in a schema file', files: { 'models/a.sql': ok, 'models/schema.yml': 'version: 2\nmodels:\n  - name: a\n    description: one\n    description: two\n' }, code: 'E_YAML_SYNTAX', file: 'models/schema.yml', line: 5 },
  { name: 'a cycle of three models', files: { 'models/a.sql': "select * from {{ ref('c') }}", 'models/b.sql': "select * from {{ ref('a') }}", 'models/c.sql': "select * from {{ ref('b') }}" }, code: 'E_CYCLE', message: /a -> b -> c -> a/ },
  { name: 'a model that refs itself', files: { 'models/a.sql': "select * from {{ ref('a') }}" }, code: 'E_CYCLE', message: /a -> a/ },
  { name: 'ref to a model that does not exist', files: { 'models/stg_orders.sql': ok, 'models/b.sql': "select * from {{ ref('stg_order') }}" }, code: 'E_REF_NOT_FOUND', file: 'models/b.sql', hint: /stg_orders/ },
  { name: 'source that is not declared', files: { 'models/a.sql': "select * from {{ source('raw', 'orders') }}" }, code: 'E_SOURCE_NOT_FOUND', file: 'models/a.sql' },
  { name: 'source table missing from a declared source', files: { 'models/a.sql': "select * from {{ source('raw', 'ordrs') }}", 'models/src.yml': 'version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n' }, code: 'E_SOURCE_NOT_FOUND', hint: /orders/ },
  { name: 'unclosed if block', files: { 'models/a.sql': 'select 1\n{% if true %}\n, 2\n' }, code: 'E_JINJA_SYNTAX', file: 'models/a.sql' },
  { name: 'misspelt end tag', files: { 'models/a.sql': "{% for x in [1] %}\nselect {{ x }}\n{% endfo %}\n" }, code: 'E_JINJA_SYNTAX', file: 'models/a.sql', line: 3, message: /endfo/ },
  { name: 'unclosed expression', files: { 'models/a.sql': 'select\n  {{ 1 + \nfrom t\n' }, code: 'E_JINJA_SYNTAX', file: 'models/a.sql' },
  { name: 'call to a macro that does not exist', files: { 'models/a.sql': 'select\n  {{ cents_to_dollars("amount") }} as x\n' }, code: 'E_JINJA_UNDEFINED', file: 'models/a.sql', line: 2, message: /cents_to_dollars/ },
  { name: 'macro called with too many arguments', files: { 'macros/m.sql': '{% macro one(a) %}{{ a }}{% endmacro %}', 'models/a.sql': 'select {{ one(1, 2) }} as x' }, code: 'E_MACRO_ARGS', file: 'models/a.sql' },
  { name: 'syntax error in a macro file', files: { 'macros/m.sql': '{% macro one(a) %}\n{{ a }\n{% endmacro %}', 'models/a.sql': ok }, code: 'E_JINJA_SYNTAX', file: 'macros/m.sql', line: 2 },
  { name: 'two models with the same name', files: { 'models/x/orders.sql': ok, 'models/y/orders.sql': ok }, code: 'E_DUPLICATE_NODE', message: /models\/x\/orders\.sql.*models\/y\/orders\.sql/ },
  { name: 'two macros with the same name', files: { 'macros/a.sql': '{% macro m() %}1{% endmacro %}', 'macros/b.sql': '{% macro m() %}2{% endmacro %}', 'models/a.sql': ok }, code: 'E_DUPLICATE_MACRO', message: /macros\/a\.sql.*macros\/b\.sql/ },
  { name: 'materialized given as a number', files: { 'models/a.sql': '{{ config(materialized=123) }}\nselect 1' }, code: 'E_CONFIG_INVALID', file: 'models/a.sql', message: /materialized/ },
  { name: 'unknown incremental strategy', files: { 'models/a.sql': "{{ config(materialized='incremental', incremental_strategy='upsert') }}\nselect 1" }, code: 'E_CONFIG_INVALID', message: /incremental_strategy/ },
  { name: 'unknown on_schema_change', files: { 'models/a.sql': ok, 'dbt_project.yml': "name: shop\nprofile: shop\nmodels:\n  shop:\n    +on_schema_change: explode\n" }, withDefaults: false, code: 'E_CONFIG_INVALID', hint: /dbt_project\.yml/ },
  { name: 'partitioned_by given as a number', files: { 'models/a.sql': "{{ config(partitioned_by=5) }}\nselect 1" }, code: 'E_CONFIG_INVALID', message: /partitioned_by/ },
  { name: 'test severity that does not exist', files: { 'models/a.sql': ok, 'models/schema.yml': 'version: 2\nmodels:\n  - name: a\n    columns:\n      - name: id\n        tests:\n          - unique:\n              config:\n                severity: fatal\n' }, code: 'E_CONFIG_INVALID', message: /severity/ },
  { name: 'required var not set', files: { 'models/a.sql': "select {{ var('start_date') }} as d" }, code: 'E_VAR_MISSING', file: 'models/a.sql', message: /start_date/ },
  { name: 'env var not set', files: { 'models/a.sql': "select '{{ env_var('LAKEFORM_TEST_UNSET_VAR') }}' as d" }, code: 'E_ENV_VAR_MISSING', message: /LAKEFORM_TEST_UNSET_VAR/ },
  { name: 'raise_compiler_error from a model', files: { 'models/a.sql': "{{ exceptions.raise_compiler_error('grain must be day') }}" }, code: 'E_COMPILER_ERROR', message: /grain must be day/ },
  { name: 'generic test that does not exist', files: { 'models/a.sql': ok, 'models/schema.yml': 'version: 2\nmodels:\n  - name: a\n    columns:\n      - name: id\n        tests: [uniqe]\n' }, code: 'E_TEST_NOT_FOUND', file: 'models/schema.yml', line: 6, hint: /unique/ },
  { name: 'profile missing from profiles.yml', files: { 'models/a.sql': ok, 'profiles.yml': 'shopp:\n  target: dev\n  outputs:\n    dev: {type: local}\n' }, code: 'E_PROFILE_NOT_FOUND', hint: /shopp/ },
  { name: 'target missing from the profile', target: 'prod', files: { 'models/a.sql': ok, 'profiles.yml': 'shop:\n  target: dev\n  outputs:\n    dev: {type: local}\n' }, code: 'E_TARGET_NOT_FOUND', message: /prod/ },
  { name: 'hub package Lakeform does not ship', files: { 'models/a.sql': ok, 'packages.yml': 'packages:\n  - package: someone/rare_pkg\n    version: 1.0.0\n' }, code: 'E_PACKAGE_UNAVAILABLE', file: 'packages.yml' },
  { name: 'local package path that does not exist', files: { 'models/a.sql': ok, 'packages.yml': 'packages:\n  - local: ../nowhere\n' }, code: 'E_PACKAGE_NOT_FOUND', file: 'packages.yml' },
  { name: 'doc() naming a missing docs block', files: { 'models/a.sql': ok, 'models/schema.yml': "version: 2\nmodels:\n  - name: a\n    description: \"{{ doc('missing_block') }}\"\n" }, code: 'E_DOC_NOT_FOUND', message: /missing_block/ },
  { name: 'ref to a model version that does not exist', files: { 'models/dim_v1.sql': ok, 'models/dim_v2.sql': ok, 'models/b.sql': "select * from {{ ref('dim', v=3) }}", 'models/schema.yml': 'version: 2\nmodels:\n  - name: dim\n    latest_version: 2\n    versions:\n      - v: 1\n      - v: 2\n' }, code: 'E_REF_VERSION_NOT_FOUND', hint: /1, 2/ },
  { name: 'two models building the same table', files: { 'models/a.sql': "{{ config(alias='orders') }}\nselect 1", 'models/orders.sql': ok }, code: 'E_DUPLICATE_RELATION', message: /orders/ },
  { name: 'no dbt_project.yml at all', withDefaults: false, files: { 'models/a.sql': ok }, code: 'E_NO_PROJECT' },
  { name: 'ref with three arguments', files: { 'models/a.sql': ok, 'models/b.sql': "select * from {{ ref('x', 'y', 'a') }}" }, code: 'E_MACRO_ARGS', file: 'models/b.sql' },
  { name: 'adapter.dispatch with no implementation', files: { 'models/a.sql': "select {{ adapter.dispatch('nothing_here', 'shop')() }}" }, code: 'E_MACRO_NOT_FOUND', message: /default__nothing_here/ },
  { name: 'version file missing', files: { 'models/dim_v1.sql': ok, 'models/schema.yml': 'version: 2\nmodels:\n  - name: dim\n    versions:\n      - v: 1\n      - v: 2\n' }, code: 'E_VERSION_FILE_MISSING', file: 'models/schema.yml', line: 6 },
];

describe('bad input: each broken project gives its own located error and writes nothing', () => {
  it('has at least 30 distinct broken projects', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });
  for (const c of CASES) {
    it(c.name, async () => {
      const dir = writeProject(c.files, c.withDefaults ?? true);
      const err = await compileProject({ projectDir: dir, env: { ...(c.env ?? {}) }, ...(c.target ? { target: c.target } : {}), profilesDir: dir }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, 'compile should fail').toBeInstanceOf(LakeformError);
      const e = err as LakeformError;
      expect({ code: e.code, message: e.message }).toMatchObject({ code: c.code });
      if (c.file) expect(e.location?.file).toBe(c.file);
      if (c.line) expect(e.location?.line).toBe(c.line);
      if (c.message) expect(e.message).toMatch(c.message);
      if (c.hint) expect(e.hint ?? '').toMatch(c.hint);
      expect(e.format()).toContain(c.code);
      expect(existsSync(join(dir, 'target'))).toBe(false);
    });
  }
});
