import type { QuestionNode } from "../model/types.js";

/** How a message names a question: `question "q2" of survey "delivery-csat"`, by its place without an id. */
export function questionName(question: QuestionNode): string {
  const survey = question.survey;
  const which =
    question.id === null ? String(survey.questions.indexOf(question) + 1) : `"${question.id}"`;
  return `question ${which} of survey "${survey.id}"`;
}
