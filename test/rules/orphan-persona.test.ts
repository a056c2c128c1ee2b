import { orphanPersona } from "../../src/rules/orphan-persona.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const JOURNEY = yaml`
  kind: journey
  id: j
  title: J
  persona: julie
  stages:
    - id: s
      name: S
      events: [{ id: e, action: A, channel: web }]
`;

const MARC = yaml`
  kind: persona
  id: marc
  name: Marc
  summary: Buys in the store.
`;

ruleTester(orphanPersona, {
  valid: [
    { name: "a persona with a journey", files: { "p.yaml": PERSONA }, code: JOURNEY },
    {
      name: "a journey per persona",
      files: {
        "p.yaml": PERSONA,
        "m.yaml": MARC,
        "k.yaml": JOURNEY.replace("id: j", "id: k").replace("persona: julie", "persona: marc"),
      },
      code: JOURNEY,
    },
  ],
  invalid: [
    {
      name: "a persona no journey maps, at its id",
      files: { "p.yaml": PERSONA, "m.yaml": MARC },
      code: JOURNEY,
      errors: [
        {
          messageId: "orphan",
          file: "m.yaml",
          line: 2,
          column: 5,
          message: 'persona "marc" has no journey: map it, or remove it',
        },
      ],
    },
    {
      name: "every persona of a workspace without journeys",
      code: `${PERSONA}---\n${MARC}`,
      errors: [
        { messageId: "orphan", line: 2, column: 5 },
        { messageId: "orphan", line: 7, column: 5 },
      ],
    },
  ],
});
