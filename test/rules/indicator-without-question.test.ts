import { indicatorWithoutQuestion } from "../../src/rules/indicator-without-question.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

/** A journey with one stage survey listing `indicators` (line 14) and asking `questions` (from line 16). */
const journey = (indicators: string, ...questions: string[]) =>
  yaml`
    kind: journey
    id: j
    title: J
    persona: julie
    stages:
      - id: s
        name: S
        events: [{ id: e, action: A, channel: web }]
        surveys:
          - id: x
            title: T
            channel: web
            subject: S
            indicators: ${indicators}
            recurrence: { once: 2026-03-02 }
            questions:
  ` + questions.map((q) => `          - ${q}\n`).join("");

ruleTester(indicatorWithoutQuestion, {
  valid: [
    {
      name: "the indicators listed are those measured, open questions aside",
      files,
      code: journey(
        "[csat, nps]",
        "{ text: Q1?, indicator: csat, scale: { min: 1, max: 5 } }",
        "{ text: Q2?, indicator: nps, scale: { min: 0, max: 10 } }",
        "{ text: Anything else?, type: open }",
      ),
    },
  ],
  invalid: [
    {
      name: "a listed indicator no question measures, and a question's indicator the survey does not list",
      files,
      code: journey("[nps]", "{ text: Q?, indicator: csat, scale: { min: 1, max: 5 } }"),
      errors: [
        {
          messageId: "unmeasured",
          line: 14,
          column: 22,
          message: 'survey "x" lists indicator "nps" but no question measures it',
        },
        {
          messageId: "unlisted",
          line: 17,
          column: 36,
          message:
            'question 1 of survey "x" measures "csat", which the survey does not list in its indicators',
        },
      ],
    },
  ],
});
