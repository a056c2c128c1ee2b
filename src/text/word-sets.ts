import { keepContentWords } from "./content-words.js";
import { CodeBuffer, fold, stringOf } from "./fold.js";
import { foldEnding, isFunctionWord } from "./normalize.js";
import { grown, HASH_START, hashStep, RunTable } from "./run-table.js";

/**
 * From texts to what the near-duplicate search compares: the distinct texts once normalised, the
 * set of content words of each (`contentWordSet`), and the distinct sets in order of size, their
 * words numbered rarest first. All as typed arrays; the only strings made are one per distinct
 * word, to ask the definition (normalize.ts) what it is.
 */

const SPACE = 0x20;

/** The texts that differ once normalised, in order of first appearance, as code units. */
export interface Distinct {
  /** The input index of each distinct text. */
  indexes: Int32Array;
  /** Distinct text d is codes[start[d] … start[d + 1]). */
  codes: CodeBuffer;
  start: Int32Array;
  /** For each input text, the index of an earlier identical one, else -1. */
  sameAs: Int32Array;
}

/** Folds every text (`normalizeText`) and tells those that are the same as an earlier one. */
export function distinctTexts(texts: readonly string[]): Distinct {
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

/**
 * The distinct words of the texts, each read once through the definition: whether it is a function
 * word, and its spelling with endings folded. Questions repeat their words massively, so this
 * costs a string per distinct word, not per word. Spellings are numbered by their code units (a
 * Map of 200,000 strings costs more than the search), words and folded spellings in one table:
 * most words fold to themselves, and two words that fold alike get the same number.
 */
class Vocabulary {
  private readonly spellings = new CodeBuffer(1024);
  private readonly table: RunTable;
  /** Per spelling: 1 once met as a word (and read through the definition). */
  private defined: Uint8Array;
  /** Per word: the number of its folded spelling, and 1 for a function word. */
  folded: Int32Array;
  private functionWord: Uint8Array;

  /** `expected`: about how many distinct words there will be, to size the arrays once. */
  constructor(expected: number) {
    this.table = new RunTable(this.spellings, expected);
    this.defined = new Uint8Array(Math.max(16, expected));
    this.folded = new Int32Array(this.defined.length);
    this.functionWord = new Uint8Array(this.defined.length);
  }

  /** How many numbers spellings may have. */
  get size(): number {
    return this.table.size;
  }

  /** The number of the word codes[begin … end), whose hash is `hash`. */
  idOf(codes: Uint16Array, begin: number, end: number, hash: number): number {
    let id = this.table.find(codes, begin, end, hash);
    if (id !== -1 && this.defined[id] === 1) return id;
    if (id === -1) {
      const spellings = this.spellings;
      const at = spellings.length;
      spellings.reserve(end - begin);
      for (let k = begin; k < end; k++) spellings.codes[spellings.length++] = codes[k] as number;
      id = this.table.intern(at, hash);
    }
    this.define(id, stringOf(codes, begin, end));
    return id;
  }

  /** Whether the word is a function word (as normalize.ts's `isFunctionWord` said). */
  isFunctionWord(word: number): boolean {
    return this.functionWord[word] === 1;
  }

  /** Asks the definition about a new word. */
  private define(id: number, word: string): void {
    const folded = foldEnding(word);
    let foldedId = id;
    if (folded !== word) {
      const at = this.spellings.length;
      this.spellings.append(folded);
      foldedId = this.table.intern(at);
    }
    this.grow();
    this.defined[id] = 1;
    this.folded[id] = foldedId;
    this.functionWord[id] = isFunctionWord(word) ? 1 : 0;
  }

  /** Room in the arrays for every number given so far. */
  private grow(): void {
    if (this.table.size <= this.folded.length) return;
    const length = Math.max(this.folded.length * 2, this.table.size);
    const defined = new Uint8Array(length);
    const folded = new Int32Array(length);
    const functionWord = new Uint8Array(length);
    defined.set(this.defined);
    folded.set(this.folded);
    functionWord.set(this.functionWord);
    this.defined = defined;
    this.folded = folded;
    this.functionWord = functionWord;
  }
}

/** The word sets of the distinct texts, as ranks in one global order (rarest first). */
export interface WordSets {
  /** The set of distinct text d is ranks[start[d] … start[d + 1]), in no particular order. */
  ranks: Int32Array;
  start: Int32Array;
  vocabulary: number;
}

/**
 * The set of content words of each distinct text (`keepContentWords`, as `contentWordSet`
 * does), numbered by folded spelling and re-expressed as ranks rarest first: prefix filtering
 * (candidates.ts) wants the rarest words at the front of each set.
 */
export function wordSets(distinct: Distinct): WordSets {
  const { words, start, spellings } = contentWordSets(distinct);
  return { ranks: rarestFirst(words, spellings), start, vocabulary: spellings };
}

/**
 * The set of content words of each distinct text: set d is words[start[d] … start[d + 1]), as
 * numbers of folded spellings below `spellings`.
 */
function contentWordSets({ codes: buffer, start }: Distinct): {
  words: Int32Array;
  start: Int32Array;
  spellings: number;
} {
  const codes = buffer.codes;
  const count = start.length - 1;
  // A first size: real questions share most of their words, made-up ones bring a few new each.
  const vocabulary = new Vocabulary(2 * count);
  // At most one number per word, and a text of n code units has at most (n + 1) / 2 words.
  const sets = new Int32Array(((start[count] as number) + count) >>> 1);
  const setStart = new Int32Array(count + 1);
  // The current text's words.
  let words = new Int32Array(64);
  // The last text each folded spelling was met in: a spelling is written once per text.
  let lastSeen = new Int32Array(2 * count + 16).fill(-1);
  let p = 0;
  for (let d = 0; d < count; d++) {
    setStart[d] = p;
    const end = start[d + 1] as number;
    let n = 0;
    for (let word = start[d] as number; word < end;) {
      // The word's end, and its hash on the way: its code units are read once.
      let wordEnd = word;
      let hash = HASH_START;
      for (let code; wordEnd < end && (code = codes[wordEnd] as number) !== SPACE; wordEnd++) {
        hash = hashStep(hash, code);
      }
      if (n === words.length) words = grown(words, 0);
      words[n++] = vocabulary.idOf(codes, word, wordEnd, hash);
      word = wordEnd + 1;
    }
    n = keepContentWords(words, n, vocabulary);
    for (let k = 0; k < n; k++) {
      const f = vocabulary.folded[words[k] as number] as number;
      while (f >= lastSeen.length) lastSeen = grown(lastSeen, -1);
      if (lastSeen[f] !== d) {
        lastSeen[f] = d;
        sets[p++] = f;
      }
    }
  }
  setStart[count] = p;
  return { words: sets.subarray(0, p), start: setStart, spellings: vocabulary.size };
}

/** Renumbers the spellings by frequency, rarest first (ties by first appearance), in place. */
function rarestFirst(words: Int32Array, spellings: number): Int32Array {
  const frequency = new Int32Array(spellings);
  for (const word of words) frequency[word] = (frequency[word] as number) + 1;
  const rank = positionsIn(inOrderOf(frequency));
  for (let k = 0; k < words.length; k++) words[k] = rank[words[k] as number] as number;
  return words;
}

/** The distinct word sets, in order of size ("steps"), each sorted. */
export interface DistinctSets {
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

/**
 * Sorts each text's word set, numbers the distinct sets and puts them in order of size: texts
 * with the same set are repeats without any search, and the search meets smaller sets first.
 */
export function distinctSets({ ranks, start, vocabulary }: WordSets): DistinctSets {
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
