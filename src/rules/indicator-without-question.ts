import { at, type Rule } from "../lint/rule.js";
import { questionName } from "./names.js";

/**
 * The method: « quels seront les indicateurs à mettre en place dans le questionnaire » (which
 * indicators will be set up in the questionnaire). An indicator a survey lists is measured by a
 * question of it, and a question's indicator is one its survey lists.
 */
export const indicatorWithoutQuestion: Rule = {
  id: "indicator-without-question",
  description:
    "Every indicator a survey lists is measured by one of its questions, and every question's indicator is listed by its survey.",
  defaultSeverity: "warning",
  messages: {
    unmeasured: 'survey "{survey}" lists indicator "{indicator}" but no question measures it',
    unlisted: '{question} measures "{indicator}", which the survey does not list in its indicators',
  },
  defaultOptions: {},
  check({ workspace, report }) {
    for (const survey of workspace.surveys) {
      const listed = new Set(survey.indicators.map((i) => i.value));
      const measured = new Set(survey.questions.map((q) => q.indicator?.value));
      for (const indicator of survey.indicators) {
        if (!measured.has(indicator.value)) {
          report({
            messageId: "unmeasured",
            data: { survey: survey.id, indicator: indicator.value },
            at: at(indicator.origin),
          });
        }
      }
      for (const question of survey.questions) {
        if (question.indicator && !listed.has(question.indicator.value)) {
          report({
            messageId: "unlisted",
            data: { question: questionName(question), indicator: question.indicator.value },
            at: at(question.indicator.origin),
          });
        }
      }
    }
  },
};
