import { at, type Rule } from "../lint/rule.js";
import type { EventNode } from "../model/types.js";

/** The distinct channels among these, in order. */
const distinct = (channels: (string | undefined)[]): string[] => [
  ...new Set(channels.filter((c): c is string => c !== undefined)),
];

const channelsOf = (events: readonly EventNode[]): string[] =>
  distinct(events.map((e) => e.channel?.value));

/**
 * The method: « par quel canal interroger le client, la réponse est logiquement déjà présente dans
 * la cartographie » (on which channel to ask the customer: the answer is logically already on the
 * map).
 */
export const surveyChannelMismatch: Rule = {
  id: "survey-channel-mismatch",
  description:
    "A survey is sent on a channel of its event (without event: of an event of its stage; journey-wide: of the journey or of the persona).",
  defaultSeverity: "warning",
  messages: {
    event: 'survey "{survey}" is sent by {channel}, but its event "{event}" happens on {expected}',
    stage:
      'survey "{survey}" is sent by {channel}, but the events of stage "{stage}" happen on {expected}',
    journey:
      'survey "{survey}" is sent by {channel}, a channel neither of journey "{journey}" nor of its persona ({expected})',
  },
  defaultOptions: {},
  check({ workspace, report }) {
    const personaChannels = new Map(
      workspace.personas.map((p) => [p.id, p.channels.map((c) => c.value)]),
    );
    for (const survey of workspace.surveys) {
      if (survey.channel === null) continue;
      const channel = survey.channel.value;
      const place = at(survey.channel.origin);
      const journeyEvents = survey.journey.stages.flatMap((s) => s.events);
      if (survey.event !== null) {
        const event = (survey.stage?.events ?? journeyEvents).find(
          (e) => e.id === survey.event?.value,
        );
        if (!event || event.channel === null) continue; // unknown-reference reports a missing event
        if (event.channel.value !== channel) {
          report({
            messageId: "event",
            data: { survey: survey.id, channel, event: event.id, expected: event.channel.value },
            at: place,
          });
        }
      } else if (survey.stage !== null) {
        const expected = channelsOf(survey.stage.events);
        if (expected.length > 0 && !expected.includes(channel)) {
          report({
            messageId: "stage",
            data: {
              survey: survey.id,
              channel,
              stage: survey.stage.id,
              expected: expected.join(", "),
            },
            at: place,
          });
        }
      } else {
        const persona = survey.journey.persona?.value;
        const expected = distinct([
          ...channelsOf(journeyEvents),
          ...(persona ? (personaChannels.get(persona) ?? []) : []),
        ]);
        if (expected.length > 0 && !expected.includes(channel)) {
          report({
            messageId: "journey",
            data: {
              survey: survey.id,
              channel,
              journey: survey.journey.id,
              expected: expected.join(", "),
            },
            at: place,
          });
        }
      }
    }
  },
};
