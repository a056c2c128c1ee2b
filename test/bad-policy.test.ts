import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PERSONA, run } from "./helpers.js";

/** A journey of julie with two surveys a week apart, so that any policy has sends to count. */
const JOURNEY = `kind: journey
id: j
title: J
persona: julie
reviewed: 2026-10-01
stages:
  - id: s
    name: S
    events: [{ id: e, action: A, channel: email, satisfaction: 4, evidence: [{ source: survey, ref: R1 }] }]
    surveys:
      - { id: a, title: A, event: e, channel: email, subject: S, indicators: [csat], questions: [{ text: "How was it?", indicator: csat, scale: { min: 1, max: 5 } }], recurrence: { once: 2027-01-10 } }
      - { id: b, title: B, event: e, channel: email, subject: S, indicators: [ces], questions: [{ text: "And the delivery?", indicator: ces, scale: { min: 1, max: 7 } }], recurrence: { once: 2027-01-17 } }
`;

// A contact policy the schema rejects is reported by the schema alone: contact-pressure never
// counts against it (-1 surveys once made it read past the end of the sends and crash).
describe("a malformed contact policy: a schema finding, never a crash", () => {
  it.each([
    ["-1", '"maxSurveys" must be between 1 and 1000, not -1'],
    ["0", '"maxSurveys" must be between 1 and 1000, not 0'],
    ["1.5", '"maxSurveys" must be a whole number, not 1.5'],
  ])("maxSurveys: %s", async (value, message) => {
    const dir = mkdtempSync(join(tmpdir(), "journey-policy-"));
    writeFileSync(
      join(dir, "p.yaml"),
      `${PERSONA}contactPolicy: { maxSurveys: ${value}, window: P30D }\n`,
    );
    writeFileSync(join(dir, "j.yaml"), JOURNEY);
    const r = await run(["lint", "-f", "json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings.map(
      (f: { rule: string; file: string; message: string }) => [f.rule, f.file, f.message],
    );
    expect(findings).toEqual([["schema", "p.yaml", message]]);
  });
});
