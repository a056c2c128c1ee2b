import { CodeBuffer, fold } from "./fold.js";
import { FUNCTION_WORDS } from "./normalize.js";

const EPSILON = 1e-9;
const SPACE = 0x20;

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
 * No all-pairs comparison. Identical texts, and texts with identical word sets, are found by
 * hashing. Dice ≥ t needs an overlap α ≥ t·(|X| + |Y|) / 2; the sets are taken in order of size
 * ("steps") and each finds its smaller (or equal) partners three ways:
 * - partners that need every one of their words in common are subsets of X: while there are few,
 *   each subset is looked up (`forEachSubset`);
 * - partners of X's own size that need all their words but one in common share a set of all
 *   words but one with X: grouped by those words (`keepAllButOnePartners`);
 * - the others by prefix filtering (Bayardo et al., "Scaling up all pairs similarity search",
 *   2007): two sets with α words in common share one of the first |X| − α + 1 words of each, in
 *   one global order (rarest first). Each set probes the inverted lists of its prefix words, then
 *   is indexed by its own (shorter, since later sets are larger) prefix; a 64-bit signature
 *   stored with each list entry rules out most candidates before their words are read.
 * Words, not character n-grams: a question's rarest word is rare, while every trigram of a real
 * language is shared by thousands of questions — with trigrams, 100,000 questions of real words
 * took seconds.
 *
 * Everything runs over typed arrays (code units, word ids, ranks): at 100,000 questions the strings
 * and maps of a plain implementation cost more than the search itself.
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

/** The texts that differ once normalised, in order of first appearance, as code units. */
interface Distinct {
  /** The input index of each distinct text. */
  indexes: Int32Array;
  /** Distinct text d is codes[start[d] … start[d + 1]). */
  codes: CodeBuffer;
  start: Int32Array;
  /** For each input text, the index of an earlier identical one, else -1. */
  sameAs: Int32Array;
}

/** Folds every text and tells those that are the same as an earlier one once normalised. */
function distinctTexts(texts: readonly string[]): Distinct {
  let capacity = 0;
  let longest = 0;
  for (const text of texts) {
    capacity += text.length;
    longest = Math.max(longest, text.length);
  }
  // Folding rarely lengthens a text (œ → oe); room for the longest folded four times over.
  const codes = new CodeBuffer(capacity + longest * 4 + 16);
  const table = new RunTable(codes, texts.length);
  const indexes = new Int32Array(texts.length);
  const start = new Int32Array(texts.length + 1);
  const sameAs = new Int32Array(texts.length).fill(-1);
  for (let index = 0; index < texts.length; index++) {
    const begin = codes.length;
    fold(texts[index] as string, codes);
    if (codes.length === begin) continue;
    const d = table.intern(begin);
    if (table.added) {
      indexes[d] = index;
      start[d + 1] = codes.length;
    } else sameAs[index] = indexes[d] as number;
  }
  return {
    indexes: indexes.subarray(0, table.size),
    codes,
    start: start.subarray(0, table.size + 1),
    sameAs,
  };
}

/** Where a RunTable's runs are kept: a growable buffer, or a fixed array. */
interface Store {
  readonly codes: ArrayLike<number>;
  length: number;
}

/**
 * Ids for runs of a store's numbers (a text's code units, a word's, a set's ranks) by their
 * content, in order of storing: open addressing over FNV-1a hashes.
 */
class RunTable {
  /** Per slot, a run's hash and its id + 1 (0: empty), side by side: one read tells most misses. */
  private slots: Int32Array;
  private starts: Int32Array;
  /** A bit per hash value modulo its size, set for each stored run's: most misses stop there. */
  private readonly hashed: Int32Array;
  size = 0;
  /** Whether the last `add` or `intern` stored a new run. */
  added = false;

  constructor(
    private readonly store: Store,
    expected = 16,
  ) {
    this.slots = new Int32Array(2 << Math.max(4, Math.ceil(Math.log2(expected * 2 + 1))));
    this.starts = new Int32Array(Math.max(16, expected) * 2);
    this.hashed = new Int32Array(1 << Math.max(5, Math.ceil(Math.log2(expected / 4 + 1))));
  }

