/**
 * The scheduler does not walk from a recurrence's start to the range shown: a series is entered
 * by bisection, an RFC 5545 rule's start is moved on by whole cycles of the rule (n weeks, n
 * months or years, or n × 400 years, as its parts allow). Found by the fuzz test: `{ rrule:
 * "FREQ=DAILY", start: 0001-01-01 }` made lint and the calendar take 3 s, and 150 quarterly rules
 * shown with --from 9999-12-01 took 30 s per format. Each check compares with the walk itself:
 * the rrule library from the original start, the series from k = 0.
 */
import { createRequire } from "node:module";
import type RRulePackage from "rrule";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/model/source.js";
import { buildWorkspace } from "../src/model/workspace.js";
import { addToDay, dateOf, dayNumber, parseDuration, times } from "../src/survey/civil.js";
import { schedule } from "../src/survey/schedule.js";
import { generator } from "./helpers.js";

const { RRule } = createRequire(import.meta.url)("rrule") as typeof RRulePackage;
const DAY_MS = 86_400_000;

/** A journey with one survey per recurrence. */
function workspaceOf(recurrences: readonly string[]) {
  const surveys = recurrences.map(
    (r, i) => `
      - id: s${i}
        title: S
        event: a
        channel: email
        subject: S
        indicators: [csat]
        questions: [{ text: "Q${i}?", indicator: csat, scale: { min: 1, max: 5 } }]
        recurrence: ${r}`,
  );
  const text = `kind: journey
id: j
title: J
persona: julie
stages:
  - id: s
    name: S
    events: [{ id: a, action: A, channel: email }]
    surveys:${surveys.join("")}
`;
  return buildWorkspace([parseText("j.yaml", text)]);
}

const datesOf = (recurrence: string, from: string, to: string) =>
  schedule(workspaceOf([recurrence]).surveys, {
    from: dayNumber(from),
    to: dayNumber(to),
  }).sends.map((s) => dateOf(s.day));

/** What the rrule library gives, walking from the rule's own start. */
function walkedRule(rule: string, start: string, from: string, to: string): string[] {
  const r = new RRule({ ...RRule.parseString(rule), dtstart: new Date(`${start}T00:00:00Z`) });
  return r
    .between(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`), true)
    .map((d) => dateOf(Math.floor(d.getTime() / DAY_MS)));
}

/** start + k × period from k = 0, the days in the range. */
function walkedSeries(start: string, period: string, from: string, to: string): string[] {
  const parts = parseDuration(period);
  if (!parts) throw new Error(period);
  const days: string[] = [];
  for (let k = 0; ; k++) {
    const day = addToDay(dayNumber(start), times(parts, k));
    if (day > dayNumber(to)) return days;
    if (day >= dayNumber(from)) days.push(dateOf(day));
  }
}

describe("the scheduler far from a recurrence's start", () => {
  const random = generator(400);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const year = (y: number) => String(y).padStart(4, "0");
  const date = (y: number) =>
    `${year(y)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;

  /** Random rules: each frequency, intervals, and the parts that pin dates to the calendar. */
  const rules = Array.from({ length: 32 }, (_, i) => {
    const freq = (["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const)[i % 4] ?? "DAILY";
    const parts = [`FREQ=${freq}`, `INTERVAL=${pick([1, 1, 2])}`];
    if (random() < 0.4) parts.push(`BYDAY=${pick(["MO", "TU,TH", "SA,SU", "FR"])}`);
    if (random() < 0.3) parts.push(`BYMONTH=${pick(["2", "1,7", "12"])}`);
    if (random() < 0.3 && freq !== "WEEKLY")
      parts.push(`BYMONTHDAY=${pick(["1", "29", "-1", "15"])}`);
    if (random() < 0.15 && freq === "YEARLY") parts.push(`BYWEEKNO=${pick(["1", "53", "-1"])}`);
    if (random() < 0.15 && freq === "MONTHLY" && parts.some((p) => p.startsWith("BYDAY")))
      parts.push(`BYSETPOS=${pick(["1", "-1"])}`);
    // The walk from the start is the reference, and a daily rule walks 146,097 days per 400
    // years: daily and weekly rules start at most 20 years before (many cycles of n weeks),
    // the others up to 900 (at least one cycle of 400 × n years, most of the time).
    const gap = freq === "DAILY" || freq === "WEEKLY" ? 20 : 900;
    return {
      rule: parts.join(";"),
      start: date(2026 - Math.floor(random() * gap)),
      from: date(2026),
      years: pick([1, 2]),
    };
  });
  // And rules pinned to the calendar, moved on by 400 years.
  rules.push(
    {
      rule: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29",
      start: "1604-01-01",
      from: "2028-01-01",
      years: 1,
    },
    {
      rule: "FREQ=WEEKLY;BYMONTH=1;BYDAY=MO,SU",
      start: "1610-01-04",
      from: "2026-01-01",
      years: 1,
    },
    { rule: "FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH", start: "0001-01-01", from: "2026-01-01", years: 2 },
    {
      rule: "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1",
      start: "0400-02-29",
      from: "2026-01-01",
      years: 1,
    },
  );

  it.each(rules)("$rule from $start: the same dates as walking from the start", (c) => {
    const to = `${year(Number(c.from.slice(0, 4)) + c.years)}${c.from.slice(4)}`;
    expect(datesOf(`{ rrule: "${c.rule}", start: ${c.start} }`, c.from, to)).toEqual(
      walkedRule(c.rule, c.start, c.from, to),
    );
  });

  it.each([
    ["P1M", "0001-01-31", "9999-12-01", "9999-12-31"],
    ["P1D", "1900-01-01", "2026-01-01", "2026-02-28"],
    ["P1Y", "0004-02-29", "2028-01-01", "2032-12-31"],
    ["P3W2D", "1500-06-30", "2026-01-01", "2026-03-31"],
    ["P1Y1M1W1D", "0100-01-31", "2026-01-01", "2030-12-31"],
    ["P7M", "2026-01-31", "2026-01-01", "2027-12-31"],
    ["P1D", "2026-05-01", "2026-01-01", "2026-05-03"],
  ])("every %s from %s shown %s to %s: the series walked from k = 0", (period, start, from, to) => {
    expect(datesOf(`{ every: ${period}, start: ${start} }`, from, to)).toEqual(
      walkedSeries(start, period, from, to),
    );
  });

  it("a rule that counts from its start is still walked from it (COUNT)", () => {
    expect(
      datesOf('{ rrule: "FREQ=YEARLY;COUNT=3", start: 2024-02-29 }', "2025-01-01", "2030-12-31"),
    ).toEqual(["2028-02-29"]);
  });

  it("150 rules from year 1, shown in 9999 and in 2026: quickly", () => {
    const rules = ["FREQ=DAILY", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "FREQ=DAILY;BYMONTH=12"];
    const ws = workspaceOf(
      Array.from({ length: 150 }, (_, i) => `{ rrule: "${rules[i % 3]}", start: 0001-01-15 }`),
    );
    const started = performance.now();
    const count = (from: string) =>
      schedule(ws.surveys, { from: dayNumber(from), to: dayNumber(from) + 30 }).sends.length;
    // December: every day of it for the daily rules; January: every day, and the 15th.
    expect([count("9999-12-01"), count("2026-01-01")]).toEqual([100 * 31, 50 * 31 + 50]);
    // Walked from year 1, each rule took seconds: 2026 was 3 s for one daily rule, 9999 13 s.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
