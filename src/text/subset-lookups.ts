import { grown, IntBuffer, RunTable } from "./run-table.js";
import type { DistinctSets } from "./word-sets.js";

/**
 * Partners found by their words rather than by searching: when a pair needs every word of the
 * smaller set in common, the partners of a set X are its subsets, and when it needs all words but
 * one of two sets of the same size, they share a set of all X's words but one. Both are looked up
 * among the distinct sets by hashing. Prefix filtering (candidates.ts) would find them too, but
 * through the inverted lists of common words, which are long — and at 0.8, every similar pair of
 * sets of up to 5 words is one of these (2 words within 3, 3 within 4, 4 within 5, or two sets of
 * 5 sharing 4).
 */

/** Records that the sets at steps `step` and `other` are similar, with their overlap and sizes. */
export type Keep = (step: number, other: number, overlap: number, sizes: number) => void;

const EPSILON = 1e-9;
/** Partners are looked up for sets of up to this many words, when it takes at most MOST_LOOKUPS. */
const LOOKUPS_UP_TO = 16;
const MOST_LOOKUPS = 256;

/**
 * Whether sets of this size are the partners of sets of the same size when they share all their
 * words but one, and such partners are found by those words (`keepAllButOnePartners`) rather than
 * by prefix filtering.
 */
export function sharesAllButOne(size: number, threshold: number): boolean {
  return size >= 2 && size <= LOOKUPS_UP_TO && Math.ceil(threshold * size - EPSILON) === size - 1;
}

/**
 * Partners of the same size that need all their words but one in common (`sharesAllButOne`):
 * those sharing the same words but one, found by those words. Each set keeps the earliest of them
 * (by first text): per group of sets with the same words but one, the two earliest are known
 * after a first pass, and each set keeps the earliest other in a second.
 */
export function keepAllButOnePartners(
  ranks: Int32Array,
  start: Int32Array,
  first: Int32Array,
  threshold: number,
  keep: Keep,
): void {
  const words = new IntBuffer();
  const groups = new RunTable(words, 1024);
  // Per group, its two earliest steps (by first text); -1 for none.
  let earliest = new Int32Array(1024).fill(-1);
  const eachGroup = (step: number, visit: (group: number) => void) => {
    const from = start[step] as number;
    const size = (start[step + 1] as number) - from;
    for (let drop = 0; drop < size; drop++) {
      const at = words.length;
      words.reserve(size);
      for (let k = 0; k < size; k++) {
        if (k !== drop) words.codes[words.length++] = ranks[from + k] as number;
      }
      visit(groups.intern(at));
    }
  };
  const steps: number[] = [];
  for (let step = 0; step < start.length - 1; step++) {
    const size = (start[step + 1] as number) - (start[step] as number);
    if (sharesAllButOne(size, threshold)) steps.push(step);
  }
  for (const step of steps) {
    eachGroup(step, (group) => {
      while (2 * group + 2 > earliest.length) earliest = grown(earliest, -1);
      const a = earliest[2 * group] as number;
      if (a === -1 || (first[step] as number) < (first[a] as number)) {
        earliest[2 * group + 1] = a;
        earliest[2 * group] = step;
      } else {
        const b = earliest[2 * group + 1] as number;
        if (b === -1 || (first[step] as number) < (first[b] as number)) {
          earliest[2 * group + 1] = step;
        }
      }
    });
  }
  for (const step of steps) {
    const size = (start[step + 1] as number) - (start[step] as number);
    eachGroup(step, (group) => {
      const a = earliest[2 * group] as number;
      const other = a === step ? (earliest[2 * group + 1] as number) : a;
      if (other !== -1) keep(step, other, size - 1, 2 * size);
    });
  }
}

/**
 * The subsets of a set that need all their words in common with it (a pair of sizes s ≤ |X| with
 * neededOf[s] === s), looked up among the distinct sets while they are few enough.
 */
export class SubsetLookups {
  /** A subset of x, to be looked up. */
  private readonly subset = new Int32Array(LOOKUPS_UP_TO);

  constructor(
    private readonly sets: DistinctSets,
    private readonly keep: Keep,
  ) {}

  /**
   * Keeps each subset of the set at `step` of each size from `smallest` on that needs all its
   * words in common with it, up to `upTo`, if there are at most MOST_LOOKUPS. Returns the largest
   * size looked up (smallest − 1 for none): the caller searches larger partners only.
   */
  lookUp(step: number, smallest: number, upTo: number, neededOf: Int32Array): number {
    const { ranks, start, sets, stepOfSet } = this.sets;
    const xFrom = start[step] as number;
    const xSize = (start[step + 1] as number) - xFrom;
    let within = smallest - 1;
    while (within < upTo && neededOf[within + 1] === within + 1) within++;
    let lookups = 0;
    for (let s = smallest; s <= within; s++) lookups += choose(xSize, s);
    if (xSize > LOOKUPS_UP_TO || lookups > MOST_LOOKUPS) return smallest - 1;
    const subset = this.subset;
    for (let s = smallest; s <= within; s++) {
      forEachSubset(ranks, xFrom, xSize, s, subset, () => {
        const set = sets.find(subset, 0, s);
        if (set === -1) return;
        const y = stepOfSet[set] as number;
        this.keep(step, y, s, xSize + s);
        this.keep(y, step, s, xSize + s);
      });
    }
    return within;
  }
}

/**
 * Calls `visit` with each subset of `length` of the `size` numbers values[from …] written to
 * out[0 … length), in order (Gosper's hack: every size-bit mask with `length` bits set).
 */
function forEachSubset(
  values: Int32Array,
  from: number,
  size: number,
  length: number,
  out: Int32Array,
  visit: () => void,
): void {
  for (let mask = (1 << length) - 1; mask < 1 << size;) {
    let n = 0;
    for (let k = 0; k < size; k++) if (mask & (1 << k)) out[n++] = values[from + k] as number;
    visit();
    const low = mask & -mask;
    const ripple = mask + low;
    mask = ripple | (((ripple ^ mask) >>> 2) / low);
  }
}

/** The number of ways to choose k of n. */
function choose(n: number, k: number): number {
  let ways = 1;
  for (let i = 1; i <= k; i++) ways = (ways * (n - k + i)) / i;
  return Math.round(ways);
}
