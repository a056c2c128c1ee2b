import { keepAllButOnePartners, sharesAllButOne, SubsetLookups } from "./subset-lookups.js";
import type { DistinctSets } from "./word-sets.js";

/**
 * The search proper: for each distinct word set, the similar sets (Dice ≥ t), without comparing
 * all pairs. Dice ≥ t needs an overlap α ≥ t·(|X| + |Y|) / 2. The sets come in order of size
 * ("steps"); each finds its smaller (or equal) partners three ways:
 * - partners that need every one of their words in common, and partners of its own size that need
 *   all but one, by looking those words up (subset-lookups.ts);
 * - the others by prefix filtering (Bayardo et al., "Scaling up all pairs similarity search",
 *   2007): two sets with α words in common share one of the first |X| − α + 1 words of each, in
 *   one global order (rarest first). Each set probes the inverted lists of its prefix words, then
 *   is indexed by its own (shorter, since later sets are larger) prefix; a 64-bit signature
 *   stored with each list entry rules out most candidates before their words are read.
 */

const EPSILON = 1e-9;
/** Numbers per list entry: the step, then the two words of its signature. */
const ENTRY = 3;

/** For each step, the earliest first text of a similar set (-1: none), their overlap and sizes. */
export interface NearIdentical {
  best: Int32Array;
  overlap: Int32Array;
  sizes: Int32Array;
}

/**
 * For each distinct word set, the earliest first text (in input order) among the sets at least
 * `threshold` similar to it. In the lists, entries too small for the current size are dropped for
 * good. Every similar pair of sets is found once, and kept for both.
 */
export function searchNearIdentical(distinct: DistinctSets, threshold: number): NearIdentical {
  const { ranks, start, first, vocabulary } = distinct;
  const count = start.length - 1;
  const jaccard = threshold / (2 - threshold);
  const sizeOf = (step: number) => (start[step + 1] as number) - (start[step] as number);
  const { low, high } = signatures(ranks, start);
  // Each list's final length, so that all lists live in one array; an entry is a step and its
  // signature (ENTRY numbers), so that a candidate is judged without reading anything else.
  const listStart = new Int32Array(vocabulary + 1);
  for (let step = 0; step < count; step++) {
    const from = start[step] as number;
    const to = from + prefix(sizeOf(step), threshold);
    for (let k = from; k < to; k++) {
      const next = (ranks[k] as number) + 1;
      listStart[next] = (listStart[next] as number) + ENTRY;
    }
  }
  for (let r = 1; r <= vocabulary; r++) {
    listStart[r] = (listStart[r] as number) + (listStart[r - 1] as number);
  }
  const listHead = listStart.slice(0, vocabulary);
  const listEnd = listStart.slice(0, vocabulary);
  const lists = new Int32Array(listStart[vocabulary] as number);
  // Sizes grow with steps: the first step of each size bounds the entries too small or too large.
  const largest = count > 0 ? sizeOf(count - 1) : 0;
  const firstStepOfSize = new Int32Array(largest + 2).fill(count);
  for (let step = count - 1; step >= 0; step--) firstStepOfSize[sizeOf(step)] = step;
  for (let s = largest; s >= 0; s--) {
    firstStepOfSize[s] = Math.min(firstStepOfSize[s] as number, firstStepOfSize[s + 1] as number);
  }
  // For each step, the earliest first text of a similar set (-1: none yet), their overlap, sizes.
  const best = new Int32Array(count).fill(-1);
  const overlaps = new Int32Array(count);
  const pairSizes = new Int32Array(count);
  const keep = (step: number, other: number, overlap: number, sizes: number) => {
    const known = best[step] as number;
    if (known === -1 || (first[other] as number) < known) {
      best[step] = first[other] as number;
      overlaps[step] = overlap;
      pairSizes[step] = sizes;
    }
  };
  // The last step each indexed step was met by (a step is judged once per probing set), and the
  // steps whose signature allows the overlap needed, to be verified.
  const metBy = new Int32Array(count).fill(-1);
  const candidates = new Int32Array(count);
  // The overlap a partner of each size needs.
  const neededOf = new Int32Array(largest + 2);
  keepAllButOnePartners(ranks, start, first, threshold, keep);
  const subsets = new SubsetLookups(distinct, keep);
  for (let step = 0; step < count; step++) {
    const xFrom = start[step] as number;
    const xTo = start[step + 1] as number;
    const xSize = xTo - xFrom;
    // Size filter: Dice ≥ t needs min/max ≥ t' = t / (2 − t).
    const smallest = Math.min(Math.ceil(jaccard * xSize - EPSILON), largest + 1);
    const minStep = firstStepOfSize[smallest] as number;
    for (let s = smallest; s <= xSize; s++) {
      neededOf[s] = Math.ceil((threshold * (xSize + s)) / 2 - EPSILON);
    }
    const xLow = low[step] as number;
    const xHigh = high[step] as number;
    const xCollisions = xSize - bitCount(xLow) - bitCount(xHigh);
    // A partner of size s needs α(s) words in common, one of them within x's first |x| − α(s) + 1:
    // the word at position k only matters to partners with α(s) ≤ |x| − k, that is up to size
    // `upTo`; lists are in order of size. Sets are distinct, so a partner of the same size has at
    // most |x| − 1 words in common, and those that need all but one were looked up.
    let upTo = xSize;
    if ((neededOf[xSize] as number) > xSize - 1 || sharesAllButOne(xSize, threshold)) upTo--;
    // Partners that need all their words in common (up to size `within`) are subsets of x: while
    // they are few, each is looked up, and the lists only serve larger partners.
    const within = subsets.lookUp(step, smallest, upTo, neededOf);
    const listFrom = firstStepOfSize[within + 1] as number;
    let found = 0;
    const probeEnd = xFrom + prefix(xSize, jaccard);
    for (let k = xFrom; k < probeEnd; k++) {
      const most = xSize - (k - xFrom);
      while (upTo > within && (neededOf[upTo] as number) > most) upTo--;
      if (upTo <= within) break;
      const stop = firstStepOfSize[upTo + 1] as number;
      const word = ranks[k] as number;
      const end = listEnd[word] as number;
      let q = listHead[word] as number;
      while (q < end && (lists[q] as number) < minStep) q += ENTRY;
      listHead[word] = q;
      if (listFrom > minStep) q = firstEntry(lists, q, end, listFrom);
      // The size of the entries read, followed as they grow.
      let size = smallest;
      let nextSize = firstStepOfSize[size + 1] as number;
      for (; q < end; q += ENTRY) {
        const y = lists[q] as number;
        if (y >= stop) break;
        if (metBy[y] === step) continue;
        metBy[y] = step;
        while (y >= nextSize) nextSize = firstStepOfSize[++size + 1] as number;
        const bound =
          bitCount(xLow & (lists[q + 1] as number)) +
          bitCount(xHigh & (lists[q + 2] as number)) +
          xCollisions;
        if (bound >= (neededOf[size] as number)) candidates[found++] = y;
      }
    }
    for (let c = 0; c < found; c++) {
      const y = candidates[c] as number;
      // Nothing to learn when each already knows a similar set at least as early as the other.
      const xKnown = best[step] as number;
      const yKnown = best[y] as number;
      if (xKnown !== -1 && xKnown <= (first[y] as number)) {
        if (yKnown !== -1 && yKnown <= (first[step] as number)) continue;
      }
      const yFrom = start[y] as number;
      const ySize = sizeOf(y);
      const needed = neededOf[ySize] as number;
      const overlap = overlapReaching(ranks, xFrom, xTo, yFrom, yFrom + ySize, needed);
      if (overlap >= needed) {
        keep(step, y, overlap, xSize + ySize);
        keep(y, step, overlap, xSize + ySize);
      }
    }
    const indexEnd = xFrom + prefix(xSize, threshold);
    for (let k = xFrom; k < indexEnd; k++) {
      const word = ranks[k] as number;
      const slot = listEnd[word] as number;
      lists[slot] = step;
      lists[slot + 1] = xLow;
      lists[slot + 2] = xHigh;
      listEnd[word] = slot + ENTRY;
    }
  }
  return { best, overlap: overlaps, sizes: pairSizes };
}

