import type { Options } from "rrule";
import type { Recurrence, SurveyNode } from "../model/types.js";
import { rruleLibrary } from "./rrule.js";
import { type DateDuration, LAST_DAY, addToDay, dateOf, isZero, times } from "./civil.js";

/**
 * The one scheduler of the survey calendar and of the `contact-pressure` rule. Pure and
 * deterministic: surveys and a date range in, the sends in that range out.
 *
 * - `once: D`: on D.
 * - `every: P, start: S, until: U`: on S + k × P for k = 0, 1, … (each from the start, so a monthly
 *   series from 31 January is sent on 28 February, then 31 March), up to U.
 * - `rrule: R, start: S`: the dates of the RFC 5545 rule R with DTSTART S (the rrule library).
 * - `trigger: after-event`: estimated. One customer goes through the journey once per its
 *   `frequency`, from the start of the range (a pass on the first day, then every `frequency`);
 *   each pass sends `delay` after it, unless the previous send of that survey is less than
 *   `cooldown` before. A journey without `frequency` gives no estimate: the survey is unscheduled.
 */

/** One survey sent to one customer of a persona on a day. */
export interface PlacedSend {
  day: number;
  survey: SurveyNode;
  /** A triggered survey, placed by an estimate of how often the journey is lived. */
  estimated: boolean;
}

export interface Unscheduled {
  survey: SurveyNode;
  reason: string;
}

export interface ScheduleResult {
  /** In order of date, then of survey id. */
  sends: PlacedSend[];
  unscheduled: Unscheduled[];
}

/** A range of days, both ends included. */
export interface DayRange {
  from: number;
  to: number;
}

export function schedule(surveys: readonly SurveyNode[], asked: DayRange): ScheduleResult {
  // No send after 9999-12-31, the last day a date can be written (a range from 9999-06-01 for a
  // year would otherwise place sends in year 10000).
  const range = { from: asked.from, to: Math.min(asked.to, LAST_DAY) };
  const sends: PlacedSend[] = [];
  const unscheduled: Unscheduled[] = [];
  for (const survey of surveys) {
    const placed = expand(survey, range);
    if (typeof placed === "string") unscheduled.push({ survey, reason: placed });
    else for (const send of placed) sends.push(send);
  }
  sends.sort(
    (a, b) => a.day - b.day || (a.survey.id < b.survey.id ? -1 : a.survey.id > b.survey.id ? 1 : 0),
  );
  return { sends, unscheduled };
}

/** The sends of one survey in the range, or why it cannot be scheduled. */
function expand(survey: SurveyNode, range: DayRange): PlacedSend[] | string {
  const r = survey.recurrence;
  const at = (days: number[]) =>
    days
      .filter((d) => d >= range.from && d <= range.to)
      .map((day) => ({ day, survey, estimated: false }));
  switch (r.form) {
    case "invalid":
      // Malformed dates and durations are the schema's findings; here they only keep a survey off.
      return r.reason;
    case "once":
      return at([r.date.day]);
    case "every":
      return at(
        series(
          r.start.day,
          r.period.duration,
          Math.min(r.until?.day ?? range.to, range.to),
          range.from,
        ),
      );
    case "rrule":
      return at(ruleDays(r.options, r.start.day, range));
    case "after-event":
      return triggered(survey, r, range);
  }
}

/**
 * start + k × period for k = 0, 1, … while not after `last`, from the first not before `first`
 * (found by bisection: a series started in year 1 and shown in year 9999 is not walked through).
 */
function series(start: number, period: DateDuration, last: number, first = start): number[] {
  if (isZero(period)) return start <= last ? [start] : [];
  const dayAt = (k: number) => addToDay(start, times(period, k));
  // The day grows with k (the period is not zero, its parts not negative).
  let below = -1;
  let above = 0;
  while (dayAt(above) < first) [below, above] = [above, above * 2 + 1];
  while (above - below > 1) {
    const middle = Math.floor((below + above) / 2);
    if (dayAt(middle) < first) below = middle;
    else above = middle;
  }
  const days: number[] = [];
  for (let k = above; ; k++) {
    const day = dayAt(k);
    if (day > last) return days;
    days.push(day);
  }
}

