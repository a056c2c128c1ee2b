import { describe, expect, it } from "vitest";
import { recurrenceOf } from "../src/model/fields.js";
import { parseText } from "../src/model/source.js";
import { buildWorkspace, surveysByPersona } from "../src/model/workspace.js";
import { resolveConfig } from "../src/lint/config.js";
import { dayNumber } from "../src/survey/civil.js";
import { pressures } from "../src/survey/pressure.js";
import { brief, lintSources, PERSONA, yaml } from "./helpers.js";

const build = (files: Record<string, string>) =>
  buildWorkspace(Object.entries(files).map(([path, text]) => parseText(path, text)));

describe("the typed model: fields decoded once, tolerantly", () => {
  it("a well-formed journey: every field the rules and views read, typed", () => {
    const ws = build({
      "p.yaml": `${PERSONA}traits:\n  - { name: age, value: 34, basis: data, source: CRM }\ncontactPolicy: { maxSurveys: 2, window: P30D }\n`,
      "j.yaml": yaml`
        kind: journey
        id: j
        title: J
        persona: julie
        reviewed: 2026-10-01
        frequency: P1M
        stages:
          - id: s
            name: S
            keyMoment: decision
            events:
              - id: e
                action: A
                channel: web
                satisfaction: 2
                visibility: customer
                painPoints: [{ text: Slow, impact: 3 }]
                evidence: [{ source: survey, ref: Q3 }]
            surveys:
              - id: x
                title: T
                channel: web
                subject: Sub
                indicators: [csat]
                questions: [{ text: Q?, type: scale, indicator: csat, scale: { min: 1, max: 5 } }]
                recurrence: { every: P3M, start: 2026-01-15, until: 2027-01-15 }
      `,
    });
    const [persona] = ws.personas;
    expect(persona?.contactPolicy).toEqual({
      maxSurveys: 2,
      window: { text: "P30D", duration: { years: 0, months: 0, weeks: 0, days: 30 } },
    });
    expect(
      persona?.traits.map(({ name, value, basis, source }) => [name, value, basis, source]),
    ).toEqual([["age", 34, "data", "CRM"]]);
    const [journey] = ws.journeys;
    expect(journey?.reviewed).toEqual({ text: "2026-10-01", day: dayNumber("2026-10-01") });
    expect(journey?.frequency).toEqual({
      text: "P1M",
      duration: { years: 0, months: 1, weeks: 0, days: 0 },
    });
    const stage = journey?.stages[0];
    expect([stage?.name, stage?.keyMoment, stage?.noSurvey]).toEqual(["S", "decision", null]);
    const [event] = ws.events;
    expect(event).toMatchObject({
      satisfaction: 2,
      statesSatisfaction: true,
      visibility: "customer",
      painPoints: [{ text: "Slow", impact: 3 }],
      evidence: [{ source: "survey", ref: "Q3", date: null }],
    });
    const [survey] = ws.surveys;
    expect([survey?.title, survey?.subject]).toEqual(["T", "Sub"]);
    expect(survey?.recurrence).toMatchObject({
      form: "every",
      period: { text: "P3M" },
      start: { text: "2026-01-15" },
      until: { text: "2027-01-15" },
    });
    expect(survey?.questions[0]).toMatchObject({
      text: "Q?",
      type: "scale",
      scale: { min: 1, max: 5 },
    });
  });

  it("malformed values decode to null, never throw", () => {
    const ws = build({
      "p.yaml": `${PERSONA}traits: [7, { name: [1], basis: guess }]\ncontactPolicy: { maxSurveys: three, window: 30 }\n`,
      "j.yaml": yaml`
        kind: journey
        id: j
        persona: [julie]
        reviewed: 5
        stages:
          - id: s
            name: { a: 1 }
            keyMoment: 3
            events:
              - { id: e, satisfaction: high, visibility: hidden, painPoints: oops, evidence: [x] }
            surveys:
              - id: x
                title: 3
                questions: [{ text: 4, type: slider, scale: { min: one, max: 5 } }, 9]
                recurrence: monthly
      `,
    });
    const [persona] = ws.personas;
    expect(persona?.contactPolicy).toEqual({});
    expect(persona?.traits).toMatchObject([{ name: null, basis: null, source: null, index: 1 }]);
    const [journey] = ws.journeys;
    expect(journey?.persona).toBeNull();
    expect(journey?.reviewed).toEqual({ text: "5", day: null });
    expect(journey?.frequency).toBeNull();
    expect(journey?.stages[0]).toMatchObject({ name: null, keyMoment: null });
    expect(ws.events[0]).toMatchObject({
      satisfaction: null,
      statesSatisfaction: true,
      visibility: null,
      painPoints: [],
      // A malformed item still says evidence was given.
      evidence: [{ source: null, ref: null, date: null }],
    });
    const [survey] = ws.surveys;
    expect(survey?.title).toBeNull();
    expect(survey?.questions).toHaveLength(1);
    expect(survey?.questions[0]).toMatchObject({ text: null, type: null, scale: null });
    expect(survey?.recurrence).toEqual({
      form: "invalid",
      reason: "it has no recurrence",
      written: null,
    });
  });

  it.each([
    [{ once: "2026-03-02" }, "once", null],
    [{ once: "2026-02-30" }, "invalid", 'its once "2026-02-30" is not a date'],
    [{ once: 5, every: "P1M", start: "2026-01-01" }, "invalid", 'its once "5" is not a date'],
    [
      { every: "monthly", start: "2026-01-01" },
      "invalid",
      'its period "monthly" is not a duration',
    ],
    [{ every: "P1M" }, "invalid", "it has no start"],
    [{ every: "P1M", start: "2026-01-01", until: 7 }, "invalid", 'its until "7" is not a date'],
    [{ rrule: "FREQ=MONTHLY", start: "2026-01-01" }, "rrule", null],
    [
      { rrule: "FREQ=SOMETIMES", start: "2026-01-01" },
      "invalid",
      'its rule "FREQ=SOMETIMES" is not a valid RFC 5545 rule',
    ],
    [{ rrule: "FREQ=SOMETIMES" }, "invalid", "it has no start"],
    [{ trigger: "after-event", delay: "soon" }, "after-event", null],
    [{ trigger: "nightly" }, "invalid", "its recurrence is not one of the four forms"],
    [{}, "invalid", "its recurrence is not one of the four forms"],
    [null, "invalid", "it has no recurrence"],
    [["once"], "invalid", "it has no recurrence"],
  ])("recurrence %j: %s %s", (value, form, reason) => {
    const recurrence = recurrenceOf(value);
    expect(recurrence.form).toBe(form);
    if (recurrence.form === "invalid") expect(recurrence.reason).toBe(reason);
  });

  it("an invalid recurrence keeps its text values, for the views to say it as written", () => {
    expect(recurrenceOf({ once: 5, every: "P1M", start: "2026-01-01", x: 1 })).toEqual({
      form: "invalid",
      reason: 'its once "5" is not a date',
      written: { every: "P1M", start: "2026-01-01" },
    });
  });
});

