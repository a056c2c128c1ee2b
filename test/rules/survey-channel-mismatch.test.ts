import { surveyChannelMismatch } from "../../src/rules/survey-channel-mismatch.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

/** A journey with one web stage and this survey of the stage, sent by `channel` (line 17). */
const stageSurvey = (channel: string, event = "") => yaml`
  kind: journey
  id: j
  title: J
  persona: julie
  reviewed: 2026-10-01
  stages:
    - id: s
      name: S
      events:
        - id: e
          action: A
          channel: web
          satisfaction: 4
      surveys:
        - id: x
          title: T
          channel: ${channel}
          subject: S
          indicators: [csat]
          questions:
            - { text: How satisfied are you?, indicator: csat, scale: { min: 1, max: 5 } }
          recurrence: { once: 2026-03-02 }
          ${event}
`;

/** A journey with one web stage and a journey-wide survey sent by `channel` (line 14). */
const wideSurvey = (channel: string) => yaml`
  kind: journey
  id: j
  title: J
  persona: julie
  stages:
    - id: s
      name: S
      noSurvey: n
      events:
        - { id: e, action: A, channel: web }
  surveys:
    - id: wide
      title: T
      channel: ${channel}
      subject: S
      indicators: [nps]
      questions:
        - { text: Would you recommend us?, indicator: nps, scale: { min: 0, max: 10 } }
      recurrence: { every: P6M, start: 2026-01-15 }
`;

const withChannels = { "p.yaml": `${PERSONA}channels: [web, email]\n` };

ruleTester(surveyChannelMismatch, {
  valid: [
    { name: "a survey on its event's channel", files, code: stageSurvey("web", "event: e") },
    { name: "without event: a channel of the stage's events", files, code: stageSurvey("web") },
    {
      name: "journey-wide: a channel of the persona",
      files: withChannels,
      code: wideSurvey("email"),
    },
    { name: "journey-wide: a channel of the journey's events", files, code: wideSurvey("web") },
  ],
  invalid: [
    {
      name: "another channel than its event's: at the survey's channel",
      files,
      code: stageSurvey("sms", "event: e"),
      errors: [
        {
          messageId: "event",
          line: 17,
          column: 18,
          message: 'survey "x" is sent by sms, but its event "e" happens on web',
        },
      ],
    },
    {
      name: "without event: a channel none of the stage's events happen on",
      files,
      code: stageSurvey("email"),
      errors: [
        {
          messageId: "stage",
          line: 17,
          column: 18,
          message: 'survey "x" is sent by email, but the events of stage "s" happen on web',
        },
      ],
    },
    {
      name: "journey-wide: a channel neither of the journey nor of its persona",
      files: withChannels,
      code: wideSurvey("sms"),
      errors: [
        {
          messageId: "journey",
          line: 14,
          column: 14,
          message:
            'survey "wide" is sent by sms, a channel neither of journey "j" nor of its persona (web, email)',
        },
      ],
    },
  ],
});
