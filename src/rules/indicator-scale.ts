import { at, type Rule } from "../lint/rule.js";
import { questionName } from "./names.js";

/**
 * The method asks which indicators the questionnaire sets up (« quels seront les indicateurs à
 * mettre en place dans le questionnaire »: which indicators will be set up in the questionnaire);
 * each standard indicator has its scale, and a question measuring it asks on that scale.
 */
export const indicatorScale: Rule = {
  id: "indicator-scale",
  description:
    "A question that measures nps (0–10), csat (1–5), ces (1–7) or a configured indicator uses its scale.",
  defaultSeverity: "error",
  messages: {
    scale: "{question}: {indicator} is measured on {min}–{max}, not {actualMin}–{actualMax}",
    notScale: "{question} is {type}: it cannot measure {indicator}, which is a {min}–{max} scale",
  },
  defaultOptions: {},
  check({ workspace, config, report }) {
    const scales = new Map(config.indicators.filter((i) => i.scale).map((i) => [i.id, i.scale]));
    for (const survey of workspace.surveys) {
      for (const question of survey.questions) {
        const indicator = question.indicator?.value;
        const expected = indicator ? scales.get(indicator) : undefined;
        if (!indicator || !expected) continue;
        const type = question.type;
        if (type === "open" || type === "choice") {
          report({
            messageId: "notScale",
            data: {
              question: questionName(question),
              type: type === "open" ? "an open question" : "a choice question",
              indicator,
              ...expected,
            },
            at: at(question.origin, "type"),
          });
          continue;
        }
        const scale = question.scale;
        if (scale === null) continue;
        if (scale.min !== expected.min || scale.max !== expected.max) {
          report({
            messageId: "scale",
            data: {
              question: questionName(question),
              indicator,
              ...expected,
              actualMin: scale.min,
              actualMax: scale.max,
            },
            at: at(question.origin, "scale"),
          });
        }
      }
    }
  },
};
