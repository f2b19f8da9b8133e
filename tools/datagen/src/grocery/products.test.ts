import { describe, expect, it } from 'vitest';
import { PRODUCT_COUNT } from './grocery-scale.js';
import { productRows } from './products.js';
import { CATEGORY_NAMES } from './reference-data/category-names.js';
import { PRODUCT_WORDS_BY_CATEGORY } from './reference-data/product-words.js';

describe('productRows', () => {
  it('has enough distinct names in every category for an even spread of products', () => {
    expect(PRODUCT_WORDS_BY_CATEGORY).toHaveLength(CATEGORY_NAMES.length);
    const perCategory = Math.ceil(PRODUCT_COUNT / CATEGORY_NAMES.length);
    for (const { bases, variants } of PRODUCT_WORDS_BY_CATEGORY) {
      expect(new Set(bases.flatMap((b) => variants.map((v) => `${b} - ${v}`))).size).toBeGreaterThanOrEqual(perCategory);
    }
  });

  it('spreads products evenly over the categories, with unique names', () => {
    const rows = productRows(1);
    expect(rows).toHaveLength(452);
    expect(new Set(rows.map((r) => r[1])).size).toBe(452);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r[3]!, (counts.get(r[3]!) ?? 0) + 1);
    expect(counts.size).toBe(11);
    for (const n of counts.values()) expect([41, 42]).toContain(n);
  });

  it('derives Class from the price', () => {
    for (const r of productRows(2)) {
      const price = Number(r[2]);
      expect(r[4]).toBe(price < 25 ? 'Low' : price < 60 ? 'Medium' : 'High');
    }
  });
});