function triggered(
  survey: SurveyNode,
  r: Extract<Recurrence, { form: "after-event" }>,
  range: DayRange,
): PlacedSend[] | string {
  const journey = survey.journey;
  const frequency = journey.frequency?.duration;
  if (!frequency || isZero(frequency)) {
    const what =
      journey.frequency === null
        ? "which has no frequency"
        : frequency
          ? `whose frequency "${journey.frequency.text}" is zero`
          : `whose frequency "${journey.frequency.text}" is not a duration`;
    return `it is sent after an event of journey "${journey.id}", ${what}: how often one customer goes through the journey is unknown`;
  }
  const delay = r.delay?.duration;
  const cooldown = r.cooldown?.duration;
  const sends: PlacedSend[] = [];
  let last: number | null = null;
  for (const pass of series(range.from, frequency, range.to)) {
    const day = delay ? addToDay(pass, delay) : pass;
    if (day > range.to) break;
    if (last !== null && cooldown && day < addToDay(last, cooldown)) continue;
    sends.push({ day, survey, estimated: true });
    last = day;
  }
  return sends;
}

/** The days of an RFC 5545 rule (its options, checked when the model was built) from `start` within the range. */
function ruleDays(options: Partial<Options>, start: number, range: DayRange): number[] {
  const { RRule } = rruleLibrary();
  // The library walks every period from DTSTART (a daily rule from year 1 shown in 2026 took
  // seconds): a start moved on by whole cycles of the rule gives the same dates in the range.
  start = movedStart(options, start, range.from);
  const rule = new RRule({ ...options, dtstart: new Date(start * DAY_MS) });
  const dates = rule.between(new Date(range.from * DAY_MS), new Date(range.to * DAY_MS), true);
  return dates.map((d) => Math.floor(d.getTime() / DAY_MS));
}

const DAY_MS = 86_400_000;

/** The Gregorian calendar repeats itself, weekdays and ISO weeks included, every 400 years. */
const GREGORIAN_CYCLE = 146_097;

/**
 * A start for the rule, as late as possible before `from`, from which the rule gives the same
 * dates from `from` on: `start` moved on by whole cycles of the rule. INTERVAL n, a cycle is
 * - n weeks, for a daily or weekly rule that names no month, day of the month or of the year,
 *   week number or position in a set;
 * - n months (monthly) or n years (yearly, or daily with n = 1), for a rule whose dates hang
 *   neither on weekdays (BYDAY, BYWEEKNO, BYSETPOS) nor on the length of months or years
 *   (BYYEARDAY, BYMONTHDAY beyond 28 or from the end), starting on a day up to the 28th;
 * - n × 400 years otherwise (each of n days, weeks, months or years divides it).
 * Never with COUNT (counted from the start) or BYEASTER (no such short cycle).
 */
function movedStart(options: Partial<Options>, start: number, from: number): number {
  const { RRule } = rruleLibrary();
  const set = (value: unknown) =>
    value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
  if (set(options.count) || set(options.byeaster) || from <= start) return start;
  const n = options.interval ?? 1;
  const { freq, bymonth, bymonthday, byyearday, byweekno, bysetpos, byweekday } = options;
  const onWeekdays = [byweekday, byweekno, bysetpos].some(set);
  const onCalendar = [bymonth, bymonthday, byyearday, byweekno, bysetpos].some(set);
  const days = (cycle: number) =>
    Number.isSafeInteger(cycle) ? start + Math.floor((from - start) / cycle) * cycle : start;
  if ((freq === RRule.DAILY || freq === RRule.WEEKLY) && !onCalendar) return days(7 * n);
  const monthDays = ([] as unknown[]).concat(bymonthday ?? []);
  const onLengths =
    set(byyearday) || monthDays.some((d) => typeof d !== "number" || d < 1 || d > 28);
  const [y0, m0, d0] = civil(start);
  const [y1, m1] = civil(from);
  if (!onWeekdays && !onLengths && d0 <= 28) {
    // Whole cycles of months or years before the month or year of `from`.
    const zero = { years: 0, months: 0, weeks: 0, days: 0 };
    if (freq === RRule.MONTHLY) {
      const months = (y1 - y0) * 12 + (m1 - m0) - 1;
      if (months >= n) return addToDay(start, { ...zero, months: Math.floor(months / n) * n });
      return start;
    }
    if (freq === RRule.YEARLY || (freq === RRule.DAILY && n === 1)) {
      const years = y1 - y0 - 1;
      if (years >= n) return addToDay(start, { ...zero, years: Math.floor(years / n) * n });
      return start;
    }
  }
  return days(GREGORIAN_CYCLE * n);
}

/** Year, month and day of a day number. */
function civil(day: number): [number, number, number] {
  const date = dateOf(day);
  return [Number(date.slice(0, -6)), Number(date.slice(-5, -3)), Number(date.slice(-2))];
}
