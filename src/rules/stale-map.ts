import { at, type Rule } from "../lint/rule.js";
import { addToDay, dateOf, dayOf, parseDuration } from "../survey/civil.js";

/** Seed 002: « révisez et actualisez régulièrement vos cartes pour qu'elles restent pertinentes ». */
export const staleMap: Rule = {
  id: "stale-map",
  description:
    "Every journey has a reviewed date, no older than the config's staleAfter (default P12M).",
  defaultSeverity: "warning",
  messages: {
    unreviewed:
      'journey "{journey}" has no reviewed date: maps go stale, say when this one was last reviewed',
    stale:
      'journey "{journey}" was last reviewed on {reviewed}, more than {staleAfter} before {today}',
  },
  defaultOptions: {},
  check({ workspace, config, today, report }) {
    for (const journey of workspace.journeys) {
      const reviewed = journey.data.reviewed;
      if (reviewed === undefined) {
        report({
          messageId: "unreviewed",
          data: { journey: journey.id },
          at: at(journey.origin, "id"),
        });
        continue;
      }
      // A malformed date or duration is the schema's finding.
      if (typeof reviewed !== "string") continue;
      const day = dayOf(reviewed);
      const staleAfter = parseDuration(config.staleAfter);
      if (day === null || staleAfter === null) continue;
      const due = dateOf(addToDay(day, staleAfter));
      if (due < today) {
        report({
          messageId: "stale",
          data: { journey: journey.id, reviewed, staleAfter: config.staleAfter, today },
          at: at(journey.origin, "reviewed"),
        });
      }
    }
  },
};
