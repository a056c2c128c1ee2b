import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { CALENDAR_FORMATS } from "../src/report/calendar/index.js";
import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import type { SendRow } from "../src/survey/calendar.js";
import { parseText } from "../src/model/source.js";
import { buildWorkspace } from "../src/model/workspace.js";
import { addToDate, dateOf, dayNumber, parseDuration } from "../src/survey/civil.js";
import { fold } from "../src/report/calendar/ics.js";
import { contactPolicyOf } from "../src/model/fields.js";
import { assess } from "../src/survey/pressure.js";
import { schedule } from "../src/survey/schedule.js";
import { brief, generator, lintSources, PERSONA, ROOT, run } from "./helpers.js";

const CLEAN = "examples/clean";
const BROKEN = "examples/broken";

describe("calendar arithmetic", () => {
  it("agrees with Temporal.PlainDate.add on 5,000 random dates and durations", () => {
    const random = generator(11);
    const pick = (n: number) => Math.floor(random() * n);
    for (let i = 0; i < 5000; i++) {
      const date = dateOf(dayNumber("1900-01-01") + pick(80000));
      const duration = `P${pick(3)}Y${pick(14)}M${pick(5)}W${pick(40)}D`;
      const parts = parseDuration(duration);
      expect(parts).not.toBeNull();
      if (parts)
        expect(addToDate(date, parts), `${date} + ${duration}`).toBe(
          Temporal.PlainDate.from(date).add(Temporal.Duration.from(duration)).toString(),
        );
    }
  });

  it.each([
    ["2026-01-31", "P1M", "2026-02-28"],
    ["2024-01-31", "P1M", "2024-02-29"],
    ["2024-02-29", "P1Y", "2025-02-28"],
    ["2024-02-29", "P4Y", "2028-02-29"],
    ["2026-12-31", "P1D", "2027-01-01"],
    ["2026-03-31", "P1M1D", "2026-05-01"],
  ])("%s + %s = %s", (date, duration, expected) => {
    const parts = parseDuration(duration);
    expect(parts && addToDate(date, parts)).toBe(expected);
  });

  it("reads durations of date parts only", () => {
    expect(parseDuration("P1Y2M3W4D")).toEqual({ years: 1, months: 2, weeks: 3, days: 4 });
    expect(parseDuration("P")).toBeNull();
    expect(parseDuration("PT1H")).toBeNull();
    expect(parseDuration("1 month")).toBeNull();
  });
});

/** A journey whose surveys have these recurrences (and the journey this frequency). */
function journeyWith(recurrences: string[], frequency?: string): string {
  const surveys = recurrences
    .map(
      (r, i) => `
      - id: s${i + 1}
        title: Survey ${i + 1}
        event: a
        channel: email
        subject: Subject ${i + 1}
        indicators: [csat]
        questions: [{ text: "Question ${i + 1}?", indicator: csat, scale: { min: 1, max: 5 } }]
        recurrence: ${r}`,
    )
    .join("");
  return `kind: journey
id: j
title: J
persona: julie
${frequency ? `frequency: ${frequency}\n` : ""}stages:
  - id: s
    name: S
    events: [{ id: a, action: A, channel: email }]
    surveys:${surveys}
`;
}

function sendsOf(recurrence: string, from: string, to: string, frequency?: string) {
  const ws = buildWorkspace([parseText("j.yaml", journeyWith([recurrence], frequency))]);
  const result = schedule(ws.surveys, { from: dayNumber(from), to: dayNumber(to) });
  return {
    dates: result.sends.map((s) => dateOf(s.day)),
    estimated: result.sends.map((s) => s.estimated),
    unscheduled: result.unscheduled.map((u) => u.reason),
  };
}

