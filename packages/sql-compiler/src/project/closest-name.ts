/** Key suggestions for YAML: case and -/_ slips count as one edit. Distances from ../suggest.ts. */
import { editDistance } from '../suggest.js';

export { editDistance };

/**
 * The candidate closest to `name`, if it is close enough to be a plausible typo: at most
 * `maxDistance` edits (default 2) and at most a third of the name's length (but always one), so
 * that short names don't "match" everything.
 */
export function closestName(name: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.min(maxDistance, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    // Case and -/_ slips are the commonest and count as one edit at most.
    const normalised = candidate.toLowerCase();
    const d =
      normalised === lower || normalised.replace(/-/g, '_') === lower.replace(/-/g, '_')
        ? 1
        : editDistance(lower, normalised);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
