import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LakeformError } from '@lakeform/sql-compiler';
import { csvTable, DuckDbSession } from '../test-support/duckdb-session.js';
import { generateGrocery } from './generate-grocery.js';
import { parseCalendarDay } from '../time/calendar-day.js';
import { GROCERY_MANIFEST_FILE, readGroceryManifest, type GroceryManifest } from './grocery-manifest.js';
import { customerCountFor } from './grocery-scale.js';
import type { GrocerySummary } from './grocery-summary.js';
import { productRows } from './products.js';
import { countryRows } from './countries.js';
import { salesChunks } from './sales-rows.js';
import { dailySalesVolumes } from './sales-volume.js';

const SALES = 20_000;
const SEED = 11;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;

const root = mkdtempSync(join(tmpdir(), 'lakeform-datagen-'));
const dir = (name: string): string => join(root, name);
const file = (outDir: string, table: string): string => join(outDir, table, `${table}.csv`);
const dayFile = (outDir: string, day: string): string => join(outDir, 'sales', `dt=${day}`, 'sales.csv');
/** The `dt=` folders of a data set, in name (= date) order. */
const dayFolders = (outDir: string): string[] => readdirSync(join(outDir, 'sales')).sort();
/** All sales of a data set, with the partition column `dt` the folder names give them. */
const salesTable = (outDir: string): string => csvTable(join(outDir, 'sales', 'dt=*', 'sales.csv'), { hivePartitioning: true });
/** Every sales file of a data set, in date order, as one buffer. */
const salesBytes = (outDir: string): Buffer => Buffer.concat(dayFolders(outDir).map((d) => readFileSync(join(outDir, 'sales', d, 'sales.csv'))));
const currentManifest = async (outDir: string): Promise<GroceryManifest> => {
  const manifest = await readGroceryManifest(outDir);
  if (manifest?.formatVersion !== 2) throw new Error(`no current manifest in ${outDir}`);
  return manifest;
};
const TABLES = ['categories', 'cities', 'countries', 'customers', 'employees', 'products', 'sales'] as const;
const SINGLE_FILE_TABLES = TABLES.filter((table) => table !== 'sales');
const SALES_HEADER = 'SalesID,SalesPersonID,CustomerID,ProductID,Quantity,Discount,TotalPrice,SalesDate,TransactionNumber';

let db: DuckDbSession;
let summary: GrocerySummary;
const main = dir('main');
const t = (table: string): string => (table === 'sales' ? salesTable(main) : csvTable(file(main, table)));

beforeAll(async () => {
  db = await DuckDbSession.open();
  summary = await generateGrocery({ outDir: main, sales: SALES, seed: SEED });
});

afterAll(() => {
  db.close();
  rmSync(root, { recursive: true, force: true });
});

