import { SeededRandom } from '../random/seeded-random.js';
import { CITY_COUNT } from './grocery-scale.js';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, MIDDLE_INITIALS } from './reference-data/person-names.js';
import { STREET_NAMES, STREET_SUFFIXES, UNIT_PREFIXES } from './reference-data/street-names.js';

const FIRST_NAMES: readonly string[] = [...MALE_FIRST_NAMES, ...FEMALE_FIRST_NAMES];

/** Customers, generated one at a time: at large scales there are millions of them. */
export function* customerRows(seed: number, count: number): Generator<string[]> {
  const random = new SeededRandom(seed, 'customers');
  for (let id = 1; id <= count; id++) {
    const street = `${random.intBetween(1, 9999)} ${random.pick(STREET_NAMES)} ${random.pick(STREET_SUFFIXES)}`;
    // some addresses carry a unit after a comma, so this column needs CSV quoting now and then
    const address = random.float() < 0.08 ? `${street}, ${random.pick(UNIT_PREFIXES)} ${random.intBetween(1, 400)}` : street;
    yield [
      String(id),
      random.pick(FIRST_NAMES),
      random.pick(MIDDLE_INITIALS),
      random.pick(LAST_NAMES),
      String(random.intBetween(1, CITY_COUNT)),
      address,
    ];
  }
}
