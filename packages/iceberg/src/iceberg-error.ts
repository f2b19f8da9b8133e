import { LakeformError } from '@lakeform/sql-compiler';

/** Every failure of the table format is a LakeformError with an `E_ICEBERG_*` code and a hint. */
export function icebergError(code: `E_ICEBERG_${string}`, message: string, hint: string, cause?: unknown): LakeformError {
  return new LakeformError({ code, message, hint, ...(cause === undefined ? {} : { cause }) });
}
