import { SeededRandom } from '../random/seeded-random.js';
import { UNITED_STATES_COUNTRY_ID } from './countries.js';
import { US_CITY_NAMES } from './reference-data/us-city-names.js';

/** Real city names with synthetic five-digit zip codes, all in the United States. */
export function cityRows(seed: number): string[][] {
  const random = new SeededRandom(seed, 'cities');
  return US_CITY_NAMES.map((name, i) => [
    String(i + 1),
    name,
    String(random.intBetween(1001, 99950)).padStart(5, '0'),
    String(UNITED_STATES_COUNTRY_ID),
  ]);
}