describe("the scheduler: exact dates for each recurrence form", () => {
  it.each([
    ["{ once: 2026-03-02 }", "2026-01-01", "2026-12-31", ["2026-03-02"]],
    ["{ once: 2025-03-02 }", "2026-01-01", "2026-12-31", []],
    ["{ once: 2026-12-31 }", "2026-01-01", "2026-12-31", ["2026-12-31"]],
    [
      "{ every: P1M, start: 2026-01-31 }",
      "2026-01-01",
      "2026-06-30",
      ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"],
    ],
    [
      "{ every: P1Y, start: 2024-02-29 }",
      "2024-01-01",
      "2028-12-31",
      ["2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"],
    ],
    [
      "{ every: P3M, start: 2026-01-15, until: 2026-10-15 }",
      "2026-01-01",
      "2027-12-31",
      ["2026-01-15", "2026-04-15", "2026-07-15", "2026-10-15"],
    ],
    [
      "{ every: P2W, start: 2025-12-22 }",
      "2026-01-01",
      "2026-02-15",
      ["2026-01-05", "2026-01-19", "2026-02-02"],
    ],
    [
      '{ rrule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", start: 2026-01-15 }',
      "2026-01-01",
      "2026-12-31",
      ["2026-01-15", "2026-04-15", "2026-07-15", "2026-10-15"],
    ],
    [
      '{ rrule: "FREQ=MONTHLY;BYMONTHDAY=31", start: 2026-01-01 }',
      "2026-01-01",
      "2026-06-30",
      ["2026-01-31", "2026-03-31", "2026-05-31"],
    ],
    [
      '{ rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", start: 2024-01-01 }',
      "2024-01-01",
      "2032-12-31",
      ["2024-02-29", "2028-02-29", "2032-02-29"],
    ],
    [
      '{ rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=3", start: 2026-03-01 }',
      "2026-01-01",
      "2026-12-31",
      ["2026-03-02", "2026-03-09", "2026-03-16"],
    ],
  ])("%s in %s … %s", (recurrence, from, to, dates) => {
    const result = sendsOf(recurrence, from, to);
    expect(result.dates).toEqual(dates);
    expect(result.estimated.every((e) => !e)).toBe(true);
  });

  it.each([
    ["{ once: 2026-02-30 }", 'its once "2026-02-30" is not a date'],
    ["{ every: P1M, start: tomorrow }", 'its start "tomorrow" is not a date'],
    ["{ every: monthly, start: 2026-01-01 }", 'its period "monthly" is not a duration'],
    ['{ rrule: "FREQ=DAILY", start: 2026-13-01 }', 'its start "2026-13-01" is not a date'],
  ])(
    "a malformed %s keeps the survey off the calendar (the schema reports it)",
    (recurrence, reason) => {
      expect(sendsOf(recurrence, "2026-01-01", "2026-12-31")).toEqual({
        dates: [],
        estimated: [],
        unscheduled: [reason],
      });
    },
  );

  it("an invalid RFC 5545 rule is not guessed", () => {
    expect(
      sendsOf('{ rrule: "FREQ=SOMETIMES", start: 2026-01-01 }', "2026-01-01", "2026-12-31"),
    ).toEqual({
      dates: [],
      estimated: [],
      unscheduled: ['its rule "FREQ=SOMETIMES" is not a valid RFC 5545 rule'],
    });
  });
});

describe("the scheduler: triggered surveys", () => {
  it("one pass per frequency from the range start, then delay, estimated", () => {
    const r = sendsOf("{ trigger: after-event, delay: P10D }", "2026-01-01", "2026-04-30", "P1M");
    expect(r.dates).toEqual(["2026-01-11", "2026-02-11", "2026-03-11", "2026-04-11"]);
    expect(r.estimated).toEqual([true, true, true, true]);
  });

  it("a send the delay pushes past the range end is not in the range", () => {
    const r = sendsOf("{ trigger: after-event, delay: P20D }", "2026-01-01", "2026-02-15", "P1M");
    expect(r.dates).toEqual(["2026-01-21"]);
  });

  it("cooldown: never again within it, counted from the last send", () => {
    const r = sendsOf(
      "{ trigger: after-event, cooldown: P90D }",
      "2026-01-01",
      "2026-12-31",
      "P1M",
    );
    // 2026-01-01, then the first pass at least 90 days later: 2026-04-01 (90 days), 2026-07-01 …
    expect(r.dates).toEqual(["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"]);
  });

  it("cooldown just longer than the frequency skips every other pass", () => {
    const r = sendsOf(
      "{ trigger: after-event, cooldown: P32D }",
      "2026-01-01",
      "2026-06-30",
      "P1M",
    );
    expect(r.dates).toEqual(["2026-01-01", "2026-03-01", "2026-05-01"]);
  });

  it("without a journey frequency: unscheduled, never guessed", () => {
    expect(sendsOf("{ trigger: after-event, delay: P1D }", "2026-01-01", "2026-12-31")).toEqual({
      dates: [],
      estimated: [],
      unscheduled: [
        'it is sent after an event of journey "j", which has no frequency: how often one customer goes through the journey is unknown',
      ],
    });
  });

  it("scheduled and estimated sends of one persona, in date order", () => {
    const ws = buildWorkspace([
      parseText(
        "j.yaml",
        journeyWith(["{ once: 2026-01-05 }", "{ trigger: after-event, delay: P2D }"], "P1M"),
      ),
    ]);
    const result = schedule(ws.surveys, {
      from: dayNumber("2026-01-01"),
      to: dayNumber("2026-02-10"),
    });
    expect(result.sends.map((s) => [dateOf(s.day), s.survey.id, s.estimated])).toEqual([
      ["2026-01-03", "s2", true],
      ["2026-01-05", "s1", false],
      ["2026-02-03", "s2", true],
    ]);
  });
});

