import { at, type Rule } from "../lint/rule.js";
import { surveysByPersona } from "../model/workspace.js";

/**
 * The method puts the surveys and their recurrence on the map so as not to over-solicit
 * customers (« ne pas trop solliciter les clients »: not to solicit customers too much). A
 * survey sent after an event can only be placed on the calendar when the map says how often one
 * customer goes through the journey (`frequency`); without it, its sends are not guessed, and the
 * contact pressure on the persona is not fully assessed.
 */
export const unscheduledSurvey: Rule = {
  id: "unscheduled-survey",
  description:
    "A survey sent after an event belongs to a journey with a frequency, so that the calendar and contact-pressure can place its sends.",
  defaultSeverity: "warning",
  messages: {
    unscheduled:
      'survey "{survey}" is sent after an event of journey "{journey}", which has no frequency: its sends cannot be placed on the calendar, and the contact pressure on persona "{persona}" is not fully assessed; give the journey a frequency (e.g. P1M)',
  },
  defaultOptions: {},
  check({ workspace, report }) {
    for (const [persona, surveys] of surveysByPersona(workspace)) {
      for (const survey of surveys) {
        if (survey.recurrence.form !== "after-event") continue;
        if (survey.journey.frequency !== null) continue; // set (the schema checks it)
        report({
          messageId: "unscheduled",
          data: { survey: survey.id, journey: survey.journey.id, persona },
          at: at(survey.origin, "recurrence", "trigger"),
        });
      }
    }
  },
};
