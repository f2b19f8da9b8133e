import { describe, expect, it } from 'vitest';
import { LakeformError, type ManifestNode } from '@lakeform/sql-compiler';
import { executeDag, type ExecuteDagOptions } from './execute-dag.js';
import type { NodeResult } from './engine.js';
import type { RunEvent } from './run-events.js';
import { Deferred, fakeNode, result, seededRandom, yieldTurn } from '../test/fake-nodes.js';

const m = (name: string) => `model.shop.${name}`;

/** A DAG from "child: parents" lines, as nodes plus a parent map. */
function dag(spec: Record<string, string[]>): { nodes: ManifestNode[]; parents: Record<string, string[]> } {
  const parents: Record<string, string[]> = {};
  for (const [child, ps] of Object.entries(spec)) parents[m(child)] = ps.map(m);
  return { nodes: Object.keys(spec).map((n) => fakeNode(m(n))), parents };
}

/** Records starts and finishes against a logical clock: order, never wall-clock time. */
class Log {
  private tick = 0;
  readonly entries: string[] = [];
  readonly at = new Map<string, number>();
  mark(what: string): void {
    this.entries.push(what);
    this.at.set(what, this.tick++);
  }
  before(a: string, b: string): boolean {
    const ta = this.at.get(a);
    const tb = this.at.get(b);
    if (ta === undefined || tb === undefined) throw new Error(`missing ${ta === undefined ? a : b}`);
    return ta < tb;
  }
}

function base(d: { nodes: ManifestNode[]; parents: Record<string, string[]> }, run: ExecuteDagOptions['run'], extra: Partial<ExecuteDagOptions> = {}): ExecuteDagOptions {
  return { nodes: d.nodes, parents: d.parents, threads: 4, run, ...extra };
}

describe('executeDag scheduling', () => {
  it('never runs more than `threads` nodes at once, and does use all of them', async () => {
    const spec: Record<string, string[]> = {};
    for (let i = 0; i < 30; i++) spec[`n${String(i).padStart(2, '0')}`] = [];
    let running = 0;
    let most = 0;
    const outcome = await executeDag(
      base(dag(spec), async () => {
        running++;
        most = Math.max(most, running);
        await yieldTurn();
        await yieldTurn();
        running--;
        return result();
      }, { threads: 3 }),
    );
    expect(most).toBe(3);
    expect(outcome.counts.success).toBe(30);
    expect(new Set(outcome.results.map((r) => r.threadId))).toEqual(new Set(['Thread-1', 'Thread-2', 'Thread-3']));
  });

  it('starts a node as soon as its parents finish, while an unrelated slow node is still running', async () => {
    const log = new Log();
    const slowGate = new Deferred();
    const childRan = new Deferred();
    const d = dag({ slow: [], parent: [], child: ['parent'] });
    const done = executeDag(
      base(d, async (node) => {
        log.mark(`start ${node.name}`);
        if (node.name === 'slow') await slowGate.promise;
        if (node.name === 'child') childRan.resolve();
        log.mark(`finish ${node.name}`);
        return result();
      }),
    );
    await childRan.promise;
    expect(log.entries).not.toContain('finish slow');
    slowGate.resolve();
    const outcome = await done;
    expect(log.before('finish parent', 'start child')).toBe(true);
    expect(log.before('finish child', 'finish slow')).toBe(true);
    expect(log.before('start slow', 'start child')).toBe(true);
    expect(outcome.exitCode).toBe(0);
  });

  it('starts the critical path first, then breaks ties by unique_id', async () => {
    const order: string[] = [];
    const d = dag({ a: [], b: [], z1: [], z2: ['z1'], z3: ['z2'] });
    await executeDag(base(d, async (node) => (order.push(node.name), result()), { threads: 1 }));
    // z1 (path of 3) and z2 (2) beat a and b (1); z3 is then a leaf like them and sorts after.
    expect(order).toEqual(['z1', 'z2', 'a', 'b', 'z3']);
  });

  it('orders through unselected nodes (a → u → c with u not selected), as dbt’s subset graph does', async () => {
    const log = new Log();
    const nodes = [fakeNode(m('c')), fakeNode(m('a'))];
    const parents = { [m('c')]: [m('u'), 'source.shop.raw.orders'], [m('u')]: [m('a')] };
    const ok = await executeDag({ nodes, parents, threads: 4, run: async (n) => (log.mark(`start ${n.name}`), await yieldTurn(), log.mark(`finish ${n.name}`), result()) });
    expect(log.before('finish a', 'start c')).toBe(true);
    expect(ok.counts.success).toBe(2);

    const failed = await executeDag({ nodes, parents, threads: 4, run: async (n) => (n.name === 'a' ? result('error', 'boom') : result()) });
    expect(failed.byId[m('c')]?.result).toMatchObject({ status: 'skipped', message: `skipped: upstream ${m('a')} errored` });
  });

  it('an empty selection finishes at once with exit code 0', async () => {
    const events: RunEvent[] = [];
    const outcome = await executeDag({ nodes: [], parents: {}, threads: 4, run: async () => result(), onEvent: (e) => events.push(e) });
    expect(outcome.results).toEqual([]);
    expect(outcome.exitCode).toBe(0);
    expect(events.map((e) => e.type)).toEqual(['run_started', 'run_finished']);
  });

  it('accepts parents as a Map or a function', async () => {
    const nodes = [fakeNode(m('a')), fakeNode(m('b'))];
    for (const parents of [new Map([[m('b'), [m('a')]]]), (id: string) => (id === m('b') ? [m('a')] : undefined)]) {
      const order: string[] = [];
      await executeDag({ nodes: [...nodes].reverse(), parents, threads: 4, run: async (n) => (order.push(n.name), result()) });
      expect(order).toEqual(['a', 'b']);
    }
  });
});