  /** The id of a stored run equal to values[begin … end), or -1. */
  find(values: ArrayLike<number>, begin: number, end: number): number {
    const hash = hashOf(values, begin, end);
    const bit = hash & ((this.hashed.length << 5) - 1);
    if (((this.hashed[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return -1;
    return (this.slots[this.slotOf(values, begin, end, hash) + 1] as number) - 1;
  }

  /** Stores the store's run [begin … end) unless an equal run is stored: the id of either. */
  add(begin: number, end: number): number {
    const values = this.store.codes;
    const hash = hashOf(values, begin, end);
    const slot = this.slotOf(values, begin, end, hash);
    const known = this.slots[slot + 1] as number;
    this.added = known === 0;
    if (!this.added) return known - 1;
    const id = this.size++;
    if (2 * this.size > this.starts.length) this.starts = grown(this.starts, 0);
    this.slots[slot] = hash;
    this.slots[slot + 1] = id + 1;
    const bit = hash & ((this.hashed.length << 5) - 1);
    this.hashed[bit >>> 5] = (this.hashed[bit >>> 5] as number) | (1 << (bit & 31));
    this.starts[2 * id] = begin;
    this.starts[2 * id + 1] = end;
    if (this.size * 4 > this.slots.length) this.rehash();
    return id;
  }

  /**
   * Stores the run the store ends with, from `begin`, unless an equal run is stored — then it is
   * taken back off the store. The id of either.
   */
  intern(begin: number): number {
    const id = this.add(begin, this.store.length);
    if (!this.added) this.store.length = begin;
    return id;
  }

  /** The slot of the run equal to values[begin … end), or the empty slot where it would go. */
  private slotOf(values: ArrayLike<number>, begin: number, end: number, hash: number): number {
    const stored = this.store.codes;
    const slots = this.slots;
    const mask = slots.length - 2;
    for (let slot = (hash << 1) & mask; ; slot = (slot + 2) & mask) {
      const id = (slots[slot + 1] as number) - 1;
      if (id === -1) return slot;
      if (slots[slot] !== hash) continue;
      const from = this.starts[2 * id] as number;
      if (
        (this.starts[2 * id + 1] as number) - from === end - begin &&
        sameRun(stored, from, values, begin, end - begin)
      ) {
        return slot;
      }
    }
  }

  private rehash(): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(old.length * 2));
    const mask = slots.length - 2;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = ((old[s] as number) << 1) & mask;
      while (slots[slot + 1] !== 0) slot = (slot + 2) & mask;
      slots[slot] = old[s] as number;
      slots[slot + 1] = old[s + 1] as number;
    }
  }
}

/** FNV-1a. */
function hashOf(values: ArrayLike<number>, begin: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let k = begin; k < end; k++) hash = Math.imul(hash ^ (values[k] as number), 0x01000193);
  return hash;
}

function sameRun(
  a: ArrayLike<number>,
  aFrom: number,
  b: ArrayLike<number>,
  bFrom: number,
  length: number,
): boolean {
  for (let k = 0; k < length; k++) if (a[aFrom + k] !== b[bFrom + k]) return false;
  return true;
}

/** A copy of `values` twice as long, the new half filled with `fill`. */
function grown(values: Int32Array, fill: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(values.length * 2).fill(fill);
  out.set(values);
  return out;
}

/** The function words, to be told apart without making strings. */
const functionWords = new CodeBuffer(1024);
const functionWordTable = new RunTable(functionWords, FUNCTION_WORDS.size);
for (const word of FUNCTION_WORDS) {
  const begin = functionWords.length;
  functionWords.append(word);
  functionWordTable.intern(begin);
}

/** The word sets of the distinct texts, as ranks in one global order (rarest first). */
interface WordSets {
  /** The set of distinct text d is ranks[start[d] … start[d + 1]), in no particular order. */
  ranks: Int32Array;
  start: Int32Array;
  vocabulary: number;
}

const LETTER_E = 0x65;
const LETTER_I = 0x69;
const LETTER_S = 0x73;
const LETTER_X = 0x78;
const LETTER_Y = 0x79;

/** `foldEnding` over code units: the folded word is written to out[at …], its length returned. */
function foldEndingCodes(
  codes: Uint16Array,
  begin: number,
  end: number,
  out: Uint16Array,
  at: number,
): number {
  let last = end - 1;
  if (last - begin >= 3) {
    const c = codes[last] as number;
    if (c === LETTER_X || (c === LETTER_S && codes[last - 1] !== LETTER_S)) last--;
  }
  if (last - begin >= 3 && codes[last] === LETTER_E) last--;
  const length = last - begin + 1;
  for (let k = 0; k < length; k++) out[at + k] = codes[begin + k] as number;
  if (length > 3 && out[at + length - 1] === LETTER_Y) out[at + length - 1] = LETTER_I;
  return length;
}

/**
 * The set of content words of each distinct text (`contentWordSet`), numbered by their folded
 * spelling and re-expressed as ranks rarest first.
 */
