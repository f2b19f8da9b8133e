import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LakeformError, type Warning } from '../errors.js';
import { loadPackagesFile, loadProjectFile, type ProjectFile } from '../project/index.js';
import { discoverFiles, type DiscoveredFiles, type ResourcePaths } from '../parse/discover-files.js';
import { builtinHubNames, builtinPackageDir, builtinPackageFor, INTERNAL_PACKAGE } from './builtin-packages.js';

export interface PackageInfo {
  name: string;
  dir: string;
  project: ProjectFile;
  files: DiscoveredFiles;
  kind: 'root' | 'local' | 'builtin' | 'installed' | 'internal';
}

export type YamlRender = (template: string, where: { file: string; line?: number; column?: number }) => string;

export function resourcePathsOf(project: ProjectFile): ResourcePaths {
  const p = project as Record<string, unknown>;
  const list = (k: string, d: string[]) => (Array.isArray(p[k]) ? (p[k] as string[]) : d);
  const models = list('model-paths', list('source-paths', ['models']));
  const seeds = list('seed-paths', list('data-paths', ['seeds']));
  const snapshots = list('snapshot-paths', ['snapshots']);
  const tests = list('test-paths', ['tests']);
  const macros = list('macro-paths', ['macros']);
  const analyses = list('analysis-paths', ['analyses']);
  const docs = list('docs-paths', [...new Set([...models, ...seeds, ...snapshots, ...tests, ...macros, ...analyses])]);
  return { models, seeds, snapshots, tests, macros, analyses, docs };
}

function loadOne(dir: string, kind: PackageInfo['kind'], render: YamlRender, warnings: Warning[]): PackageInfo {
  const { project, warnings: w } = loadProjectFile(dir, { render });
  if (kind === 'root') warnings.push(...w);
  const files = discoverFiles(dir, resourcePathsOf(project));
  return { name: project.name, dir, project, files, kind };
}

/**
 * The root project and every package it uses: packages.yml `local:` paths, hub packages Lakeform
 * ships (dbt_utils, dbt_expectations, dbt_date), packages already installed under dbt_packages/,
 * and the internal `dbt` package that holds dbt's own macros.
 */
export function loadPackages(projectDir: string, render: YamlRender): { packages: PackageInfo[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const root = loadOne(projectDir, 'root', render, warnings);
  const packages: PackageInfo[] = [root];
  const seen = new Set([root.name]);
  const add = (p: PackageInfo) => {
    if (seen.has(p.name)) return;
    seen.add(p.name);
    packages.push(p);
  };
  const pf = loadPackagesFile(projectDir);
  if (pf) {
    warnings.push(...pf.warnings);
    const installDir = join(projectDir, String((root.project as Record<string, unknown>)['packages-install-path'] ?? 'dbt_packages'));
    for (const spec of pf.packages as Record<string, unknown>[]) {
      if (typeof spec['local'] === 'string') {
        const dir = resolve(projectDir, spec['local']);
        if (!existsSync(join(dir, 'dbt_project.yml'))) {
          throw new LakeformError({
            code: 'E_PACKAGE_NOT_FOUND',
            message: `local package '${spec['local']}' has no dbt_project.yml (looked in ${dir})`,
            location: { file: 'packages.yml' },
            hint: 'fix the local: path in packages.yml',
          });
        }
        add(loadOne(dir, 'local', render, warnings));
        continue;
      }
      const hub = typeof spec['package'] === 'string' ? spec['package'] : undefined;
      const builtin = hub ? builtinPackageFor(hub) : undefined;
      if (builtin) {
        add(loadOne(builtinPackageDir(builtin), 'builtin', render, warnings));
        continue;
      }
      const label = hub ?? (typeof spec['git'] === 'string' ? spec['git'] : JSON.stringify(spec));
      const guessName = label.split('/').pop()!.replace(/\.git$/, '');
      const installed = [join(installDir, guessName)].find((d) => existsSync(join(d, 'dbt_project.yml')));
      if (installed) {
        add(loadOne(installed, 'installed', render, warnings));
        continue;
      }
      throw new LakeformError({
        code: 'E_PACKAGE_UNAVAILABLE',
        message: `package '${label}' is neither built into Lakeform nor installed under ${installDir}`,
        location: { file: 'packages.yml' },
        hint: `Lakeform installs nothing from the network. Built in: ${builtinHubNames().join(', ')}. Vendor other packages into the repo and list them with local: <path>`,
      });
    }
  }
  add(loadOne(builtinPackageDir(INTERNAL_PACKAGE), 'internal', render, warnings));
  return { packages, warnings };
}
