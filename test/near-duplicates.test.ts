import { afterEach, describe, expect, it, vi } from "vitest";
import { contentWordSet, contentWords } from "../src/text/content-words.js";
import { CodeBuffer, fold } from "../src/text/fold.js";
import { findRepeats } from "../src/text/near-duplicates.js";
import type * as normalize from "../src/text/normalize.js";
import { foldEnding, normalizeText } from "../src/text/normalize.js";
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

/** What the brute force reads: the definition (normalize.ts, content-words.ts). */
interface Definition {
  normalizeText: (text: string) => string;
  contentWordSet: (normalized: string) => Set<string>;
}

/**
 * The definition, by brute force over all pairs: what findRepeats must agree with, pair for pair,
 * as [index, of, similarity].
 */
function bruteForce(
  texts: string[],
  threshold: number,
  definition: Definition = { normalizeText, contentWordSet },
) {
  const sets = texts.map((t) => {
    const n = definition.normalizeText(t);
    return { n, set: definition.contentWordSet(n) };
  });
  const out: [number, number, number][] = [];
  for (let i = 0; i < texts.length; i++) {
    const a = sets[i];
    if (!a || a.n === "") continue;
    // An identical (normalised) earlier text is named first; else the earliest similar one.
    const identical = sets.findIndex((b, j) => j < i && b.n === a.n);
    if (identical !== -1) {
      out.push([i, identical, 1]);
      continue;
    }
    for (let j = 0; j < i; j++) {
      const b = sets[j];
      if (!b || b.n === "") continue;
      let common = 0;
      for (const word of a.set) if (b.set.has(word)) common++;
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

  it.each([
    ["deliveries", "deliveri"],
    ["delivery", "deliveri"],
    ["satisfaites", "satisfait"],
    ["satisfaite", "satisfait"],
    ["satisfait", "satisfait"],
    ["boxes", "box"],
    ["box", "box"],
    ["success", "success"],
    ["successes", "success"],
    ["uses", "use"],
    ["prix", "pri"],
    ["day", "day"],
    ["days", "day"],
  ])("endings: %s → %s", (word, folded) => {
    expect(foldEnding(word)).toBe(folded);
  });

  it("a question's content word set: function words out, endings folded, each word once", () => {
    expect([
      ...contentWordSet(normalizeText("How satisfied were you with your deliveries?")),
    ]).toEqual(["satisfied", "deliveri"]);
    expect([...contentWordSet(normalizeText("Êtes-vous satisfaite de vos livraisons ?"))]).toEqual([
      "satisfait",
      "livraison",
    ]);
    expect([...contentWordSet(normalizeText("Stores, stores and more stores?"))]).toEqual([
      "stor",
      "mor",
    ]);
  });

  it("similarity is the Dice coefficient of the content word sets, the threshold included", () => {
    const texts = [
      "How satisfied are you with the delivery?",
      "How satisfied were you with your deliveries?", // {satisfied, deliveri}: 1
      "Overall, how satisfied are you with the delivery?", // one word more: 2·2 / 5 = 0.8
      "Overall, how satisfied are you with the delivery time?", // 2·2 / 6 ≈ 0.67 to the first
    ];
    expect(findRepeats(texts, 0.8)).toEqual([
      { index: 1, of: 0, similarity: 1, identical: false },
      { index: 2, of: 0, similarity: 0.8, identical: false },
      { index: 3, of: 2, similarity: 6 / 7, identical: false },
    ]);
    // Just over 0.8: the one-word-more question is no longer a repeat of the first.
    expect(findRepeats(texts, 0.81)).toEqual([
      { index: 1, of: 0, similarity: 1, identical: false },
      { index: 3, of: 2, similarity: 6 / 7, identical: false },
    ]);
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
    // Plural and feminine endings, and words they must leave alone.
    "deliveries",
    "satisfaite",
    "satisfaits",
    "stores",
    "boxes",
    "box",
    "success",
    "successes",
    "uses",
    "use",
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

  // Greek, Cyrillic and Han are folded by normalizeText itself (outside the fold table); Greek
  // capital sigma lowercases by its place in the word.
  const foreign = [..."ΣΟΦΙΑ σοφίας ΟΔΟΣ привет Привет мир книги 中文 文字 東京 ΣΟΦΙΑΣ".split(" ")];
  const foreignTexts: string[] = [];
  for (let i = 0; i < 300; i++) {
    const base = foreignTexts[Math.floor(random() * foreignTexts.length)];
    if (base !== undefined && random() < 0.4) {
      const words = base.split(" ");
      words[Math.floor(random() * words.length)] =
        foreign[Math.floor(random() * foreign.length)] ?? "";
      foreignTexts.push(random() < 0.5 ? words.join(" ") : base.toUpperCase());
    } else {
      const length = 1 + Math.floor(random() * 5);
      foreignTexts.push(
        Array.from({ length }, () => foreign[Math.floor(random() * foreign.length)]).join(" "),
      );
    }
  }

  it.each([0.5, 0.8])("threshold %s, on texts of other scripts", (threshold) => {
    const fast = findRepeats(foreignTexts, threshold).map((r) => [r.index, r.of, r.similarity]);
    const slow = bruteForce(foreignTexts, threshold);
    expect(slow.length).toBeGreaterThan(20);
    expect(fast).toEqual(slow);
  });

  // The search reads the definition rather than a copy of it: change one of its rules in
  // normalize.ts, and the search finds other repeats — still those of the brute force over the
  // changed definition. A search with a copy of a rule would keep finding the old ones.
  describe("and follows it when one of its rules changes", () => {
    type Rules = typeof normalize;
    const changes: [string, (original: Rules) => Partial<Rules>][] = [
      [
        "normalizeText: hyphens and apostrophes join words",
        (original) => ({
          normalizeText: (text) => original.normalizeText(text.replace(/[-'’]/g, "")),
        }),
      ],
      [
        "isFunctionWord: satisfied, satisfait… are function words",
        (original) => ({
          isFunctionWord: (word) => original.isFunctionWord(word) || word.startsWith("satisf"),
        }),
      ],
      ["foldEnding: endings are kept", () => ({ foldEnding: (word) => word })],
    ];
    afterEach(() => {
      vi.doUnmock("../src/text/normalize.js");
      vi.resetModules();
    });

    it.each(changes)("%s", async (_, change) => {
      vi.resetModules();
      vi.doMock("../src/text/normalize.js", async (importOriginal) => {
        const original = await importOriginal<Rules>();
        return { ...original, ...change(original) };
      });
      const search = await import("../src/text/near-duplicates.js");
      const definition = {
        ...(await import("../src/text/normalize.js")),
        ...(await import("../src/text/content-words.js")),
      };
      const thresholds = [0.5, 0.8, 1];
      const changed = thresholds.map((threshold) =>
        search.findRepeats(texts, threshold).map((r) => [r.index, r.of, r.similarity]),
      );
      expect(changed).toEqual(thresholds.map((t) => bruteForce(texts, t, definition)));
      expect(changed).not.toEqual(
        thresholds.map((t) => findRepeats(texts, t).map((r) => [r.index, r.of, r.similarity])),
      );
    });
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
      else if (edit === 3 && random() < 0.5)
        base[k] = `${base[k] ?? ""}${pick(["s", "e", "es", "x", "y"])}`;
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
