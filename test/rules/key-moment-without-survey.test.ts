import { keyMomentWithoutSurvey } from "../../src/rules/key-moment-without-survey.js";
import { PERSONA } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

/** A journey whose one stage has one event of this satisfaction, and these extra stage lines. */
const journey = (satisfaction: number, ...stage: string[]) =>
  [
    "kind: journey",
    "id: j",
    "title: J",
    "persona: julie",
    "reviewed: 2026-10-01",
    "stages:",
    "  - id: s",
    "    name: S",
    "    events:",
    "      - id: e",
    "        action: A",
    "        channel: web",
    `        satisfaction: ${satisfaction}`,
    ...stage.map((l) => `    ${l}`),
    "",
  ].join("\n");

ruleTester(keyMomentWithoutSurvey, {
  valid: [
    { name: "satisfaction one above the threshold", files, code: journey(3) },
    {
      name: "satisfaction above a lower threshold",
      files,
      code: journey(2),
      options: { threshold: 1 },
    },
    {
      name: "a stage survey without event covers the key moment",
      files,
      code: journey(
        2,
        "keyMoment: decision",
        "surveys:",
        "  - id: x",
        "    title: T",
        "    channel: web",
        "    subject: S",
        "    indicators: [csat]",
        "    questions:",
        "      - { text: How satisfied are you?, indicator: csat, scale: { min: 1, max: 5 } }",
        "    recurrence: { once: 2026-03-02 }",
      ),
    },
  ],
  invalid: [
    {
      name: "a keyMoment stage without survey, even with a noSurvey reason: at keyMoment",
      files,
      code: journey(4, "keyMoment: conversion", "noSurvey: Not now"),
      errors: [
        {
          messageId: "keyMoment",
          line: 14,
          column: 5,
          message: 'stage "s" is a key moment (conversion) but has no survey',
        },
      ],
    },
    {
      name: "satisfaction exactly at the threshold: at the satisfaction",
      files,
      code: journey(2),
      errors: [
        {
          messageId: "lowSatisfaction",
          line: 13,
          column: 23,
          message:
            'stage "s" has an event with satisfaction 2 (at or below 2), a key moment, but no survey',
        },
      ],
    },
    {
      name: "the threshold option",
      files,
      code: journey(3),
      options: { threshold: 3 },
      errors: [
        {
          messageId: "lowSatisfaction",
          line: 13,
          column: 23,
          message:
            'stage "s" has an event with satisfaction 3 (at or below 3), a key moment, but no survey',
        },
      ],
    },
    {
      name: "a keyMoment is reported rather than a low satisfaction",
      files,
      code: journey(1, "keyMoment: decision", "noSurvey: Not now"),
      errors: [{ messageId: "keyMoment", line: 14, column: 5 }],
    },
  ],
});
