import { CodeBuffer, fold } from "./fold.js";
import { FUNCTION_WORDS } from "./normalize.js";

const EPSILON = 1e-9;
const SPACE = 0x20;

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
 * filtering (Bayardo et al., "Scaling up all pairs similarity search", 2007). Dice ≥ t needs an
 * overlap α ≥ t·(|X| + |Y|) / 2, and two sets with α trigrams in common share two of the first
 * |X| − α + 2 trigrams of each, in one global order (rarest first). The sets are taken in order of
 * size; each probes the inverted lists of its prefix trigrams, then is indexed by its own (shorter,
 * since later sets are larger) prefix. Only texts sharing two prefix trigrams are candidates; the
 * size filter, a bound from 128-bit signatures and an overlap count that stops when α is out of
 * reach then decide. Trigrams, not bigrams: the 700-odd bigrams of French and English are shared
 * by too many texts to select anything.
 *
 * Everything runs over typed arrays (code units, symbol ids, trigram ranks): at 100,000 questions
 * the strings and maps of a plain implementation cost more than the search itself.
 */
export function findRepeats(texts: readonly string[], threshold: number): Repeat[] {
  const distinct = distinctTexts(texts);
  const near = searchNearIdentical(inSizeOrder(trigramSets(distinct)), threshold);
  // In input order: each text is either empty, a repeat of an identical one, or distinct.
  const repeats: Repeat[] = [];
  const { indexes, sameAs } = distinct;
  for (let index = 0, d = 0; index < texts.length; index++) {
    const same = sameAs[index] as number;
    if (same >= 0) {
      repeats.push({ index, of: same, similarity: 1, identical: true });
    } else if (indexes[d] === index) {
      const of = near.best[d] as number;
      if (of >= 0) {
        const similarity = (2 * (near.overlap[d] as number)) / (near.sizes[d] as number);
        repeats.push({ index, of: indexes[of] as number, similarity, identical: false });
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
  const indexes = new Int32Array(texts.length);
  const start = new Int32Array(texts.length + 1);
  const hashes = new Int32Array(texts.length);
  const sameAs = new Int32Array(texts.length).fill(-1);
  let count = 0;
  // Open addressing over the distinct texts, by a hash of their code units.
  const mask = (1 << Math.max(4, Math.ceil(Math.log2(texts.length * 2 + 1)))) - 1;
  const slots = new Int32Array(mask + 1).fill(-1);
  for (let index = 0; index < texts.length; index++) {
    const begin = codes.length;
    fold(texts[index] as string, codes);
    const end = codes.length;
    if (end === begin) continue;
    const hash = hashCodes(codes.codes, begin, end);
    let slot = hash & mask;
    for (;;) {
      const d = slots[slot] as number;
      if (d === -1) {
        slots[slot] = count;
        indexes[count] = index;
        hashes[count] = hash;
        start[++count] = end;
        break;
      }
      if (
        hashes[d] === hash &&
        sameCodes(codes.codes, start[d] as number, start[d + 1] as number, begin, end)
      ) {
        codes.length = begin;
        sameAs[index] = indexes[d] as number;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return {
    indexes: indexes.subarray(0, count),
    codes,
    start: start.subarray(0, count + 1),
    sameAs,
  };
}

/** FNV-1a over code units. */
function hashCodes(codes: Uint16Array, begin: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let k = begin; k < end; k++) hash = Math.imul(hash ^ (codes[k] as number), 0x01000193);
  return hash;
}

function sameCodes(codes: Uint16Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (codes[a + k] !== codes[b + k]) return false;
  return true;
}

/** Function words by the hash of their code units, to be told apart without making strings. */
const functionWords = new Map<number, string>();
for (const word of FUNCTION_WORDS) {
  const codes = Uint16Array.from(word, (c) => c.charCodeAt(0));
  functionWords.set(hashCodes(codes, 0, codes.length), word);
}
if (functionWords.size !== FUNCTION_WORDS.size) throw new Error("function words collide by hash");

function isFunctionWord(codes: Uint16Array, begin: number, end: number): boolean {
  const word = functionWords.get(hashCodes(codes, begin, end));
  if (word === undefined || word.length !== end - begin) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== codes[begin + k]) return false;
  return true;
}

/** The trigram sets of the distinct texts, as ranks in one global order (rarest first). */
interface TrigramSets {
  /** The set of distinct text d is ranks[start[d] … start[d + 1]), in no particular order. */
  ranks: Int32Array;
  start: Int32Array;
  vocabulary: number;
}

/**
 * The set of character trigrams of each distinct text's content words (`contentWords`), a text
 * shorter than three characters being its own token, re-expressed as ranks rarest first.
 */
function trigramSets({ codes: buffer, start }: Distinct): TrigramSets {
  const codes = buffer.codes;
  const count = start.length - 1;
  // Content words as dense symbols: space and ASCII letters and digits first, any other letter
  // numbered as it is met. Symbols fit in 16 bits: there are at most 65,536 code units.
  const symbolOf = new Map<number, number>();
  const asciiSymbol = new Int32Array(128);
  let symbols = 1;
  asciiSymbol[SPACE] = symbols++;
  for (let c = 0x61; c <= 0x7a; c++) asciiSymbol[c] = symbols++;
  for (let c = 0x30; c <= 0x39; c++) asciiSymbol[c] = symbols++;
  const content = new Uint16Array(buffer.length);
  const contentStart = new Int32Array(count + 1);
  let n = 0;
  for (let d = 0; d < count; d++) {
    contentStart[d] = n;
    const end = start[d + 1] as number;
    for (let pass = 0; pass < 2 && n === contentStart[d]; pass++) {
      // Pass 0 keeps the content words; pass 1, when none is left, every word.
      let word = start[d] as number;
      while (word < end) {
        let wordEnd = word;
        while (wordEnd < end && codes[wordEnd] !== SPACE) wordEnd++;
        if (pass === 1 || !isFunctionWord(codes, word, wordEnd)) {
          if (n > (contentStart[d] as number)) content[n++] = asciiSymbol[SPACE] as number;
          for (let k = word; k < wordEnd; k++) {
            const c = codes[k] as number;
            let symbol = c < 128 ? (asciiSymbol[c] as number) : 0;
            if (symbol === 0) {
              symbol = symbolOf.get(c) ?? 0;
              if (symbol === 0) symbolOf.set(c, (symbol = symbols++));
            }
            content[n++] = symbol;
          }
        }
        word = wordEnd + 1;
      }
    }
  }
  contentStart[count] = n;

  // Trigram keys: (a·A + b)·A + c over the A symbols; a shorter text A³ + a·A + b. Below 2^20
  // keys they index arrays directly; beyond (many non-Latin letters) they are numbered.
  const A = symbols;
  const direct = A * A * A + A * A <= 1 << 20;
  const numbered = new Map<number, number>();
  const keyOf = (key: number): number => {
    if (direct) return key;
    let id = numbered.get(key);
    if (id === undefined) numbered.set(key, (id = numbered.size));
    return id;
  };
  let capacity = 0;
  for (let d = 0; d < count; d++) {
    capacity += Math.max(1, (contentStart[d + 1] as number) - (contentStart[d] as number) - 2);
  }
  const ranks = new Int32Array(capacity);
  const setStart = new Int32Array(count + 1);
  // The last text each key was met in: a key already met in this text is not written again.
  const lastSeen = new Int32Array(direct ? A * A * A + A * A : capacity).fill(-1);
  let p = 0;
  for (let d = 0; d < count; d++) {
    setStart[d] = p;
    const from = contentStart[d] as number;
    const to = contentStart[d + 1] as number;
    if (to - from < 3) {
      const b = to - from > 1 ? (content[from + 1] as number) : 0;
      ranks[p++] = keyOf(A * A * A + (content[from] as number) * A + b);
    } else {
      for (let k = from; k + 2 < to; k++) {
        const key = keyOf(
          ((content[k] as number) * A + (content[k + 1] as number)) * A +
            (content[k + 2] as number),
        );
        if (lastSeen[key] === d) continue;
        lastSeen[key] = d;
        ranks[p++] = key;
      }
    }
  }
  setStart[count] = p;

  // Rarest first, ties by key: a counting sort on frequencies.
  const keys = direct ? A * A * A + A * A : numbered.size;
  const frequency = new Int32Array(keys);
  for (let k = 0; k < p; k++) {
    const key = ranks[k] as number;
    frequency[key] = (frequency[key] as number) + 1;
  }
  let most = 0;
  for (let key = 0; key < keys; key++) most = Math.max(most, frequency[key] as number);
  const firstOfFrequency = new Int32Array(most + 2);
  for (let key = 0; key < keys; key++) {
    const f = frequency[key] as number;
    if (f > 0) firstOfFrequency[f + 1] = (firstOfFrequency[f + 1] as number) + 1;
  }
  for (let f = 1; f <= most + 1; f++) {
    firstOfFrequency[f] = (firstOfFrequency[f] as number) + (firstOfFrequency[f - 1] as number);
  }
  const rank = frequency; // reused: each key's frequency is read once, then replaced by its rank
  for (let key = 0; key < keys; key++) {
    const f = frequency[key] as number;
    if (f > 0) rank[key] = (firstOfFrequency[f] as number)++;
  }
  for (let k = 0; k < p; k++) ranks[k] = rank[ranks[k] as number] as number;
  // Ranks run from 0 to the number of trigrams met.
  return { ranks, start: setStart, vocabulary: firstOfFrequency[most + 1] as number };
}

/**
 * For each distinct text, the first earlier one at least `threshold` similar. AllPairs (Bayardo et
 * al.) over the sets in order of size ("steps"): each set probes the inverted lists of its prefix
 * trigrams and is then indexed by a shorter prefix, since every later set is at least as large;
 * list entries too small for the current size are dropped for good. Every similar pair is found
 * once, and each text keeps the earliest (in input order) of its similar predecessors.
 */
function searchNearIdentical(
  { ranks, start, meta, vocabulary }: SizeOrdered,
  threshold: number,
): NearIdentical {
  const count = start.length - 1;
  const jaccard = threshold / (2 - threshold);
  const sizeOf = (step: number) => (start[step + 1] as number) - (start[step] as number);
  // Each list's final length, so that all lists live in one array.
  const listStart = new Int32Array(vocabulary + 1);
  for (let step = 0; step < count; step++) {
    const from = start[step] as number;
    const to = from + indexPrefix(sizeOf(step), threshold);
    for (let k = from; k < to; k++) {
      const next = (ranks[k] as number) + 1;
      listStart[next] = (listStart[next] as number) + 1;
    }
  }
  for (let r = 1; r <= vocabulary; r++) {
    listStart[r] = (listStart[r] as number) + (listStart[r - 1] as number);
  }
  const listHead = listStart.slice(0, vocabulary);
  const listEnd = listStart.slice(0, vocabulary);
  const lists = new Int32Array(listStart[vocabulary] as number);
  // Sizes grow with steps: the first step of each size bounds the entries too small.
  const largest = count > 0 ? sizeOf(count - 1) : 0;
  const firstStepOfSize = new Int32Array(largest + 2).fill(count);
  for (let step = count - 1; step >= 0; step--) firstStepOfSize[sizeOf(step)] = step;
  for (let s = largest; s >= 0; s--) {
    firstStepOfSize[s] = Math.min(firstStepOfSize[s] as number, firstStepOfSize[s + 1] as number);
  }
  // The earliest similar predecessor of each distinct text (-1: none yet), and their overlap.
  const best = new Int32Array(count).fill(-1);
  const overlaps = new Int32Array(count);
  const pairSizes = new Int32Array(count);
  // How many prefix trigrams each indexed step shares with the current text (clamped at 255),
  // and the steps met, to reset them.
  const shared = new Uint8ClampedArray(count);
  const met = new Int32Array(count);
  const twice = new Int32Array(count);
  const xSignature = new Int32Array(SIGNATURE_WORDS);
  for (let step = 0; step < count; step++) {
    const xFrom = start[step] as number;
    const xTo = start[step + 1] as number;
    const xSize = xTo - xFrom;
    const x = meta[step * META] as number;
    // Size filter: Dice ≥ t needs min/max ≥ t' = t / (2 − t).
    const smallest = Math.ceil(jaccard * xSize - EPSILON);
    const minStep = firstStepOfSize[Math.min(smallest, largest + 1)] as number;
    // A similar pair needs at least ⌈t'·|x|⌉ trigrams in common, the first two of them within
    // both extended prefixes.
    const sharedNeeded = smallest >= 2 ? 2 : 1;
    let found = 0;
    let twiceFound = 0;
    const probeEnd = xFrom + probePrefix(xSize, jaccard);
    // A partner of size s needs α(s) = ⌈t·(|x| + s) / 2⌉ trigrams in common, the first two within
    // x's first |x| − α(s) + 2: the trigram at position k only matters to partners with
    // α(s) ≤ |x| − k + 1, that is up to size `upTo`; lists are in order of size.
    let upTo = xSize;
    for (let k = xFrom; k < probeEnd; k++) {
      const most = xSize - (k - xFrom) + 1;
      while (upTo > 0 && Math.ceil((threshold * (xSize + upTo)) / 2 - EPSILON) > most) upTo--;
      const stop = firstStepOfSize[upTo + 1] as number;
      const token = ranks[k] as number;
      const end = listEnd[token] as number;
      let q = listHead[token] as number;
      while (q < end && (lists[q] as number) < minStep) q++;
      listHead[token] = q;
      for (; q < end; q++) {
        const y = lists[q] as number;
        if (y >= stop) break;
        const n = shared[y] as number;
        if (n === 0) met[found++] = y;
        else if (n === 1) twice[twiceFound++] = y;
        shared[y] = n + 1;
      }
    }
    // With two trigrams needed, only those met twice are candidates.
    const candidates = sharedNeeded === 2 ? twice : met;
    const candidateCount = sharedNeeded === 2 ? twiceFound : found;
    let xSpread = 0;
    if (candidateCount > 0) {
      signature(ranks, xFrom, xTo, xSignature);
      // Trigrams of x that share a bit with another of x's.
      xSpread = xSize - bitCount(xSignature, 0, xSignature, 0);
    }
    for (let c = 0; c < candidateCount; c++) {
      const yStep = candidates[c] as number;
      const n = shared[yStep] as number;
      const ySize = meta[yStep * META + 1] as number;
      const needed = Math.ceil((threshold * (xSize + ySize)) / 2 - EPSILON);
      if (n < 2 && needed >= 2) continue;
      // Signatures bound the overlap reading no more than y's entry in `meta`.
      if (signatureBound(xSignature, xSpread, meta, yStep * META + 2) < needed) continue;
      const y = meta[yStep * META] as number;
      const earlier = Math.min(x, y);
      const later = Math.max(x, y);
      const known = best[later] as number;
      if (known !== -1 && earlier >= known) continue; // an earlier predecessor is known
      const yFrom = start[yStep] as number;
      const overlap = overlapReaching(ranks, xFrom, xTo, yFrom, yFrom + ySize, needed);
      if (overlap >= needed) {
        best[later] = earlier;
        overlaps[later] = overlap;
        pairSizes[later] = xSize + ySize;
      }
    }
    for (let c = 0; c < found; c++) shared[met[c] as number] = 0;
    const indexEnd = xFrom + indexPrefix(xSize, threshold);
    for (let k = xFrom; k < indexEnd; k++) {
      const token = ranks[k] as number;
      const slot = listEnd[token] as number;
      lists[slot] = step;
      listEnd[token] = slot + 1;
    }
  }
  return { best, overlap: overlaps, sizes: pairSizes };
}

/** For each distinct text, its earliest similar predecessor (-1: none), their overlap and sizes. */
interface NearIdentical {
  best: Int32Array;
  overlap: Int32Array;
  sizes: Int32Array;
}

/** Words of a set's signature: bit (rank mod 128) is set for each of its trigrams. */
const SIGNATURE_WORDS = 4;
/**
 * Per step in `meta`: the distinct text, its size, then its signature — side by side (and padded
 * to 32 bytes), so that a candidate's filters read one cache line.
 */
const META = 8;

function signature(ranks: Int32Array, from: number, to: number, out: Int32Array, at = 0): void {
  for (let w = 0; w < SIGNATURE_WORDS; w++) out[at + w] = 0;
  for (let k = from; k < to; k++) {
    const rank = ranks[k] as number;
    const word = at + ((rank >>> 5) & (SIGNATURE_WORDS - 1));
    out[word] = (out[word] as number) | (1 << (rank & 31));
  }
}

/**
 * At most how many trigrams x shares with the set whose signature is at meta[at …]: the bits both
 * have, plus x's trigrams that share a bit with another of x's (`collisions`).
 */
function signatureBound(x: Int32Array, collisions: number, meta: Int32Array, at: number): number {
  return bitCount(x, 0, meta, at) + collisions;
}

/** The number of bits set in both signatures a[aAt …] and b[bAt …]. */
function bitCount(a: Int32Array, aAt: number, b: Int32Array, bAt: number): number {
  let bits = 0;
  for (let w = 0; w < SIGNATURE_WORDS; w++) {
    let v = (a[aAt + w] as number) & (b[bAt + w] as number);
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    bits += (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
  }
  return bits;
}

/** The trigram sets in order of size ("steps"), each sorted, with its text and signature. */
interface SizeOrdered {
  /** The set at step s is ranks[start[s] … start[s + 1]), sorted ascending. */
  ranks: Int32Array;
  start: Int32Array;
  /** Per step, META numbers: the distinct text, its size, then its signature. */
  meta: Int32Array;
  vocabulary: number;
}

function inSizeOrder({ ranks, start, vocabulary }: TrigramSets): SizeOrdered {
  const count = start.length - 1;
  const size = new Int32Array(count);
  for (let d = 0; d < count; d++) size[d] = (start[d + 1] as number) - (start[d] as number);
  const order = bySize(size);
  const sortedStart = new Int32Array(count + 1);
  const fill = new Int32Array(count);
  const meta = new Int32Array(count * META);
  let p = 0;
  for (let step = 0; step < count; step++) {
    const d = order[step] as number;
    sortedStart[step] = p;
    fill[d] = p;
    p += size[d] as number;
    meta[step * META] = d;
    meta[step * META + 1] = size[d] as number;
  }
  sortedStart[count] = p;
  // Every set sorted at once, by a bucket sort on ranks: the texts holding each rank, then each
  // rank, in increasing order, appended to its texts' runs.
  const total = start[count] as number; // ranks may have room to spare beyond
  const bucket = new Int32Array(vocabulary + 1);
  for (let k = 0; k < total; k++) {
    const next = (ranks[k] as number) + 1;
    bucket[next] = (bucket[next] as number) + 1;
  }
  for (let r = 1; r <= vocabulary; r++)
    bucket[r] = (bucket[r] as number) + (bucket[r - 1] as number);
  const holders = new Int32Array(total);
  for (let d = 0; d < count; d++) {
    for (let k = start[d] as number; k < (start[d + 1] as number); k++) {
      const rank = ranks[k] as number;
      const slot = bucket[rank] as number;
      holders[slot] = d;
      bucket[rank] = slot + 1;
    }
  }
  const sorted = new Int32Array(total);
  for (let r = 0, k = 0; r < vocabulary; r++) {
    for (const end = bucket[r] as number; k < end; k++) {
      const d = holders[k] as number;
      const slot = fill[d] as number;
      sorted[slot] = r;
      fill[d] = slot + 1;
    }
  }
  for (let step = 0; step < count; step++) {
    signature(
      sorted,
      sortedStart[step] as number,
      sortedStart[step + 1] as number,
      meta,
      step * META + 2,
    );
  }
  return { ranks: sorted, start: sortedStart, meta, vocabulary };
}

/** The texts in order of size, then of appearance (a counting sort). */
function bySize(size: Int32Array): Int32Array {
  let largest = 0;
  for (const s of size) largest = Math.max(largest, s);
  const first = new Int32Array(largest + 2);
  for (const s of size) first[s + 1] = (first[s + 1] as number) + 1;
  for (let s = 1; s <= largest + 1; s++) first[s] = (first[s] as number) + (first[s - 1] as number);
  const order = new Int32Array(size.length);
  size.forEach((s, d) => {
    const slot = first[s] as number;
    order[slot] = d;
    first[s] = slot + 1;
  });
  return order;
}

/**
 * Prefix filtering: two sets with at least α trigrams in common share one of the first |X| − α + 1
 * trigrams of each (in the global order), and two of the first |X| − α + 2 when α ≥ 2. Each
 * prefix below is one longer than the first bound, so that candidates can be asked to share two.
 * A set probes with α ≥ ⌈t'·|X|⌉ (its partner may be as small as t'·|X|), and is indexed with
 * α ≥ ⌈t·|X|⌉ (later partners are at least as large, and Dice ≥ t needs α ≥ t·(|X| + |Y|) / 2).
 * EPSILON: 0.8 / 1.2 × 30 must give 20, not 20.000000000000004, or a boundary pair is missed.
 */
function probePrefix(size: number, jaccard: number): number {
  return Math.min(size, size - Math.ceil(jaccard * size - EPSILON) + 2);
}

function indexPrefix(size: number, threshold: number): number {
  return Math.min(size, size - Math.ceil(threshold * size - EPSILON) + 2);
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
