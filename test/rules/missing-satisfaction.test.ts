import { missingSatisfaction } from "../../src/rules/missing-satisfaction.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

ruleTester(missingSatisfaction, {
  valid: [
    {
      name: "every event states a satisfaction",
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
              - { id: e, action: A, channel: web, satisfaction: 1 }
              - { id: f, action: B, channel: web, satisfaction: 5 }
      `,
    },
    {
      name: "an internal step is not asked for one (internal-step reports it)",
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
              - { id: e, action: A, channel: web, satisfaction: 1 }
              - { id: f, action: B, channel: web, visibility: internal }
      `,
    },
  ],
  invalid: [
    {
      name: "an event without satisfaction, at the event",
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
              - { id: e, action: A, channel: web, satisfaction: 4 }
              - id: f
                action: B
                channel: web
      `,
      errors: [
        {
          messageId: "missing",
          line: 10,
          column: 9,
          message: 'event "f" has no satisfaction: the need for a survey here cannot be judged',
        },
      ],
    },
  ],
});
