import { describe, expect, it } from "vitest";
import { brief, lintSources, PERSONA, STRUCTURAL, yaml } from "./helpers.js";

/** A valid journey; `event` lines go at line 12 (event keys), `survey` lines at line 23 (survey keys). */
function journey({ event = "", survey = "", top = "" } = {}): string {
  return [
    "kind: journey",
    "id: julie-online",
    "title: Julie buys online",
    "persona: julie",
    "stages:",
    "  - id: purchase",
    "    name: Purchase",
    "    events:",
    "      - id: checkout",
    "        action: Pays for the cart",
    "        channel: web",
    event,
    "    surveys:",
    "      - id: checkout-csat",
    "        title: Checkout satisfaction",
    "        channel: web",
    "        subject: Ease of paying",
    "        indicators: [csat]",
    "        questions:",
    "          - text: How satisfied are you?",
    "            indicator: csat",
    "            scale: { min: 1, max: 5 }",
    survey,
    top,
    "",
  ].join("\n");
}

const schemaFindings = (text: string) =>
  brief(
    lintSources({ "persona.yaml": PERSONA, "journey.yaml": text }, { rules: STRUCTURAL }),
  ).filter(([rule]) => rule === "schema");

describe("schema findings: one clear message per place, at the node it is about", () => {
  it.each([
    [
      "unknown key, pointed at the key, with did-you-mean",
      journey({
        event: "        satisfction: 4",
        survey: "        recurrence: { once: 2026-03-02 }",
      }),
      [["schema", 12, 9, 'unknown key "satisfction" in event; did you mean "satisfaction"?']],
    ],
    [
      "unknown key with nothing close: the allowed keys are listed",
      journey({ survey: "        recurrence: { once: 2026-03-02 }\n        audience: all" }),
      [
        [
          "schema",
          24,
          9,
          'unknown key "audience" in survey (allowed: id, title, event, channel, subject, indicators, questions, recurrence, owner, or an x- extension key)',
        ],
      ],
    ],
    [
      "missing required key, pointed at the key of its parent",
      journey(),
      [["schema", 14, 9, 'survey is missing required key "recurrence"']],
    ],
    [
      "wrong type",
      journey({
        event: '        satisfaction: "4"',
        survey: "        recurrence: { once: 2026-03-02 }",
      }),
      [["schema", 12, 23, '"satisfaction" must be a whole number, not "4"']],
    ],
    [
      "empty value",
      journey({
        event: "        satisfaction:",
        survey: "        recurrence: { once: 2026-03-02 }",
      }),
      [["schema", 12, 22, '"satisfaction" has no value; expected a whole number']],
    ],
    [
      "enum, listing what is allowed, with did-you-mean",
      journey({
        event: "        actor: custmer",
        survey: "        recurrence: { once: 2026-03-02 }",
      }),
      [
        [
          "schema",
          12,
          16,
          '"actor" must be one of customer, brand, not "custmer"; did you mean "customer"?',
        ],
      ],
    ],
    [
      "number out of range",
      journey({
        event: "        satisfaction: 7",
        survey: "        recurrence: { once: 2026-03-02 }",
      }),
      [["schema", 12, 23, '"satisfaction" must be between 1 and 5, not 7']],
    ],
    [
      "a date that does not exist",
      journey({ survey: "        recurrence: { once: 2026-02-29 }" }),
      [["schema", 23, 29, '"once" must be a date, not "2026-02-29": February 2026 has 28 days']],
    ],
    [
      "a duration that is not ISO 8601",
      journey({ survey: "        recurrence: { trigger: after-event, delay: 1 day }" }),
      [
        [
          "schema",
          23,
          52,
          '"delay" must be an ISO 8601 duration such as P7D, P2W, P1M or P1Y, not "1 day"',
        ],
      ],
    ],
    [
      "an id that is not kebab-case, with the slug to use",
      journey({
        top: "reviewed: 2026-10-01\nx-owner-note: free text",
        survey: "        recurrence: { once: 2026-03-02 }",
      }).replace("id: checkout\n", "id: CheckOut Page\n"),
      [
        [
          "schema",
          9,
          13,
          '"id" must be an id of lowercase letters, digits and single hyphens, not "CheckOut Page"; e.g. "check-out-page"',
        ],
      ],
    ],
    [
      "a repeated list item",
      journey({ survey: "        recurrence: { once: 2026-03-02 }" }).replace(
        "indicators: [csat]",
        "indicators: [csat, csat]",
      ),
      [["schema", 18, 21, '"indicators" lists "csat" twice']],
    ],
  ])("%s", (_name, text, expected) => {
    expect(schemaFindings(text)).toEqual(expected);
  });

  it("accepts x- extension keys anywhere and a leap day that exists", () => {
    const text = journey({
      event: "        x-analytics-id: 42",
      survey: "        recurrence: { once: 2028-02-29 }\n        x-tool: { any: [thing] }",
      top: "x-owner: cx-team",
    });
    expect(schemaFindings(text)).toEqual([]);
  });

  it("an empty required list says what it needs", () => {
    const text = yaml`
      kind: journey
      id: empty
      title: Nothing yet
      persona: julie
      stages: []
    `;
    expect(schemaFindings(text)).toEqual([["schema", 5, 9, '"stages" needs at least 1 stage']]);
  });

  it("several missing keys of one object give one finding", () => {
    const text = yaml`
      kind: journey
      id: bare
      title: Bare
      persona: julie
      stages:
        - id: s
          name: S
          events:
            - id: e
              action: Does something
              channel: web
          surveys:
            - id: survey-without-anything
    `;
    expect(schemaFindings(text)).toEqual([
      [
        "schema",
        13,
        9,
        'survey is missing required keys "title", "channel", "subject", "indicators", "questions", "recurrence"',
      ],
    ]);
  });

  it("an id longer than 64 characters", () => {
    const long = "a".repeat(65);
    expect(schemaFindings(PERSONA.replace("id: julie", `id: ${long}`))).toEqual([
      ["schema", 2, 5, '"id" is longer than 64 characters'],
    ]);
  });
});

