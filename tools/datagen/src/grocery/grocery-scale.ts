/** Sizes of the original Grocery Sales Database, which `--sales` scales from. */
export const FULL_SALES = 6_758_125;
export const FULL_CUSTOMERS = 98_759;
export const MIN_CUSTOMERS = 100;

export const CITY_COUNT = 96;
export const EMPLOYEE_COUNT = 23;
export const PRODUCT_COUNT = 452;

export const DEFAULT_DAYS_FROM = '2018-01-01';
export const DEFAULT_DAYS_TO = '2018-05-09';

/** Customers grow with the sales so every customer keeps buying about as often as in the original. */
export function customerCountFor(sales: number): number {
  return Math.max(MIN_CUSTOMERS, Math.round((FULL_CUSTOMERS * sales) / FULL_SALES));
}
