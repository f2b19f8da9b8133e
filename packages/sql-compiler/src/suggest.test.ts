import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './suggest.js';

describe('closestName', () => {
  it('finds typos and transpositions', () => {
    expect(editDistance('desciption', 'description')).toBe(1);
    expect(editDistance('stg_ordres', 'stg_orders')).toBe(1);
    expect(closestName('stg_order', ['stg_orders', 'stg_customers', 'orders'])).toBe('stg_orders');
  });
  it('prefers a case-insensitive match', () => {
    expect(closestName('Orders', ['orders', 'order'])).toBe('orders');
  });
  it('gives nothing when no candidate is close', () => {
    expect(closestName('payments', ['customers', 'stg_orders'])).toBeUndefined();
  });
});
