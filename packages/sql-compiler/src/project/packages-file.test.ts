import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../../test/fixtures/yaml/fake-render.js';
import { LakeformError } from '../errors.js';
import { loadPackagesFile } from './packages-file.js';

describe('loadPackagesFile', () => {
  it('reads hub, git, local and tarball packages', () => {
    const loaded = loadPackagesFile(join(FIXTURES, 'athena-project'));
    expect(loaded?.file).toBe('packages.yml');
    expect(loaded?.packages).toEqual([
      { package: 'dbt-labs/dbt_utils', version: ['>=1.1.0', '<2.0.0'] },
      { git: 'https://github.com/dbt-labs/dbt-external-tables.git', revision: '0.9.0' },
      { local: '../shared_macros' },
      { tarball: 'https://example.com/pkg.tar.gz', name: 'pkg' },
    ]);
    expect(loaded?.warnings).toEqual([]);
  });

  it('is undefined without a packages file', () => {
    expect(loadPackagesFile(tempDir())).toBeUndefined();
  });

  it('reads dependencies.yml', () => {
    const dir = tempDir({ 'dependencies.yml': 'projects:\n  - name: core\npackages:\n  - package: dbt-labs/codegen\n    version: 0.12.1\n' });
    expect(loadPackagesFile(dir)?.packages).toEqual([{ package: 'dbt-labs/codegen', version: '0.12.1' }]);
  });

  it('an entry of no known kind lists the kinds', () => {
    const dir = tempDir({ 'packages.yml': 'packages:\n  - pacakge: dbt-labs/dbt_utils\n' });
    let error: unknown;
    try {
      loadPackagesFile(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LakeformError);
    expect((error as LakeformError).message).toMatch(/^packages\[0\] must be one of \{local: path\}, \{package: name/);
    expect((error as LakeformError).location).toEqual({ file: 'packages.yml', line: 2, column: 5 });
  });

  it('packages in both files is an error', () => {
    const dir = tempDir({ 'dependencies.yml': 'packages:\n  - local: a\n' });
    cpSync(join(FIXTURES, 'athena-project/packages.yml'), join(dir, 'packages.yml'));
    expect(() => loadPackagesFile(dir)).toThrow(/both packages.yml and dependencies.yml/);
  });
});
