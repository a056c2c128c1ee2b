import { foldEnding, isFunctionWord } from "./normalize.js";

/**
 * Keeps, at the front of words[0 … count) and in order, the words a text is compared on, and
 * returns how many: those that are not function words — or all of them when each is one ("How was
 * it?" is compared on all its words). Generic so that the definition below (over strings) and the
 * search (over word ids, each distinct word asked `isFunctionWord` once) share this rule.
 */
export function keepContentWords<W>(
  words: { [index: number]: W },
  count: number,
  by: { isFunctionWord(word: W): boolean },
): number {
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const word = words[k] as W;
    if (!by.isFunctionWord(word)) words[kept++] = word;
  }
  return kept > 0 ? kept : count;
}

/** The words of a normalised text that say what it is about (all of them if none is left). */
export function contentWords(normalized: string): string {
  const words = normalized.split(" ");
  return words.slice(0, keepContentWords(words, words.length, { isFunctionWord })).join(" ");
}

/**
 * What `redundant-question` compares: the set of a normalised text's content words, each with its
 * endings folded. "How satisfied were you with your deliveries?" → {satisfied, deliveri}.
 */
export function contentWordSet(normalized: string): Set<string> {
  const words = normalized.split(" ");
  return new Set(
    words.slice(0, keepContentWords(words, words.length, { isFunctionWord })).map(foldEnding),
  );
}
