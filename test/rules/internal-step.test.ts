import { internalStep } from "../../src/rules/internal-step.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

/** A journey whose one event has this visibility line (line 12). */
const journey = (visibility: string) => yaml`
  kind: journey
  id: j
  title: J
  persona: julie
  stages:
    - id: s
      name: S
      noSurvey: n
      events:
        - id: e
          action: A
          ${visibility}
          channel: web
`;

ruleTester(internalStep, {
  valid: [
    { name: "a customer-visible event", files, code: journey("visibility: customer") },
    { name: "no visibility: visible", files, code: journey("satisfaction: 3") },
  ],
  invalid: [
    {
      name: "an internal event, at its visibility",
      files,
      code: journey("visibility: internal"),
      errors: [
        {
          messageId: "internal",
          line: 12,
          column: 21,
          message: 'event "e" is an internal step, invisible to the customer: take it off the map',
        },
      ],
    },
  ],
});
