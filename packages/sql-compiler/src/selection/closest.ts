/** "Did you mean" for selector errors, phrased by how close the nearest name is. */
import { editDistance } from '../suggest.js';

export { editDistance };

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
