import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/rules/index.js";
import { ROOT, run } from "./helpers.js";

/** test/fixtures/one-defect-per-rule: a workspace with one planted defect for each rule. */
const PLANTED = [
  ["stale-map", "journeys/julie-online.yaml", 5, 11], // reviewed: 2025-01-15
  ["stage-without-survey", "journeys/julie-online.yaml", 7, 5], // discovery: no survey, no noSurvey
  ["key-moment-without-survey", "journeys/julie-online.yaml", 17, 5], // keyMoment despite noSurvey
  ["internal-step", "journeys/julie-online.yaml", 29, 21], // visibility: internal
  ["missing-satisfaction", "journeys/julie-online.yaml", 40, 9], // unboxing
  ["unsupported-claim", "journeys/julie-online.yaml", 47, 23], // return: no evidence
  ["survey-channel-mismatch", "journeys/julie-online.yaml", 53, 18], // sms for an email event
  ["indicator-scale", "journeys/julie-online.yaml", 59, 20], // csat on 1–10
  ["unscheduled-survey", "journeys/julie-online.yaml", 60, 32], // triggered, no journey frequency
  ["redundant-indicator", "journeys/julie-online.yaml", 66, 22], // csat twice at delivery
  ["indicator-without-question", "journeys/julie-online.yaml", 66, 28], // nps never asked
  ["redundant-question", "journeys/julie-online.yaml", 68, 19], // "were" for "are"
  ["disable-directive", "journeys/julie-online.yaml", 71, 11], // silences nothing
  ["unknown-reference", "journeys/julie-online.yaml", 78, 12], // prodct-page
  ["schema", "journeys/julie-online.yaml", 86, 50], // owner inside recurrence
  ["duplicate-id", "journeys/julie-online.yaml", 87, 9], // delivery-csat again
  ["contact-pressure", "journeys/julie-online.yaml", 96, 17], // 07-15 and 07-20, 1 per 30 days
  ["orphan-persona", "personas/anna.yaml", 2, 5], // anna has no journey
  ["syntax", "personas/broken.yaml", 4, 1], // unclosed flow sequence
];

describe("a workspace with one planted defect per rule", () => {
  it("reports exactly those defects at their lines, and nothing else", async () => {
    const r = await run(
      ["lint", "-f", "json"],
      join(ROOT, "test", "fixtures", "one-defect-per-rule"),
    );
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).findings.map(
      (f: { rule: string; file: string; line: number; column: number }) => [
        f.rule,
        f.file,
        f.line,
        f.column,
      ],
    );
    expect(found).toEqual(PLANTED);
  });

  // Each rule's own table (test/rules/<id>.test.ts) is required of every rule; this workspace
  // shows them together in one realistic map, so a new rule need not be planted here.
  it("plants only rules of the registry", () => {
    const ids = new Set(RULES.map((r) => r.id));
    expect(PLANTED.filter(([rule]) => !ids.has(String(rule)))).toEqual([]);
  });
});
