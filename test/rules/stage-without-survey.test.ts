import { stageWithoutSurvey } from "../../src/rules/stage-without-survey.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

ruleTester(stageWithoutSurvey, {
  valid: [
    {
      name: "a noSurvey reason records the decision",
      files,
      code: yaml`
        kind: journey
        id: j
        title: J
        persona: julie
        stages:
          - id: s
            name: S
            noSurvey: Covered by analytics
            events:
              - { id: e, action: A, channel: web }
      `,
    },
    {
      name: "a stage survey",
      files,
      code: yaml`
        kind: journey
        id: j
        title: J
        persona: julie
        stages:
          - id: s
            name: S
            events:
              - { id: e, action: A, channel: web }
            surveys:
              - id: x
                title: T
                channel: web
                subject: S
                indicators: [csat]
                questions:
                  - { text: How satisfied are you?, indicator: csat, scale: { min: 1, max: 5 } }
                recurrence: { once: 2026-03-02 }
      `,
    },
  ],
  invalid: [
    {
      name: "neither survey nor noSurvey: at the stage",
      files,
      code: yaml`
        kind: journey
        id: j
        title: J
        persona: julie
        reviewed: 2026-10-01
        stages:
          - id: s
            name: S
            events:
              - id: e
                action: A
                channel: web
                satisfaction: 4
      `,
      errors: [
        {
          messageId: "missing",
          line: 7,
          column: 5,
          message: 'stage "s" has no survey and no noSurvey reason',
        },
      ],
    },
    {
      name: "a journey-wide survey does not cover a stage; each stage is reported",
      files,
      code: yaml`
        kind: journey
        id: j
        title: J
        persona: julie
        stages:
          - id: s
            name: S
            events:
              - { id: e, action: A, channel: web }
          - id: t
            name: T
            events:
              - { id: f, action: A, channel: web }
        surveys:
          - id: wide
            title: T
            channel: web
            subject: S
            indicators: [nps]
            questions:
              - { text: Would you recommend us?, indicator: nps, scale: { min: 0, max: 10 } }
            recurrence: { every: P6M, start: 2026-01-15 }
      `,
      errors: [
        { messageId: "missing", line: 6, column: 5 },
        {
          messageId: "missing",
          line: 10,
          column: 5,
          message: 'stage "t" has no survey and no noSurvey reason',
        },
      ],
    },
  ],
});
