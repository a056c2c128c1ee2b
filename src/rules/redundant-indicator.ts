import { at, type Rule } from "../lint/rule.js";
import type { Located, SurveyNode } from "../model/types.js";

/**
 * The method reports the surveys on the map so as not to over-solicit customers: two surveys of
 * one stage measuring the same indicator ask the same customer the same thing twice.
 */
export const redundantIndicator: Rule = {
  id: "redundant-indicator",
  description: "Two surveys of the same stage do not measure the same indicator.",
  defaultSeverity: "warning",
  messages: {
    twice:
      'survey "{survey}" measures "{indicator}", as survey "{other}" already does at stage "{stage}" ({where})',
  },
  defaultOptions: {},
  check({ workspace, report }) {
    for (const journey of workspace.journeys) {
      for (const stage of journey.stages) {
        const first = new Map<string, { survey: SurveyNode; indicator: Located<string> }>();
        for (const survey of stage.surveys) {
          for (const indicator of new Map(survey.indicators.map((i) => [i.value, i])).values()) {
            const earlier = first.get(indicator.value);
            if (!earlier) {
              first.set(indicator.value, { survey, indicator });
              continue;
            }
            report({
              messageId: "twice",
              data: {
                survey: survey.id,
                indicator: indicator.value,
                stage: stage.id,
                other: earlier.survey.id,
              },
              at: at(indicator.origin),
              related: [
                {
                  name: "where",
                  what: `the indicator in survey "${earlier.survey.id}"`,
                  at: at(earlier.indicator.origin),
                },
              ],
            });
          }
        }
      }
    }
  },
};
