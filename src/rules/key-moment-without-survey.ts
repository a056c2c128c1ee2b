import { at, atKey, type Rule } from "../lint/rule.js";

interface Options {
  threshold: number;
}

/** Seed 000: the map reveals the key moments, where listening to the customer is necessary. */
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
        const keyMoment = stage.data.keyMoment;
        if (typeof keyMoment === "string") {
          report({
            messageId: "keyMoment",
            data: { stage: stage.id, keyMoment },
            at: atKey(stage.origin, "keyMoment"),
          });
          continue;
        }
        const low = stage.events.find(
          (e) =>
            typeof e.data.satisfaction === "number" && e.data.satisfaction <= options.threshold,
        );
        if (low) {
          report({
            messageId: "lowSatisfaction",
            data: {
              stage: stage.id,
              satisfaction: low.data.satisfaction as number,
              threshold: options.threshold,
            },
            at: at(low.origin, "satisfaction"),
          });
        }
      }
    }
  },
};
