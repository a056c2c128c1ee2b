import { contactPressure } from "../../src/rules/contact-pressure.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

/** A journey of julie with one survey sent once on each date (recurrences on lines 17, 25, 33…). */
const journey = (id: string, ...dates: string[]) =>
  yaml`
    kind: journey
    id: ${id}
    title: J
    persona: julie
    stages:
      - id: s
        name: S
        events: [{ id: a, action: A, channel: email }]
        surveys:
  ` +
  dates
    .map((date, i) =>
      [
        `      - id: ${id}${i + 1}`,
        `        title: Survey ${i + 1}`,
        "        event: a",
        "        channel: email",
        `        subject: Subject ${i + 1}`,
        "        indicators: [csat]",
        `        questions: [{ text: "Question ${i + 1}?", indicator: csat, scale: { min: 1, max: 5 } }]`,
        `        recurrence: { once: ${date} }`,
        "",
      ].join("\n"),
    )
    .join("");

/** Three surveys: 2027-01-10, 2027-01-25 (15 days later), 2027-06-01; the run is on 2026-11-22. */
const THREE = journey("s", "2027-01-10", "2027-01-25", "2027-06-01");

const julie = (policy: string) => ({ "p.yaml": `${PERSONA}contactPolicy: ${policy}\n` });
const workspacePolicy = (policy: string) => `kind: config\ncontactPolicy: ${policy}\n`;

const WINDOW =
  'one customer of persona "julie" could receive 2 surveys within 30 days (2027-01-10 to 2027-02-08): "s1" on 2027-01-10, "s2" on 2027-01-25; the contact policy allows 1';

ruleTester(contactPressure, {
  valid: [
    { name: "no contact policy", files: { "p.yaml": PERSONA }, code: THREE },
    {
      name: "within the persona's policy",
      files: julie("{ maxSurveys: 2, window: P30D, minGap: P14D }"),
      code: THREE,
    },
    {
      name: "the persona's lenient policy wins over the workspace's strict one",
      files: julie("{ maxSurveys: 2, window: P30D }"),
      config: workspacePolicy("{ maxSurveys: 1, window: P30D }"),
      code: THREE,
    },
    {
      name: "sends after the calendar's range (a year from today) are not counted",
      files: julie("{ maxSurveys: 1, window: P30D }"),
      code: journey("s", "2027-12-01", "2027-12-02"),
    },
  ],
  invalid: [
    {
      name: "one survey too many in a window: at the survey that tips it, naming the surveys in it",
      files: julie("{ maxSurveys: 1, window: P30D }"),
      code: THREE,
      errors: [
        {
          messageId: "window",
          line: 25,
          column: 21,
          message: WINDOW,
          related: [{ what: '"s1" on 2027-01-10', line: 17, column: 21 }],
        },
      ],
    },
    {
      name: "two surveys closer than minGap",
      files: julie("{ minGap: P30D }"),
      code: THREE,
      errors: [
        {
          messageId: "gap",
          line: 25,
          column: 21,
          message:
            'one customer of persona "julie" could receive "s2" on 2027-01-25, 15 days after "s1" on 2027-01-10; the contact policy wants 30 days between two surveys',
          related: [{ what: '"s1" on 2027-01-10', line: 17, column: 21 }],
        },
      ],
    },
    {
      name: "two surveys on the same day",
      files: julie("{ minGap: P7D }"),
      code: journey("s", "2027-01-10", "2027-01-10"),
      errors: [
        {
          messageId: "gap",
          line: 25,
          column: 21,
          message:
            'one customer of persona "julie" could receive "s2" on 2027-01-10, the same day as "s1" on 2027-01-10; the contact policy wants 7 days between two surveys',
        },
      ],
    },
    {
      name: "a window and a gap broken by one survey",
      files: julie("{ maxSurveys: 1, window: P30D, minGap: P1M }"),
      code: THREE,
      errors: [
        { messageId: "window", line: 25, column: 21 },
        { messageId: "gap", line: 25, column: 21 },
      ],
    },
    {
      name: "the workspace's policy, for a persona without one",
      files: { "p.yaml": PERSONA },
      config: workspacePolicy("{ maxSurveys: 1, window: P30D }"),
      code: THREE,
      errors: [{ messageId: "window", line: 25, column: 21, message: WINDOW }],
    },
    {
      name: "the persona's strict policy wins over the workspace's lenient one",
      files: julie("{ maxSurveys: 1, window: P30D }"),
      config: workspacePolicy("{ maxSurveys: 5, window: P30D }"),
      code: THREE,
      errors: [{ messageId: "window", line: 25, column: 21, message: WINDOW }],
    },
    {
      name: "every journey of the persona counts together",
      files: {
        ...julie("{ maxSurveys: 1, window: P30D }"),
        "j.yaml": journey("j", "2027-01-10"),
        "k.yaml": journey("k", "2027-01-12"),
      },
      errors: [
        {
          messageId: "window",
          file: "k.yaml",
          line: 17,
          column: 21,
          message:
            'one customer of persona "julie" could receive 2 surveys within 30 days (2027-01-10 to 2027-02-08): "j1" on 2027-01-10, "k1" on 2027-01-12; the contact policy allows 1',
        },
      ],
    },
  ],
});