describe('generateGrocery: files and headers', () => {
  it('writes the seven tables, one folder each, sales one dt= folder per day, and reports them', () => {
    expect(readdirSync(main).sort()).toEqual([GROCERY_MANIFEST_FILE, ...TABLES].sort());
    for (const table of SINGLE_FILE_TABLES) expect(readdirSync(join(main, table))).toEqual([`${table}.csv`]);
    const folders = dayFolders(main);
    expect(folders).toHaveLength(129);
    expect(folders[0]).toBe('dt=2018-01-01');
    expect(folders.at(-1)).toBe('dt=2018-05-09');
    for (const folder of folders) expect(readdirSync(join(main, 'sales', folder))).toEqual(['sales.csv']);
    expect(summary.files.map((f) => [f.file, f.files])).toEqual([
      ...SINGLE_FILE_TABLES.map((table) => [`${table}/${table}.csv`, 1]),
      ['sales/dt=2018-01-01..dt=2018-05-09/sales.csv', 129],
    ]);
    expect(summary.mode).toBe('full');
    expect(summary.sales).toEqual({ firstSalesId: 1, lastSalesId: SALES, daysFrom: '2018-01-01', daysTo: '2018-05-09' });
  });

  it('writes the exact CamelCase headers of the Grocery Sales Database', () => {
    const expected: Record<(typeof TABLES)[number], string> = {
      categories: 'CategoryID,CategoryName',
      cities: 'CityID,CityName,Zipcode,CountryID',
      countries: 'CountryID,CountryName,CountryCode',
      customers: 'CustomerID,FirstName,MiddleInitial,LastName,CityID,Address',
      employees: 'EmployeeID,FirstName,MiddleInitial,LastName,BirthDate,Gender,CityID,HireDate',
      products: 'ProductID,ProductName,Price,CategoryID,Class,ModifyDate,Resistant,IsAllergic,VitalityDays',
      sales: SALES_HEADER,
    };
    for (const table of SINGLE_FILE_TABLES) {
      const text = readFileSync(file(main, table), 'utf8');
      expect(text.slice(0, text.indexOf('\n'))).toBe(expected[table]);
    }
    for (const folder of dayFolders(main)) {
      const text = readFileSync(join(main, 'sales', folder, 'sales.csv'), 'utf8');
      expect(text.slice(0, text.indexOf('\n')), folder).toBe(expected.sales);
    }
  });

  it('has the row counts of the original for the small tables and scales customers with sales', async () => {
    // 98,759 customers at 6,758,125 sales
    const expected = { categories: 11, cities: 96, countries: 206, customers: 292, employees: 23, products: 452, sales: SALES };
    for (const table of TABLES) {
      expect(await db.value(`select count(*) from ${t(table)}`), table).toBe(BigInt(expected[table]));
      expect(summary.rows[table], table).toBe(expected[table]);
    }
  });

  it('never uses fewer than 100 customers, and writes a file for every day, also days without sales', async () => {
    const out = dir('tiny');
    const tiny = await generateGrocery({ outDir: out, sales: 50, seed: 1 });
    expect(tiny.rows.customers).toBe(100);
    expect(tiny.rows.sales).toBe(50);
    // 50 sales over 129 days: most days have none, and their partitions hold just the header
    expect(dayFolders(out)).toHaveLength(129);
    const sizes = dayFolders(out).map((d) => readFileSync(join(out, 'sales', d, 'sales.csv'), 'utf8').trimEnd().split('\n').length - 1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(50);
    expect(sizes.filter((n) => n === 0).length).toBeGreaterThan(70);
    const manifest = await currentManifest(out);
    expect(manifest.salesFiles.map((f) => f.rows)).toEqual(sizes);
  });

  it('has unique primary keys numbered from 1', async () => {
    const keys: Record<string, string> = {
      categories: 'CategoryID', cities: 'CityID', countries: 'CountryID', customers: 'CustomerID',
      employees: 'EmployeeID', products: 'ProductID', sales: 'SalesID',
    };
    for (const [table, key] of Object.entries(keys)) {
      const [row] = await db.rows(`select count(*), count(distinct ${key}), min(${key}::bigint), max(${key}::bigint) from ${t(table)}`);
      expect(row?.[1], table).toBe(row?.[0]);
      expect(row?.[2], table).toBe(1n);
      expect(row?.[3], table).toBe(row?.[0]);
    }
  });
});

describe('generateGrocery: foreign keys', () => {
  const references: [from: string, column: string, to: string, key: string][] = [
    ['sales', 'SalesPersonID', 'employees', 'EmployeeID'],
    ['sales', 'CustomerID', 'customers', 'CustomerID'],
    ['sales', 'ProductID', 'products', 'ProductID'],
    ['customers', 'CityID', 'cities', 'CityID'],
    ['employees', 'CityID', 'cities', 'CityID'],
    ['cities', 'CountryID', 'countries', 'CountryID'],
    ['products', 'CategoryID', 'categories', 'CategoryID'],
  ];
  for (const [from, column, to, key] of references) {
    it(`every ${from}.${column} refers to an existing ${to}.${key}`, async () => {
      const orphans = await db.value(
        `select count(*) from ${t(from)} f where f.${column} is null or not exists (select 1 from ${t(to)} r where r.${key} = f.${column})`,
      );
      expect(orphans).toBe(0n);
    });
  }

  it('sells to many customers and products, by every employee', async () => {
    const [row] = await db.rows(`select count(distinct SalesPersonID), count(distinct ProductID), count(distinct CustomerID) from ${t('sales')}`);
    expect(row).toEqual([23n, 452n, 292n]);
  });
});

describe('generateGrocery: sales day partitions', () => {
  it('holds, without the headers, exactly the rows of one continuous run of the generator over the range', () => {
    const days = dailySalesVolumes(SEED, SALES, parseCalendarDay('2018-01-01', 'from'), parseCalendarDay('2018-05-09', 'to'));
    const expected = [...salesChunks({ seed: SEED, firstSalesId: 1, customers: customerCountFor(SALES), days })].join('');
    const bodies = dayFolders(main).map((d) => {
      const text = readFileSync(join(main, 'sales', d, 'sales.csv'), 'utf8');
      return text.slice(text.indexOf('\n') + 1);
    });
    expect(bodies.join('')).toBe(expected);
  });

  it('puts every sale in the folder of its day, the ones with an empty SalesDate too', async () => {
    const misplaced = await db.value(`select count(*) from ${t('sales')} where SalesDate is not null and left(SalesDate, 10) <> dt::varchar`);
    expect(misplaced).toBe(0n);
    // SalesIDs run without gaps through the days, so a row with an empty date sits between the
    // rows generated before and after it for the same day
    const perDay = await db.rows(
      `select dt::varchar, min(SalesID::bigint), max(SalesID::bigint), count(*), count(*) filter (where SalesDate is null)
       from ${t('sales')} group by all order by 1`,
    );
    const manifest = await currentManifest(main);
    expect(perDay.map((r) => [r[0], Number(r[1]), Number(r[3])])).toEqual(manifest.salesFiles.map((f) => [f.day, f.firstSalesId, f.rows]));
    for (const row of perDay) expect(Number(row[2]) - Number(row[1]) + 1, String(row[0])).toBe(Number(row[3]));
    expect(perDay.some((r) => Number(r[4]) > 0)).toBe(true);
    expect(manifest.salesFiles.map((f) => f.file)).toEqual(dayFolders(main).map((d) => `sales/${d}/sales.csv`));
  });
});

describe('generateGrocery: sales values', () => {
  it('leaves about 1 % of SalesDate empty', async () => {
    const empty = Number(await db.value(`select count(*) from ${t('sales')} where SalesDate is null`));
    expect(empty / SALES).toBeGreaterThan(0.006);
    expect(empty / SALES).toBeLessThan(0.014);
    // empty, not a placeholder: the raw line has nothing between the commas
    expect(salesBytes(main).toString('utf8')).toMatch(/\n\d+,\d+,\d+,\d+,\d+,[0-9.]+,0,,[A-Z0-9]{18}\n/);
  });

  it('formats SalesDate as yyyy-MM-dd HH:mm:ss.SSS within the day range, in date order', async () => {
    const dates = (await db.rows(`select SalesDate from ${t('sales')} where SalesDate is not null order by SalesID::bigint`)).map((r) => String(r[0]));
    expect(dates.every((d) => TIMESTAMP.test(d))).toBe(true);
    expect(dates[0]! >= '2018-01-01 00:00:00.000').toBe(true);
    expect(dates.at(-1)! <= '2018-05-09 23:59:59.999').toBe(true);
    expect(dates.at(-1)!.startsWith('2018-05-09')).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    const days = new Set(dates.map((d) => d.slice(0, 10)));
    expect(days.size).toBe(129);
  });

  it('keeps Quantity in 1..25, Discount in {0, 0.1, 0.2}, TotalPrice 0 and TransactionNumber unique', async () => {
    const [row] = await db.rows(
      `select min(Quantity::int), max(Quantity::int), list(distinct Discount order by Discount), list(distinct TotalPrice),
              count(distinct TransactionNumber), bool_and(regexp_full_match(TransactionNumber, '[A-Z0-9]{18}'))
       from ${t('sales')}`,
    );
    expect(row).toEqual([1, 25, ['0', '0.1', '0.2'], ['0'], BigInt(SALES), true]);
  });

  it('honours --days-from and --days-to', async () => {
    const out = dir('march');
    const s = await generateGrocery({ outDir: out, sales: 3000, seed: 2, daysFrom: '2018-03-01', daysTo: '2018-03-03' });
    expect(s.sales.daysFrom).toBe('2018-03-01');
    const days = await db.rows(`select distinct left(SalesDate, 10) d from ${salesTable(out)} where SalesDate is not null order by d`);
    expect(days.map((r) => r[0])).toEqual(['2018-03-01', '2018-03-02', '2018-03-03']);
    expect(dayFolders(out)).toEqual(['dt=2018-03-01', 'dt=2018-03-02', 'dt=2018-03-03']);
    expect(s.files.at(-1)).toEqual({ table: 'sales', file: 'sales/dt=2018-03-01..dt=2018-03-03/sales.csv', files: 3, rows: 3000 });
  });

  it('rejects a day range that ends before it starts', async () => {
    await expect(generateGrocery({ outDir: dir('backwards'), sales: 10, daysFrom: '2018-03-03', daysTo: '2018-03-01' })).rejects.toMatchObject({
      code: 'E_DATAGEN_EMPTY_DAY_RANGE',
    });
  });
});

describe('generateGrocery: dimension values', () => {
  it('uses the documented formats and value sets', async () => {
    const [employees] = await db.rows(
      `select bool_and(regexp_full_match(BirthDate, '\\d{4}-\\d{2}-\\d{2} 00:00:00\\.000')),
              bool_and(regexp_full_match(HireDate, '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}')),
              list(distinct Gender order by Gender)
       from ${t('employees')}`,
    );
    expect(employees).toEqual([true, true, ['F', 'M']]);
    const [products] = await db.rows(
      `select bool_and(regexp_full_match(ModifyDate, '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}')),
              bool_and(regexp_full_match(Price, '\\d+\\.\\d{4}')),
              list(distinct Class order by Class), list(distinct Resistant order by Resistant),
              list(distinct IsAllergic order by IsAllergic), bool_and(VitalityDays::int >= 0),
              count(distinct ProductName)
       from ${t('products')}`,
    );
    expect(products).toEqual([true, true, ['High', 'Low', 'Medium'], ['Durable', 'Unknown', 'Weak'], ['False', 'True', 'Unknown'], true, 452n]);
    const [codes] = await db.rows(`select bool_and(regexp_full_match(CountryCode, '[A-Z]{2}')), count(distinct CountryCode) from ${t('countries')}`);
    expect(codes).toEqual([true, 206n]);
    const zips = await db.value(`select bool_and(regexp_full_match(Zipcode, '\\d{5}')) from ${t('cities')}`);
    expect(zips).toBe(true);
  });
});

describe('generateGrocery: CSV quoting', () => {
  it('reads back every product field exactly, including names with commas and quotes', async () => {
    const expected = productRows(SEED);
    expect(expected.some((r) => r[1]!.includes(','))).toBe(true);
    expect(expected.some((r) => r[1]!.includes('"'))).toBe(true);
    const parsed = await db.rows(`select * from ${t('products')} order by ProductID::int`);
    expect(parsed).toEqual(expected);
    expect(readFileSync(file(main, 'products'), 'utf8')).toMatch(/,"[^"\n]*""[^"\n]*""[^\n]*",/);
  });

  it('reads back country names with commas and apostrophes', async () => {
    const parsed = await db.rows(`select * from ${t('countries')} order by CountryID::int`);
    expect(parsed).toEqual(countryRows());
    expect(parsed.some((r) => String(r[1]).includes(', '))).toBe(true);
  });

  it('keeps customer addresses with a comma in one column', async () => {
    const [row] = await db.rows(`select count(*) filter (where Address like '%, %'), count(*) filter (where Address is null) from ${t('customers')}`);
    expect(Number(row?.[0])).toBeGreaterThan(0);
    expect(row?.[1]).toBe(0n);
  });
});

describe('generateGrocery: determinism', () => {
  const read = (outDir: string): Record<string, Buffer> =>
    Object.fromEntries([
      ...SINGLE_FILE_TABLES.map((table) => [table, readFileSync(file(outDir, table))]),
      ['sales', salesBytes(outDir)],
      ['manifest', readFileSync(join(outDir, GROCERY_MANIFEST_FILE))],
    ]);

  it('writes byte-identical files for the same options', async () => {
    await generateGrocery({ outDir: dir('again'), sales: SALES, seed: SEED });
    expect(dayFolders(dir('again'))).toEqual(dayFolders(main));
    const a = read(main);
    const b = read(dir('again'));
    for (const name of Object.keys(a)) expect(a[name]!.equals(b[name]!), name).toBe(true);
  });

  it('writes different data for another seed', async () => {
    await generateGrocery({ outDir: dir('other-seed'), sales: SALES, seed: SEED + 1 });
    const a = read(main);
    const b = read(dir('other-seed'));
    for (const table of ['cities', 'customers', 'employees', 'products', 'sales']) expect(a[table]!.equals(b[table]!), table).toBe(false);
    // the fixed reference lists do not depend on the seed
    expect(a['categories']!.equals(b['categories']!)).toBe(true);
  });
});

describe('generateGrocery: --append-day', () => {
  const out = dir('daily');

  beforeAll(async () => {
    await generateGrocery({ outDir: out, sales: 5000, seed: 5 });
  });

  it('writes only the new day as its own partition, continuing SalesID and keeping TransactionNumber unique', async () => {
    const s = await generateGrocery({ outDir: out, appendDay: '2018-05-10' });
    expect(s.mode).toBe('append-day');
    expect(s.seed).toBe(5);
    // by default the average day of the data set: 5000 sales over 129 days
    expect(s.files).toEqual([{ table: 'sales', file: 'sales/dt=2018-05-10/sales.csv', files: 1, rows: 39 }]);
    expect(s.sales).toEqual({ firstSalesId: 5001, lastSalesId: 5039, daysFrom: '2018-05-10', daysTo: '2018-05-10' });
    expect(dayFolders(out)).toHaveLength(130);
    expect(dayFolders(out).at(-1)).toBe('dt=2018-05-10');
    expect(readdirSync(join(out, 'sales', 'dt=2018-05-10'))).toEqual(['sales.csv']);

    const day = csvTable(dayFile(out, '2018-05-10'));
    const ids = (await db.rows(`select SalesID::bigint from ${day}`)).map((r) => r[0]);
    expect(ids).toEqual(Array.from({ length: 39 }, (_, i) => BigInt(5001 + i)));
    const days = await db.rows(`select distinct left(SalesDate, 10) from ${day} where SalesDate is not null`);
    expect(days).toEqual([['2018-05-10']]);
    const [row] = await db.rows(`select count(*), count(distinct SalesID), count(distinct TransactionNumber) from ${salesTable(out)}`);
    expect(row).toEqual([5039n, 5039n, 5039n]);
    const orphans = await db.value(`select count(*) from ${day} s where not exists (select 1 from ${csvTable(file(out, 'customers'))} c where c.CustomerID = s.CustomerID)`);
    expect(orphans).toBe(0n);
  });

  it('continues after the last appended day, with --sales setting the size of the day', async () => {
    const s = await generateGrocery({ outDir: out, appendDay: '2018-05-12', sales: 100, seed: 5 });
    expect(s.sales).toEqual({ firstSalesId: 5040, lastSalesId: 5139, daysFrom: '2018-05-12', daysTo: '2018-05-12' });
    const manifest = await currentManifest(out);
    expect(manifest.status).toBe('complete');
    expect(manifest.lastSalesId).toBe(5139);
    expect(manifest.lastSalesDay).toBe('2018-05-12');
    expect(manifest.salesFiles).toHaveLength(129);
    expect(manifest.appended).toEqual([
      { day: '2018-05-10', file: 'sales/dt=2018-05-10/sales.csv', firstSalesId: 5001, rows: 39 },
      { day: '2018-05-12', file: 'sales/dt=2018-05-12/sales.csv', firstSalesId: 5040, rows: 100 },
    ]);
    // no partition for the skipped day
    expect(existsSync(join(out, 'sales', 'dt=2018-05-11'))).toBe(false);
  });

  it('refuses a day that is not after the existing ones, a different seed, and day-range options', async () => {
    await expect(generateGrocery({ outDir: out, appendDay: '2018-05-12' })).rejects.toMatchObject({ code: 'E_DATAGEN_APPEND_DAY_NOT_AFTER' });
    await expect(generateGrocery({ outDir: out, appendDay: '2018-03-01' })).rejects.toMatchObject({ code: 'E_DATAGEN_APPEND_DAY_NOT_AFTER' });
    await expect(generateGrocery({ outDir: out, appendDay: '2018-05-20', seed: 6 })).rejects.toMatchObject({ code: 'E_DATAGEN_SEED_MISMATCH' });
    await expect(generateGrocery({ outDir: out, appendDay: '2018-05-20', daysTo: '2018-06-01' })).rejects.toMatchObject({ code: 'E_DATAGEN_OPTION_CONFLICT' });
    expect(dayFolders(out)).toHaveLength(131);
  });

  it('produces the same day file for the same data set and day', async () => {
    const twin = dir('daily-twin');
    await generateGrocery({ outDir: twin, sales: 5000, seed: 5 });
    await generateGrocery({ outDir: twin, appendDay: '2018-05-10' });
    expect(readFileSync(dayFile(twin, '2018-05-10')).equals(readFileSync(dayFile(out, '2018-05-10')))).toBe(true);
  });

  it('needs a generated data set to append to', async () => {
    const error = await generateGrocery({ outDir: dir('empty'), appendDay: '2018-05-10' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LakeformError);
    expect(error).toMatchObject({ code: 'E_DATAGEN_NO_DATASET' });
    expect((error as LakeformError).hint).toMatch(/datagen grocery --out/);
  });

  it('reports a damaged manifest instead of guessing, also one pointing outside the sales partitions', async () => {
    const broken = dir('broken');
    await generateGrocery({ outDir: broken, sales: 100, seed: 1, daysFrom: '2018-05-01', daysTo: '2018-05-02' });
    const manifestPath = join(broken, GROCERY_MANIFEST_FILE);
    const good = readFileSync(manifestPath, 'utf8');
    writeFileSync(manifestPath, '{"dataset":"grocery"}');
    await expect(generateGrocery({ outDir: broken, appendDay: '2018-05-10' })).rejects.toMatchObject({ code: 'E_DATAGEN_BAD_MANIFEST' });

    writeFileSync(manifestPath, good.replace('"sales/dt=2018-05-01/sales.csv"', '"customers/customers.csv"'));
    const error = await generateGrocery({ outDir: broken, appendDay: '2018-05-10' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_DATAGEN_BAD_MANIFEST' });
    expect((error as LakeformError).message).toContain('salesFiles.0.file');
    // regenerating ignores the damaged record: it removes nothing it lists
    await generateGrocery({ outDir: broken, sales: 100, seed: 1, daysFrom: '2018-05-01', daysTo: '2018-05-02' });
    expect(existsSync(file(broken, 'customers'))).toBe(true);
  });
});

describe('generateGrocery: generating a data set again', () => {
  it('removes the day folders of the previous run, appended days included, and nothing else', async () => {
    const out = dir('again-smaller');
    await generateGrocery({ outDir: out, sales: 300, seed: 3, daysFrom: '2018-02-01', daysTo: '2018-02-05' });
    await generateGrocery({ outDir: out, appendDay: '2018-02-07', sales: 10 });
    // someone else's files: in a day folder of the old run, in the sales folder, next to the tables
    writeFileSync(join(out, 'sales', 'dt=2018-02-02', 'notes.txt'), 'keep');
    writeFileSync(join(out, 'sales', '_SUCCESS'), '');
    mkdirSync(join(out, 'extra'));
    writeFileSync(join(out, 'extra', 'data.csv'), 'a\n1\n');

    const s = await generateGrocery({ outDir: out, sales: 200, seed: 3, daysFrom: '2018-02-04', daysTo: '2018-02-06' });
    expect(dayFolders(out)).toEqual(['_SUCCESS', 'dt=2018-02-02', 'dt=2018-02-04', 'dt=2018-02-05', 'dt=2018-02-06']);
    expect(readdirSync(join(out, 'sales', 'dt=2018-02-02'))).toEqual(['notes.txt']);
    expect(readFileSync(join(out, 'extra', 'data.csv'), 'utf8')).toBe('a\n1\n');
    const manifest = await currentManifest(out);
    expect(manifest.appended).toEqual([]);
    expect(manifest.salesFiles.map((f) => f.day)).toEqual(['2018-02-04', '2018-02-05', '2018-02-06']);
    expect(s.files.at(-1)).toEqual({ table: 'sales', file: 'sales/dt=2018-02-04..dt=2018-02-06/sales.csv', files: 3, rows: 200 });
    const [row] = await db.rows(`select count(*), min(SalesID::bigint), max(SalesID::bigint) from ${csvTable(join(out, 'sales', 'dt=*', 'sales.csv'))}`);
    expect(row).toEqual([200n, 1n, 200n]);
  });

  it('cleans up after a run that was interrupted, and refuses to append to what it left', async () => {
    const out = dir('interrupted');
    await generateGrocery({ outDir: out, sales: 100, seed: 4, daysFrom: '2018-04-01', daysTo: '2018-04-03' });
    // what a run killed while writing leaves: the record still says it was writing
    const manifestPath = join(out, GROCERY_MANIFEST_FILE);
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('"status": "complete"', '"status": "writing"'));
    const error = await generateGrocery({ outDir: out, appendDay: '2018-04-04' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_DATAGEN_INCOMPLETE_DATASET' });
    expect((error as LakeformError).hint).toContain(`datagen grocery --out ${out} --sales 100 --seed 4 --days-from 2018-04-01 --days-to 2018-04-03`);
    expect(dayFolders(out)).toHaveLength(3);

    await generateGrocery({ outDir: out, sales: 100, seed: 4, daysFrom: '2018-04-02', daysTo: '2018-04-02' });
    expect(dayFolders(out)).toEqual(['dt=2018-04-02']);
    expect((await currentManifest(out)).status).toBe('complete');
  });
});

describe('generateGrocery: a data set of the old single-file layout (record format 1)', () => {
  const out = dir('format-1');
  const header = `${SALES_HEADER}\n`;

  beforeAll(() => {
    mkdirSync(join(out, 'sales'), { recursive: true });
    writeFileSync(join(out, 'sales', 'sales.csv'), `${header}1,1,1,1,1,0,0,2018-01-01 00:00:00.000,AAAAAAAAAAAAAAAAAA\n`);
    writeFileSync(join(out, 'sales', 'sales_20180510.csv'), `${header}2,1,1,1,1,0,0,2018-05-10 00:00:00.000,BBBBBBBBBBBBBBBBBB\n`);
    writeFileSync(join(out, 'sales', 'README.txt'), 'not written by datagen');
    // the record format 1 wrote, field for field
    const record = {
      dataset: 'grocery', formatVersion: 1, seed: 7, sales: 1, customers: 100, daysFrom: '2018-01-01', daysTo: '2018-05-09',
      lastSalesId: 2, lastSalesDay: '2018-05-10', appended: [{ day: '2018-05-10', file: 'sales/sales_20180510.csv', firstSalesId: 2, rows: 1 }],
    };
    writeFileSync(join(out, GROCERY_MANIFEST_FILE), `${JSON.stringify(record, null, 2)}\n`);
  });

  it('is read, and --append-day explains that the data set must be generated again', async () => {
    const manifest = await readGroceryManifest(out);
    expect(manifest?.formatVersion).toBe(1);
    const error = await generateGrocery({ outDir: out, appendDay: '2018-05-11' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_DATAGEN_OUTDATED_DATASET' });
    expect((error as LakeformError).message).toContain('sales/sales.csv');
    expect((error as LakeformError).hint).toContain(`datagen grocery --out ${out} --sales 1 --seed 7 --days-from 2018-01-01 --days-to 2018-05-09`);
    expect(existsSync(join(out, 'sales', 'dt=2018-05-11'))).toBe(false);
  });

  it('is replaced by the day layout when generated again: the old sales files go, other files stay', async () => {
    await generateGrocery({ outDir: out, sales: 30, seed: 7, daysFrom: '2018-01-01', daysTo: '2018-01-02' });
    expect(dayFolders(out)).toEqual(['README.txt', 'dt=2018-01-01', 'dt=2018-01-02']);
    expect((await currentManifest(out)).formatVersion).toBe(2);
  });
});

describe('generateGrocery: options', () => {
  it('rejects invalid options with an actionable error', async () => {
    await expect(generateGrocery({ outDir: dir('bad'), sales: 0 })).rejects.toMatchObject({ code: 'E_DATAGEN_INVALID_OPTION' });
    await expect(generateGrocery({ outDir: dir('bad'), sales: 1.5 })).rejects.toMatchObject({ code: 'E_DATAGEN_INVALID_OPTION' });
    await expect(generateGrocery({ outDir: dir('bad'), seed: -1 })).rejects.toMatchObject({ code: 'E_DATAGEN_INVALID_OPTION' });
    await expect(generateGrocery({ outDir: dir('bad'), sales: 10, daysFrom: '2018-02-30' })).rejects.toMatchObject({ code: 'E_DATAGEN_INVALID_DAY' });
  });

  it('reports an output folder it cannot write to, leaving no partial files', async () => {
    const notAFolder = dir('plain-file');
    writeFileSync(notAFolder, 'x');
    const error = await generateGrocery({ outDir: notAFolder, sales: 10 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_DATAGEN_WRITE_FAILED' });
    expect((error as LakeformError).message).toContain(notAFolder);
    expect(readFileSync(notAFolder, 'utf8')).toBe('x');
  });
});
