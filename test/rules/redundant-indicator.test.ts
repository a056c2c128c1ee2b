import { redundantIndicator } from "../../src/rules/redundant-indicator.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

ruleTester(redundantIndicator, {
  valid: [
    {
      name: "in two stages",
      files,
      code: yaml`
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
                indicators: [csat]
                questions: [{ text: Q1?, indicator: csat, scale: { min: 1, max: 5 } }]
                recurrence: { once: 2026-03-02 }
          - id: t
            name: T
            events: [{ id: f, action: A, channel: web }]
            surveys:
              - id: y
                title: T
                channel: web
                subject: S
                indicators: [csat]
                questions: [{ text: Q2?, indicator: csat, scale: { min: 1, max: 5 } }]
                recurrence: { once: 2026-03-02 }
      `,
    },
    {
      name: "a stage survey and a journey-wide one",
      files,
      code: yaml`
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
                indicators: [csat]
                questions: [{ text: Q1?, indicator: csat, scale: { min: 1, max: 5 } }]
                recurrence: { once: 2026-03-02 }
        surveys:
          - id: y
            title: T
            channel: web
            subject: S
            indicators: [csat]
            questions: [{ text: Q2?, indicator: csat, scale: { min: 1, max: 5 } }]
            recurrence: { once: 2026-03-02 }
      `,
    },
  ],
  invalid: [
    {
      name: "two surveys of one stage measuring csat: at the second's indicator",
      files,
      code: yaml`
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
                indicators: [csat]
                questions: [{ text: Q1?, indicator: csat, scale: { min: 1, max: 5 } }]
                recurrence: { once: 2026-03-02 }
              - id: y
                title: T
                channel: web
                subject: S
                indicators: [nps, csat]
                questions:
                  - { text: Q2?, indicator: csat, scale: { min: 1, max: 5 } }
                  - { text: Q3?, indicator: nps, scale: { min: 0, max: 10 } }
                recurrence: { once: 2026-03-02 }
      `,
      errors: [
        {
          messageId: "twice",
          line: 21,
          column: 27,
          message:
            'survey "y" measures "csat", as survey "x" already does at stage "s" (code.yaml:14:22)',
          related: [{ what: 'the indicator in survey "x"', line: 14, column: 22 }],
        },
      ],
    },
  ],
});
