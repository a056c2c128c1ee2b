import { indicatorScale } from "../../src/rules/indicator-scale.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

/** A journey with one stage survey listing `indicator`, whose questions start on line 17. */
const journey = (indicator: string, ...questions: string[]) =>
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
          indicators: [${indicator}]
          recurrence: { once: 2026-03-02 }
          questions:
  ` + questions.map((q) => `          - ${q}\n`).join("");

const EFFORT_INDEX = yaml`
  kind: config
  indicators:
    - id: effort-index
      scale: { min: 1, max: 10 }
`;

ruleTester(indicatorScale, {
  valid: [
    {
      name: "csat on 1–5",
      files,
      code: journey("csat", "{ text: Q?, indicator: csat, scale: { min: 1, max: 5 } }"),
    },
    {
      name: "nps on 0–10",
      files,
      code: journey("nps", "{ text: Q?, indicator: nps, scale: { min: 0, max: 10 } }"),
    },
    {
      name: "ces on 1–7",
      files,
      code: journey("ces", "{ text: Q?, indicator: ces, scale: { min: 1, max: 7 } }"),
    },
    {
      name: "a configured indicator on its own scale",
      files,
      config: EFFORT_INDEX,
      code: journey(
        "effort-index",
        "{ text: Q?, indicator: effort-index, scale: { min: 1, max: 10 } }",
      ),
    },
    {
      name: "an open question that measures no indicator",
      files,
      code: journey(
        "csat",
        "{ text: Q?, indicator: csat, scale: { min: 1, max: 5 } }",
        "{ text: Why?, type: open }",
      ),
    },
  ],
  invalid: [
    {
      name: "csat on 1–10: at the scale",
      files,
      code: journey("csat", "{ text: Q?, indicator: csat, scale: { min: 1, max: 10 } }"),
      errors: [
        {
          messageId: "scale",
          line: 17,
          column: 49,
          message: 'question 1 of survey "x": csat is measured on 1–5, not 1–10',
        },
      ],
    },
    {
      name: "an open question cannot measure csat: at its type",
      files,
      code: journey("csat", "{ text: Q?, indicator: csat, type: open }"),
      errors: [
        {
          messageId: "notScale",
          line: 17,
          column: 48,
          message:
            'question 1 of survey "x" is an open question: it cannot measure csat, which is a 1–5 scale',
        },
      ],
    },
    {
      name: "nor can a choice question",
      files,
      code: journey("nps", "{ text: Q?, indicator: nps, type: choice }"),
      errors: [
        {
          messageId: "notScale",
          line: 17,
          column: 47,
          message:
            'question 1 of survey "x" is a choice question: it cannot measure nps, which is a 0–10 scale',
        },
      ],
    },
    {
      name: "a configured indicator's scale",
      files,
      config: EFFORT_INDEX,
      code: journey(
        "effort-index",
        "{ text: Q?, indicator: effort-index, scale: { min: 0, max: 10 } }",
      ),
      errors: [
        {
          messageId: "scale",
          line: 17,
          column: 57,
          message: 'question 1 of survey "x": effort-index is measured on 1–10, not 0–10',
        },
      ],
    },
  ],
});
