import { at, type Rule } from "../lint/rule.js";

/**
 * The method: aligning stage, touchpoint and perceived satisfaction « permet de jauger la nécessité
 * d'interroger la Voix du Client à ce moment précis » (lets one gauge the need to ask the Voice of
 * the Customer at that very moment). A satisfaction that is not a number is the schema's finding.
 */
export const missingSatisfaction: Rule = {
  id: "missing-satisfaction",
  description:
    "Every event states the customer's perceived satisfaction, without which the need for a survey cannot be judged.",
  defaultSeverity: "warning",
  messages: {
    missing: 'event "{event}" has no satisfaction: the need for a survey here cannot be judged',
  },
  defaultOptions: {},
  check({ workspace, report }) {
    for (const event of workspace.events) {
      // An internal step is not the customer's to rate: internal-step asks to take it off the map.
      if (!event.statesSatisfaction && event.visibility !== "internal") {
        report({ messageId: "missing", data: { event: event.id }, at: at(event.origin) });
      }
    }
  },
};
