import { describe, expect, it } from "vitest";
import { CodeBuffer, fold } from "../src/text/fold.js";
import { findRepeats } from "../src/text/near-duplicates.js";
import { contentWords, normalizeText } from "../src/text/normalize.js";
import { generator } from "./helpers.js";

describe("normalizeText", () => {
  it.each([
    ["Êtes-vous satisfait(e) de l’accueil ?", "etes vous satisfait e de l accueil"],
    ["  How   SATISFIED are you?!  ", "how satisfied are you"],
    ["Qu'avez-vous pensé de l'œuvre ?", "qu avez vous pense de l oeuvre"],
    ["« Très » satisfait…", "tres satisfait"],
    ["Naïve café — crème brûlée", "naive cafe creme brulee"],
    ["?!", ""],
  ])("%s", (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });
});

describe("fold: normalizeText over code units, without strings", () => {
  const buffer = new CodeBuffer();
  const folded = (text: string) => {
    buffer.length = 0;
    fold(text, buffer);
    return buffer.toString();
  };

  it("agrees with normalizeText on every code unit, alone and in context", () => {
    const disagreements: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `Ab${ch}x`, `${ch} ${ch}e\u0301`, `é${ch}${ch}.`]) {
        if (folded(text) !== normalizeText(text)) disagreements.push(c.toString(16));
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("agrees with normalizeText on random mixtures of Latin, marks, punctuation and other scripts", () => {
    const random = generator(7);
    const alphabet = [
      ..."aZ09 ,.?!'’«»-—…\u00a0\u202f\u2019éÈçœŒæßĳǆ½²Ŀ\u0301\u0327İıøđł",
      ..."ΣσςΟΔΟΣ", // Greek: Σ lowercases by context, so such texts take normalizeText itself
      ..."привет中文\ufb01",
    ];
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 20);
      const text = Array.from(
        { length },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
      expect(folded(text), JSON.stringify(text)).toBe(normalizeText(text));
    }
  });

  it("appends to what the buffer holds, growing it", () => {
    const small = new CodeBuffer(16);
    fold("Première question ?", small);
    fold(" Œuvre ΣΟΦΙΑ ", small);
    expect(small.toString()).toBe("premiere questionoeuvre σοφια");
  });
});

/**
 * The definition, by brute force over all pairs: what findRepeats must agree with, pair for pair,
 * as [index, of, similarity].
 */
function bruteForce(texts: string[], threshold: number) {
  const grams = texts.map((t) => {
    const n = normalizeText(t);
    const c = contentWords(n);
    const set = new Set<string>();
    if (c.length < 3) set.add(c);
    for (let i = 0; i + 3 <= c.length; i++) set.add(c.slice(i, i + 3));
    return { n, set };
  });
  const out: [number, number, number][] = [];
  for (let i = 0; i < texts.length; i++) {
    const a = grams[i];
    if (!a || a.n === "") continue;
    // An identical (normalised) earlier text is named first; else the earliest similar one.
    const identical = grams.findIndex((b, j) => j < i && b.n === a.n);
    if (identical !== -1) {
      out.push([i, identical, 1]);
      continue;
    }
    for (let j = 0; j < i; j++) {
      const b = grams[j];
      if (!b || b.n === "") continue;
      let common = 0;
      for (const g of a.set) if (b.set.has(g)) common++;
      const dice = (2 * common) / (a.set.size + b.set.size);
      if (dice >= threshold - 1e-9) {
        out.push([i, j, dice]);
        break;
      }
    }
  }
  return out;
}

describe("content words: what a question is about", () => {
  it.each([
    ["how satisfied are you with the delivery", "satisfied delivery"],
    ["etes vous satisfait de la livraison", "satisfait livraison"],
    ["are you not satisfied", "not satisfied"],
    ["how are you", "how are you"],
  ])("%s → %s", (text, expected) => {
    expect(contentWords(text)).toBe(expected);
  });

  it("questions that share a template but not a subject are not near-identical", () => {
    const texts = [
      "How satisfied are you with the delivery?",
      "How satisfied are you with the checkout?",
      "Êtes-vous satisfait de la livraison ?",
      "Êtes-vous satisfait du conseil en magasin ?",
    ];
    expect(findRepeats(texts, 0.8)).toEqual([]);
  });
});