describe("contact pressure: windows and gaps at their boundaries", () => {
  const sendsOn = (...dates: string[]) => {
    const ws = buildWorkspace([
      parseText("j.yaml", journeyWith(dates.map((d) => `{ once: ${d} }`))),
    ]);
    return schedule(ws.surveys, { from: dayNumber("2026-01-01"), to: dayNumber("2026-12-31") })
      .sends;
  };

  it.each([
    [["2026-03-01", "2026-03-31"], 1, true], // exactly 30 days apart: two windows
    [["2026-03-01", "2026-03-30"], 2, false], // 29 days apart: one window
    [["2026-03-01", "2026-03-01"], 2, false], // the same day
  ])("%j with at most 1 in P30D: most in a window %i, ok %s", (dates, most, ok) => {
    const p = assess(
      "julie",
      sendsOn(...dates),
      [],
      contactPolicyOf({ maxSurveys: 1, window: P30D }),
    );
    expect([p.maxInWindow, p.ok]).toEqual([most, ok]);
  });

  it("a window by months follows the calendar: P1M from 31 January ends on 27 February", () => {
    const policy = contactPolicyOf({ maxSurveys: 1, window: "P1M" });
    expect(assess("julie", sendsOn("2026-01-31", "2026-02-27"), [], policy).ok).toBe(false);
    expect(assess("julie", sendsOn("2026-01-31", "2026-02-28"), [], policy).ok).toBe(true);
  });

  it.each([
    [["2026-03-01", "2026-03-08"], true], // 7 days: allowed
    [["2026-03-01", "2026-03-07"], false], // 6 days: too close
  ])("minGap P7D: %j ok %s", (dates, ok) => {
    const p = assess("julie", sendsOn(...dates), [], contactPolicyOf({ minGap: "P7D" }));
    expect(p.ok).toBe(ok);
    expect(p.maxInWindow).toBeNull();
  });
});

const P30D = "P30D";

