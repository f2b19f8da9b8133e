/** Wall time per compile phase, for --debug output and benchmarks. */
export class PhaseTimer {
  private last = performance.now();
  readonly phases: { name: string; ms: number }[] = [];
  mark(name: string): void {
    const now = performance.now();
    this.phases.push({ name, ms: now - this.last });
    this.last = now;
  }
  summary(): string {
    return this.phases.map((p) => `${p.name} ${p.ms.toFixed(0)}ms`).join(', ');
  }
}
