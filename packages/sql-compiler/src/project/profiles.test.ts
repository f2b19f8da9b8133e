import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fakeRender, tempDir } from '../../test/fixtures/yaml/fake-render.js';
import { LakeformError } from '../errors.js';
import { engineOf } from './profiles-file-schema.js';
import { findProfilesFile, loadProfile, type LoadProfileOptions } from './profiles.js';

const FIXTURE_PROFILES = readFileSync(join(FIXTURES, 'athena-project/profiles.yml'), 'utf8');

/** A project folder holding the fixture profiles.yml, and an empty HOME so ~/.dbt never leaks in. */
function setup(env: Record<string, string> = {}) {
  const projectDir = tempDir({ 'profiles.yml': FIXTURE_PROFILES });
  const home = tempDir();
  const fullEnv = { HOME: home, ...env };
  const load = (o: Partial<LoadProfileOptions> = {}) =>
    loadProfile({ projectDir, profileName: 'shop_athena', render: fakeRender(fullEnv), env: fullEnv, ...o });
  return { projectDir, home, env: fullEnv, load };
}

function thrown(fn: () => unknown): LakeformError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LakeformError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('findProfilesFile', () => {
  it("searches --profiles-dir, DBT_PROFILES_DIR, the project, then ~/.dbt, in dbt's order", () => {
    const flagDir = tempDir({ 'profiles.yml': 'a: {outputs: {}}\n' });
    const envDir = tempDir({ 'profiles.yml': 'a: {outputs: {}}\n' });
    const projectDir = tempDir({ 'profiles.yml': 'a: {outputs: {}}\n' });
    const home = tempDir({ '.dbt/profiles.yml': 'a: {outputs: {}}\n' });
    const env = { HOME: home, DBT_PROFILES_DIR: envDir };
    expect(findProfilesFile(projectDir, flagDir, env)).toBe(join(flagDir, 'profiles.yml'));
    expect(findProfilesFile(projectDir, undefined, env)).toBe(join(envDir, 'profiles.yml'));
    expect(findProfilesFile(projectDir, undefined, { HOME: home })).toBe(join(projectDir, 'profiles.yml'));
    expect(findProfilesFile(tempDir(), undefined, { HOME: home })).toBe(join(home, '.dbt', 'profiles.yml'));
    expect(findProfilesFile(tempDir(), undefined, { HOME: tempDir() })).toBeUndefined();
  });
});

