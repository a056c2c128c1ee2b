import { unsupportedClaim } from "../../src/rules/unsupported-claim.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

/** A journey whose one event (from line 9) has these extra lines. */
const journey = (...event: string[]) =>
  yaml`
    kind: journey
    id: j
    title: J
    persona: julie
    stages:
      - id: s
        name: S
        events:
          - id: e
            action: A
            channel: web
  ` + event.map((l) => `        ${l}\n`).join("");

const WITH_TRAITS = yaml`
  kind: persona
  id: julie
  name: Julie
  summary: Buys online after reading reviews.
  traits:
    - { name: age, value: 30-39, basis: data }
    - { name: city, value: Lyon, basis: data, source: CRM export 2026-09 }
    - { name: job, value: clerk, basis: hypothesis }
`;

ruleTester(unsupportedClaim, {
  valid: [
    {
      name: "satisfaction and pain points with evidence",
      files,
      code: journey(
        "satisfaction: 4",
        "painPoints: [{ text: Slow }]",
        "evidence: [{ source: analytics, ref: Funnel 2026-Q3 }]",
      ),
    },
    { name: "an event that claims nothing", files, code: journey() },
    {
      name: "traits based on data with a source, or hypotheses",
      files: {
        "p.yaml": WITH_TRAITS.replace("  - { name: age, value: 30-39, basis: data }\n", ""),
      },
      code: journey(),
    },
  ],
  invalid: [
    {
      name: "satisfaction without evidence: at the satisfaction",
      files,
      code: journey("satisfaction: 4"),
      errors: [
        {
          messageId: "event",
          line: 12,
          column: 23,
          message: 'event "e" states a satisfaction with no evidence: say where it comes from',
        },
      ],
    },
    {
      name: "pain points alone: at painPoints",
      files,
      code: journey("painPoints: [{ text: Slow }]"),
      errors: [
        {
          messageId: "event",
          line: 12,
          column: 9,
          message: 'event "e" states pain points with no evidence: say where it comes from',
        },
      ],
    },
    {
      name: "both, with an empty evidence list: at the satisfaction",
      files,
      code: journey("painPoints: [{ text: Slow }]", "satisfaction: 2", "evidence: []"),
      errors: [
        {
          messageId: "event",
          line: 13,
          column: 23,
          message:
            'event "e" states satisfaction and pain points with no evidence: say where it comes from',
        },
      ],
    },
    {
      name: "a trait based on data without source, at basis; a hypothesis needs none",
      files: { "p.yaml": WITH_TRAITS },
      code: journey(),
      errors: [
        {
          messageId: "trait",
          file: "p.yaml",
          line: 6,
          column: 39,
          message: 'trait "age" is based on data but names no source',
        },
      ],
    },
  ],
});