describe('executeDag failures', () => {
  it('skips the descendants of an error with a reason naming it, and still runs its siblings', async () => {
    const d = dag({ a: [], b: ['a'], c: ['b'], d: ['c', 'e'], e: ['a'], f: [] });
    const events: RunEvent[] = [];
    const outcome = await executeDag(
      base(d, async (node) => {
        if (node.name === 'b') throw new LakeformError({ code: 'E_TEST_BOOM', message: 'table exploded', hint: 'try less dynamite' });
        return result();
      }, { onEvent: (e) => events.push(e) }),
    );
    expect(outcome.byId[m('b')]?.result.status).toBe('error');
    expect(outcome.byId[m('b')]?.result.message).toContain('error E_TEST_BOOM: table exploded');
    expect(outcome.byId[m('b')]?.result.message).toContain('hint: try less dynamite');
    for (const skipped of ['c', 'd']) {
      expect(outcome.byId[m(skipped)]?.result).toMatchObject({ status: 'skipped', message: `skipped: upstream ${m('b')} errored` });
    }
    for (const ran of ['a', 'e', 'f']) expect(outcome.byId[m(ran)]?.result.status).toBe('success');
    expect(outcome.counts).toMatchObject({ success: 3, error: 1, skipped: 2 });
    expect(outcome.exitCode).toBe(1);
    const skippedEvents = events.filter((e) => e.type === 'node_skipped');
    expect(skippedEvents.map((e) => e.node.name).sort()).toEqual(['c', 'd']);
    expect(skippedEvents.every((e) => e.cause.kind === 'upstream' && e.cause.failedNode === m('b'))).toBe(true);
    expect(events.filter((e) => e.type === 'node_started').map((e) => e.node.name).sort()).toEqual(['a', 'b', 'e', 'f']);
    // "n of total" numbering covers started and skipped nodes alike, each number once.
    expect(outcome.results.map((r) => r.index).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a failing test (severity error) blocks what depends on it; a warning does not', async () => {
    const nodes = [fakeNode(m('orders')), fakeNode('test.shop.not_null_orders_id', { resourceType: 'test' }), fakeNode('test.shop.unique_orders_id', { resourceType: 'test' }), fakeNode(m('report'))];
    const parents = { 'test.shop.not_null_orders_id': [m('orders')], 'test.shop.unique_orders_id': [m('orders')], [m('report')]: ['test.shop.not_null_orders_id', 'test.shop.unique_orders_id'] };
    const run = (notNull: NodeResult) => async (n: ManifestNode) => (n.unique_id === 'test.shop.not_null_orders_id' ? notNull : n.resource_type === 'test' ? result('pass', 'PASS') : result());

    const failed = await executeDag({ nodes, parents, threads: 2, run: run(result('fail', 'Got 3 results, configured to fail if != 0', { failures: 3 })) });
    expect(failed.byId[m('report')]?.result).toMatchObject({ status: 'skipped', message: 'skipped: upstream test.shop.not_null_orders_id failed' });
    expect(failed.counts).toMatchObject({ success: 1, pass: 1, fail: 1, skipped: 1 });
    expect(failed.exitCode).toBe(1);

    const warned = await executeDag({ nodes, parents, threads: 2, run: run(result('warn', 'Got 3 results, configured to warn if != 0', { failures: 3 })) });
    expect(warned.byId[m('report')]?.result.status).toBe('success');
    expect(warned.counts).toMatchObject({ success: 2, pass: 1, warn: 1 });
    expect(warned.exitCode).toBe(0);
  });

  it('never throws: thrown non-errors, bad results and a throwing listener all end up in the outcome', async () => {
    const d = dag({ a: [], b: [], c: [] });
    const outcome = await executeDag(
      base(d, async (node) => {
        if (node.name === 'a') throw 'plain string';
        if (node.name === 'b') return undefined as unknown as NodeResult;
        return result();
      }, {
        onEvent: (e) => {
          if (e.type === 'node_started') throw new Error('printer broke');
        },
      }),
    );
    expect(outcome.byId[m('a')]?.result).toMatchObject({ status: 'error', message: 'plain string' });
    expect(outcome.byId[m('b')]?.result.message).toContain('got no result');
    expect(outcome.byId[m('c')]?.result.status).toBe('success');
    expect(outcome.listenerErrors).toHaveLength(3);
  });

  it('reports nodes on a dependency cycle as errors naming the cycle and runs the rest', async () => {
    const d = dag({ a: ['b'], b: ['a'], after: ['b'], free: [] });
    const ran: string[] = [];
    const outcome = await executeDag(base(d, async (n) => (ran.push(n.name), result())));
    expect(ran).toEqual(['free']);
    for (const id of ['a', 'b', 'after']) {
      expect(outcome.byId[m(id)]?.result.status).toBe('error');
      expect(outcome.byId[m(id)]?.result.message).toContain('E_RUNNER_CYCLE');
    }
    expect(outcome.byId[m('a')]?.result.message).toMatch(/model\.shop\.(a|b) → model\.shop\.(a|b) → model\.shop\.(a|b)/);
    expect(outcome.exitCode).toBe(1);
  });

  it('fail-fast: after the first error no new node starts, running ones finish, the rest are skipped', async () => {
    const d = dag({ a_fail: [], b_slow: [], c1: [], c2: [], c3: [], c4: ['b_slow'] });
    const gates = { a_fail: new Deferred(), b_slow: new Deferred() };
    const bothStarted = new Deferred();
    let started = 0;
    const events: RunEvent[] = [];
    const done = executeDag(
      base(d, async (node) => {
        if (++started === 2) bothStarted.resolve();
        if (node.name === 'a_fail') {
          await gates.a_fail.promise;
          throw new Error('syntax error at line 3');
        }
        if (node.name === 'b_slow') await gates.b_slow.promise;
        return result();
      }, { threads: 2, failFast: true, onEvent: (e) => events.push(e) }),
    );
    await bothStarted.promise;
    gates.a_fail.resolve();
    await yieldTurn();
    gates.b_slow.resolve();
    const outcome = await done;
    expect(outcome.byId[m('a_fail')]?.result.status).toBe('error');
    expect(outcome.byId[m('b_slow')]?.result.status).toBe('success');
    for (const c of ['c1', 'c2', 'c3', 'c4']) {
      expect(outcome.byId[m(c)]?.result).toMatchObject({ status: 'skipped', message: `skipped: --fail-fast stopped the run after ${m('a_fail')} errored` });
    }
    expect(outcome.failFastAfter).toBe(m('a_fail'));
    expect(outcome.interrupted).toBe(false);
    expect(outcome.exitCode).toBe(1);
    const failedAt = events.findIndex((e) => e.type === 'node_finished' && e.result.status === 'error');
    expect(events.slice(failedAt).some((e) => e.type === 'node_started')).toBe(false);
    expect(events.at(-1)?.type).toBe('run_finished');
  });

  it('abort: running nodes finish, nothing new starts, the rest are skipped, interrupted with exit code 2', async () => {
    const d = dag({ a: [], b: [], c: [], d: ['a'], e: [] });
    const controller = new AbortController();
    const gate = new Deferred();
    const twoRunning = new Deferred();
    let started = 0;
    const seenSignals: AbortSignal[] = [];
    const done = executeDag(
      base(d, async (_node, _attempt, signal) => {
        seenSignals.push(signal);
        if (++started === 2) twoRunning.resolve();
        await gate.promise;
        return result();
      }, { threads: 2, signal: controller.signal }),
    );
    await twoRunning.promise;
    controller.abort();
    gate.resolve();
    const outcome = await done;
    expect(started).toBe(2);
    expect(seenSignals.every((s) => s === controller.signal)).toBe(true);
    expect(outcome.counts).toMatchObject({ success: 2, skipped: 3 });
    expect(outcome.results.filter((r) => r.result.status === 'skipped').every((r) => r.result.message === 'skipped: the run was interrupted')).toBe(true);
    expect(outcome.interrupted).toBe(true);
    expect(outcome.exitCode).toBe(2);
  });

  it('an already-aborted signal skips everything', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const outcome = await executeDag(base(dag({ a: [], b: ['a'] }), async () => (calls++, result()), { signal: controller.signal }));
    expect(calls).toBe(0);
    expect(outcome.counts.skipped).toBe(2);
    expect(outcome.exitCode).toBe(2);
  });
});

