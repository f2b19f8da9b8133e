/**
 * Project loading: dbt_project.yml, profiles.yml, properties (schema) YAML files and
 * packages.yml / dependencies.yml, in dbt's formats, with located errors and warnings.
 */
export { loadProjectFile, PROJECT_FILE, type LoadProjectOptions, type LoadedProject } from './project-file.js';
export {
  DEFAULT_LOCAL_TARGET,
  findProfilesFile,
  loadProfile,
  PROFILES_FILE,
  type Env,
  type LoadedProfile,
  type LoadProfileOptions,
} from './profiles.js';
export { loadSchemaFile, parseSchemaFile, type LoadedSchemaFile } from './schema-file.js';
export { loadPackagesFile, type LoadedPackages } from './packages-file.js';

export { parseYaml, readYamlFile, type ParsedYaml, type YamlDocument } from './yaml-document.js';
export { formatPath, type YamlPath } from './yaml-path.js';
export { expectValid, validateDocument, YamlSchemaError, type ValidateOptions, type Validation } from './validate.js';
export { hasJinja, renderValues, type RenderFn, type RenderValuesOptions } from './render-values.js';
export { closestName, editDistance } from './closest-name.js';

export {
  mergeConfigs,
  normalizeConfig,
  normalizeConfigKey,
  resolveFolderConfig,
  type NodeConfig,
} from './folder-config.js';
export { listTests, normalizeTestEntry, TEST_CONFIG_KEYS, type NormalizedTest, type TestRef } from './test-entry.js';

export {
  configTreeSchema,
  dispatchEntrySchema,
  projectFileSchema,
  type ConfigTreeKind,
  type DispatchEntry,
  type ProjectFile,
} from './project-file-schema.js';
export {
  athenaTargetSchema,
  duckdbTargetSchema,
  engineOf,
  localTargetSchema,
  profileSchema,
  profilesFileSchema,
  profileTargetSchema,
  type AthenaTarget,
  type DuckdbTarget,
  type Engine,
  type LocalTarget,
  type Profile,
  type ProfilesFile,
  type ProfileTarget,
} from './profiles-file-schema.js';
export {
  analysisEntrySchema,
  columnEntrySchema,
  columnIncludeExcludeSchema,
  configBlockSchema,
  constraintSchema,
  exposureEntrySchema,
  externalTableSchema,
  freshnessSchema,
  groupEntrySchema,
  macroEntrySchema,
  modelEntrySchema,
  modelVersionSchema,
  schemaFileSchema,
  seedEntrySchema,
  singularTestEntrySchema,
  snapshotEntrySchema,
  sourceEntrySchema,
  sourceTableEntrySchema,
  testEntrySchema,
  unitTestEntrySchema,
  type AnalysisEntry,
  type ColumnEntry,
  type ColumnIncludeExclude,
  type ConfigBlock,
  type ConstraintEntry,
  type ExposureEntry,
  type ExternalTable,
  type Freshness,
  type GroupEntry,
  type MacroEntry,
  type ModelEntry,
  type ModelVersionEntry,
  type SchemaFile,
  type SeedEntry,
  type SingularTestEntry,
  type SnapshotEntry,
  type SourceEntry,
  type SourceTableEntry,
  type TestEntry,
  type UnitTestEntry,
} from './schema-file-schema.js';
export {
  packageEntrySchema,
  packagesFileSchema,
  type GitPackage,
  type HubPackage,
  type LocalPackage,
  type PackageEntry,
  type PackagesFile,
  type PrivatePackage,
  type TarballPackage,
} from './packages-file-schema.js';