function wordSets({ codes: buffer, start }: Distinct): WordSets {
  const codes = buffer.codes;
  const count = start.length - 1;
  // Words numbered by their folded spelling: each is written after the known ones (and taken back
  // when it is one of them).
  const spelling = new CodeBuffer(1024);
  const folded = new RunTable(spelling, 1024);
  const foldedId = (begin: number, end: number): number => {
    const at = spelling.length;
    spelling.reserve(end - begin);
    spelling.length += foldEndingCodes(codes, begin, end, spelling.codes, at);
    return folded.intern(at);
  };

  // At most one id per word, and a text of n code units has at most (n + 1) / 2 words.
  const ranks = new Int32Array(((start[count] as number) + count) >>> 1);
  const setStart = new Int32Array(count + 1);
  // The last text each word was met in: a word already met in this text is not written again.
  let lastSeen = new Int32Array(1024).fill(-1);
  let p = 0;
  for (let d = 0; d < count; d++) {
    setStart[d] = p;
    const end = start[d + 1] as number;
    for (let pass = 0; pass < 2 && p === setStart[d]; pass++) {
      // Pass 0 keeps the content words; pass 1, when none is left, every word.
      let word = start[d] as number;
      while (word < end) {
        let wordEnd = word;
        while (wordEnd < end && codes[wordEnd] !== SPACE) wordEnd++;
        if (pass === 1 || functionWordTable.find(codes, word, wordEnd) === -1) {
          const f = foldedId(word, wordEnd);
          if (f >= lastSeen.length) lastSeen = grown(lastSeen, -1);
          if (lastSeen[f] !== d) {
            lastSeen[f] = d;
            ranks[p++] = f;
          }
        }
        word = wordEnd + 1;
      }
    }
  }
  setStart[count] = p;

  // Rarest first, ties by first appearance.
  const words = folded.size;
  const frequency = new Int32Array(words);
  for (let k = 0; k < p; k++) {
    const id = ranks[k] as number;
    frequency[id] = (frequency[id] as number) + 1;
  }
  const rank = positionsIn(inOrderOf(frequency));
  for (let k = 0; k < p; k++) ranks[k] = rank[ranks[k] as number] as number;
  return { ranks: ranks.subarray(0, p), start: setStart, vocabulary: words };
}

/**
 * For each distinct word set, the earliest first text (in input order) among the sets at least
 * `threshold` similar to it (see `findRepeats`). In the lists, entries too small for the current
 * size are dropped for good. Every similar pair of sets is found once, and kept for both.
 */
