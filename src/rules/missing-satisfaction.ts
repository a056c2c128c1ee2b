import { at, type Rule } from "../lint/rule.js";

/** Seed 000: aligning stage, touchpoint and perceived satisfaction shows where to survey. */
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
      if (event.data.satisfaction === undefined) {
        report({ messageId: "missing", data: { event: event.id }, at: at(event.origin) });
      }
    }
  },
};
