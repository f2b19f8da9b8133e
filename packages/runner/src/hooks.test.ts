import { describe, expect, it } from 'vitest';
import { nodeHooks, orderHooks, runHooks, type Hook } from './hooks.js';
import { fakeNode } from '../test/fake-nodes.js';

const hooks: Hook[] = [
  { sql: 'select 0', transaction: true, index: 0 },
  { sql: 'select 1', transaction: false, index: 1 },
  { sql: 'select 2', transaction: true, index: 2 },
];

describe('hooks', () => {
  it('orders hooks as dbt does around the transaction', () => {
    expect(orderHooks(hooks, 'pre-hook').map((h) => h.index)).toEqual([1, 0, 2]);
    expect(orderHooks(hooks, 'post-hook').map((h) => h.index)).toEqual([0, 2, 1]);
    expect(orderHooks([...hooks].reverse(), 'on-run-start').map((h) => h.index)).toEqual([0, 1, 2]);
  });

  it('runs hooks in order and skips blank ones', async () => {
    const ran: string[] = [];
    const outcome = await runHooks([...hooks, { sql: '  \n', transaction: true, index: 3 }], async (sql) => void ran.push(sql), { kind: 'on-run-end', owner: 'shop' });
    expect(outcome).toEqual({ status: 'success', ran: 3 });
    expect(ran).toEqual(['select 0', 'select 1', 'select 2']);
  });

  it('stops at the first failing hook and names it', async () => {
    const ran: string[] = [];
    const outcome = await runHooks(
      hooks,
      async (sql) => {
        if (sql === 'select 0') throw new Error('Table "audit" does not exist');
        ran.push(sql);
      },
      { kind: 'pre-hook', owner: 'model.shop.orders' },
    );
    expect(ran).toEqual(['select 1']);
    if (outcome.status !== 'error') throw new Error('expected an error');
    expect(outcome).toMatchObject({ ran: 1, notRun: 1, hookName: 'model.shop.orders.pre-hook.0', failed: hooks[0] });
    expect(outcome.error.code).toBe('E_HOOK_FAILED');
    expect(outcome.error.message).toBe('model.shop.orders.pre-hook.0 failed (select 0): Table "audit" does not exist');
    expect(outcome.error.format()).toContain('in model.shop.orders');
  });

  it('does not start hooks once the run is interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const outcome = await runHooks(hooks, async () => void calls++, { signal: controller.signal });
    expect(calls).toBe(0);
    expect(outcome).toMatchObject({ status: 'error', ran: 0, notRun: 3 });
  });

  it('reads a node’s hooks from its manifest config', () => {
    const node = fakeNode('model.shop.orders', {
      config: { 'pre-hook': [{ sql: 'set a', transaction: false, index: 0 }, 'set b'], 'post-hook': [{ sql: 'analyze' }] },
    });
    expect(nodeHooks(node, 'pre-hook')).toEqual([
      { sql: 'set a', transaction: false, index: 0 },
      { sql: 'set b', transaction: true, index: 1 },
    ]);
    expect(nodeHooks(node, 'post-hook')).toEqual([{ sql: 'analyze', transaction: true, index: 0 }]);
    expect(nodeHooks(fakeNode('model.shop.plain'), 'pre-hook')).toEqual([]);
    expect(() => nodeHooks(fakeNode('model.shop.bad', { config: { 'pre-hook': [42] } }), 'pre-hook')).toThrow(/E_HOOK_INVALID|not SQL text/);
  });
});