describe('loadProfile', () => {
  it('without any profiles.yml, uses the default local target', () => {
    const env = { HOME: tempDir() };
    const loaded = loadProfile({ projectDir: tempDir(), profileName: 'shop', render: fakeRender(env), env });
    expect(loaded.target).toEqual({ type: 'local', schema: 'main', warehouse: '.lakeform/warehouse', threads: 4 });
    expect(loaded.engine).toBe('local');
    expect(loaded.profilesFile).toBeUndefined();
  });

  it("renders the profile's target name and picks that output (duckdb → local engine)", () => {
    const loaded = setup().load();
    expect(loaded.targetName).toBe('dev');
    expect(loaded.target).toMatchObject({ type: 'duckdb', path: 'target/dev.duckdb', threads: 4, extensions: ['httpfs', 'parquet'] });
    expect(loaded.engine).toBe('local');
    expect(loaded.warnings).toEqual([]);
  });

  it('an athena target: env_var rendered, numbers and booleans from text coerced', () => {
    const loaded = setup({ ATHENA_BUCKET: 'acme-lake' }).load({ targetName: 'prod' });
    expect(loaded.engine).toBe('athena');
    expect(loaded.target).toMatchObject({
      type: 'athena',
      s3_staging_dir: 's3://acme-lake/staging/',
      region_name: 'eu-west-1',
      database: 'awsdatacatalog',
      schema: 'analytics',
      threads: 8,
      num_retries: 3,
      poll_interval: 1.5,
      debug_query_state: false,
      s3_data_naming: 'schema_table_unique',
    });
  });

  it('does not render unselected targets (prod needs ATHENA_BUCKET, dev does not)', () => {
    expect(() => setup().load({ targetName: 'dev' })).not.toThrow();
    expect(thrown(() => setup().load({ targetName: 'prod' })).code).toBe('E_ENV_VAR');
  });

  it('the target comes from --target, then DBT_TARGET, then the profile', () => {
    expect(setup({ DBT_TARGET_NAME: 'local' }).load().targetName).toBe('local');
    expect(setup({ DBT_TARGET: 'local' }).load().targetName).toBe('local');
    expect(setup({ DBT_TARGET: 'local' }).load({ targetName: 'dev' }).targetName).toBe('dev');
  });

  it('a target named in the profile but not defined points at the target: line', () => {
    const e = thrown(() => setup({ DBT_TARGET_NAME: 'qa' }).load());
    expect(e.code).toBe('E_TARGET_NOT_FOUND');
    expect(e.location).toEqual({ file: 'profiles.yml', line: 5, column: 11 });
  });

  it('an empty --profiles-dir falls through to the next place, with a warning', () => {
    const { load } = setup();
    const loaded = load({ profilesDir: tempDir() });
    expect(loaded.targetName).toBe('dev');
    expect(loaded.warnings.map((w) => w.code)).toEqual(['W_PROFILES_DIR']);
  });

  it("a local target gets Lakeform's defaults", () => {
    const loaded = setup().load({ targetName: 'local' });
    expect(loaded.target).toEqual({ type: 'local', warehouse: '.lakeform/warehouse', schema: 'main', threads: 4, sources_root: 'data/raw' });
    expect(engineOf(loaded.target)).toBe('local');
  });

  it('an unknown profile names the closest one', () => {
    const e = thrown(() => setup().load({ profileName: 'shop_athen' }));
    expect(e.code).toBe('E_PROFILE_NOT_FOUND');
    expect(e.message).toBe("profile 'shop_athen' not found in profiles.yml; did you mean 'shop_athena'?");
    expect(e.hint).toContain('shop_athena, other_profile');
  });

  it('an unknown target lists the available ones', () => {
    const e = thrown(() => setup().load({ targetName: 'staging' }));
    expect(e.code).toBe('E_TARGET_NOT_FOUND');
    expect(e.message).toBe("target 'staging' is not defined in profile 'shop_athena' (available: dev, prod, local)");
  });

  it('an unsupported adapter type is a located schema error listing the supported ones', () => {
    const projectDir = tempDir({ 'profiles.yml': 'p:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      host: x\n' });
    const env = { HOME: tempDir() };
    const e = thrown(() => loadProfile({ projectDir, profileName: 'p', render: fakeRender(env), env }));
    expect(e.code).toBe('E_YAML_SCHEMA');
    expect(e.message).toBe("p.outputs.dev.type must be one of 'athena', 'duckdb', 'local'; got a string ('postgres')");
    expect(e.location).toEqual({ file: 'profiles.yml', line: 5, column: 13 });
  });

  it('a missing required athena key and a non-numeric thread count', () => {
    const projectDir = tempDir({ 'profiles.yml': 'p:\n  target: dev\n  outputs:\n    dev:\n      type: athena\n      schema: s\n      threads: many\n' });
    const env = { HOME: tempDir() };
    const e = thrown(() => loadProfile({ projectDir, profileName: 'p', render: fakeRender(env), env }));
    expect(e.message.split('\n')[0]).toBe("p.outputs.dev is missing the required key 'region_name'");
    expect(e.message).toContain("p.outputs.dev.threads must be a whole number, got a string ('many')");
  });

  it('unknown keys in the selected target are warnings with a suggestion', () => {
    const projectDir = tempDir({ 'profiles.yml': 'p:\n  target: dev\n  outputs:\n    dev:\n      type: local\n      warehose: w\n' });
    const env = { HOME: tempDir() };
    const loaded = loadProfile({ projectDir, profileName: 'p', render: fakeRender(env), env });
    expect(loaded.warnings.map((w) => [w.message, w.location?.line])).toEqual([
      ["unknown key 'warehose' in p.outputs.dev; did you mean 'warehouse'?", 6],
    ]);
  });
});
