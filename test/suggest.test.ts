import { describe, expect, it } from "vitest";
import { closest } from "../src/validate/suggest.js";

describe("did-you-mean", () => {
  const keys = ["satisfaction", "channel", "action", "actor", "evidence", "painPoints"];
  it.each([
    ["satisfction", "satisfaction"],
    ["Satisfaction", "satisfaction"],
    ["chanel", "channel"],
    ["actoin", "action"],
    ["painpoints", "painPoints"],
    ["pain_points", "painPoints"],
    ["colour", null],
    ["x", null],
  ])("%s → %s", (word, expected) => {
    expect(closest(word, keys)).toBe(expected);
  });

  it("a swap of two adjacent letters counts as one typo, even in a short word", () => {
    expect(closest("nsp", ["nps", "csat", "ces"])).toBe("nps");
    expect(closest("xyz", ["nps", "csat", "ces"])).toBeNull();
  });

  it("else an id that starts with what was typed: the shortest, then alphabetical", () => {
    const personas = ["sophie-digital", "sophie-store-visits", "marc"];
    expect(closest("sophie", personas)).toBe("sophie-digital");
    expect(closest("Sophie", personas)).toBe("sophie-digital");
    expect(closest("sop", ["sophie-b", "sophie-a"])).toBe("sophie-a");
    expect(closest("so", personas)).toBeNull();
    expect(closest("sophia", personas)).toBeNull();
  });
});