describe("findRepeats agrees with the brute-force definition", () => {
  // Questions from a vocabulary, with mutations, so that identical, near-identical and different
  // texts all occur.
  const random = generator(42);
  const words = [
    "how",
    "satisfied",
    "are",
    "you",
    "with",
    "your",
    "delivery",
    "the",
    "store",
    "staff",
    "advice",
    "payment",
    "easy",
    "was",
    "it",
    "to",
    "pay",
    "would",
    "recommend",
    "us",
    "êtes-vous",
    "satisfait",
    "de",
    "l’accueil",
    "livraison",
    "œuvre",
    "a",
    "ok",
    "?!",
  ];
  const texts: string[] = [];
  for (let i = 0; i < 400; i++) {
    if (i > 10 && random() < 0.3) {
      const base = texts[Math.floor(random() * texts.length)] ?? "";
      const mutated =
        random() < 0.5
          ? base.toUpperCase()
          : base.replace(/\w+$/, words[Math.floor(random() * words.length)] ?? "");
      texts.push(`${mutated}?`);
    } else {
      const n = 1 + Math.floor(random() * 8);
      texts.push(
        Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(" "),
      );
    }
  }

  it.each([0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 1])("threshold %s", (threshold) => {
    const fast = findRepeats(texts, threshold).map((r) => [r.index, r.of, r.similarity]);
    const slow = bruteForce(texts, threshold);
    expect(slow.length).toBeGreaterThan(20);
    expect(fast).toEqual(slow);
  });

  // More than a hundred distinct letters: trigrams are numbered rather than indexed directly.
  const han = Array.from({ length: 150 }, (_, k) => String.fromCharCode(0x4e00 + k * 7));
  const hanTexts: string[] = [];
  for (let i = 0; i < 300; i++) {
    const base = hanTexts[Math.floor(random() * hanTexts.length)];
    if (base !== undefined && random() < 0.3) {
      hanTexts.push(base.slice(0, -1) + (han[Math.floor(random() * han.length)] ?? ""));
    } else {
      const length = 4 + Math.floor(random() * 12);
      hanTexts.push(Array.from({ length }, () => han[Math.floor(random() * han.length)]).join(""));
    }
  }

  it.each([0.5, 0.8])("threshold %s, on texts of a non-Latin script", (threshold) => {
    const fast = findRepeats(hanTexts, threshold).map((r) => [r.index, r.of, r.similarity]);
    const slow = bruteForce(hanTexts, threshold);
    expect(slow.length).toBeGreaterThan(20);
    expect(fast).toEqual(slow);
  });
});

describe("findRepeats agrees with the brute-force definition on texts of every length", () => {
  // Short and long texts, and edits of every kind (a word dropped, added, swapped, a letter
  // changed): sizes spread widely, so the size filter, the size-ordered index, the length-aware
  // probing and the signature bound are all at work.
  const random = generator(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const letters = "abcdefghijklmnopqrstuvwxyzéè";
  const word = () =>
    Array.from({ length: 1 + Math.floor(random() * 9) }, () => pick([...letters])).join("");
  const vocabulary = Array.from({ length: 60 }, word);
  const texts: string[] = [];
  for (let i = 0; i < 700; i++) {
    const base = texts.length > 0 && random() < 0.45 ? pick(texts).split(" ") : null;
    if (base) {
      const k = Math.floor(random() * base.length);
      const edit = Math.floor(random() * 4);
      if (edit === 0 && base.length > 1) base.splice(k, 1);
      else if (edit === 1) base.splice(k, 0, pick(vocabulary));
      else if (edit === 2 && base.length > 1) base.reverse();
      else base[k] = `${(base[k] ?? "").slice(1)}${pick([...letters])}`;
      texts.push(base.join(" "));
    } else {
      texts.push(
        Array.from({ length: 1 + Math.floor(random() * 14) }, () => pick(vocabulary)).join(" "),
      );
    }
  }

  it.each([0.3, 0.6, 0.75, 0.85, 0.95])("threshold %s", (threshold) => {
    const fast = findRepeats(texts, threshold).map((r) => [r.index, r.of, r.similarity]);
    const slow = bruteForce(texts, threshold);
    expect(slow.length).toBeGreaterThan(50);
    expect(fast).toEqual(slow);
  });
});
