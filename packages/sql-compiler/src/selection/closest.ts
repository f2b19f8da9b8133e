/**
 * "Did you mean" support for selector errors. Kept inside selection/ so the module has no
 * dependency on helpers other teams are still shaping.
 */

/** Levenshtein distance with adjacent transpositions counted as one edit (typo-friendly). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length]!;
}

/**
 * The nearest candidate, always (ties broken alphabetically), so an error can name it. Callers
 * decide from `distance` whether it is a plausible typo worth phrasing as "did you mean".
 */
export function nearest(name: string, candidates: Iterable<string>): { name: string; distance: number } | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (best === undefined || d < best.distance || (d === best.distance && candidate < best.name)) {
      best = { name: candidate, distance: d };
    }
  }
  return best;
}

/** A sentence naming the closest candidate, phrased by how close it is; '' when none exist. */
export function suggestion(name: string, candidates: Iterable<string>, noun: string): string {
  const best = nearest(name, candidates);
  if (best === undefined) return '';
  const plausible = best.distance <= Math.max(2, Math.floor(name.length / 3));
  return plausible ? `Did you mean '${best.name}'?` : `The closest ${noun} is '${best.name}'.`;
}
