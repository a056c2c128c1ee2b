import { at, type Rule } from "../lint/rule.js";
import { addDuration } from "../survey/dates.js";

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
      if (typeof reviewed !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(reviewed)) continue; // the schema reports it
      let due: string;
      try {
        due = addDuration(reviewed, config.staleAfter);
      } catch {
        continue; // not a real date: the schema reports it
      }
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