/**
 * A 64-bit signature of each set (bit rank mod 64 for each word), in two 32-bit halves: the bits
 * two sets share, plus the words of x that share a bit with another of x's, bound their overlap
 * without reading them.
 */
function signatures(ranks: Int32Array, start: Int32Array): { low: Int32Array; high: Int32Array } {
  const count = start.length - 1;
  const low = new Int32Array(count);
  const high = new Int32Array(count);
  for (let step = 0; step < count; step++) {
    for (let k = start[step] as number; k < (start[step + 1] as number); k++) {
      const rank = ranks[k] as number;
      if (rank & 32) high[step] = (high[step] as number) | (1 << (rank & 31));
      else low[step] = (low[step] as number) | (1 << (rank & 31));
    }
  }
  return { low, high };
}

/** The first entry of lists[from … end) whose step is at least `step` (a binary search). */
function firstEntry(lists: Int32Array, from: number, end: number, step: number): number {
  let low = 0;
  let high = (end - from) / ENTRY;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((lists[from + middle * ENTRY] as number) < step) low = middle + 1;
    else high = middle;
  }
  return from + low * ENTRY;
}

/** The number of bits set in a 32-bit integer. */
function bitCount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Prefix filtering: two sets with at least α words in common share one of the first |X| − α + 1
 * words of each (in the global order). A set probes with α ≥ ⌈t'·|X|⌉ (its partner may be as small
 * as t'·|X|), and is indexed with α ≥ ⌈t·|X|⌉ (later partners are at least as large, and Dice ≥ t
 * needs α ≥ t·(|X| + |Y|) / 2). EPSILON: 0.8 / 1.2 × 30 must give 20, not 20.000000000000004, or a
 * boundary pair is missed.
 */
function prefix(size: number, atLeast: number): number {
  return size - Math.ceil(atLeast * size - EPSILON) + 1;
}

/**
 * The size of the intersection of two sorted runs of `values` — or less than `needed` as soon as
 * `needed` is out of reach (the caller then only knows it is not enough).
 */
function overlapReaching(
  values: Int32Array,
  i: number,
  iEnd: number,
  j: number,
  jEnd: number,
  needed: number,
): number {
  let n = 0;
  while (i < iEnd && j < jEnd) {
    if (n + Math.min(iEnd - i, jEnd - j) < needed) return n;
    const x = values[i] as number;
    const y = values[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
