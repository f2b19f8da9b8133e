import { describe, expect, it } from 'vitest';
import { withTestEdges } from './build-edges.js';
import { executeDag } from './execute-dag.js';
import { fakeNode, result } from '../test/fake-nodes.js';

describe('withTestEdges (build order)', () => {
  const nodes = [
    fakeNode('model.shop.customers'),
    fakeNode('model.shop.orders'),
    fakeNode('model.shop.order_report'),
    fakeNode('test.shop.not_null_orders_id', { resourceType: 'test' }),
    fakeNode('test.shop.relationships_orders_customer_id', { resourceType: 'test' }),
  ];
  const parents = {
    'model.shop.orders': ['model.shop.customers'],
    'model.shop.order_report': ['model.shop.orders'],
    'test.shop.not_null_orders_id': ['model.shop.orders'],
    // orders.customer_id → customers.id: reads both models.
    'test.shop.relationships_orders_customer_id': ['model.shop.orders', 'model.shop.customers'],
  };

  it("makes a model's children wait for its tests, without gating the model on its own tests", () => {
    const build = withTestEdges(nodes, parents);
    expect([...build('model.shop.order_report')].sort()).toEqual(['model.shop.orders', 'test.shop.not_null_orders_id', 'test.shop.relationships_orders_customer_id']);
    // orders reads customers, but the relationships test also reads orders: gating orders on it would be a cycle.
    expect(build('model.shop.orders')).toEqual(['model.shop.customers']);
    expect(build('test.shop.not_null_orders_id')).toEqual(['model.shop.orders']);
  });

  it('a failing test skips the children of the model it tests', async () => {
    const outcome = await executeDag({
      nodes,
      parents: withTestEdges(nodes, parents),
      threads: 3,
      run: async (n) => (n.unique_id === 'test.shop.not_null_orders_id' ? result('fail', 'Got 1 result', { failures: 1 }) : n.resource_type === 'test' ? result('pass') : result()),
    });
    expect(outcome.byId['model.shop.order_report']?.result).toMatchObject({ status: 'skipped', message: 'skipped: upstream test.shop.not_null_orders_id failed' });
    expect(outcome.byId['test.shop.relationships_orders_customer_id']?.result.status).toBe('pass');
  });
});
