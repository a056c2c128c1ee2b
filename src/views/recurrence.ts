import type { SurveyNode } from "../model/types.js";
import { parseRule, rruleLibrary } from "../survey/rrule.js";
import { amount, period } from "../survey/words.js";

/**
 * A survey's recurrence in plain words, as the survey plan shows it: "once on 2026-03-02",
 * "every 3 months from 2026-01-15 until 2027-01-15", "every 3 months on the 15th from 2026-01-15"
 * (an RFC 5545 rule, read by the rrule library), "10 days after each parcel-delivered, at most
 * once per 90 days". A malformed recurrence is said to be so (the schema and lint report it).
 */
export function describeRecurrence(survey: SurveyNode): string {
  const recurrence = survey.data.recurrence;
  if (typeof recurrence !== "object" || recurrence === null) return "no recurrence";
  const r = recurrence as Record<string, unknown>;
  const from = typeof r.start === "string" ? ` from ${r.start}` : "";
  const until = typeof r.until === "string" ? ` until ${r.until}` : "";
  if (typeof r.once === "string") return `once on ${r.once}`;
  if (typeof r.every === "string") return `every ${period(r.every)}${from}${until}`;
  if (typeof r.rrule === "string") return `${ruleInWords(r.rrule)}${from}${until}`;
  if (r.trigger === "after-event") {
    const delay = typeof r.delay === "string" ? `${amount(r.delay)} after` : "after";
    const cooldown =
      typeof r.cooldown === "string" ? `, at most once per ${period(r.cooldown)}` : "";
    return `${delay} ${occasion(survey)}${cooldown}`;
  }
  return "no valid recurrence";
}

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
