import { z } from 'zod';
import { LakeformError } from '../errors.js';
import type { Manifest } from '../manifest/schema.js';
import { unitTestEntrySchema } from '../project/schema-file-schema.js';
import { closestName } from '../suggest.js';
import type { UnitTestOrigin } from './unit-test-error.js';

/** A unit test as the manifest stores it: the raw YAML entry plus where it came from. */
const storedUnitTestSchema = z.looseObject({
  ...unitTestEntrySchema.shape,
  unique_id: z.string(),
  package_name: z.string(),
  original_file_path: z.string(),
});

export type StoredUnitTest = z.output<typeof storedUnitTestSchema>;

export interface UnitTestEntry {
  origin: UnitTestOrigin;
  entry: StoredUnitTest;
}

/** Finds a unit test by unique id or by name, validating the entry the manifest holds. */
export function readUnitTest(manifest: Manifest, idOrName: string): UnitTestEntry {
  const all = manifest.unit_tests;
  let raw = all[idOrName];
  if (raw === undefined) {
    const byName = Object.entries(all).filter(([, v]) => (v as { name?: unknown } | null)?.name === idOrName);
    if (byName.length === 1) raw = byName[0]![1];
  }
  if (raw === undefined) {
    const near = closestName(idOrName, [...Object.keys(all), ...Object.values(all).map((v) => String((v as { name?: unknown } | null)?.name ?? ''))]);
    throw new LakeformError({
      code: 'E_UNIT_TEST_UNKNOWN',
      message: `'${idOrName}' is not a unit test of this project`,
      hint: near ? `did you mean '${near}'?` : 'unit tests are declared under unit_tests: in a .yml file in the model paths',
    });
  }
  const parsed = storedUnitTestSchema.safeParse(raw);
  if (!parsed.success) {
    const file = String((raw as { original_file_path?: unknown } | null)?.original_file_path ?? 'unknown file');
    throw new LakeformError({
      code: 'E_UNIT_TEST_INVALID',
      message: `unit test '${idOrName}' (${file}) is not a valid entry: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      location: { file },
      hint: 'a unit test needs name, model, given (input + rows or fixture) and expect',
    });
  }
  const entry = parsed.data;
  return { origin: { uniqueId: entry.unique_id, name: entry.name, file: entry.original_file_path }, entry };
}
