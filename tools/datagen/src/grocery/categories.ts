import { CATEGORY_NAMES } from './reference-data/category-names.js';

export function categoryRows(): string[][] {
  return CATEGORY_NAMES.map((name, i) => [String(i + 1), name]);
}
