import { duplicateId } from "../../src/rules/duplicate-id.js";
import { JOURNEY, PERSONA } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(duplicateId, {
  valid: [
    { name: "a persona and a journey", files: { "p.yaml": PERSONA, "j.yaml": JOURNEY } },
    {
      name: "the same stage and event ids in two journeys",
      files: {
        "p.yaml": PERSONA,
        "j.yaml": JOURNEY,
        "k.yaml": JOURNEY.replace("id: julie-online", "id: julie-again")
          .replace("id: checkout-csat", "id: other-csat")
          .replace("id: relationship-nps", "id: other-nps"),
      },
    },
    {
      name: "the same question id in two surveys",
      files: {
        "p.yaml": PERSONA,
        "j.yaml": JOURNEY.replace(
          "      - text: Would you recommend us?",
          "      - id: q1\n        text: Would you recommend us?",
        ),
      },
    },
  ],
  invalid: [
    {
      name: "two personas in two files: the later one points at the first",
      files: { "a.yaml": PERSONA, "b.yaml": PERSONA, "j.yaml": JOURNEY },
      errors: [
        {
          messageId: "duplicate",
          file: "b.yaml",
          line: 2,
          column: 5,
          message: 'duplicate persona id "julie": already used at a.yaml:2:5',
          related: [{ what: "first use of the persona id", file: "a.yaml", line: 2, column: 5 }],
        },
      ],
    },
    {
      name: "two journeys, and their surveys with them",
      files: { "p.yaml": PERSONA, "j1.yaml": JOURNEY, "j2.yaml": JOURNEY },
      errors: [
        {
          messageId: "duplicate",
          file: "j2.yaml",
          line: 2,
          column: 5,
          message: 'duplicate journey id "julie-online": already used at j1.yaml:2:5',
        },
        {
          messageId: "duplicate",
          file: "j2.yaml",
          line: 16,
          column: 13,
          message: 'duplicate survey id "checkout-csat": already used at j1.yaml:16:13',
        },
        {
          messageId: "duplicate",
          file: "j2.yaml",
          line: 35,
          column: 9,
          message: 'duplicate survey id "relationship-nps": already used at j1.yaml:35:9',
        },
      ],
    },
    {
      name: "two stages of one journey",
      files: {
        "p.yaml": PERSONA,
        "j.yaml": JOURNEY.replace("- id: delivery\n", "- id: purchase\n"),
      },
      errors: [
        {
          messageId: "duplicate",
          file: "j.yaml",
          line: 28,
          column: 9,
          message: 'duplicate stage id "purchase": already used at j.yaml:6:9',
        },
      ],
    },
    {
      name: "two events of one journey, in two stages",
      files: { "p.yaml": PERSONA, "j.yaml": JOURNEY.replace("- id: parcel", "- id: checkout") },
      errors: [
        {
          messageId: "duplicate",
          file: "j.yaml",
          line: 31,
          column: 13,
          message: 'duplicate event id "checkout": already used at j.yaml:9:13',
        },
      ],
    },
    {
      name: "two questions of one survey",
      files: {
        "p.yaml": PERSONA,
        "j.yaml": JOURNEY.replace(
          "      - text: Would you recommend us?",
          "      - id: q1\n        text: A\n        type: open\n      - id: q1\n        text: Would you recommend us?",
        ),
      },
      errors: [
        {
          messageId: "duplicate",
          file: "j.yaml",
          line: 44,
          column: 13,
          message: 'duplicate question id "q1": already used at j.yaml:41:13',
        },
      ],
    },
  ],
});
