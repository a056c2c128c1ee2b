import { schema } from "../../src/rules/schema.js";
import { JOURNEY, PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

ruleTester(schema, {
  valid: [
    { name: "a persona", code: PERSONA },
    { name: "a journey", files, code: JOURNEY },
    { name: "x- extension keys", code: `${PERSONA}x-owner: CX team\n` },
    {
      name: "an empty document between two",
      code: `${PERSONA}---\n---\n${PERSONA.replace("julie", "anna")}`,
    },
  ],
  invalid: [
    ...(
      [
        ["-.inf", "-.inf"],
        [".inf", ".inf"],
        [".nan", ".nan"],
      ] as const
    ).map(([written, shown]) => ({
      name: `a non-finite number (${written}) is named as YAML writes it, not as null`,
      code: `${PERSONA}contactPolicy: { maxSurveys: ${written}, window: P30D }\n`,
      errors: [
        {
          messageId: "problem",
          line: 5,
          column: 30,
          message: `"maxSurveys" must be a whole number, not ${shown}`,
        },
      ],
    })),
    {
      name: "an unknown key, with did-you-mean: at the key",
      files,
      code: JOURNEY.replace(
        "action: Chooses a delivery slot",
        "action: Chooses a delivery slot\n        satisfction: 2",
      ),
      errors: [
        {
          messageId: "problem",
          line: 14,
          column: 9,
          message: 'unknown key "satisfction" in event; did you mean "satisfaction"?',
        },
      ],
    },
    {
      name: "an unknown key like no other: the allowed keys",
      code: `${PERSONA}hobby: x\n`,
      errors: [
        {
          messageId: "problem",
          line: 5,
          column: 1,
          message:
            'unknown key "hobby" in persona (allowed: kind, id, name, summary, traits, habits, goals, frustrations, channels, contactPolicy, or an x- extension key)',
        },
      ],
    },
    {
      name: "a duration that is not ISO 8601: at the value",
      files,
      code: JOURNEY.replace(
        "{ every: P6M, start: 2026-01-15 }",
        "{ every: 6 months, start: 2026-01-15 }",
      ),
      errors: [
        {
          messageId: "problem",
          line: 44,
          column: 26,
          message:
            '"every" must be an ISO 8601 duration such as P7D, P2W, P1M or P1Y, not "6 months"',
        },
      ],
    },
    {
      name: "an indicator listed twice",
      files,
      code: JOURNEY.replace("indicators: [nps]", "indicators: [nps, nps]"),
      errors: [
        { messageId: "problem", line: 39, column: 17, message: '"indicators" lists "nps" twice' },
      ],
    },
    {
      name: "a config document that is not the workspace's config",
      code: `${PERSONA}---\nkind: config\n`,
      errors: [
        {
          messageId: "problem",
          line: 6,
          column: 7,
          message:
            "this config is not applied: the workspace's config is journey.config.yaml at the workspace root (none found)",
        },
      ],
    },
    {
      name: "a document that is not a mapping",
      code: yaml`
        - kind: persona
          id: julie
      `,
      errors: [
        {
          messageId: "problem",
          line: 1,
          column: 1,
          message: 'a document must be a mapping with a "kind", not a list',
        },
      ],
    },
    {
      name: "a missing key, at the mapping",
      code: PERSONA.replace("name: Julie\n", ""),
      errors: [
        {
          messageId: "problem",
          line: 1,
          column: 1,
          message: 'persona is missing required key "name"',
        },
      ],
    },
  ],
});
