/**
 * Thrown during a partial recompile when a template reaches for something the partial state does
 * not hold exactly (other relations' columns, the whole graph, the warehouse): the caller then
 * compiles the project in full. Never reaches the user.
 */
export class NeedsFullCompile extends Error {
  constructor(readonly reason: string) {
    super(`partial recompile not possible: ${reason}`);
    this.name = 'NeedsFullCompile';
  }
}

export function findNeedsFullCompile(e: unknown): NeedsFullCompile | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 20 && cur; i++) {
    if (cur instanceof NeedsFullCompile) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
