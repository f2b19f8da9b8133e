/**
 * The dependency graph over unique ids. Edges point parent → child. Kept as adjacency lists so
 * every walk is linear in nodes + edges, which matters at 40,000 nodes.
 */
export class Dag {
  readonly parents = new Map<string, string[]>();
  readonly children = new Map<string, string[]>();

  addNode(id: string): void {
    if (!this.parents.has(id)) this.parents.set(id, []);
    if (!this.children.has(id)) this.children.set(id, []);
  }

  addEdge(parent: string, child: string): void {
    this.addNode(parent);
    this.addNode(child);
    const p = this.parents.get(child)!;
    if (!p.includes(parent)) {
      p.push(parent);
      this.children.get(parent)!.push(child);
    }
  }

  /**
   * Kahn's algorithm; returns the order, or the members of one cycle (in order, first repeated
   * at the end) when the graph has one.
   */
  topologicalOrder(): { order: string[] } | { cycle: string[] } {
    const indegree = new Map<string, number>();
    for (const [id, ps] of this.parents) indegree.set(id, ps.length);
    const queue: string[] = [];
    for (const [id, d] of indegree) if (d === 0) queue.push(id);
    const order: string[] = [];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i]!;
      order.push(id);
      for (const c of this.children.get(id)!) {
        const d = indegree.get(c)! - 1;
        indegree.set(c, d);
        if (d === 0) queue.push(c);
      }
    }
    if (order.length === this.parents.size) return { order };
    const remaining = new Set<string>();
    for (const [id, d] of indegree) if (d > 0) remaining.add(id);
    return { cycle: this.findCycle(remaining) };
  }

  /** Walk parents inside the unresolved set until a node repeats: that loop is a cycle. */
  private findCycle(remaining: Set<string>): string[] {
    const start = [...remaining].sort()[0]!;
    const seenAt = new Map<string, number>();
    const path: string[] = [];
    let cur = start;
    while (!seenAt.has(cur)) {
      seenAt.set(cur, path.length);
      path.push(cur);
      const next = this.parents.get(cur)!.filter((p) => remaining.has(p)).sort()[0];
      if (next === undefined) break;
      cur = next;
    }
    const loop = path.slice(seenAt.get(cur)!);
    // Walked child → parent; report in dependency order (parent first).
    loop.reverse();
    // Start at the smallest id so the same cycle is always reported the same way.
    const first = loop.indexOf([...loop].sort()[0]!);
    const rotated = [...loop.slice(first), ...loop.slice(0, first)];
    return [...rotated, rotated[0]!];
  }

  /** Plain-object maps in the manifest's layout, ids sorted for stable output. */
  toMaps(): { parent_map: Record<string, string[]>; child_map: Record<string, string[]> } {
    const parent_map: Record<string, string[]> = {};
    const child_map: Record<string, string[]> = {};
    for (const id of [...this.parents.keys()].sort()) {
      parent_map[id] = [...this.parents.get(id)!].sort();
      child_map[id] = [...this.children.get(id)!].sort();
    }
    return { parent_map, child_map };
  }
}
