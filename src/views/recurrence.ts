import type { SurveyNode, WrittenRecurrence } from "../model/types.js";
import { parseRule, rruleLibrary } from "../survey/rrule.js";
import { amount, amountOf, period, periodOf } from "../survey/words.js";

/**
 * A survey's recurrence in plain words, as the survey plan shows it: "once on 2026-03-02",
 * "every 3 months from 2026-01-15 until 2027-01-15", "every 3 months on the 15th from 2026-01-15"
 * (an RFC 5545 rule, read by the rrule library), "10 days after each parcel-delivered, at most
 * once per 90 days". A malformed recurrence is said as written, or to be invalid (the schema and
 * lint report it).
 */
export function describeRecurrence(survey: SurveyNode): string {
  const r = survey.recurrence;
  switch (r.form) {
    case "once":
      return `once on ${r.date.text}`;
    case "every":
      return `every ${periodOf(r.period)} from ${r.start.text}${until(r.until?.text)}`;
    case "rrule": {
      const words = new (rruleLibrary().RRule)(r.options).toText();
      return `${words} from ${r.start.text}${until(r.until ?? undefined)}`;
    }
    case "after-event":
      return triggered(
        survey,
        r.delay ? amountOf(r.delay) : undefined,
        r.cooldown ? periodOf(r.cooldown) : undefined,
      );
    case "invalid":
      return r.written ? describeWritten(survey, r.written) : "no recurrence";
  }
}

const until = (date: string | undefined) => (date === undefined ? "" : ` until ${date}`);

/**
 * A recurrence the scheduler cannot place, said from its text values by the same reading as a
 * valid one's: a start that is not a date still shows as written.
 */
function describeWritten(survey: SurveyNode, r: WrittenRecurrence): string {
  const from = r.start === undefined ? "" : ` from ${r.start}`;
  if (r.once !== undefined) return `once on ${r.once}`;
  if (r.every !== undefined) return `every ${period(r.every)}${from}${until(r.until)}`;
  if (r.rrule !== undefined) return `${ruleInWords(r.rrule)}${from}${until(r.until)}`;
  if (r.trigger === "after-event") {
    return triggered(
      survey,
      r.delay === undefined ? undefined : amount(r.delay),
      r.cooldown === undefined ? undefined : period(r.cooldown),
    );
  }
  return "no valid recurrence";
}

/**
 * "10 days after each parcel-delivered, at most once per 90 days", from the words of each part; a
 * delay of zero is "right after", a cooldown of zero no limit.
 */
function triggered(survey: SurveyNode, delay?: string, cooldown?: string): string {
  const after = delay === undefined ? "after" : delay === NONE ? "right after" : `${delay} after`;
  const limit = cooldown === undefined || cooldown === NONE ? "" : `, at most once per ${cooldown}`;
  return `${after} ${occasion(survey)}${limit}`;
}

/** A duration of zero in words. */
const NONE = amount("P0D");

/** What triggers a survey: its event, else its stage, else the journey. */
function occasion(survey: SurveyNode): string {
  if (survey.event) return `each ${survey.event.value}`;
  if (survey.stage) return `each event of stage ${survey.stage.id}`;
  return "each pass through the journey";
}

/** A rule as the rrule library says it, when it is valid by the same check as the scheduler's. */
function ruleInWords(rule: string): string {
  const parsed = parseRule(rule);
  if ("problem" in parsed) return `rule "${rule}" (not a valid RFC 5545 rule)`;
  return new (rruleLibrary().RRule)(parsed.options).toText();
}
