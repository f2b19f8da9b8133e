import { COUNTRIES } from './reference-data/country-names.js';

export function countryRows(): string[][] {
  return COUNTRIES.map(([name, code], i) => [String(i + 1), name, code]);
}

/** The CountryID every city refers to. */
export const UNITED_STATES_COUNTRY_ID = COUNTRIES.findIndex(([, code]) => code === 'US') + 1;
