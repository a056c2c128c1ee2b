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
});
