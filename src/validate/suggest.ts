import { distance } from "fastest-levenshtein";

/**
 * The known word closest to `word`, when it is close enough to be a likely typo: a case
 * difference, or an edit distance of at most a third of the word, rounded up (at most 3).
 */
export function closest(word: string, known: Iterable<string>): string | null {
  const lower = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.ceil(word.length / 3)));
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    if (candidate === word) continue;
    const d = candidate.toLowerCase() === lower ? 0 : distance(lower, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== null && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : null;
}

/** ` (did you mean "x"?)` or the empty string. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const match = closest(word, known);
  return match === null ? "" : `; did you mean "${match}"?`;
}
