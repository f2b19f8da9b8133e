export { compileUnitTest, type CompiledUnitTest } from './compile-unit-test.js';
export { readUnitTest, type StoredUnitTest, type UnitTestEntry } from './unit-test-entry.js';
export { fixtureSelect, castType, quoteIdent, type FixtureColumn } from './fixture-sql.js';
export { parseCsvFixture, type CsvTable } from './csv-fixture.js';
export { unitTestError, type UnitTestOrigin } from './unit-test-error.js';
