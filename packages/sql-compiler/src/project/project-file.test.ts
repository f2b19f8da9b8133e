import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fakeRender, tempDir } from '../../test/fixtures/yaml/fake-render.js';
import { LakeformError } from '../errors.js';
import { loadProjectFile } from './project-file.js';

const ATHENA_PROJECT = join(FIXTURES, 'athena-project');

function loadError(dir: string, env: Record<string, string> = {}): LakeformError {
  try {
    loadProjectFile(dir, { render: fakeRender(env) });
  } catch (e) {
    if (e instanceof LakeformError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('loadProjectFile: a dbt-athena project', () => {
  const render = fakeRender({ ATHENA_BUCKET: 'acme-lake' });
  const { project, warnings } = loadProjectFile(ATHENA_PROJECT, { render });

  it('reads the top-level keys', () => {
    expect(project.name).toBe('shop');
    expect(project.version).toBe('1.0.0');
    expect(project.profile).toBe('shop_athena');
    expect(project['require-dbt-version']).toEqual(['>=1.7.0', '<2.0.0']);
    expect(project.dispatch).toEqual([{ macro_namespace: 'dbt_utils', search_order: ['shop', 'dbt_utils'] }]);
    expect(project['clean-targets']).toEqual(['target', 'dbt_packages']);
  });

  it('applies dbt defaults for paths', () => {
    expect(project['target-path']).toBe('target');
    expect(project['packages-install-path']).toBe('dbt_packages');
    expect(project['docs-paths']).toEqual(['models', 'seeds', 'tests', 'analyses', 'macros', 'snapshots']);
  });

  it('renders Jinja in config values but not in vars or hooks', () => {
    const marts = (project.models?.['shop'] as Record<string, Record<string, unknown>>)['marts'];
    expect(marts?.['+s3_data_dir']).toBe('s3://acme-lake/marts/');
    expect(project.vars['bucket_prefix']).toBe("{{ env_var('NOT_RENDERED_AT_LOAD') }}");
    expect(project['on-run-start']).toEqual(["{{ log('starting ' ~ target.name, info=true) }}"]);
    expect(project['on-run-end']).toEqual(['{{ grant_usage(schemas) }}']);
    const staging = (project.models?.['shop'] as Record<string, Record<string, unknown>>)['staging'];
    expect(staging?.['+post-hook']).toBe('{{ analyze_table(this) }}');
    expect(render.calls.map((c) => c.template)).toEqual(["s3://{{ env_var('ATHENA_BUCKET') }}/marts/"]);
    expect(render.calls[0]?.where).toEqual({ file: 'dbt_project.yml', line: 50, column: 21 });
  });

  it('keeps per-package vars as written', () => {
    expect(project.vars['dbt_utils']).toEqual({ surrogate_key_treat_nulls_as_empty_strings: true });
  });

  it('has no warnings: config trees and vars are free-form', () => {
    expect(warnings).toEqual([]);
  });
});

describe('loadProjectFile: problems', () => {
  it('no dbt_project.yml', () => {
    const e = loadError(tempDir());
    expect(e.code).toBe('E_NO_PROJECT');
    expect(e.hint).toBe('run lakeform init, or pass --project-dir');
  });

  it('a name that is not an identifier', () => {
    const e = loadError(tempDir({ 'dbt_project.yml': 'name: my-project\n' }));
    expect(e.code).toBe('E_YAML_SCHEMA');
    expect(e.message).toBe(
      "name must contain only letters, digits and underscores, and not start with a digit, got a string ('my-project')",
    );
    expect(e.location).toEqual({ file: 'dbt_project.yml', line: 1, column: 7 });
  });

  it('missing name', () => {
    const e = loadError(tempDir({ 'dbt_project.yml': "profile: x\n" }));
    expect(e.message).toBe("the top level is missing the required key 'name'");
  });

  it('config-version 1', () => {
    const e = loadError(tempDir({ 'dbt_project.yml': 'name: p\nconfig-version: 1\n' }));
    expect(e.message).toBe('config-version must be 2; got a number (1)');
    expect(e.location).toEqual({ file: 'dbt_project.yml', line: 2, column: 17 });
  });

  it('a render failure surfaces with its location', () => {
    const e = loadError(tempDir({ 'dbt_project.yml': "name: p\nmodels:\n  p:\n    +schema: \"{{ env_var('MISSING') }}\"\n" }));
    expect(e.code).toBe('E_ENV_VAR');
    expect(e.location).toEqual({ file: 'dbt_project.yml', line: 4, column: 14 });
  });

  it('unknown keys warn with a suggestion; deprecated keys warn and still apply', () => {
    const dir = tempDir({ 'dbt_project.yml': 'name: p\nmodle-paths: [m]\nsource-paths: [src]\nmodels:\n  p:\n    +anything: 1\n' });
    const { project, warnings } = loadProjectFile(dir, { render: fakeRender({}) });
    expect(warnings.map((w) => [w.code, w.message, w.location?.line])).toEqual([
      ['W_UNKNOWN_KEY', "unknown key 'modle-paths' at the top level; did you mean 'model-paths'?", 2],
      ['W_DEPRECATED_KEY', "'source-paths' at the top level is deprecated; use 'model-paths'", 3],
    ]);
    expect(project['model-paths']).toEqual(['src']);
  });

  it('a rendered True/False in a config tree becomes a boolean', () => {
    const dir = tempDir({ 'dbt_project.yml': "name: p\nmodels:\n  p:\n    +enabled: \"{{ env_var('ON') }}\"\n" });
    const { project } = loadProjectFile(dir, { render: fakeRender({ ON: 'False' }) });
    expect((project.models?.['p'] as Record<string, unknown>)['+enabled']).toBe(false);
  });
});