describe("contact-pressure (rule)", () => {
  const persona = (policy: string) => `${PERSONA}${policy}`;
  const JOURNEY = journeyWith([
    "{ once: 2027-01-10 }",
    "{ once: 2027-01-25 }",
    "{ once: 2027-06-01 }",
  ]);

  it("fires at the survey one too many, the other surveys of the window related", () => {
    const findings = lintSources({
      "julie.yaml": persona("contactPolicy: { maxSurveys: 1, window: P30D }\n"),
      "j.yaml": JOURNEY,
    }).filter((f) => f.rule === "contact-pressure");
    expect(brief(findings)).toEqual([
      [
        "contact-pressure",
        25,
        21,
        'a customer of persona "julie" could get 2 surveys within 30 days (at most 1): this one, on 2027-01-25, tips it over',
      ],
    ]);
    expect(findings[0]?.entity).toBe("survey:s2");
    expect(findings[0]?.related.map((r) => [r.line, r.what])).toEqual([
      [17, '"s1" sent 2027-01-10'],
    ]);
  });

  it("fires on two surveys closer than minGap", () => {
    const findings = lintSources({
      "julie.yaml": persona("contactPolicy: { minGap: P30D }\n"),
      "j.yaml": JOURNEY,
    }).filter((f) => f.rule === "contact-pressure");
    expect(brief(findings)).toEqual([
      [
        "contact-pressure",
        25,
        21,
        'a customer of persona "julie" could get this survey on 2027-01-25, 15 days after "s1": the policy wants 30 days between two surveys',
      ],
    ]);
  });

  it("the persona's policy wins over the workspace's, in both directions", () => {
    const strictConfig = "kind: config\ncontactPolicy: { maxSurveys: 1, window: P30D }\n";
    const lenientConfig = "kind: config\ncontactPolicy: { maxSurveys: 5, window: P30D }\n";
    const rules = (files: Record<string, string>, config: string) =>
      lintSources(files, { config })
        .filter((f) => f.rule === "contact-pressure")
        .map((f) => f.line);
    expect(
      rules(
        {
          "julie.yaml": persona("contactPolicy: { maxSurveys: 2, window: P30D }\n"),
          "j.yaml": JOURNEY,
        },
        strictConfig,
      ),
    ).toEqual([]);
    expect(
      rules(
        {
          "julie.yaml": persona("contactPolicy: { maxSurveys: 1, window: P30D }\n"),
          "j.yaml": JOURNEY,
        },
        lenientConfig,
      ),
    ).toEqual([25]);
    expect(rules({ "julie.yaml": PERSONA, "j.yaml": JOURNEY }, strictConfig)).toEqual([25]);
  });

  it("stays silent without a policy, and within it", () => {
    expect(
      lintSources({ "julie.yaml": PERSONA, "j.yaml": JOURNEY }).filter(
        (f) => f.rule === "contact-pressure",
      ),
    ).toEqual([]);
    const within = lintSources({
      "julie.yaml": persona("contactPolicy: { maxSurveys: 2, window: P30D, minGap: P14D }\n"),
      "j.yaml": JOURNEY,
    });
    expect(within.filter((f) => f.rule === "contact-pressure")).toEqual([]);
  });

  it("counts every journey of the persona together", () => {
    const other = journeyWith(["{ once: 2027-01-12 }"])
      .replace("id: j\n", "id: k\n")
      .replace(/id: s1/g, "id: t1");
    const findings = lintSources({
      "julie.yaml": persona("contactPolicy: { maxSurveys: 1, window: P30D }\n"),
      "j.yaml": journeyWith(["{ once: 2027-01-10 }"]),
      "k.yaml": other,
    }).filter((f) => f.rule === "contact-pressure");
    expect(findings.map((f) => [f.file, f.message.slice(0, 60)])).toEqual([
      ["k.yaml", 'a customer of persona "julie" could get 2 surveys within 30 '],
    ]);
  });
});

describe("unscheduled-survey (rule)", () => {
  it("fires at the trigger of a survey whose journey has no frequency", () => {
    const findings = lintSources({
      "julie.yaml": PERSONA,
      "j.yaml": journeyWith(["{ trigger: after-event, delay: P1D }"]),
    }).filter((f) => f.rule === "unscheduled-survey");
    expect(brief(findings)).toEqual([
      [
        "unscheduled-survey",
        17,
        32,
        'survey "s1" is sent after an event of journey "j", which has no frequency: its sends cannot be placed on the calendar, and the contact pressure on persona "julie" is not fully assessed; give the journey a frequency (e.g. P1M)',
      ],
    ]);
  });

  it("stays silent with a frequency, and for surveys not triggered", () => {
    const rules = (text: string) =>
      lintSources({ "julie.yaml": PERSONA, "j.yaml": text }).filter(
        (f) => f.rule === "unscheduled-survey",
      );
    expect(rules(journeyWith(["{ trigger: after-event }"], "P1M"))).toEqual([]);
    expect(rules(journeyWith(["{ once: 2027-01-10 }"]))).toEqual([]);
  });
});

type Send = SendRow;

