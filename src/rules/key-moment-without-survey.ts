import { at, atKey, type Rule } from "../lint/rule.js";

interface Options {
  threshold: number;
}

/**
 * The method: the map reveals the sensitive points of the journey — decisive for the purchase,
 * for conversion, or a source of dissatisfaction — where listening to the Voice of the Customer
 * « va alors s'avérer nécessaire » (then proves necessary).
 */
export const keyMomentWithoutSurvey: Rule<Options> = {
  id: "key-moment-without-survey",
  description:
    "A key moment — a stage with keyMoment, or an event with satisfaction at or below the threshold — has a survey.",
  defaultSeverity: "error",
  messages: {
    keyMoment: 'stage "{stage}" is a key moment ({keyMoment}) but has no survey',
    lowSatisfaction:
      'stage "{stage}" has an event with satisfaction {satisfaction} (at or below {threshold}), a key moment, but no survey',
  },
  optionsSchema: {
    type: "object",
    properties: {
      threshold: {
        type: "integer",
        minimum: 1,
        maximum: 5,
        description:
          "An event whose satisfaction is at or below this makes its stage a key moment.",
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { threshold: 2 },
  check({ workspace, options, report }) {
    for (const journey of workspace.journeys) {
      for (const stage of journey.stages) {
        if (stage.surveys.length > 0) continue;
        const keyMoment = stage.keyMoment;
        if (keyMoment !== null) {
          report({
            messageId: "keyMoment",
            data: { stage: stage.id, keyMoment },
            at: atKey(stage.origin, "keyMoment"),
          });
          continue;
        }
        // The first event at or below the threshold.
        for (const event of stage.events) {
          const { satisfaction } = event;
          if (satisfaction === null || satisfaction > options.threshold) continue;
          report({
            messageId: "lowSatisfaction",
            data: { stage: stage.id, satisfaction, threshold: options.threshold },
            at: at(event.origin, "satisfaction"),
          });
          break;
        }
      }
    }
  },
};
