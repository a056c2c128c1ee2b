import { describe, expect, it } from "vitest";
import { findRepeats } from "../src/text/near-duplicates.js";
import { contentWords, normalizeText } from "../src/text/normalize.js";

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

/** The definition, by brute force over all pairs: what findRepeats must agree with, pair for pair. */
function bruteForce(texts: string[], threshold: number) {
  const grams = texts.map((t) => {
    const n = normalizeText(t);
    const c = contentWords(n);
    const set = new Set<string>();
    if (c.length < 3) set.add(c);
    for (let i = 0; i + 3 <= c.length; i++) set.add(c.slice(i, i + 3));
    return { n, set };
  });
  const out: [number, number][] = [];
  for (let i = 0; i < texts.length; i++) {
    const a = grams[i];
    if (!a || a.n === "") continue;
    // An identical (normalised) earlier text is named first; else the earliest similar one.
    const identical = grams.findIndex((b, j) => j < i && b.n === a.n);
    if (identical !== -1) {
      out.push([i, identical]);
      continue;
    }
    for (let j = 0; j < i; j++) {
      const b = grams[j];
      if (!b || b.n === "") continue;
      let common = 0;
      for (const g of a.set) if (b.set.has(g)) common++;
      if ((2 * common) / (a.set.size + b.set.size) >= threshold) {
        out.push([i, j]);
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
  // A small deterministic generator: questions from a vocabulary, with mutations, so that
  // identical, near-identical and different texts all occur.
  let state = 42;
  const random = () => {
    // mulberry32: integer arithmetic, so the sequence does not degenerate as a float LCG would.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
      const n = 3 + Math.floor(random() * 6);
      texts.push(
        Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(" "),
      );
    }
  }

  it.each([0.5, 0.7, 0.8, 0.9, 1])("threshold %s", (threshold) => {
    const fast = findRepeats(texts, threshold).map((r) => [r.index, r.of]);
    const slow = bruteForce(texts, threshold);
    expect(slow.length).toBeGreaterThan(20);
    expect(fast).toEqual(slow);
  });
});
