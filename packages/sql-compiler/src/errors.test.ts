import { describe, expect, it } from 'vitest';
import { LakeformError } from './errors.js';

describe('LakeformError', () => {
  it('formats code, location, node and hint on one paragraph', () => {
    const e = new LakeformError({
      code: 'E_REF_NOT_FOUND',
      message: "ref('stg_order') does not exist",
      location: { file: 'models/orders.sql', line: 3, column: 10 },
      node: 'model.shop.orders',
      hint: "did you mean 'stg_orders'?",
    });
    expect(e.format()).toBe(
      "models/orders.sql:3:10: error E_REF_NOT_FOUND: ref('stg_order') does not exist\n  in model.shop.orders\n  hint: did you mean 'stg_orders'?",
    );
  });
});
