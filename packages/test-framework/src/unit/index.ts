export { runUnitTests, type UnitTestResult } from './run-unit-tests.js';
export { diffRows, diffMessage, canonicalValue, DIFF_ROWS_SHOWN, type RowDiff } from './row-diff.js';
export { castTypeForResult } from './engine-column-type.js';
