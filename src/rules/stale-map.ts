import { at, type Rule } from "../lint/rule.js";
import { addToDay, dayNumber } from "../survey/civil.js";
import { amountOf } from "../survey/words.js";

/**
 * The method: « assurez-vous de réviser et d'actualiser régulièrement vos cartes pour qu'elles
 * restent pertinentes » (make sure you review and update your maps regularly so that they stay
 * relevant).
 */
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
      const reviewed = journey.reviewed;
      if (reviewed === null) {
        report({
          messageId: "unreviewed",
          data: { journey: journey.id },
          at: at(journey.origin, "id"),
        });
        continue;
      }
      // A malformed date or duration is the schema's finding.
      const day = reviewed.day;
      const staleAfter = config.staleAfter.duration;
      if (day === null || staleAfter === null) continue;
      // Compared as day numbers: past 9999-12-31 the due date has five digits, and no text order.
      if (addToDay(day, staleAfter) < dayNumber(today)) {
        report({
          messageId: "stale",
          data: {
            journey: journey.id,
            reviewed: reviewed.text,
            staleAfter: amountOf(config.staleAfter),
            today,
          },
          at: at(journey.origin, "reviewed"),
        });
      }
    }
  },
};
