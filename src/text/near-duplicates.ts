import { contentWords, normalizeText } from "./normalize.js";

const EPSILON = 1e-9;
/**
 * Character trigrams: bigrams (about 700 of them in French and English text) are shared by too
 * many questions for the index to select anything, and the search turns quadratic.
 */
const GRAM = 3;

/** A text that repeats an earlier one: `index` repeats `of` (both indexes into the input). */
export interface Repeat {
  index: number;
  of: number;
  /** 1 when the texts are the same once normalised; else the Dice coefficient. */
  similarity: number;
  identical: boolean;
}

/**
 * For each text, the first earlier text it repeats: the same once normalised, or near-identical —
 * the Sørensen–Dice coefficient of the sets of character trigrams of their content words (the
 * normalised text without function words such as "how are you with the", « êtes-vous de la ») is
 * at least `threshold` (0 < threshold ≤ 1). An identical earlier text is named before a similar one.
 *
 * No all-pairs comparison: identical texts are found by hashing, near-identical ones by prefix
 * filtering (Bayardo et al., "Scaling up all pairs similarity search", 2007). Dice ≥ t is Jaccard ≥
 * t / (2 − t); two sets that similar share at least one of the first |X| − ⌈t'·|X|⌉ + 1 trigrams of
 * each, in one global order (rarest first), so only texts sharing such a trigram are compared.
 */
export function findRepeats(texts: readonly string[], threshold: number): Repeat[] {
  const normalized = texts.map(normalizeText);
  const repeats: Repeat[] = [];
  const firstOf = new Map<string, number>();
  const ids = new Map<string, number>();
  const sets = normalized.map((text) => gramIds(contentWords(text), ids));
  // Global order: rarest trigram first, which keeps the inverted lists short.
  const frequency = new Int32Array(ids.size);
  for (const set of sets) for (const id of set) frequency[id] = (frequency[id] ?? 0) + 1;
  const rank = rankBy(frequency);
  const ordered = sets.map((set) => Int32Array.from(set, (id) => rank[id] ?? 0).sort());
  const jaccard = threshold / (2 - threshold);
  const index = new Map<number, number[]>();
  for (let i = 0; i < texts.length; i++) {
    const text = normalized[i] ?? "";
    if (text === "") continue;
    const earlier = firstOf.get(text);
    if (earlier !== undefined) {
      repeats.push({ index: i, of: earlier, similarity: 1, identical: true });
      continue;
    }
    firstOf.set(text, i);
    const x = ordered[i] ?? new Int32Array();
    // EPSILON: 0.8 / 1.2 × 30 must give 20, not 20.000000000000004, or a boundary pair is missed.
    const prefix = x.length - Math.ceil(jaccard * x.length - EPSILON) + 1;
    let best = -1;
    let bestSimilarity = 0;
    const seen = new Set<number>();
    for (let k = 0; k < prefix && k < x.length; k++) {
      for (const j of index.get(x[k] ?? 0) ?? []) {
        if (seen.has(j) || (best !== -1 && j > best)) continue;
        seen.add(j);
        const y = ordered[j] ?? new Int32Array();
        // Size filter: Dice ≥ t needs min/max ≥ t / (2 − t).
        if (Math.min(x.length, y.length) < jaccard * Math.max(x.length, y.length) - EPSILON)
          continue;
        const dice = (2 * overlap(x, y)) / (x.length + y.length);
        if (dice >= threshold) {
          best = j;
          bestSimilarity = dice;
        }
      }
    }
    if (best !== -1)
      repeats.push({ index: i, of: best, similarity: bestSimilarity, identical: false });
    for (let k = 0; k < prefix && k < x.length; k++) {
      const list = index.get(x[k] ?? 0);
      if (list) list.push(i);
      else index.set(x[k] ?? 0, [i]);
    }
  }
  return repeats;
}

/** The set of character trigrams of a text, as ids (a shorter text is its own token). */
function gramIds(text: string, ids: Map<string, number>): Set<number> {
  const set = new Set<number>();
  const add = (gram: string) => {
    let id = ids.get(gram);
    if (id === undefined) {
      id = ids.size;
      ids.set(gram, id);
    }
    set.add(id);
  };
  if (text.length < GRAM) add(text);
  for (let i = 0; i + GRAM <= text.length; i++) add(text.slice(i, i + GRAM));
  return set;
}

/** rank[id]: the position of trigram `id` when sorted by ascending frequency (ties by id). */
function rankBy(frequency: Int32Array): Int32Array {
  const order = Array.from(frequency.keys()).sort(
    (a, b) => (frequency[a] ?? 0) - (frequency[b] ?? 0) || a - b,
  );
  const rank = new Int32Array(frequency.length);
  order.forEach((id, position) => {
    rank[id] = position;
  });
  return rank;
}

/** Size of the intersection of two sorted arrays. */
function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
