import { describe, expect, it } from "vitest";
import { contactPressure } from "../../src/rules/contact-pressure.js";
import { lintSources, PERSONA, run, yaml } from "../helpers.js";
import type { InvalidCase } from "../rule-tester.js";
import { ruleTester } from "../rule-tester.js";

/**
 * A journey of julie with one survey per recurrence (on lines 17, 25, 33…): a date is sent once on
 * that day, anything else is the recurrence as written. `frequency` is the journey's, if any.
 */
const journeyOf = (id: string, frequency: string | null, ...recurrences: string[]) =>
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
  `.replace("title: J\n", frequency ? `title: J\nfrequency: ${frequency}\n` : "title: J\n") +
  recurrences
    .map((recurrence, i) =>
      [
        `      - id: ${id}${i + 1}`,
        `        title: Survey ${i + 1}`,
        "        event: a",
        "        channel: email",
        `        subject: Subject ${i + 1}`,
        "        indicators: [csat]",
        `        questions: [{ text: "Question ${i + 1}?", indicator: csat, scale: { min: 1, max: 5 } }]`,
        `        recurrence: ${/^\d/.test(recurrence) ? `{ once: ${recurrence} }` : recurrence}`,
        "",
      ].join("\n"),
    )
    .join("");

const journey = (id: string, ...dates: string[]) => journeyOf(id, null, ...dates);

/** Three surveys: 2027-01-10, 2027-01-25 (15 days later), 2027-06-01; the run is on 2026-11-22. */
const THREE = journey("s", "2027-01-10", "2027-01-25", "2027-06-01");

const julie = (policy: string) => ({ "p.yaml": `${PERSONA}contactPolicy: ${policy}\n` });
const workspacePolicy = (policy: string) => `kind: config\ncontactPolicy: ${policy}\n`;

const WINDOW =
  'a customer of persona "julie" could get 2 surveys within 30 days (at most 1): this one, on 2027-01-25, tips it over';

/** The invalid cases, kept apart so that the length of each message can be checked below. */
const INVALID: InvalidCase[] = [
  {
    name: "one survey too many in a window: at the survey that tips it, the others related",
    files: julie("{ maxSurveys: 1, window: P30D }"),
    code: THREE,
    errors: [
      {
        messageId: "window",
        line: 25,
        column: 21,
        message: WINDOW,
        related: [{ what: '"s1" sent 2027-01-10', line: 17, column: 21 }],
      },
    ],
  },
  {
    name: "six surveys in a fortnight are one finding, at the one too many, not one per window",
    files: julie("{ maxSurveys: 2, window: P30D }"),
    code: journey(
      "s",
      "2027-01-01",
      "2027-01-03",
      "2027-01-05",
      "2027-01-07",
      "2027-01-09",
      "2027-01-11",
    ),
    errors: [
      {
        messageId: "window",
        line: 33,
        column: 21,
        message:
          'a customer of persona "julie" could get 6 surveys within 30 days (at most 2): this one, on 2027-01-05, tips it over',
        related: [
          { what: '"s1" sent 2027-01-01', line: 17, column: 21 },
          { what: '"s2" sent 2027-01-03', line: 25, column: 21 },
          { what: '"s4" sent 2027-01-07', line: 41, column: 21 },
          { what: '"s5" sent 2027-01-09', line: 49, column: 21 },
          { what: '"s6" sent 2027-01-11', line: 57, column: 21 },
        ],
      },
    ],
  },
  {
    name: "windows that share no send are two crowds",
    files: julie("{ maxSurveys: 1, window: P30D }"),
    code: journey("s", "2027-01-10", "2027-01-25", "2027-06-01", "2027-06-02"),
    errors: [
      { messageId: "window", line: 25, column: 21, message: WINDOW },
      {
        messageId: "window",
        line: 41,
        column: 21,
        related: [{ what: '"s3" sent 2027-06-01', line: 33, column: 21 }],
      },
    ],
  },
  {
    name: "the same survey tipping it over month after month is one finding, the months related",
    files: julie("{ maxSurveys: 1, window: P7D }"),
    code: journeyOf(
      "s",
      null,
      "{ every: P1M, start: 2027-01-05 }",
      "{ every: P1M, start: 2027-01-10 }",
    ),
    errors: [
      {
        messageId: "window",
        line: 25,
        column: 21,
        message:
          'a customer of persona "julie" could get 2 surveys within 7 days (at most 1): this one, on 2027-01-10, tips it over',
        related: [
          { what: '"s1" sent 2027-01-05', line: 17, column: 21 },
          {
            what: "tips it over again on 2027-02-10, 2027-03-10, 2027-04-10 and 7 more times",
            line: 25,
            column: 21,
          },
        ],
      },
    ],
  },
  {
    name: "a survey sent weekly is its own crowd: its other sends are related to it",
    files: julie("{ maxSurveys: 2, window: P30D }"),
    code: journeyOf("s", null, "{ every: P1W, start: 2027-01-01, until: 2027-01-29 }"),
    errors: [
      {
        messageId: "window",
        line: 17,
        column: 21,
        message:
          'a customer of persona "julie" could get 5 surveys within 30 days (at most 2): this one, on 2027-01-15, tips it over',
        related: [
          {
            what: "this survey also sent 2027-01-01, 2027-01-08, 2027-01-22 and 2027-01-29",
            line: 17,
            column: 21,
          },
        ],
      },
    ],
  },
  {
    name: "surveys after an event, placed from the first day of the range, are said estimated",
    files: julie("{ maxSurveys: 1, window: P30D }"),
    code: journeyOf("s", "P3M", "{ trigger: after-event }", "{ trigger: after-event, delay: P2D }"),
    errors: [
      {
        messageId: "window",
        line: 26,
        column: 21,
        message:
          'a customer of persona "julie" could get 2 surveys within 30 days (at most 1): this one, on 2026-11-24, tips it over',
        related: [
          { what: '"s1" sent 2026-11-22 (estimated)', line: 18, column: 21 },
          {
            what: "tips it over again on 2027-02-24, 2027-05-24 and 2027-08-24",
            line: 26,
            column: 21,
          },
        ],
      },
    ],
  },
  {
    name: "three journeys passed through on the first day: one window finding and one gap finding, not nine",
    files: {
      ...julie("{ maxSurveys: 2, window: P30D, minGap: P7D }"),
      ...Object.fromEntries(
        ["j", "k", "l"].map((id) => [
          `${id}.yaml`,
          journeyOf(id, "P6M", "{ trigger: after-event }", "{ trigger: after-event, delay: P2D }"),
        ]),
      ),
    },
    errors: [
      {
        messageId: "gaps",
        file: "k.yaml",
        line: 18,
        column: 21,
        message:
          'a customer of persona "julie" could get 6 surveys in a row less than 7 days apart: this one, on 2026-11-22, is the first too close',
        related: [
          { what: '"j1" sent 2026-11-22 (estimated)', line: 18, column: 21, file: "j.yaml" },
          { what: '"l1" sent 2026-11-22 (estimated)', line: 18, column: 21, file: "l.yaml" },
          { what: '"j2" sent 2026-11-24 (estimated)', line: 26, column: 21, file: "j.yaml" },
          { what: '"k2" sent 2026-11-24 (estimated)', line: 26, column: 21, file: "k.yaml" },
          { what: '"l2" sent 2026-11-24 (estimated)', line: 26, column: 21, file: "l.yaml" },
          { what: "too close again on 2027-05-22", line: 18, column: 21, file: "k.yaml" },
        ],
      },
      {
        messageId: "window",
        file: "l.yaml",
        line: 18,
        column: 21,
        message:
          'a customer of persona "julie" could get 6 surveys within 30 days (at most 2): this one, on 2026-11-22, tips it over',
        related: [
          { what: '"j1" sent 2026-11-22 (estimated)', line: 18, column: 21, file: "j.yaml" },
          { what: '"k1" sent 2026-11-22 (estimated)', line: 18, column: 21, file: "k.yaml" },
          { what: '"j2" sent 2026-11-24 (estimated)', line: 26, column: 21, file: "j.yaml" },
          { what: '"k2" sent 2026-11-24 (estimated)', line: 26, column: 21, file: "k.yaml" },
          { what: '"l2" sent 2026-11-24 (estimated)', line: 26, column: 21, file: "l.yaml" },
          { what: "tips it over again on 2027-05-22", line: 18, column: 21, file: "l.yaml" },
        ],
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
          'a customer of persona "julie" could get this survey on 2027-01-25, 15 days after "s1": the policy wants 30 days between two surveys',
        related: [{ what: '"s1" sent 2027-01-10', line: 17, column: 21 }],
      },
    ],
  },
  {
    name: "two surveys on the same day: the date said once",
    files: julie("{ minGap: P7D }"),
    code: journey("s", "2027-01-10", "2027-01-10"),
    errors: [
      {
        messageId: "gap",
        line: 25,
        column: 21,
        message:
          'a customer of persona "julie" could get this survey on 2027-01-10, the same day as "s1": the policy wants 7 days between two surveys',
      },
    ],
  },
  {
    name: "a run of sends each too close to the previous one is one finding, at the first too close",
    files: julie("{ minGap: P7D }"),
    code: journey("s", "2027-01-01", "2027-01-03", "2027-01-05", "2027-06-01"),
    errors: [
      {
        messageId: "gaps",
        line: 25,
        column: 21,
        message:
          'a customer of persona "julie" could get 3 surveys in a row less than 7 days apart: this one, on 2027-01-03, is the first too close',
        related: [
          { what: '"s1" sent 2027-01-01', line: 17, column: 21 },
          { what: '"s3" sent 2027-01-05', line: 33, column: 21 },
        ],
      },
    ],
  },
  {
    name: "a survey too close to its own previous send",
    files: julie("{ minGap: P14D }"),
    code: journeyOf("s", null, "{ every: P10D, start: 2027-01-01, until: 2027-01-11 }"),
    errors: [
      {
        messageId: "gap",
        line: 17,
        column: 21,
        message:
          'a customer of persona "julie" could get this survey on 2027-01-11, 10 days after its previous send: the policy wants 14 days between two surveys',
        related: [{ what: "this survey also sent 2027-01-01", line: 17, column: 21 }],
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
    name: "every journey of the persona counts together: the other journey's survey is related",
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
          'a customer of persona "julie" could get 2 surveys within 30 days (at most 1): this one, on 2027-01-12, tips it over',
        related: [{ what: '"j1" sent 2027-01-10', line: 17, column: 21, file: "j.yaml" }],
      },
    ],
  },
];

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
  invalid: INVALID,
});

describe("contact-pressure messages are short", () => {
  const LIMIT = 160;

  it(`are at most ${LIMIT} characters in every case above`, () => {
    const messages = INVALID.flatMap((c) =>
      lintSources(
        { ...c.files, ...(c.code !== undefined ? { "code.yaml": c.code } : {}) },
        c.config !== undefined ? { config: c.config } : {},
      )
        .filter((f) => f.rule === "contact-pressure")
        .map((f) => f.message),
    );
    expect(messages.length).toBeGreaterThanOrEqual(INVALID.length);
    expect(messages.filter((m) => m.length > LIMIT)).toEqual([]);
  });

  it(`are at most ${LIMIT} characters on the broken examples`, async () => {
    const r = await run(["lint", "examples/broken", "-f", "json"]);
    const messages = (
      JSON.parse(r.stdout) as { findings: { rule: string; message: string }[] }
    ).findings
      .filter((f) => f.rule === "contact-pressure")
      .map((f) => f.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.filter((m) => m.length > LIMIT)).toEqual([]);
  });
});