/** A journey of julie (or of no persona) asking the same question in two surveys. */
const twice = (persona: string | null) => yaml`
  kind: journey
  id: j
  title: J
  ${persona === null ? "" : `persona: ${persona}`}
  frequency: P1M
  stages:
    - id: s
      name: S
      events: [{ id: e, action: A, channel: web }]
      surveys:
        - id: a
          title: A
          channel: web
          subject: S
          indicators: [csat]
          questions: [{ text: How was it?, indicator: csat, scale: { min: 1, max: 5 } }]
          recurrence: { once: 2026-12-01 }
        - id: b
          title: B
          channel: web
          subject: S
          indicators: [csat]
          questions: [{ text: How was it?, indicator: csat, scale: { min: 1, max: 5 } }]
          recurrence: { trigger: after-event }
`;

describe("the surveys that reach a persona: one definition", () => {
  it("a survey reaches the persona its journey names, all journeys together", () => {
    const ws = build({ "p.yaml": PERSONA, "j.yaml": twice("julie"), "k.yaml": twice(null) });
    const reach = surveysByPersona(ws);
    expect([...reach.keys()]).toEqual(["julie"]);
    expect(reach.get("julie")?.map((s) => `${s.journey.id}/${s.id}`)).toEqual(["j/a", "j/b"]);
  });

  it("redundant-question reports the question asked twice to a persona", () => {
    const findings = lintSources({ "p.yaml": PERSONA, "j.yaml": twice("julie") });
    expect(brief(findings.filter((f) => f.rule === "redundant-question"))).toEqual([
      [
        "redundant-question",
        23,
        29,
        'question "How was it?" is already asked to persona "julie" at j.yaml:16:29 (the same once case, accents and punctuation are set aside)',
      ],
    ]);
  });

  it("a journey naming no persona (a schema error) reaches no persona: no rule, no calendar row counts it", () => {
    const files = { "p.yaml": PERSONA, "j.yaml": twice(null) };
    const findings = lintSources(files);
    expect(findings.filter((f) => f.rule === "schema").map((f) => f.message)).toEqual([
      'journey is missing required key "persona"',
    ]);
    const rules = ["redundant-question", "contact-pressure", "unscheduled-survey"];
    expect(findings.filter((f) => rules.includes(f.rule))).toEqual([]);
    // The calendar's personas, sends and unscheduled surveys.
    const range = { from: dayNumber("2026-12-01"), to: dayNumber("2026-12-31") };
    expect(pressures(build(files), resolveConfig(null, null), range)).toEqual([]);
  });
});

describe("numbers no scale holds", () => {
  it.each([".inf", "-.inf", ".nan"])(
    "satisfaction: %s decodes to none (the schema reports it)",
    (value) => {
      const text = `kind: journey\nid: j\ntitle: J\npersona: julie\nstages:\n  - id: s\n    name: S\n    events: [{ id: e, action: A, channel: web, satisfaction: ${value} }]\n`;
      const event = buildWorkspace([parseText("j.yaml", text)]).events[0];
      expect(event?.satisfaction).toBeNull();
      expect(event?.statesSatisfaction).toBe(true);
    },
  );
});
