import { contentWords, normalizeText } from "./normalize.js";

const EPSILON = 1e-9;

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
 * each, in one global order (rarest first); with prefixes one longer, at least two when they need
 * two in common. So only texts sharing enough prefix trigrams are compared, and each comparison
 * stops as soon as the overlap Dice needs is out of reach. Trigrams, not bigrams:
 * the 700-odd bigrams of French and English are shared by too many texts to select anything.
 */
export function findRepeats(texts: readonly string[], threshold: number): Repeat[] {
  const count = texts.length;
  const normalized = texts.map(normalizeText);
  const sets = trigramSets(normalized.map(contentWords));
  const { ordered, vocabulary } = rarestFirst(sets);
  const jaccard = threshold / (2 - threshold);
  // One list per trigram, allocated up front: an array written at scattered indexes would fall
  // back to a slow dictionary representation.
  const lists: number[][] = Array.from({ length: vocabulary }, () => []);
  const seenBy = new Int32Array(count).fill(-1);
  const shared = new Int32Array(count);
  // Sizes side by side: the filters below read them for millions of candidates, and each set is a
  // separate object elsewhere in memory.
  const sizes = Int32Array.from(ordered, (set) => set.length);
  const candidates: number[] = [];
  const firstOf = new Map<string, number>();
  const repeats: Repeat[] = [];
  for (let i = 0; i < count; i++) {
    const text = normalized[i] ?? "";
    if (text === "") continue;
    const earlier = firstOf.get(text);
    if (earlier !== undefined) {
      repeats.push({ index: i, of: earlier, similarity: 1, identical: true });
      continue;
    }
    firstOf.set(text, i);
    const x = ordered[i] as Int32Array;
    const prefix = extendedPrefix(x.length, jaccard);
    // Count, for each earlier text, the trigrams its prefix shares with this one's.
    candidates.length = 0;
    for (let k = 0; k < prefix; k++) {
      for (const j of lists[x[k] as number] as number[]) {
        if (seenBy[j] !== i) {
          seenBy[j] = i;
          shared[j] = 1;
          candidates.push(j);
        } else shared[j] = (shared[j] as number) + 1;
      }
    }
    let best = -1;
    let bestOverlap = 0;
    for (const j of candidates) {
      if (best !== -1 && j >= best) continue;
      const size = sizes[j] as number;
      const larger = Math.max(x.length, size);
      // A pair that similar has at least ⌈t'·max⌉ trigrams in common, the first two of them (in
      // the global order) within both extended prefixes.
      if ((shared[j] as number) < 2 && Math.ceil(jaccard * larger - EPSILON) >= 2) continue;
      // Size filter: Dice ≥ t needs min/max ≥ t / (2 − t).
      if (Math.min(x.length, size) < jaccard * larger - EPSILON) continue;
      const y = ordered[j] as Int32Array;
      const needed = Math.ceil((threshold * (x.length + y.length)) / 2 - EPSILON);
      const overlap = overlapReaching(x, y, needed);
      if (overlap >= needed) {
        best = j;
        bestOverlap = overlap;
      }
    }
    if (best !== -1) {
      const similarity = (2 * bestOverlap) / (x.length + (ordered[best] as Int32Array).length);
      repeats.push({ index: i, of: best, similarity, identical: false });
    }
    for (let k = 0; k < prefix; k++) (lists[x[k] as number] as number[]).push(i);
  }
  return repeats;
}

/**
 * The set of character trigrams of each text, as sorted integer ids. A trigram of UTF-16 code
 * units is keyed by a number below 2^48 (exact in a double), cheaper to hash than a string; a
 * text shorter than three characters is its own token.
 */
function trigramSets(texts: readonly string[]): Int32Array[] {
  const ids = new Map<number, number>();
  const id = (key: number) => {
    let value = ids.get(key);
    if (value === undefined) {
      value = ids.size;
      ids.set(key, value);
    }
    return value;
  };
  return texts.map((text) => {
    const grams: number[] = [];
    if (text.length < 3) {
      grams.push(
        id(
          2 ** 48 +
            text.length * 2 ** 32 +
            (text.charCodeAt(0) || 0) * 65536 +
            (text.charCodeAt(1) || 0),
        ),
      );
    }
    for (let i = 0; i + 3 <= text.length; i++) {
      grams.push(
        id(
          text.charCodeAt(i) * 4294967296 + text.charCodeAt(i + 1) * 65536 + text.charCodeAt(i + 2),
        ),
      );
    }
    return unique(Int32Array.from(grams).sort());
  });
}

/** Each set re-expressed in one global order, rarest trigram first (ties by id), sorted. */
function rarestFirst(sets: readonly Int32Array[]): { ordered: Int32Array[]; vocabulary: number } {
  let vocabulary = 0;
  for (const set of sets) for (const id of set) vocabulary = Math.max(vocabulary, id + 1);
  const frequency = new Int32Array(vocabulary);
  for (const set of sets) for (const id of set) frequency[id] = (frequency[id] ?? 0) + 1;
  const order = Array.from(frequency.keys()).sort(
    (a, b) => (frequency[a] ?? 0) - (frequency[b] ?? 0) || a - b,
  );
  const rank = new Int32Array(vocabulary);
  order.forEach((id, position) => {
    rank[id] = position;
  });
  return { ordered: sets.map((set) => set.map((id) => rank[id] ?? 0).sort()), vocabulary };
}

/**
 * How many of a set's first (rarest) trigrams are indexed and probed: the prefix of prefix
 * filtering, |X| − ⌈t'·|X|⌉ + 1, extended by one so that two similar texts share at least two
 * prefix trigrams whenever they need two in common. EPSILON: 0.8 / 1.2 × 30 must give 20, not
 * 20.000000000000004, or a boundary pair is missed.
 */
function extendedPrefix(size: number, jaccard: number): number {
  return Math.min(size, size - Math.ceil(jaccard * size - EPSILON) + 2);
}

function unique(sorted: Int32Array): Int32Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
  }
  return sorted.subarray(0, n);
}

/**
 * The size of the intersection of two sorted arrays — or less than `needed` as soon as `needed`
 * is out of reach (the caller then only knows it is not enough).
 */
function overlapReaching(a: Int32Array, b: Int32Array, needed: number): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (n + Math.min(a.length - i, b.length - j) < needed) return n;
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
