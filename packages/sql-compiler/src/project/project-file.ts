import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LakeformError, type SourceLocation, type Warning } from '../errors.js';
import { projectFileSchema, type ProjectFile } from './project-file-schema.js';
import { renderValues, type RenderFn } from './render-values.js';
import { expectValid, validateDocument } from './validate.js';
import { readYamlFile } from './yaml-document.js';
import type { YamlPath } from './yaml-path.js';

export const PROJECT_FILE = 'dbt_project.yml';

export interface LoadProjectOptions {
  render: RenderFn;
}

export interface LoadedProject {
  project: ProjectFile;
  warnings: Warning[];
  /** Position of any value in dbt_project.yml, for errors found later (a bad var, a bad config). */
  locate(path: YamlPath, part?: 'value' | 'key'): SourceLocation;
}

/** Deferred to run time (hooks) or to when they are used (vars), as dbt does. */
const UNRENDERED_TOP_LEVEL = new Set(['vars', 'on-run-start', 'on-run-end']);
const HOOK_KEYS = new Set(['pre-hook', 'post-hook', 'pre_hook', 'post_hook', '+pre-hook', '+post-hook', '+pre_hook', '+post_hook']);

/**
 * Reads, renders and validates `<projectDir>/dbt_project.yml`, applying dbt's defaults.
 * Throws E_NO_PROJECT when there is none, E_YAML_SYNTAX / E_YAML_SCHEMA (located) when it is bad.
 */
export function loadProjectFile(projectDir: string, options: LoadProjectOptions): LoadedProject {
  const abs = join(projectDir, PROJECT_FILE);
  if (!existsSync(abs)) {
    throw new LakeformError({
      code: 'E_NO_PROJECT',
      message: `no ${PROJECT_FILE} found in ${projectDir}`,
      hint: 'run lakeform init, or pass --project-dir',
    });
  }
  const { doc, warnings } = readYamlFile(abs, PROJECT_FILE);
  const rendered = renderValues(doc.value, [], {
    render: options.render,
    locate: (p) => doc.locate(p),
    skip: (path, key) => (path.length === 0 && UNRENDERED_TOP_LEVEL.has(key)) || HOOK_KEYS.has(key),
    convert: renderedBoolean,
  });
  const validation = validateDocument(doc, projectFileSchema, { value: rendered });
  const project = expectValid(validation);
  return { project, warnings: [...warnings, ...validation.warnings], locate: (p, part) => doc.locate(p, part) };
}

/**
 * `+enabled: "{{ var('x') | as_bool }}"` renders to text; a config tree value that rendered to
 * exactly True/False is a boolean, as dbt's native rendering makes it. Other text stays text.
 */
function renderedBoolean(rendered: string): unknown {
  if (rendered === 'True' || rendered === 'true') return true;
  if (rendered === 'False' || rendered === 'false') return false;
  return rendered;
}
