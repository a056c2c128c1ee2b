import { normalizeText } from "./normalize.js";

/**
 * `normalizeText` over UTF-16 code units, without building strings: what `findRepeats` runs over
 * 100,000 questions. The definition stays `normalizeText`; this is a table of what it makes of each
 * code unit of Latin, IPA, modifier letters, combining marks (U+0000–U+036F) and general
 * punctuation (U+2000–U+206F), read off `normalizeText` itself. A text with any other code unit
 * (Greek, whose Σ lowercases by context; Cyrillic; CJK; surrogates) is folded through
 * `normalizeText` itself. A test checks the two agree on every code unit of the table, in context.
 */
const TABLE_RANGES: readonly [number, number][] = [
  [0x0000, 0x0370],
  [0x2000, 0x2070],
];
const SEPARATOR = 0x20;

const fromCharCode = String.fromCharCode;

/**
 * The string of codes[begin … end). A word of up to 9 code units is made in one call with its
 * code units as arguments: one string, not one per code unit, for each of the 200,000 distinct
 * words of 100,000 questions (spreading a subarray costs more still).
 */
export function stringOf(codes: Uint16Array, begin: number, end: number): string {
  const c = (k: number) => codes[begin + k] as number;
  switch (end - begin) {
    case 0:
      return "";
    case 1:
      return fromCharCode(c(0));
    case 2:
      return fromCharCode(c(0), c(1));
    case 3:
      return fromCharCode(c(0), c(1), c(2));
    case 4:
      return fromCharCode(c(0), c(1), c(2), c(3));
    case 5:
      return fromCharCode(c(0), c(1), c(2), c(3), c(4));
    case 6:
      return fromCharCode(c(0), c(1), c(2), c(3), c(4), c(5));
    case 7:
      return fromCharCode(c(0), c(1), c(2), c(3), c(4), c(5), c(6));
    case 8:
      return fromCharCode(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7));
    case 9:
      return fromCharCode(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7), c(8));
  }
  let text = "";
  for (let k = begin; k < end; k += 4096) {
    // eslint-disable-next-line no-restricted-syntax -- at most 4,096 code units a call.
    text += fromCharCode(...codes.subarray(k, Math.min(end, k + 4096)));
  }
  return text;
}

/** A growable buffer of UTF-16 code units. */
export class CodeBuffer {
  codes: Uint16Array;
  length = 0;

  constructor(capacity = 1024) {
    this.codes = new Uint16Array(Math.max(16, capacity));
  }

  /** Room for `extra` more code units. */
  reserve(extra: number): void {
    if (this.length + extra <= this.codes.length) return;
    const grown = new Uint16Array(Math.max(this.codes.length * 2, this.length + extra));
    grown.set(this.codes.subarray(0, this.length));
    this.codes = grown;
  }

  /** Appends the code units of `text`. */
  append(text: string): void {
    this.reserve(text.length);
    for (let k = 0; k < text.length; k++) this.codes[this.length++] = text.charCodeAt(k);
  }

  toString(start = 0, end = this.length): string {
    return stringOf(this.codes, start, end);
  }
}

interface FoldTable {
  /**
   * For code unit c of a range starting at `base`: what it folds to when that is one code unit
   * (SEPARATOR for a separator), NOTHING, or MANY — then data[offsets[c-base] … offsets[c-base+1]).
   */
  single: Uint16Array[];
  offsets: Int32Array[];
  data: Uint16Array;
}

const NOTHING = 0xffff;
const MANY = 0xfffe;

let table: FoldTable | undefined;

/** What normalizeText makes of each tabled code unit between two letters: letters, a separator (space), or nothing. */
function foldTable(): FoldTable {
  if (table) return table;
  const data: number[] = [];
  const single: Uint16Array[] = [];
  const offsets = TABLE_RANGES.map(([start, end]) => {
    const range = new Int32Array(end - start + 1);
    const one = new Uint16Array(end - start);
    for (let c = start; c < end; c++) {
      range[c - start] = data.length;
      const folded = normalizeText(`a${String.fromCharCode(c)}a`).slice(1, -1);
      for (let k = 0; k < folded.length; k++) data.push(folded.charCodeAt(k));
      one[c - start] =
        folded.length === 0 ? NOTHING : folded.length === 1 ? folded.charCodeAt(0) : MANY;
    }
    range[end - start] = data.length;
    single.push(one);
    return range;
  });
  table = { single, offsets, data: Uint16Array.from(data) };
  return table;
}

/**
 * Appends `normalizeText(text)` to `out`, code unit by code unit: lower case, accents and marks
 * removed, every run of other characters one space, no space at either end.
 */
export function fold(text: string, out: CodeBuffer): void {
  const { single, offsets, data } = foldTable();
  const low = single[0] as Uint16Array;
  const punctuation = single[1] as Uint16Array;
  const punctuationStart = (TABLE_RANGES[1] as [number, number])[0];
  const punctuationEnd = (TABLE_RANGES[1] as [number, number])[1];
  const lowEnd = (TABLE_RANGES[0] as [number, number])[1];
  const begin = out.length;
  // A folded code unit is at most a few letters; reserve generously once per text.
  out.reserve(text.length * 4 + 4);
  const codes = out.codes;
  let n = begin;
  let pendingSeparator = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    let folded: number;
    let range = 0;
    if (c < lowEnd) folded = low[c] as number;
    else if (c >= punctuationStart && c < punctuationEnd) {
      folded = punctuation[c - punctuationStart] as number;
      range = 1;
    } else {
      out.length = begin;
      out.append(normalizeText(text));
      return;
    }
    if (folded === NOTHING) continue;
    if (folded === SEPARATOR) {
      pendingSeparator = true;
      continue;
    }
    if (folded !== MANY) {
      if (pendingSeparator && n > begin) codes[n++] = SEPARATOR;
      pendingSeparator = false;
      codes[n++] = folded;
      continue;
    }
    // Several code units (œ → oe): letters, perhaps with separators among them.
    const at = offsets[range] as Int32Array;
    const base = (TABLE_RANGES[range] as [number, number])[0];
    for (let d = at[c - base] as number; d < (at[c - base + 1] as number); d++) {
      const code = data[d] as number;
      if (code === SEPARATOR) pendingSeparator = true;
      else {
        if (pendingSeparator && n > begin) codes[n++] = SEPARATOR;
        pendingSeparator = false;
        codes[n++] = code;
      }
    }
  }
  out.length = n;
}
