import { SeededRandom } from '../random/seeded-random.js';
import { MS_PER_DAY } from '../time/calendar-day.js';
import { dayPrefix, timeOfDayText } from '../time/timestamp-text.js';
import { EMPLOYEE_COUNT, PRODUCT_COUNT } from './grocery-scale.js';
import type { SalesDay } from './sales-volume.js';
import { TransactionNumbers } from './transaction-number.js';

/** Share of sales whose SalesDate is empty, as in the source extract. */
export const EMPTY_SALES_DATE_SHARE = 0.01;

const ROWS_PER_CHUNK = 4096;

export interface SalesRowsInput {
  seed: number;
  /** SalesID of the first row; the rest follow without gaps. */
  firstSalesId: number;
  customers: number;
  days: readonly SalesDay[];
}

/**
 * Sales lines as CSV text, in date order, a few thousand rows per chunk. Every field is a
 * number, a timestamp or an alphanumeric code, so no field ever needs quoting and the lines are
 * built directly instead of through the general CSV encoder.
 *
 * Each day draws from its own random stream, so a day's rows depend only on the seed, the day,
 * its number of sales and its first SalesID — the same code writes the initial file and the
 * days appended later.
 */
export function* salesChunks(input: SalesRowsInput): Generator<string> {
  const transactionNumbers = new TransactionNumbers(input.seed);
  let salesId = input.firstSalesId;
  let chunk = '';
  let inChunk = 0;
  for (const { day, sales } of input.days) {
    const random = new SeededRandom(input.seed, `sales/${day}`);
    const prefix = dayPrefix(day);
    for (let i = 0; i < sales; i++) {
      const emptyDate = random.float() < EMPTY_SALES_DATE_SHARE;
      // stratified times: the i-th sale of the day falls in the i-th slice, so times never go back
      const msInDay = Math.floor(((i + random.float()) * MS_PER_DAY) / sales);
      const employee = random.int(EMPLOYEE_COUNT) + 1;
      const customer = random.int(input.customers) + 1;
      const product = random.int(PRODUCT_COUNT) + 1;
      const quantity = random.int(25) + 1;
      const d = random.float();
      const discount = d < 0.8 ? '0' : d < 0.9 ? '0.1' : '0.2';
      const salesDate = emptyDate ? '' : prefix + timeOfDayText(msInDay);
      chunk += `${salesId},${employee},${customer},${product},${quantity},${discount},0,${salesDate},${transactionNumbers.forSale(salesId)}\n`;
      salesId++;
      if (++inChunk === ROWS_PER_CHUNK) {
        yield chunk;
        chunk = '';
        inChunk = 0;
      }
    }
  }
  if (inChunk > 0) yield chunk;
}
