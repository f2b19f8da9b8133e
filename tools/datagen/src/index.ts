export { generateGrocery, DEFAULT_SEED } from './grocery/generate-grocery.js';
export type { GroceryOptions } from './grocery/grocery-options.js';
export type { GrocerySummary, GroceryFileSummary } from './grocery/grocery-summary.js';
export {
  GROCERY_COLUMNS,
  GROCERY_TABLES,
  groceryTableFile,
  salesDayFile,
  SALES_PARTITION_COLUMN,
  type GroceryTable,
  type SingleFileGroceryTable,
} from './grocery/grocery-tables.js';
export { GROCERY_MANIFEST_FILE, GROCERY_MANIFEST_FORMAT_VERSION, type GroceryManifest, type SalesDayFile } from './grocery/grocery-manifest.js';
export { FULL_SALES, FULL_CUSTOMERS, customerCountFor, DEFAULT_DAYS_FROM, DEFAULT_DAYS_TO } from './grocery/grocery-scale.js';
export { EMPTY_SALES_DATE_SHARE } from './grocery/sales-rows.js';
export { runDatagen, type DatagenOutput } from './datagen-program.js';
