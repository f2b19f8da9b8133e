import * as z from 'zod';
import { boolLike, freeForm, looseString, opt } from './schema-kit.js';

/** packages.yml, and dependencies.yml (dbt 1.6+), which may also list cross-project `projects`. */

/** A package in a folder, relative to the project. */
export const localPackageSchema = z.looseObject({ local: z.string() });

/** A dbt Hub package: `dbt-labs/dbt_utils` with a version or a version range. */
export const hubPackageSchema = z.looseObject({
  package: z.string(),
  version: opt(z.union([looseString(), z.array(looseString())], { error: 'a version or a list of version ranges' })),
  'install-prerelease': opt(boolLike()),
});

export const gitPackageSchema = z.looseObject({
  git: z.string(),
  /** Branch, tag or commit; YAML may read a tag like 1.0 as a number. */
  revision: opt(looseString()),
  subdirectory: opt(z.string()),
  'warn-unpinned': opt(boolLike()),
});

export const tarballPackageSchema = z.looseObject({
  tarball: z.string(),
  name: opt(z.string()),
});

/** A private git package resolved through a dbt Cloud integration (`org/repo`). */
export const privatePackageSchema = z.looseObject({
  private: z.string(),
  provider: opt(z.string()),
  revision: opt(looseString()),
  subdirectory: opt(z.string()),
  'warn-unpinned': opt(boolLike()),
});

export const packageEntrySchema = z.union(
  [localPackageSchema, hubPackageSchema, gitPackageSchema, tarballPackageSchema, privatePackageSchema],
  {
    error:
      'one of {local: path}, {package: name, version: ...}, {git: url, revision: ...}, {tarball: url, name: ...} or {private: org/repo, revision: ...}',
  },
);

export const packagesFileSchema = z.looseObject({
  packages: opt(z.array(packageEntrySchema)),
  /** dbt Mesh upstream projects (dependencies.yml only); not used by Lakeform. */
  projects: opt(z.array(freeForm(z.looseObject({ name: z.string() })))),
});

export type PackageEntry = z.output<typeof packageEntrySchema>;
export type LocalPackage = z.output<typeof localPackageSchema>;
export type HubPackage = z.output<typeof hubPackageSchema>;
export type GitPackage = z.output<typeof gitPackageSchema>;
export type TarballPackage = z.output<typeof tarballPackageSchema>;
export type PrivatePackage = z.output<typeof privatePackageSchema>;
export type PackagesFile = z.output<typeof packagesFileSchema>;