class Throttled extends Error {}

describe('executeDag retries', () => {
  const transient = (e: unknown) => e instanceof Throttled;

  it('retries transient errors with exponential backoff (injected sleep), then succeeds', async () => {
    const slept: number[] = [];
    const attempts: number[] = [];
    const events: RunEvent[] = [];
    const outcome = await executeDag(
      base(dag({ a: [] }), async (_n, attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw new Throttled('ThrottlingException: Rate exceeded');
        return result();
      }, { isTransient: transient, sleep: async (ms) => void slept.push(ms), backoff: { random: () => 0.999999 }, onEvent: (e) => events.push(e) }),
    );
    expect(attempts).toEqual([1, 2, 3]);
    expect(slept).toEqual([200, 400]);
    expect(outcome.byId[m('a')]).toMatchObject({ attempts: 3, result: { status: 'success' } });
    const retrying = events.filter((e) => e.type === 'node_retrying');
    expect(retrying.map((e) => [e.attempt, e.delayMs, e.error])).toEqual([
      [1, 200, 'ThrottlingException: Rate exceeded'],
      [2, 400, 'ThrottlingException: Rate exceeded'],
    ]);
  });

  it('gives up after `retries` and never retries a non-transient error', async () => {
    const slept: number[] = [];
    let calls = 0;
    const exhausted = await executeDag(base(dag({ a: [] }), async () => (calls++, Promise.reject(new Throttled('still throttled'))), { isTransient: transient, sleep: async (ms) => void slept.push(ms), backoff: { random: () => 0 } }));
    expect(calls).toBe(3);
    expect(slept).toEqual([100, 200]);
    expect(exhausted.byId[m('a')]?.result).toMatchObject({ status: 'error', message: 'still throttled' });

    calls = 0;
    slept.length = 0;
    const permanent = await executeDag(base(dag({ a: [] }), async () => (calls++, Promise.reject(new Error('AccessDenied'))), { isTransient: transient, sleep: async (ms) => void slept.push(ms) }));
    expect(calls).toBe(1);
    expect(slept).toEqual([]);
    expect(permanent.byId[m('a')]?.result.status).toBe('error');

    calls = 0;
    await executeDag(base(dag({ a: [] }), async () => (calls++, Promise.reject(new Throttled('x'))), { isTransient: transient, retries: 0, sleep: async () => {} }));
    expect(calls).toBe(1);
  });

  it('stops retrying when the run is interrupted during the backoff', async () => {
    const controller = new AbortController();
    let calls = 0;
    const outcome = await executeDag(
      base(dag({ a: [] }), async () => (calls++, Promise.reject(new Throttled('slow down'))), {
        isTransient: transient,
        signal: controller.signal,
        sleep: async () => controller.abort(),
      }),
    );
    expect(calls).toBe(1);
    expect(outcome.byId[m('a')]?.result.message).toContain('not retried: the run was interrupted');
    expect(outcome.exitCode).toBe(2);
  });
});

