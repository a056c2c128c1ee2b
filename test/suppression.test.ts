import { describe, expect, it } from "vitest";
import { JOURNEY_HEAD, lintSources, PERSONA } from "./helpers.js";

const journey = (lines: string[]) => [...JOURNEY_HEAD, ...lines, ""].join("\n");

const lint = (text: string) =>
  lintSources({ "p.yaml": PERSONA, "j.yaml": text })
    .filter(
      (f) =>
        f.rule === "stage-without-survey" ||
        f.rule === "disable-directive" ||
        f.rule === "missing-satisfaction",
    )
    .map((f) => [f.rule, f.line, f.column, f.message]);

const bare = (directive?: string) => [
  ...(directive ? [`  # ${directive}`] : []),
  "  - id: s",
  "    name: S",
  "    events:",
  "      - { id: e, action: A, channel: web, satisfaction: 4, evidence: [{ source: analytics, ref: R }] }",
];

describe("# journey-disable-next-line <rule-id> -- <reason>", () => {
  it("without a directive the stage is reported", () => {
    expect(lint(journey(bare()))).toEqual([
      ["stage-without-survey", 7, 5, 'stage "s" has no survey and no noSurvey reason'],
    ]);
  });

  it("silences the rule for the node on the next line", () => {
    expect(
      lint(
        journey(bare("journey-disable-next-line stage-without-survey -- decided in the Q3 review")),
      ),
    ).toEqual([]);
  });

  it("several rules at once, separated by commas", () => {
    const lines = [
      "  - id: s",
      "    name: S",
      "    noSurvey: Covered",
      "    events:",
      "      # journey-disable-next-line missing-satisfaction, unsupported-claim -- pilot",
      "      - { id: e, action: A, channel: web, painPoints: [{ text: Slow }] }",
    ];
    const all = (text: string) =>
      lintSources({ "p.yaml": PERSONA, "j.yaml": text }).map((f) => [f.rule, f.line]);
    expect(all(journey(lines))).toEqual([]);
    expect(all(journey(lines.filter((l) => !l.includes("#"))))).toEqual([
      ["missing-satisfaction", 11],
      ["unsupported-claim", 11],
    ]);
  });

  it("a directive that silences nothing is reported, at the comment", () => {
    const lines = [
      "  - id: s",
      "    name: S",
      "    noSurvey: Covered",
      "    events:",
      "      # journey-disable-next-line missing-satisfaction -- n/a",
      "      - { id: e, action: A, channel: web, satisfaction: 4, evidence: [{ source: analytics, ref: R }] }",
    ];
    expect(lint(journey(lines))).toEqual([
      [
        "disable-directive",
        11,
        7,
        'journey-disable-next-line "missing-satisfaction" silences nothing on the next line: remove it',
      ],
    ]);
  });

  it("a directive for another rule than the one on the next line silences nothing", () => {
    expect(
      lint(journey(bare("journey-disable-next-line missing-satisfaction -- wrong rule"))),
    ).toEqual([
      [
        "disable-directive",
        7,
        3,
        'journey-disable-next-line "missing-satisfaction" silences nothing on the next line: remove it',
      ],
      ["stage-without-survey", 8, 5, 'stage "s" has no survey and no noSurvey reason'],
    ]);
  });

  it("an unknown rule id, with did-you-mean", () => {
    expect(lint(journey(bare("journey-disable-next-line stage-without-surveys -- typo")))).toEqual([
      [
        "disable-directive",
        7,
        3,
        'journey-disable-next-line names an unknown rule "stage-without-surveys"; did you mean "stage-without-survey"?',
      ],
      ["stage-without-survey", 8, 5, 'stage "s" has no survey and no noSurvey reason'],
    ]);
  });

  it("structural rules cannot be disabled", () => {
    expect(lint(journey(bare("journey-disable-next-line schema -- no")))[0]).toEqual([
      "disable-directive",
      7,
      3,
      'journey-disable-next-line cannot disable "schema": structural rules are always on',
    ]);
  });

  it("a directive without a reason is reported, and still silences", () => {
    expect(lint(journey(bare("journey-disable-next-line stage-without-survey")))).toEqual([
      [
        "disable-directive",
        7,
        3,
        'journey-disable-next-line "stage-without-survey" gives no reason: add " -- <why>"',
      ],
    ]);
  });

  it("the same text inside a block scalar is not a comment", () => {
    const lines = [
      "  - id: s",
      "    name: |",
      "      # journey-disable-next-line stage-without-survey -- not a comment",
      "    events:",
      "      - { id: e, action: A, channel: web, satisfaction: 4, evidence: [{ source: analytics, ref: R }] }",
    ];
    expect(lint(journey(lines))).toEqual([
      ["stage-without-survey", 7, 5, 'stage "s" has no survey and no noSurvey reason'],
    ]);
  });

  it("the disable-directive rule can be turned off like any other", () => {
    const text = journey(bare("journey-disable-next-line missing-satisfaction -- wrong rule"));
    const findings = lintSources(
      { "p.yaml": PERSONA, "j.yaml": text },
      { config: "kind: config\nrules:\n  disable-directive: off\n" },
    );
    expect(findings.filter((f) => f.rule === "disable-directive")).toEqual([]);
  });
});
