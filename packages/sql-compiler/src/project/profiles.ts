import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { LakeformError, type SourceLocation, type Warning } from '../errors.js';
import { closestName } from './closest-name.js';
import {
  engineOf,
  profileSchema,
  profileTargetSchema,
  type Engine,
  type LocalTarget,
  type ProfileTarget,
} from './profiles-file-schema.js';
import { renderValues, type RenderFn } from './render-values.js';
import { expectValid, validateDocument, YamlSchemaError } from './validate.js';
import { readYamlFile } from './yaml-document.js';
import { isPlainMapping } from './yaml-path.js';

export const PROFILES_FILE = 'profiles.yml';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where profiles.yml is, in dbt's order: the --profiles-dir flag, DBT_PROFILES_DIR, the project
 * folder, then ~/.dbt. Relative directories are taken from the current working directory, like
 * any command-line path. Each place is tried in turn; the first that has the file wins.
 */
export function findProfilesFile(projectDir: string, profilesDir?: string, env: Env = process.env): string | undefined {
  const home = env['HOME'] ?? env['USERPROFILE'] ?? homedir();
  const candidates = [profilesDir, env['DBT_PROFILES_DIR'], projectDir, join(home, '.dbt')];
  for (const dir of candidates) {
    if (dir === undefined || dir === '') continue;
    const file = join(resolve(dir), PROFILES_FILE);
    if (existsSync(file)) return file;
  }
  return undefined;
}

export interface LoadProfileOptions {
  projectDir: string;
  /** --profiles-dir. */
  profilesDir?: string;
  /** `profile:` from dbt_project.yml. */
  profileName: string | undefined;
  /** --target; falls back to DBT_TARGET, then the profile's `target:`, then 'default'. */
  targetName?: string;
  render: RenderFn;
  env?: Env;
}

export interface LoadedProfile {
  profileName: string;
  targetName: string;
  target: ProfileTarget;
  engine: Engine;
  warnings: Warning[];
  /** The profiles.yml used; undefined when none was found and the default local target applies. */
  profilesFile?: string;
}

/** What a project runs on when there is no profiles.yml at all: the local engine. */
export const DEFAULT_LOCAL_TARGET: Readonly<LocalTarget> = Object.freeze({
  type: 'local',
  schema: 'main',
  warehouse: '.lakeform/warehouse',
  threads: 4,
});

/**
 * Resolves the connection target. Only the selected output is rendered and fully validated, as
 * in dbt, so an env var needed by `prod` need not be set to run `dev`.
 * Errors: E_PROFILE_NOT_FOUND, E_TARGET_NOT_FOUND, E_YAML_SYNTAX, E_YAML_SCHEMA.
 */
export function loadProfile(options: LoadProfileOptions): LoadedProfile {
  const env = options.env ?? process.env;
  const warnings: Warning[] = [];
  const path = findProfilesFile(options.projectDir, options.profilesDir, env);
  if (options.profilesDir !== undefined && (path === undefined || !isInside(path, resolve(options.profilesDir)))) {
    warnings.push({
      code: 'W_PROFILES_DIR',
      message: `no ${PROFILES_FILE} in --profiles-dir ${options.profilesDir}${path ? `; using ${path}` : ''}`,
    });
  }
  if (path === undefined) {
    return {
      profileName: options.profileName ?? 'default',
      targetName: options.targetName ?? env['DBT_TARGET'] ?? 'dev',
      target: { ...DEFAULT_LOCAL_TARGET },
      engine: 'local',
      warnings,
    };
  }

  const shown = displayPath(path, options.projectDir);
  const { doc, warnings: yamlWarnings } = readYamlFile(path, shown);
  warnings.push(...yamlWarnings);
  const root = doc.value;
  if (!isPlainMapping(root)) {
    throw new YamlSchemaError([
      new LakeformError({ code: 'E_YAML_SCHEMA', message: 'the top level must be a mapping of profile names', location: doc.locate([]) }),
    ]);
  }
  const available = Object.keys(root).filter((k) => k !== 'config');
  const profileName = options.profileName;
  if (profileName === undefined || !Object.prototype.hasOwnProperty.call(root, profileName) || profileName === 'config') {
    throw profileNotFound(profileName, available, shown);
  }

  const profileValidation = validateDocument(doc, profileSchema, { value: root[profileName], basePath: [profileName] });
  const profile = expectValid(profileValidation);
  warnings.push(...profileValidation.warnings);

  const locate = (p: readonly (string | number)[]): SourceLocation => doc.locate(p);
  const explicit = options.targetName ?? env['DBT_TARGET'];
  // Rendered only when it decides the target: its env vars need not be set when --target is given.
  const fromFile =
    explicit === undefined && profile.target !== undefined
      ? String(renderValues(profile.target, [profileName, 'target'], { render: options.render, locate }))
      : undefined;
  const targetName = explicit ?? fromFile ?? 'default';
  const outputs = profile.outputs;
  if (!Object.prototype.hasOwnProperty.call(outputs, targetName)) {
    const names = Object.keys(outputs);
    const suggestion = closestName(targetName, names);
    throw new LakeformError({
      code: 'E_TARGET_NOT_FOUND',
      message:
        `target '${targetName}' is not defined in profile '${profileName}'` +
        (names.length > 0 ? ` (available: ${names.join(', ')})` : ' (it has no outputs)') +
        (suggestion ? `; did you mean '${suggestion}'?` : ''),
      location: fromFile !== undefined ? doc.locate([profileName, 'target']) : doc.locate([profileName, 'outputs'], 'key'),
      hint: 'pick one with --target, or set target: in the profile',
    });
  }

  const base = [profileName, 'outputs', targetName];
  const rendered = renderValues(outputs[targetName], base, { render: options.render, locate });
  const targetValidation = validateDocument(doc, profileTargetSchema, { value: rendered, basePath: base });
  const target = expectValid(targetValidation);
  warnings.push(...targetValidation.warnings);
  return { profileName, targetName, target, engine: engineOf(target), warnings, profilesFile: path };
}

function profileNotFound(name: string | undefined, available: string[], file: string): LakeformError {
  if (name === undefined) {
    return new LakeformError({
      code: 'E_PROFILE_NOT_FOUND',
      message: `dbt_project.yml does not name a profile, and ${file} exists`,
      location: { file: 'dbt_project.yml' },
      hint: available.length > 0 ? `add profile: <name>; ${file} defines: ${available.join(', ')}` : 'add profile: <name>',
    });
  }
  const suggestion = closestName(name, available);
  return new LakeformError({
    code: 'E_PROFILE_NOT_FOUND',
    message: `profile '${name}' not found in ${file}${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
    location: { file },
    hint:
      available.length > 0
        ? `profiles in ${file}: ${available.join(', ')}; the name comes from profile: in dbt_project.yml`
        : `${file} defines no profiles`,
  });
}

function isInside(file: string, dir: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Project-relative when the file is in the project, absolute otherwise (e.g. ~/.dbt). */
function displayPath(file: string, projectDir: string): string {
  const projectRoot = resolve(projectDir);
  return isInside(file, projectRoot) ? relative(projectRoot, file) : file;
}
