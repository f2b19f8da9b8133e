import { describe, expect, it } from 'vitest';
import { warehouseOnlyConfigNotices } from './warehouse-only-configs.js';
import { fakeNode } from '../test/fake-nodes.js';

describe('warehouseOnlyConfigNotices', () => {
  const orders = fakeNode('model.shop.orders', {
    config: { grants: { select: ['analyst'] }, lf_tags_config: { enabled: false, tags: { pii: 'yes' } }, ha: true, partitioned_by: ['day'], s3_data_naming: 'schema_table' },
  });
  const customers = fakeNode('model.shop.customers', { config: { grants: { select: ['analyst'] }, lf_inherited_tags: ['domain'], ha: false } });

  it('names each warehouse-only config a node sets, and ignores defaults and local-meaningful configs', () => {
    const notices = warehouseOnlyConfigNotices(orders);
    expect(notices.map((n) => n.message.match(/config '([^']+)'/)?.[1])).toEqual(['grants', 'ha', 's3_data_naming']);
    expect(notices[0]).toEqual({
      nodeId: 'model.shop.orders',
      message: "model.shop.orders: config 'grants' is ignored by the local engine: grants are given to AWS principals; the local warehouse has none; it applies when the project runs on Athena",
    });
    expect(warehouseOnlyConfigNotices(fakeNode('model.shop.plain'))).toEqual([]);
  });

  it('reports each config once per run when given the run’s seen-set', () => {
    const seen = new Set<string>();
    const first = warehouseOnlyConfigNotices(orders, seen);
    const second = warehouseOnlyConfigNotices(customers, seen);
    expect(first).toHaveLength(3);
    expect(second.map((n) => n.nodeId)).toEqual(['model.shop.customers']);
    expect(second[0]?.message).toContain("'lf_inherited_tags'");
    expect(warehouseOnlyConfigNotices(orders, seen)).toEqual([]);
  });
});
