import { searchNearIdentical } from "./candidates.js";
import { distinctSets, distinctTexts, wordSets } from "./word-sets.js";

/** A text that repeats an earlier one: `index` repeats `of` (both indexes into the input). */
export interface Repeat {
  index: number;
  of: number;
  /** 1 when the texts share every content word; the Dice coefficient of their content words. */
  similarity: number;
  /** The same once normalised. */
  identical: boolean;
}

/**
 * For each text, the first earlier text it repeats: the same once normalised, or near-identical —
 * the Sørensen–Dice coefficient of their sets of content words (`contentWordSet`: the normalised
 * words without function words such as "how are you with the", « êtes-vous de la », plural and
 * feminine endings set aside) is at least `threshold` (0 < threshold ≤ 1). An identical earlier
 * text is named before a similar one.
 *
 * The definition is normalize.ts and content-words.ts; this is an exact search for it that never
 * compares all pairs, in three parts:
 * 1. word-sets.ts: the texts folded (`normalizeText` over code units, fold.ts), identical ones
 *    found by hashing; each distinct word read once through the definition; each distinct text's
 *    set of content words, the distinct sets numbered and put in order of size — texts with the
 *    same set need no search;
 * 2. subset-lookups.ts: partners that must contain every word of the smaller set, or all but one
 *    of a set of their own size, looked up by those words;
 * 3. candidates.ts: the other partners, by prefix filtering on the rarest words.
 * This function then names, for each text, the earliest of those.
 *
 * Words, not character n-grams: a question's rarest word is rare, while every trigram of a real
 * language is shared by thousands of questions — with trigrams, 100,000 questions of real words
 * took seconds. Everything runs over typed arrays (code units, word ids, ranks): at 100,000
 * questions the strings and maps of a plain implementation cost more than the search itself.
 */
export function findRepeats(texts: readonly string[], threshold: number): Repeat[] {
  const distinct = distinctTexts(texts);
  const sets = distinctSets(wordSets(distinct));
  const near = searchNearIdentical(sets, threshold);
  // In input order: each text is either empty, a repeat of an identical one, or distinct. A
  // distinct text repeats the first text of its word set, or of a similar set, if either is earlier.
  const repeats: Repeat[] = [];
  const { indexes, sameAs } = distinct;
  for (let index = 0, d = 0; index < texts.length; index++) {
    const same = sameAs[index] as number;
    if (same >= 0) {
      repeats.push({ index, of: same, similarity: 1, identical: true });
    } else if (indexes[d] === index) {
      const step = sets.stepOf[d] as number;
      const first = sets.first[step] as number;
      const similar = near.best[step] as number;
      if (similar !== -1 && similar < d && !(first < d && first < similar)) {
        const similarity = (2 * (near.overlap[step] as number)) / (near.sizes[step] as number);
        repeats.push({ index, of: indexes[similar] as number, similarity, identical: false });
      } else if (first < d) {
        repeats.push({ index, of: indexes[first] as number, similarity: 1, identical: false });
      }
      d++;
    }
  }
  return repeats;
}
