import { redundantQuestion } from "../../src/rules/redundant-question.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

/** A journey of a persona whose one stage survey asks one question (its text on line 14, column 19). */
const journey = (id: string, text: string, survey: string, persona = "julie") => yaml`
  kind: journey
  id: ${id}
  title: J
  persona: ${persona}
  stages:
    - id: s
      name: S
      noSurvey: n
      events:
        - { id: e, action: A, channel: web }
      surveys:
        - id: ${survey}
          questions:
            - text: ${text}
              indicator: csat
              scale: { min: 1, max: 5 }
          title: T
          channel: web
          subject: S
          indicators: [csat]
          recurrence: { once: 2026-03-02 }
`;

const MARC = yaml`
  kind: persona
  id: marc
  name: M
  summary: S
`;

/** Two journeys of julie, a.yaml then b.yaml, each asking one question. */
const twoJourneys = (first: string, second: string) => ({
  "p.yaml": PERSONA,
  "a.yaml": journey("a", first, "sa"),
  "b.yaml": journey("b", second, "sb"),
});

// {satisfied, deliveri} and {overall, satisfied, deliveri}: 2·2 / (2 + 3) = 0.8.
const NEAR = twoJourneys(
  "How satisfied are you with the delivery?",
  "Overall, how satisfied are you with the delivery?",
);
const NEAR_MESSAGE =
  'question "Overall, how satisfied are you with the delivery?" is near-identical (80% of content words shared) to one already asked to persona "julie" at a.yaml:14:19: "How satisfied are you with the delivery?"';

ruleTester(redundantQuestion, {
  valid: [
    {
      name: "different questions",
      files: twoJourneys("How easy was it to pay?", "Would you recommend us?"),
    },
    {
      name: "the same question to two personas",
      files: {
        "p.yaml": PERSONA,
        "m.yaml": MARC,
        "a.yaml": journey("a", "How was it?", "sa"),
        "b.yaml": journey("b", "How was it?", "sb", "marc"),
      },
    },
    {
      name: "near-identical at 0.8, with the similarity option just over it",
      files: NEAR,
      options: { similarity: 0.81 },
    },
  ],
  invalid: [
    {
      name: "the same once normalised, across two journeys of one persona: names the other place",
      files: twoJourneys("Êtes-vous satisfait de l’accueil ?", "etes vous SATISFAIT de l'accueil"),
      errors: [
        {
          messageId: "same",
          file: "b.yaml",
          line: 14,
          column: 19,
          message:
            'question "etes vous SATISFAIT de l\'accueil" is already asked to persona "julie" at a.yaml:14:19 (the same once case, accents and punctuation are set aside)',
        },
      ],
    },
    {
      name: "twice in one survey",
      files: { "p.yaml": PERSONA },
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
                  - { text: How satisfied are you with x?, indicator: csat, scale: { min: 1, max: 5 } }
                  - { text: HOW SATISFIED ARE YOU WITH X, type: open }
                recurrence: { once: 2026-03-02 }
      `,
      errors: [
        {
          messageId: "same",
          line: 18,
          column: 21,
          message:
            'question "HOW SATISFIED ARE YOU WITH X" is already asked to persona "julie" at code.yaml:17:21 (the same once case, accents and punctuation are set aside)',
          related: [{ what: "the question asked before", line: 17, column: 21 }],
        },
      ],
    },
    {
      name: "near-identical, by default (similarity 0.8)",
      files: NEAR,
      errors: [{ messageId: "near", file: "b.yaml", line: 14, column: 19, message: NEAR_MESSAGE }],
    },
    {
      name: "near-identical, with the similarity option at the pair's similarity",
      files: NEAR,
      options: { similarity: 0.8 },
      errors: [{ messageId: "near", file: "b.yaml", line: 14, column: 19, message: NEAR_MESSAGE }],
    },
    {
      name: "near-identical, with the similarity option just under it",
      files: NEAR,
      options: { similarity: 0.79 },
      errors: [{ messageId: "near", file: "b.yaml", line: 14, column: 19 }],
    },
    {
      name: "near-identical: plural and feminine endings set aside, every content word shared",
      files: twoJourneys(
        "Êtes-vous satisfait de la livraison ?",
        "Êtes-vous satisfaite de vos livraisons ?",
      ),
      options: { similarity: 1 },
      errors: [
        {
          messageId: "near",
          file: "b.yaml",
          line: 14,
          column: 19,
          message:
            'question "Êtes-vous satisfaite de vos livraisons ?" is near-identical (100% of content words shared) to one already asked to persona "julie" at a.yaml:14:19: "Êtes-vous satisfait de la livraison ?"',
        },
      ],
    },
  ],
});
