import { LakeformError } from '../errors.js';

/** Where a unit test is defined: every unit-test error names the test and its YAML file. */
export interface UnitTestOrigin {
  uniqueId: string;
  name: string;
  file: string;
}

export function unitTestError(origin: UnitTestOrigin, code: string, message: string, hint: string, cause?: unknown): LakeformError {
  return new LakeformError({
    code,
    message: `unit test '${origin.name}' (${origin.file}): ${message}`,
    location: { file: origin.file },
    node: origin.uniqueId,
    hint,
    ...(cause === undefined ? {} : { cause }),
  });
}
