/**
 * Nodes whose parents have all succeeded, highest priority first, ties broken by unique_id so a
 * run's start order is the same every time. A binary heap: a 40,000-node run pushes and pops
 * every node once.
 */
export class ReadyQueue {
  private readonly heap: string[] = [];

  constructor(private readonly priority: ReadonlyMap<string, number>) {}

  get size(): number {
    return this.heap.length;
  }

  push(id: string): void {
    const h = this.heap;
    h.push(id);
    let i = h.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.before(h[i]!, h[up]!)) break;
      [h[i], h[up]] = [h[up]!, h[i]!];
      i = up;
    }
  }

  pop(): string | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < h.length && this.before(h[l]!, h[best]!)) best = l;
        if (r < h.length && this.before(h[r]!, h[best]!)) best = r;
        if (best === i) break;
        [h[i], h[best]] = [h[best]!, h[i]!];
        i = best;
      }
    }
    return top;
  }

  /** Drains the queue (in no particular order). */
  takeAll(): string[] {
    return this.heap.splice(0, this.heap.length);
  }

  private before(a: string, b: string): boolean {
    const pa = this.priority.get(a) ?? 0;
    const pb = this.priority.get(b) ?? 0;
    if (pa !== pb) return pa > pb;
    return a < b;
  }
}
