import { at, type Rule } from "../lint/rule.js";

/**
 * The method decides « pour chacune des étapes si une enquête est appropriée » (for each stage
 * whether a survey is appropriate): a stage has a survey, or the reason it has none.
 */
export const stageWithoutSurvey: Rule = {
  id: "stage-without-survey",
  description:
    "Every stage has a survey, or a noSurvey reason that records the decision not to survey it.",
  defaultSeverity: "warning",
  messages: { missing: 'stage "{stage}" has no survey and no noSurvey reason' },
  defaultOptions: {},
  check({ workspace, report }) {
    for (const journey of workspace.journeys) {
      for (const stage of journey.stages) {
        if (stage.surveys.length > 0 || stage.noSurvey !== null) continue;
        report({ messageId: "missing", data: { stage: stage.id }, at: at(stage.origin) });
      }
    }
  },
};
