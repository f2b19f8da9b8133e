/** The seven tables of the Grocery Sales Database and their CSV headers, in source order. */
export const GROCERY_COLUMNS = {
  categories: ['CategoryID', 'CategoryName'],
  cities: ['CityID', 'CityName', 'Zipcode', 'CountryID'],
  countries: ['CountryID', 'CountryName', 'CountryCode'],
  customers: ['CustomerID', 'FirstName', 'MiddleInitial', 'LastName', 'CityID', 'Address'],
  employees: ['EmployeeID', 'FirstName', 'MiddleInitial', 'LastName', 'BirthDate', 'Gender', 'CityID', 'HireDate'],
  products: ['ProductID', 'ProductName', 'Price', 'CategoryID', 'Class', 'ModifyDate', 'Resistant', 'IsAllergic', 'VitalityDays'],
  sales: ['SalesID', 'SalesPersonID', 'CustomerID', 'ProductID', 'Quantity', 'Discount', 'TotalPrice', 'SalesDate', 'TransactionNumber'],
} as const satisfies Record<string, readonly string[]>;

export type GroceryTable = keyof typeof GROCERY_COLUMNS;

/** The tables written as one file each; sales are written as one file per day. */
export type SingleFileGroceryTable = Exclude<GroceryTable, 'sales'>;

export const GROCERY_TABLES = Object.keys(GROCERY_COLUMNS) as readonly GroceryTable[];

/** `<table>/<table>.csv`: one folder per table, like the S3 prefixes `raw/<table>/`. */
export function groceryTableFile(table: SingleFileGroceryTable): string {
  return `${table}/${table}.csv`;
}

/** The Hive partition column of the sales folder (an Athena external table partitioned by `dt`). */
export const SALES_PARTITION_COLUMN = 'dt';

/**
 * `sales/dt=YYYY-MM-DD/sales.csv`: one day of sales, laid out like a raw landing zone that
 * receives one drop per day.
 */
export function salesDayFile(day: string): string {
  return `sales/${SALES_PARTITION_COLUMN}=${day}/sales.csv`;
}

/** Matches exactly the paths `salesDayFile` produces. */
export const SALES_DAY_FILE_PATTERN = /^sales\/dt=\d{4}-\d{2}-\d{2}\/sales\.csv$/;