describe("journey calendar", () => {
  const julie2026 = [
    "calendar",
    CLEAN,
    "--persona",
    "julie",
    "--from",
    "2026-01-01",
    "--to",
    "2026-12-31",
  ];

  it("shows what Julie receives in 2026, with her pressure (JSON, as the contract)", async () => {
    const r = await run([...julie2026, "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["from", "to", "sends", "pressure", "unscheduled"]);
    expect([out.from, out.to]).toEqual(["2026-01-01", "2026-12-31"]);
    const send = (
      date: string,
      survey: string,
      stage: string | null,
      channel: string,
      estimated: boolean,
    ) => ({
      date,
      survey,
      persona: "julie",
      journey: "julie-online",
      stage,
      channel,
      estimated,
    });
    expect(out.sends).toEqual([
      send("2026-01-01", "checkout-ces", "purchase", "web", true),
      send("2026-01-11", "delivery-csat", "delivery", "email", true),
      send("2026-03-15", "julie-relationship-nps", null, "email", false),
      send("2026-05-01", "checkout-ces", "purchase", "web", true),
      send("2026-05-11", "delivery-csat", "delivery", "email", true),
      send("2026-07-15", "julie-relationship-nps", null, "email", false),
      send("2026-09-01", "checkout-ces", "purchase", "web", true),
      send("2026-09-11", "delivery-csat", "delivery", "email", true),
      send("2026-11-15", "julie-relationship-nps", null, "email", false),
    ]);
    expect(out.pressure).toEqual([
      { persona: "julie", maxInWindow: 2, limit: 2, window: "P30D", ok: true },
    ]);
    expect(out.unscheduled).toEqual([]);
  });

  it("uses the config's calendar by default, and each persona's own policy", async () => {
    const r = await run(["calendar", CLEAN, "-f", "json"]);
    const out = JSON.parse(r.stdout);
    expect([out.from, out.to]).toEqual(["2026-01-01", "2026-12-31"]);
    expect(out.pressure).toEqual([
      { persona: "julie", maxInWindow: 2, limit: 2, window: "P30D", ok: true },
      { persona: "marc", maxInWindow: 1, limit: 1, window: "P30D", ok: true },
    ]);
  });

  it("flags the planted over-solicitation of the broken examples, and lists what it cannot place", async () => {
    const r = await run(["calendar", BROKEN, "-f", "json"]);
    const out = JSON.parse(r.stdout);
    expect(out.pressure).toContainEqual({
      persona: "marc",
      maxInWindow: 2,
      limit: 1,
      window: "P30D",
      ok: false,
    });
    expect(out.unscheduled).toEqual([
      {
        survey: "delivery-csat",
        persona: "juli",
        journey: "julie-online",
        reason:
          'it is sent after an event of journey "julie-online", whose frequency "1 month" is not a duration: how often one customer goes through the journey is unknown',
      },
    ]);
    const lint = await run(["lint", BROKEN, "-f", "json"]);
    const findings = JSON.parse(lint.stdout).findings.filter(
      (f: { rule: string }) => f.rule === "contact-pressure",
    );
    expect(
      findings.map((f: { file: string; line: number; entity: string }) => [
        f.file,
        f.line,
        f.entity,
      ]),
    ).toEqual([["examples/broken/journeys/marc-store.yaml", 66, "survey:till-follow-up"]]);
  });

  it("--journey narrows the sends; pressure still counts every journey", async () => {
    const r = await run([...julie2026, "--journey", "marc-store", "-f", "json"]);
    const out = JSON.parse(r.stdout);
    expect(out.sends).toEqual([]);
    expect(out.pressure[0].maxInWindow).toBe(2);
  });

  it("CSV: the same sends as the JSON, read back with csv-parse", async () => {
    const json = JSON.parse((await run([...julie2026, "-f", "json"])).stdout) as { sends: Send[] };
    const csv = (await run([...julie2026, "-f", "csv"])).stdout;
    const records = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(records).toEqual(
      json.sends.map((s) => ({
        ...s,
        stage: s.stage ?? "",
        channel: s.channel ?? "",
        estimated: String(s.estimated),
      })),
    );
  });

  it("ICS: parsed back by ical.js, the same sends as the JSON, stable UIDs", async () => {
    const json = JSON.parse((await run(["calendar", CLEAN, "-f", "json"])).stdout) as {
      sends: Send[];
    };
    const ics = (await run(["calendar", CLEAN, "-f", "ics"])).stdout;
    expect(
      ics
        .split("\r\n")
        .slice(0, -1)
        .every((line) => !line.includes("\n")),
    ).toBe(true);
    for (const line of ics.split("\r\n"))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString())).toEqual(json.sends.map((s) => s.date));
    expect(events.every((e) => e.startDate.isDate && e.endDate.isDate)).toBe(true);
    expect(events.map((e) => e.endDate.toString())).toEqual(
      json.sends.map((s) => dateOf(dayNumber(s.date) + 1)),
    );
    events.forEach((event, i) => {
      const send = json.sends[i] as Send;
      expect(event.summary).toContain(`(${send.persona})`);
      expect(event.description).toContain(`Survey: ${send.survey}`);
      expect(event.description).toContain(`Persona: ${send.persona}`);
      expect(event.description).toContain(`Channel: ${send.channel}`);
      expect(event.description).toMatch(/Subject: \S/);
      expect(event.description.includes("Estimated")).toBe(send.estimated);
    });
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const again = (await run(["calendar", CLEAN, "-f", "ics"])).stdout;
    expect(again).toBe(ics);
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `DESCRIPTION:${"Évaluez la livraison à domicile, s’il vous plaît ! ".repeat(4)}`;
    const folded = fold(line);
    for (const part of folded.split("\r\n"))
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it.each([["month"], ["week"]])("table by %s, without colour", async (by) => {
    const range = by === "week" ? ["--from", "2026-04-01", "--to", "2026-05-15"] : [];
    const r = await run(["calendar", BROKEN, "--by", by, ...range]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`snapshots/calendar.broken.${by}.txt`);
  });

  it("says so when no survey reaches a persona", async () => {
    // Personas alone: naming examples/clean/personas would show their journeys (the workspace is whole).
    const dir = mkdtempSync(join(tmpdir(), "journey-personas-"));
    cpSync(join(ROOT, "examples/clean/personas"), join(dir, "personas"), { recursive: true });
    cpSync(join(ROOT, "examples/clean/journey.config.yaml"), join(dir, "journey.config.yaml"));
    const r = await run(["calendar"], dir);
    expect(r).toEqual({
      code: 0,
      stdout:
        "Survey calendar 2026-01-01 to 2026-12-31: no survey reaches a persona in these maps\n",
      stderr: "",
    });
  });

  it("the clean examples' calendar table", async () => {
    const r = await run(["calendar", CLEAN]);
    await expect(r.stdout).toMatchFileSnapshot("snapshots/calendar.clean.txt");
  });

  it.each([
    [["--from", "2026-13-01"], "journey: --from 2026-13-01: month 13 does not exist\n"],
    [["--from", "2026-02-30"], "journey: --from 2026-02-30: February 2026 has 28 days\n"],
    [["--to", "2026-04-31"], "journey: --to 2026-04-31: April 2026 has 30 days\n"],
    [["--from", "2026-01-00"], "journey: --from 2026-01-00: day 0 does not exist\n"],
    [["--from", "0000-01-01"], "journey: --from 0000-01-01: years run from 0001 to 9999\n"],
    [["--from", "2026/01/01"], 'journey: --from expects a date as YYYY-MM-DD, got "2026/01/01"\n'],
    [
      ["--from", "2026-05-01", "--to", "2026-04-01"],
      "journey: --to (2026-04-01) is before --from (2026-05-01)\n",
    ],
    [["--by", "day"], 'journey: --by expects week or month, got "day"\n'],
    [
      ["--from", "1900-01-01", "--to", "2100-01-01"],
      "journey: a calendar covers at most 100 years: 1900-01-01 to 2100-01-01 is longer\n",
    ],
    [["--persona", "juli"], 'journey: no persona "juli" in these maps; did you mean "julie"?\n'],
    [
      ["--format", "pdf"],
      `journey: unknown format "pdf": use ${Object.keys(CALENDAR_FORMATS).join(", ")}\n`,
    ],
  ])("%j → exit 2, one line", async (flags, message) => {
    expect(await run(["calendar", CLEAN, ...flags])).toEqual({
      code: 2,
      stdout: "",
      stderr: message,
    });
  });
});
