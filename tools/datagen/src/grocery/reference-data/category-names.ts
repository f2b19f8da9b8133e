/** The eleven product categories; CategoryID is the position in this list, starting at 1. */
export const CATEGORY_NAMES: readonly string[] = [
  'Confections',
  'Shell fish',
  'Cereals',
  'Dairy',
  'Beverages',
  'Seafood',
  'Meat',
  'Grain',
  'Poultry',
  'Snails',
  'Produce',
];
