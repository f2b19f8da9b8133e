import { SeededRandom } from '../random/seeded-random.js';
import { MS_PER_DAY, parseCalendarDay } from '../time/calendar-day.js';
import { timestampText } from '../time/timestamp-text.js';
import { PRODUCT_COUNT } from './grocery-scale.js';
import { CATEGORY_NAMES } from './reference-data/category-names.js';
import { PRODUCT_WORDS_BY_CATEGORY } from './reference-data/product-words.js';

const MODIFIED_FROM = parseCalendarDay('2017-01-01', 'modify range');
const MODIFIED_TO = parseCalendarDay('2018-05-09', 'modify range');
const VITALITY_DAYS: readonly number[] = [0, 7, 14, 30, 45, 60, 90, 120, 180, 365];

/**
 * The product catalogue: unique names, categories spread evenly, prices with four decimals
 * skewed towards cheap items (so every price tier downstream is populated), Class derived from
 * the price.
 */
export function productRows(seed: number): string[][] {
  const random = new SeededRandom(seed, 'products');
  const namePools = PRODUCT_WORDS_BY_CATEGORY.map(({ bases, variants }) =>
    random.shuffled(bases.flatMap((base) => variants.map((variant) => `${base} - ${variant}`))),
  );
  const categories = random.shuffled(Array.from({ length: PRODUCT_COUNT }, (_, i) => i % CATEGORY_NAMES.length));
  const rows: string[][] = [];
  for (let id = 1; id <= PRODUCT_COUNT; id++) {
    const category = categories[id - 1]!;
    // an even spread puts at most ceil(452 / 11) = 42 products in a category; every pool has more names
    const name = namePools[category]!.pop()!;
    const price = 0.5 + 99.5 * random.float() ** 1.6;
    const modifiedAt = random.intBetween(MODIFIED_FROM, MODIFIED_TO) * MS_PER_DAY + random.int(MS_PER_DAY);
    rows.push([
      String(id),
      name,
      price.toFixed(4),
      String(category + 1),
      price < 25 ? 'Low' : price < 60 ? 'Medium' : 'High',
      timestampText(modifiedAt),
      weighted(random, [['Durable', 0.45], ['Weak', 0.4], ['Unknown', 0.15]]),
      weighted(random, [['False', 0.6], ['True', 0.3], ['Unknown', 0.1]]),
      String(random.pick(VITALITY_DAYS)),
    ]);
  }
  return rows;
}

function weighted(random: SeededRandom, choices: readonly (readonly [string, number])[]): string {
  let r = random.float();
  for (const [value, weight] of choices) {
    if (r < weight) return value;
    r -= weight;
  }
  return choices[choices.length - 1]![0];
}
