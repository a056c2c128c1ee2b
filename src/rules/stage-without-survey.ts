import { at, type Rule } from "../lint/rule.js";

/** Seed 000: decide, stage by stage, whether a survey is appropriate. */
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
        if (stage.surveys.length > 0 || typeof stage.data.noSurvey === "string") continue;
        report({ messageId: "missing", data: { stage: stage.id }, at: at(stage.origin) });
      }
    }
  },
};
