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

export const GROCERY_TABLES = Object.keys(GROCERY_COLUMNS) as readonly GroceryTable[];

/** `<table>/<table>.csv`: one folder per table, like the S3 prefixes `raw/<table>/`. */
export function groceryTableFile(table: GroceryTable): string {
  return `${table}/${table}.csv`;
}

/** `sales/sales_YYYYMMDD.csv`: one extra day of sales written by `--append-day`. */
export function appendedSalesFile(compactDay: string): string {
  return `sales/sales_${compactDay}.csv`;
}