describe('executeDag on large random DAGs', () => {
  function randomDag(size: number, seed: number) {
    const random = seededRandom(seed);
    const ids = Array.from({ length: size }, (_, i) => `model.shop.n${i}`);
    const parents: Record<string, string[]> = {};
    for (let i = 1; i < size; i++) {
      const ps = new Set<string>();
      const count = Math.floor(random() * 4);
      for (let k = 0; k < count; k++) ps.add(ids[Math.floor(random() * i)]!);
      parents[ids[i]!] = [...ps];
    }
    // Input order must not matter: shuffle it.
    const shuffled = [...ids];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return { nodes: shuffled.map((id) => fakeNode(id)), parents, random };
  }

  it('runs a 5,000-node DAG: every node exactly once, every edge respected', async () => {
    const { nodes, parents, random } = randomDag(5000, 42);
    let tick = 0;
    const started = new Map<string, number>();
    const finished = new Map<string, number>();
    const outcome = await executeDag({
      nodes,
      parents,
      threads: 8,
      run: async (node) => {
        expect(started.has(node.unique_id)).toBe(false);
        started.set(node.unique_id, tick++);
        if (random() < 0.3) await yieldTurn();
        finished.set(node.unique_id, tick++);
        return result();
      },
    });
    expect(outcome.results).toHaveLength(5000);
    expect(new Set(outcome.results.map((r) => r.uniqueId)).size).toBe(5000);
    expect(started.size).toBe(5000);
    expect(outcome.counts.success).toBe(5000);
    let edges = 0;
    for (const [child, ps] of Object.entries(parents)) {
      for (const p of ps) {
        edges++;
        expect(finished.get(p)! < started.get(child)!).toBe(true);
      }
    }
    expect(edges).toBeGreaterThan(5000);
  });

  it('with random failures, a node is skipped exactly when one of its ancestors failed', async () => {
    const { nodes, parents, random } = randomDag(600, 7);
    const failing = new Set(nodes.filter(() => random() < 0.03).map((n) => n.unique_id));
    const outcome = await executeDag({ nodes, parents, threads: 5, run: async (n) => (await yieldTurn(), failing.has(n.unique_id) ? result('error', 'boom') : result()) });
    const memo = new Map<string, boolean>();
    const hasFailedAncestor = (id: string): boolean => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      const answer = (parents[id] ?? []).some((p) => failing.has(p) || hasFailedAncestor(p));
      memo.set(id, answer);
      return answer;
    };
    expect(failing.size).toBeGreaterThan(5);
    for (const n of nodes) {
      const status = outcome.byId[n.unique_id]?.result.status;
      if (hasFailedAncestor(n.unique_id)) expect(status).toBe('skipped');
      else expect(status).toBe(failing.has(n.unique_id) ? 'error' : 'success');
    }
  });
});
