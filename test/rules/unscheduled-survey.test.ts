import { unscheduledSurvey } from "../../src/rules/unscheduled-survey.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

/** A journey with this frequency line (line 5) and one survey of this recurrence (line 18). */
const journey = (frequency: string, recurrence: string) => yaml`
  kind: journey
  id: j
  title: J
  persona: julie
  ${frequency}
  stages:
    - id: s
      name: S
      events: [{ id: a, action: A, channel: email }]
      surveys:
        - id: s1
          title: Survey 1
          event: a
          channel: email
          subject: Subject 1
          indicators: [csat]
          questions: [{ text: "Question 1?", indicator: csat, scale: { min: 1, max: 5 } }]
          recurrence: ${recurrence}
`;

ruleTester(unscheduledSurvey, {
  valid: [
    {
      name: "after an event of a journey with a frequency",
      files,
      code: journey("frequency: P1M", "{ trigger: after-event }"),
    },
    {
      name: "a survey not triggered by an event",
      files,
      code: journey("objective: O", "{ once: 2027-01-10 }"),
    },
  ],
  invalid: [
    {
      name: "after an event of a journey without frequency: at the trigger",
      files,
      code: journey("objective: O", "{ trigger: after-event, delay: P1D }"),
      errors: [
        {
          messageId: "unscheduled",
          line: 18,
          column: 32,
          message:
            'survey "s1" is sent after an event of journey "j", which has no frequency: its sends cannot be placed on the calendar, and the contact pressure on persona "julie" is not fully assessed; give the journey a frequency (e.g. P1M)',
        },
      ],
    },
  ],
});
