import { describe, expect, it } from "vitest";
import { brief, JOURNEY, lintSources, PERSONA, STRUCTURAL } from "./helpers.js";

// The cases of one rule are in test/rules/<id>.test.ts; these are about the structural rules together.

describe("the base case is clean", () => {
  it("a persona and a journey that reference each other correctly", () => {
    expect(
      brief(lintSources({ "p.yaml": PERSONA, "j.yaml": JOURNEY }, { rules: STRUCTURAL })),
    ).toEqual([]);
  });
});

describe("a schema error in one node hides nothing elsewhere", () => {
  it("a bad event, a bad survey and a wrong persona are all reported", () => {
    const journey = JOURNEY.replace("persona: julie", "persona: juli")
      .replace(
        "action: Chooses a delivery slot",
        "action: Chooses a delivery slot\n        satisfction: 2",
      )
      .replace(
        "recurrence: { every: P6M, start: 2026-01-15 }",
        "recurrence: { every: 6 months, start: 2026-01-15 }",
      )
      .replace("- id: parcel", "- id: checkout");
    expect(
      brief(lintSources({ "p.yaml": PERSONA, "j.yaml": journey }, { rules: STRUCTURAL })),
    ).toEqual([
      ["unknown-reference", 4, 10, 'unknown persona "juli"; did you mean "julie"?'],
      ["schema", 14, 9, 'unknown key "satisfction" in event; did you mean "satisfaction"?'],
      ["duplicate-id", 32, 13, 'duplicate event id "checkout": already used at j.yaml:9:13'],
      [
        "schema",
        45,
        26,
        '"every" must be an ISO 8601 duration such as P7D, P2W, P1M or P1Y, not "6 months"',
      ],
    ]);
  });

  it("a syntax error in one document does not stop the others of the file", () => {
    const text = `${PERSONA}---\nkind: persona\nid: marc\nname: [unclosed\n---\nkind: persona\nid: anna\nname: Anna\nsummary: S\nhobby: x\n`;
    expect(brief(lintSources({ "p.yaml": text }, { rules: STRUCTURAL }))).toEqual([
      [
        "syntax",
        9,
        1,
        "YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ],
      [
        "schema",
        14,
        1,
        'unknown key "hobby" in persona (allowed: kind, id, name, summary, traits, habits, goals, frustrations, channels, contactPolicy, or an x- extension key)',
      ],
    ]);
  });
});