describe("recurrence: exactly one of four forms, one root cause", () => {
  const recurrence = (r: string) => schemaFindings(journey({ survey: `        recurrence: ${r}` }));

  it.each([
    ["{ once: 2026-03-02 }", []],
    ["{ every: P3M, start: 2026-01-15, until: 2027-01-15 }", []],
    ['{ rrule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", start: 2026-01-15 }', []],
    ["{ trigger: after-event, delay: P1D, cooldown: P90D }", []],
    ["{ trigger: after-event }", []],
    [
      "{ once: 2026-03-02, every: P3M }",
      [
        [
          "schema",
          23,
          41,
          'recurrence has both "once" and "every": use exactly one of once, every, rrule, trigger',
        ],
      ],
    ],
    ["{ every: P3M }", [["schema", 23, 9, 'recurrence is missing required key "start"']]],
    ['{ rrule: "FREQ=WEEKLY" }', [["schema", 23, 9, 'recurrence is missing required key "start"']]],
    // An RFC 5545 rule is read as the scheduler reads it: an invalid one is located at the rule.
    ...(
      [
        ["FREQ=SOMETIMES", "FREQ is missing or unknown (YEARLY, MONTHLY, WEEKLY or DAILY)"],
        ["INTERVAL=2", "FREQ is missing or unknown (YEARLY, MONTHLY, WEEKLY or DAILY)"],
        ["FREQ=HOURLY", "FREQ=HOURLY is shorter than a day: surveys are sent on dates"],
        ["FREQ=MONTHLY;BYMONTHDAY=40", "BYMONTHDAY=40 is out of range"],
        ["FREQ=MONTHLY;BYMONTH=13", "BYMONTH=13 is out of range"],
        ["FREQ=DAILY;INTERVAL=0", "INTERVAL=0 is out of range"],
        ["FREQ=DAILY;COUNT=abc", "COUNT=abc is out of range"],
        ["FREQ=WEEKLY;BYDAY=XX", "BYDAY has an unknown day (MO, TU, WE, TH, FR, SA, SU)"],
        ["FREQ=MONTHLY;FOO=1", "Unknown RRULE property 'FOO'"],
      ] as const
    ).map(([rule, problem]): [string, (string | number)[][]] => [
      `{ rrule: "${rule}", start: 2026-01-15 }`,
      [["schema", 23, 30, `"${rule}" is not a valid RFC 5545 recurrence rule: ${problem}`]],
    ]),
    [
      "{ start: 2026-01-15 }",
      [["schema", 23, 9, '"recurrence" needs one of "once", "every", "rrule", "trigger"']],
    ],
    [
      "{ trigger: on-event }",
      [["schema", 23, 32, '"trigger" must be "after-event", not "on-event"']],
    ],
    [
      "{ once: 2026-03-02, cooldown: P90D }",
      [
        [
          "schema",
          23,
          41,
          'unknown key "cooldown" in recurrence (allowed: once, or an x- extension key)',
        ],
      ],
    ],
    ["weekly", [["schema", 23, 21, '"recurrence" must be a mapping, not "weekly"']]],
  ] as [string, (string | number)[][]][])("%s", (r, expected) => {
    expect(recurrence(r)).toEqual(expected);
  });
});

describe("documents and kinds", () => {
  it.each([
    [
      "no kind",
      "id: julie\nname: Julie\n",
      [["schema", 1, 1, 'document has no "kind": expected one of persona, journey, config']],
    ],
    [
      "unknown kind, with did-you-mean",
      "kind: persona-card\nid: julie\n",
      [["schema", 1, 7, 'unknown kind "persona-card": expected one of persona, journey, config']],
    ],
    [
      "a misspelt kind",
      "kind: jouney\nid: j\n",
      [
        [
          "schema",
          1,
          7,
          'unknown kind "jouney": expected one of persona, journey, config; did you mean "journey"?',
        ],
      ],
    ],
    [
      "a list",
      "- kind: persona\n",
      [["schema", 1, 1, 'a document must be a mapping with a "kind", not a list']],
    ],
    [
      "a scalar",
      "just some text\n",
      [["schema", 1, 1, 'a document must be a mapping with a "kind", not a single value']],
    ],
  ])("%s", (_name, text, expected) => {
    expect(brief(lintSources({ "doc.yaml": text }, { rules: STRUCTURAL }))).toEqual(expected);
  });

  it("positions in the second document of a file are those of the file", () => {
    const text = `${PERSONA}---\nkind: persona\nid: marc\nname: Marc\nsummary: Buys in the store.\nhobby: fishing\n`;
    expect(brief(lintSources({ "personas.yaml": text }, { rules: STRUCTURAL }))).toEqual([
      [
        "schema",
        10,
        1,
        'unknown key "hobby" in persona (allowed: kind, id, name, summary, traits, habits, goals, frustrations, channels, contactPolicy, or an x- extension key)',
      ],
    ]);
  });

  it("empty documents and comment-only files are not findings", () => {
    expect(
      brief(
        lintSources(
          { "a.yaml": "# nothing yet\n", "b.yaml": `${PERSONA}---\n`, "c.yaml": "" },
          { rules: STRUCTURAL },
        ),
      ),
    ).toEqual([]);
  });
});
