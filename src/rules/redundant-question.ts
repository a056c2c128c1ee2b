import { at, type Rule } from "../lint/rule.js";
import type { QuestionNode } from "../model/types.js";
import { surveysByPersona } from "../model/workspace.js";
import { findRepeats } from "../text/near-duplicates.js";

interface Options {
  similarity: number;
}

/**
 * The method reports the surveys on the map so as not to over-solicit customers « en évitant les
 * questions redondantes » (by avoiding redundant questions).
 */
export const redundantQuestion: Rule<Options> = {
  id: "redundant-question",
  description:
    "No question reaches the same persona twice: across all its journeys' surveys or within one survey, the same once normalised or near-identical.",
  defaultSeverity: "warning",
  messages: {
    same: 'question "{text}" is already asked to persona "{persona}" at {where} (the same once case, accents and punctuation are set aside)',
    near: 'question "{text}" is near-identical ({percent}% of content words shared) to one already asked to persona "{persona}" at {where}: "{other}"',
  },
  optionsSchema: {
    type: "object",
    properties: {
      similarity: {
        type: "number",
        exclusiveMinimum: 0,
        maximum: 1,
        description:
          "Two questions are near-identical when the Dice coefficient of their content words is at least this; 1 keeps only questions with the same content words.",
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { similarity: 0.8 },
  check({ workspace, options, report }) {
    for (const [persona, surveys] of surveysByPersona(workspace)) {
      // Every question that reaches the persona, in workspace order (files, then document order).
      const questions: QuestionNode[] = [];
      const texts: string[] = [];
      for (const question of surveys.flatMap((s) => s.questions)) {
        if (question.text === null) continue;
        questions.push(question);
        texts.push(question.text);
      }
      for (const repeat of findRepeats(texts, options.similarity)) {
        const question = questions[repeat.index];
        const other = questions[repeat.of];
        if (!question || !other) continue;
        report({
          messageId: repeat.identical ? "same" : "near",
          data: {
            text: texts[repeat.index] ?? "",
            other: texts[repeat.of] ?? "",
            persona,
            percent: Math.floor(repeat.similarity * 100),
          },
          at: at(question.origin, "text"),
          related: [
            { name: "where", what: "the question asked before", at: at(other.origin, "text") },
          ],
        });
      }
    }
  },
};