function searchNearIdentical(
  { ranks, start, first, stepOfSet, sets, vocabulary }: DistinctSets,
  threshold: number,
): NearIdentical {
  const count = start.length - 1;
  const jaccard = threshold / (2 - threshold);
  const sizeOf = (step: number) => (start[step + 1] as number) - (start[step] as number);
  // A 64-bit signature of each set (bit rank mod 64 for each word): the bits two sets share, plus
  // the words of x that share a bit with another of x's, bound their overlap without reading them.
  const low = new Int32Array(count);
  const high = new Int32Array(count);
  for (let step = 0; step < count; step++) {
    for (let k = start[step] as number; k < (start[step + 1] as number); k++) {
      const rank = ranks[k] as number;
      if (rank & 32) high[step] = (high[step] as number) | (1 << (rank & 31));
      else low[step] = (low[step] as number) | (1 << (rank & 31));
    }
  }
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
  // A subset of x, to be looked up.
  const subset = new Int32Array(LOOKUPS_UP_TO);
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
    // most |x| − 1 words in common.
    let upTo = xSize;
    if ((neededOf[xSize] as number) > xSize - 1 || sharesAllButOne(xSize, threshold)) upTo--;
    // Partners that need all their words in common (up to size `within`) are subsets of x: while
    // they are few, each is looked up by its words, and the lists only serve larger partners.
    let within = smallest - 1;
    while (within < upTo && neededOf[within + 1] === within + 1) within++;
    let lookups = 0;
    for (let s = smallest; s <= within; s++) lookups += choose(xSize, s);
    if (xSize > LOOKUPS_UP_TO || lookups > MOST_LOOKUPS) within = smallest - 1;
    for (let s = smallest; s <= within; s++) {
      forEachSubset(ranks, xFrom, xSize, s, subset, () => {
        const set = sets.find(subset, 0, s);
        if (set === -1) return;
        const y = stepOfSet[set] as number;
        keep(step, y, s, xSize + s);
        keep(y, step, s, xSize + s);
      });
    }
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

/** Numbers per list entry: the step, then the two words of its signature. */
const ENTRY = 3;
/** Partners are looked up for sets of up to this many words, when it takes at most MOST_LOOKUPS. */
const LOOKUPS_UP_TO = 16;
const MOST_LOOKUPS = 256;

/**
 * Partners of the same size that need all their words but one in common (`sharesAllButOne`):
 * those sharing the same words but one, found by those words rather than in the lists. Each set
 * keeps the earliest of them (by first text): per group of sets with the same words but one, the
 * two earliest are known after a first pass, and each set keeps the earliest other in a second.
 */
function keepAllButOnePartners(
  ranks: Int32Array,
  start: Int32Array,
  first: Int32Array,
  threshold: number,
  keep: (step: number, other: number, overlap: number, sizes: number) => void,
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

/**
 * Whether sets of this size are the partners of sets of the same size when they share all their
 * words but one, and such partners are found by those words (`groups`) rather than in the lists.
 */
function sharesAllButOne(size: number, threshold: number): boolean {
  return size >= 2 && size <= LOOKUPS_UP_TO && Math.ceil(threshold * size - EPSILON) === size - 1;
}

/** A growable buffer of 32-bit integers. */
class IntBuffer {
  codes = new Int32Array(1024);
  length = 0;

  /** Room for `extra` more numbers. */
  reserve(extra: number): void {
    while (this.length + extra > this.codes.length) this.codes = grown(this.codes, 0);
  }
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

/** The number of ways to choose k of n. */
function choose(n: number, k: number): number {
  let ways = 1;
  for (let i = 1; i <= k; i++) ways = (ways * (n - k + i)) / i;
  return Math.round(ways);
}

/** For each step, the earliest first text of a similar set (-1: none), their overlap and sizes. */
interface NearIdentical {
  best: Int32Array;
  overlap: Int32Array;
  sizes: Int32Array;
}

/** The distinct word sets, in order of size ("steps"), each sorted. */
interface DistinctSets {
  /** The set at step s is ranks[start[s] … start[s + 1]), sorted ascending. */
  ranks: Int32Array;
  start: Int32Array;
  /** The step of each distinct text's set, and the first distinct text of each step's set. */
  stepOf: Int32Array;
  first: Int32Array;
  /** The set whose sorted ranks are given (`find`), and the step of each set. */
  sets: RunTable;
  stepOfSet: Int32Array;
  vocabulary: number;
}

/** Sorts each text's word set, numbers the distinct sets and puts them in order of size. */
function distinctSets({ ranks, start, vocabulary }: WordSets): DistinctSets {
  const count = start.length - 1;
  const table = new RunTable({ codes: ranks, length: ranks.length }, count);
  const setOf = new Int32Array(count);
  const first = new Int32Array(count);
  for (let d = 0; d < count; d++) {
    const from = start[d] as number;
    const to = start[d + 1] as number;
    // Sets are small: an insertion sort in place.
    for (let k = from + 1; k < to; k++) {
      const rank = ranks[k] as number;
      let slot = k;
      while (slot > from && (ranks[slot - 1] as number) > rank) {
        ranks[slot] = ranks[slot - 1] as number;
        slot--;
      }
      ranks[slot] = rank;
    }
    const set = table.add(from, to);
    if (table.added) first[set] = d;
    setOf[d] = set;
  }
  const sets = table.size;
  const size = new Int32Array(sets);
  for (let set = 0; set < sets; set++) {
    const d = first[set] as number;
    size[set] = (start[d + 1] as number) - (start[d] as number);
  }
  const setOfStep = inOrderOf(size);
  const stepOfSet = positionsIn(setOfStep);
  const stepOf = setOf.map((set) => stepOfSet[set] as number);
  const firstOfStep = setOfStep.map((set) => first[set] as number);
  const sortedStart = new Int32Array(sets + 1);
  const sorted = new Int32Array(start[count] as number);
  let p = 0;
  for (let step = 0; step < sets; step++) {
    const d = firstOfStep[step] as number;
    sortedStart[step] = p;
    for (let k = start[d] as number; k < (start[d + 1] as number); k++)
      sorted[p++] = ranks[k] as number;
  }
  sortedStart[sets] = p;
  return {
    ranks: sorted.subarray(0, p),
    start: sortedStart,
    stepOf,
    first: firstOfStep,
    stepOfSet,
    sets: table,
    vocabulary,
  };
}

/** The number of bits set in a 32-bit integer. */
function bitCount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The indexes of `keys` (small counts) in order of key, then of index: a counting sort. */
function inOrderOf(keys: Int32Array): Int32Array {
  let largest = 0;
  for (const key of keys) largest = Math.max(largest, key);
  const first = new Int32Array(largest + 2);
  for (const key of keys) first[key + 1] = (first[key + 1] as number) + 1;
  for (let key = 1; key <= largest + 1; key++) {
    first[key] = (first[key] as number) + (first[key - 1] as number);
  }
  const order = new Int32Array(keys.length);
  keys.forEach((key, index) => {
    const slot = first[key] as number;
    order[slot] = index;
    first[key] = slot + 1;
  });
  return order;
}

/** The place of each index in `order`. */
function positionsIn(order: Int32Array): Int32Array {
  const position = new Int32Array(order.length);
  order.forEach((index, place) => {
    position[index] = place;
  });
  return position;
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
