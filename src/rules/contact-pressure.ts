import { at, type Rule } from "../lint/rule.js";
import { dateOf } from "../survey/civil.js";
import { defaultRange, pressures } from "../survey/pressure.js";
import type { PlacedSend } from "../survey/schedule.js";
import { amountOf } from "../survey/words.js";

/**
 * The method reports the surveys on the map « afin de donner une vision d'ensemble. Cela permet de
 * ne pas trop solliciter les clients » (to give an overall view, so as not to over-solicit
 * customers). Computed by the calendar's scheduler over the config's calendar range (default: a
 * year from today).
 */
export const contactPressure: Rule = {
  id: "contact-pressure",
  description:
    "Per the contactPolicy (the persona's, else the workspace's), one customer of a persona never gets more than maxSurveys in a window, nor two surveys closer than minGap, all journeys together.",
  defaultSeverity: "error",
  messages: {
    window:
      'one customer of persona "{persona}" could receive {count} surveys within {window} ({from} to {to}): {sends}; the contact policy allows {max}',
    gap: 'one customer of persona "{persona}" could receive "{second}" on {secondDate}, {apart} "{first}" on {firstDate}; the contact policy wants {minGap} between two surveys',
  },
  defaultOptions: {},
  check({ workspace, config, today, report }) {
    const range = defaultRange(config, today);
    for (const p of pressures(workspace, config, range)) {
      if (!p.policy) continue;
      // One finding per survey and kind: the first place it breaks the policy.
      const reported = new Set<string>();
      for (const excess of p.excesses) {
        const survey = excess.tipping.survey;
        if (reported.has(`window:${survey.id}`)) continue;
        reported.add(`window:${survey.id}`);
        const inWindow = p.sends.slice(excess.first, excess.first + excess.count);
        report({
          messageId: "window",
          data: {
            persona: p.persona,
            count: excess.count,
            window: p.policy.window ? amountOf(p.policy.window) : "",
            from: dateOf(excess.start),
            to: dateOf(excess.end - 1),
            sends: inWindow.map(describe).join(", "),
            max: p.policy.maxSurveys ?? 0,
          },
          at: at(survey.origin, "recurrence"),
          related: inWindow
            .filter((send) => send.survey !== survey)
            .map((send) => ({ what: describe(send), at: at(send.survey.origin, "recurrence") })),
        });
      }
      for (const gap of p.gaps) {
        const survey = gap.second.survey;
        if (reported.has(`gap:${survey.id}`)) continue;
        reported.add(`gap:${survey.id}`);
        const days = gap.second.day - gap.first.day;
        report({
          messageId: "gap",
          data: {
            persona: p.persona,
            first: gap.first.survey.id,
            firstDate: dateOf(gap.first.day),
            second: survey.id,
            secondDate: dateOf(gap.second.day),
            apart: days === 0 ? "the same day as" : `${days} ${days === 1 ? "day" : "days"} after`,
            minGap: p.policy.minGap ? amountOf(p.policy.minGap) : "",
          },
          at: at(survey.origin, "recurrence"),
          related:
            gap.first.survey === survey
              ? []
              : [{ what: describe(gap.first), at: at(gap.first.survey.origin, "recurrence") }],
        });
      }
    }
  },
};

function describe(send: PlacedSend): string {
  return `"${send.survey.id}" on ${dateOf(send.day)}${send.estimated ? " (estimated)" : ""}`;
}
