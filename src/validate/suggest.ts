import { distance } from "fastest-levenshtein";

/**
 * The known word closest to `word`, when it is close enough to be a likely typo: a case
 * difference, or an edit distance of at most a third of the word, rounded up (at most 3); else a
 * known word that starts with it.
 */
export function closest(word: string, known: Iterable<string>): string | null {
  const lower = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.ceil(word.length / 3)));
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    const d = other === lower ? 0 : isSwap(lower, other) ? 1 : distance(lower, other);
    if (d < bestDistance || (d === bestDistance && best !== null && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (bestDistance <= limit) return best;
  return startingWith(lower, known);
}

/**
 * A known word that starts with what was typed (`sophie` for `sophie-digital`), when the typo
 * measure finds none: the shortest, then the first in alphabetical order. Three letters at least.
 */
function startingWith(lower: string, known: Iterable<string>): string | null {
  if (lower.length < 3) return null;
  let best: string | null = null;
  for (const candidate of known) {
    if (!candidate.toLowerCase().startsWith(lower) || candidate.length === lower.length) continue;
    if (
      best === null ||
      candidate.length < best.length ||
      (candidate.length === best.length && candidate < best)
    ) {
      best = candidate;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or the empty string. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const match = closest(word, known);
  return match === null ? "" : `; did you mean "${match}"?`;
}

/** Two adjacent letters swapped ("nsp" for "nps"): one typo, though Levenshtein counts two edits. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return (
    i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  );
}
