import { at, type RelatedReport, type Rule } from "../lint/rule.js";
import type { SurveyNode } from "../model/types.js";
import { dateOf } from "../survey/civil.js";
import {
  closeRuns,
  type Crowd,
  crowdedWindows,
  defaultRange,
  type PersonaPressure,
  pressures,
} from "../survey/pressure.js";
import type { PlacedSend } from "../survey/schedule.js";
import { amountOf } from "../survey/words.js";

/**
 * The method reports the surveys on the map « afin de donner une vision d'ensemble. Cela permet de
 * ne pas trop solliciter les clients » (to give an overall view, so as not to over-solicit
 * customers). Computed by the calendar's scheduler over the config's calendar range (default: a
 * year from today).
 *
 * One finding per crowd of sends, not per window or pair it breaks: at the send that tips it over,
 * with the other surveys of the crowd and their dates as related places. A crowd tipped again by
 * the same survey later in the range (the same plan, month after month) adds its dates to the
 * first finding rather than a finding of its own.
 */
export const contactPressure: Rule = {
  id: "contact-pressure",
  description:
    "Per the contactPolicy (the persona's, else the workspace's), one customer of a persona never gets more than maxSurveys in a window, nor two surveys closer than minGap, all journeys together.",
  defaultSeverity: "error",
  messages: {
    window:
      'a customer of persona "{persona}" could get {most} surveys within {window} (at most {max}): this one, on {date}, tips it over',
    gap: 'a customer of persona "{persona}" could get this survey on {date}, {apart}: the policy wants {minGap} between two surveys',
    gaps: 'a customer of persona "{persona}" could get {count} surveys in a row less than {minGap} apart: this one, on {date}, is the first too close',
  },
  defaultOptions: {},
  check({ workspace, config, today, report }) {
    const range = defaultRange(config, today);
    for (const p of pressures(workspace, config, range)) {
      const policy = p.policy;
      if (!policy) continue;
      const window = policy.window ? amountOf(policy.window) : "";
      const minGap = policy.minGap ? amountOf(policy.minGap) : "";
      for (const { crowd, again } of firstOfEach(crowdedWindows(p))) {
        report({
          messageId: "window",
          data: {
            persona: p.persona,
            most: crowd.most,
            window,
            max: policy.maxSurveys ?? 0,
            date: dateOf(crowd.tipping.day),
          },
          at: placeOf(crowd.tipping.survey),
          related: related(p, crowd, again, "tips it over again"),
        });
      }
      for (const { crowd, again } of firstOfEach(closeRuns(p))) {
        const previous = p.sends[crowd.first] as PlacedSend;
        const pair = crowd.most === 2;
        report({
          messageId: pair ? "gap" : "gaps",
          data: {
            persona: p.persona,
            date: dateOf(crowd.tipping.day),
            count: crowd.most,
            minGap,
            ...(pair ? { apart: apart(previous, crowd.tipping) } : {}),
          },
          at: placeOf(crowd.tipping.survey),
          related: related(p, crowd, again, "too close again"),
        });
      }
    }
  },
};

/** Each crowd with the later ones the same survey tips over (they repeat it: one finding). */
function firstOfEach(crowds: Crowd[]): { crowd: Crowd; again: PlacedSend[] }[] {
  const bySurvey = new Map<SurveyNode, { crowd: Crowd; again: PlacedSend[] }>();
  for (const crowd of crowds) {
    const known = bySurvey.get(crowd.tipping.survey);
    if (known) known.again.push(crowd.tipping);
    else bySurvey.set(crowd.tipping.survey, { crowd, again: [] });
  }
  return [...bySurvey.values()];
}

/**
 * The crowd's other sends, one place per survey in order of its first send there (this survey's
 * own other sends included), then the dates the same survey tips it over again.
 */
function related(
  p: PersonaPressure,
  crowd: Crowd,
  again: PlacedSend[],
  repeated: string,
): RelatedReport[] {
  const others = new Map<SurveyNode, PlacedSend[]>();
  for (const send of p.sends.slice(crowd.first, crowd.end)) {
    if (send === crowd.tipping) continue;
    const list = others.get(send.survey);
    if (list) list.push(send);
    else others.set(send.survey, [send]);
  }
  const places = [...others].map(([survey, sends]): RelatedReport => {
    const who = survey === crowd.tipping.survey ? "this survey also" : `"${survey.id}"`;
    const estimated = sends.some((s) => s.estimated) ? " (estimated)" : "";
    return { what: `${who} sent ${dates(sends)}${estimated}`, at: placeOf(survey) };
  });
  if (again.length > 0) {
    places.push({ what: `${repeated} on ${dates(again)}`, at: placeOf(crowd.tipping.survey) });
  }
  return places;
}

/** "2027-01-10", "2027-01-10 and 2027-01-17", up to four dates, then "…, 2027-01-24 and 5 more times". */
function dates(sends: readonly PlacedSend[]): string {
  const days = sends.map((s) => dateOf(s.day));
  if (days.length > 4) return `${days.slice(0, 3).join(", ")} and ${days.length - 3} more times`;
  return days.length > 1 ? `${days.slice(0, -1).join(", ")} and ${days.at(-1)}` : (days[0] ?? "");
}

/** How far the send is after the previous one: "15 days after "s1"", "the same day as its previous send". */
function apart(previous: PlacedSend, send: PlacedSend): string {
  const days = send.day - previous.day;
  const what = previous.survey === send.survey ? "its previous send" : `"${previous.survey.id}"`;
  if (days === 0) return `the same day as ${what}`;
  return `${days} ${days === 1 ? "day" : "days"} after ${what}`;
}

const placeOf = (survey: SurveyNode) => at(survey.origin, "recurrence");
