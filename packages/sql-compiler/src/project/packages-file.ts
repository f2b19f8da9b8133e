import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LakeformError, type SourceLocation, type Warning } from '../errors.js';
import { packagesFileSchema, type PackageEntry } from './packages-file-schema.js';
import { expectValid, validateDocument } from './validate.js';
import { readYamlFile } from './yaml-document.js';
import type { YamlPath } from './yaml-path.js';

export interface LoadedPackages {
  packages: PackageEntry[];
  /** 'packages.yml' or 'dependencies.yml'. */
  file: string;
  warnings: Warning[];
  locate(path: YamlPath, part?: 'value' | 'key'): SourceLocation;
}

/**
 * The project's package list, from packages.yml or dependencies.yml; undefined when neither
 * exists (or neither lists packages). Listing packages in both is an error, as in dbt.
 */
export function loadPackagesFile(projectDir: string): LoadedPackages | undefined {
  const found: LoadedPackages[] = [];
  for (const name of ['packages.yml', 'dependencies.yml']) {
    const abs = join(projectDir, name);
    if (!existsSync(abs)) continue;
    const { doc, warnings } = readYamlFile(abs, name);
    const validation = validateDocument(doc, packagesFileSchema);
    const parsed = expectValid(validation);
    if (parsed.packages === undefined) continue;
    found.push({
      packages: parsed.packages,
      file: name,
      warnings: [...warnings, ...validation.warnings],
      locate: (p, part) => doc.locate(p, part),
    });
  }
  if (found.length > 1) {
    throw new LakeformError({
      code: 'E_PACKAGES_CONFLICT',
      message: 'packages are listed in both packages.yml and dependencies.yml',
      location: found[1]!.locate(['packages']),
      hint: 'keep the package list in one of the two files',
    });
  }
  return found[0];
}
