import { basename } from "node:path";
import type { Rule } from "../lint/rule.js";
import type { Located } from "../model/types.js";
import { mayHold } from "../model/workspace.js";
import { closest, didYouMean } from "../validate/suggest.js";

/** References that lead nowhere: a journey's persona, a survey's event, channels and indicators. */
export const unknownReference: Rule = {
  id: "unknown-reference",
  description:
    "References resolve: a journey's persona, a survey's event (of its own stage), channels and indicators the workspace knows.",
  defaultSeverity: "error",
  fixed: true,
  judgesAbsence: true,
  messages: {
    persona: 'unknown persona "{id}"{hint}',
    eventOfOtherStage:
      'event "{id}" belongs to stage "{stage}", not to this survey\'s stage "{own}"',
    event: 'unknown event "{id}" in {scope}{hint}',
    channel: 'unknown channel "{id}": declare it under channels: in {config}',
    channelNear:
      'unknown channel "{id}"; did you mean "{near}"? Or declare it under channels: in {config}',
    indicator: 'unknown indicator "{id}": declare it under indicators: in {config}',
    indicatorNear:
      'unknown indicator "{id}"; did you mean "{near}"? Or declare it under indicators: in {config}',
  },
  defaultOptions: {},
  check({ workspace, config: cfg, report }) {
    const personas = workspace.personas.map((p) => p.id);
    const channelIds = cfg.channels.map((c) => c.id);
    const indicatorIds = cfg.indicators.map((i) => i.id);
    const unknown = (
      messageId: string,
      ref: Located<string> | null,
      known: string[],
      extra: Record<string, string> = {},
    ) => {
      if (ref === null || known.includes(ref.value)) return;
      report({
        messageId,
        data: { id: ref.value, hint: didYouMean(ref.value, known), ...extra },
        at: ref.origin,
      });
    };
    // A channel or an indicator the workspace does not know is a typo, or one to declare in the
    // config (whose file name the message gives: journey.config.yaml unless --config names another).
    const config = basename(cfg.file ?? "journey.config.yaml");
    const undeclared = (
      messageId: "channel" | "indicator",
      ref: Located<string> | null,
      known: string[],
    ) => {
      if (ref === null || known.includes(ref.value)) return;
      const near = closest(ref.value, known);
      report({
        messageId: near === null ? messageId : `${messageId}Near`,
        data: { id: ref.value, config, ...(near === null ? {} : { near }) },
        at: ref.origin,
      });
    };

    for (const persona of workspace.personas) {
      for (const channel of persona.channels) undeclared("channel", channel, channelIds);
    }
    for (const journey of workspace.journeys) {
      // A file that could not be read may define the persona: say nothing rather than something wrong.
      if (journey.persona && mayHold(workspace, journey.persona.value)) continue;
      unknown("persona", journey.persona, personas);
    }
    for (const event of workspace.events) undeclared("channel", event.channel, channelIds);
    for (const survey of workspace.surveys) {
      undeclared("channel", survey.channel, channelIds);
      for (const indicator of survey.indicators) undeclared("indicator", indicator, indicatorIds);
      for (const question of survey.questions)
        undeclared("indicator", question.indicator, indicatorIds);
      const event = survey.event;
      if (event === null) continue;
      const journeyEvents = survey.journey.stages.flatMap((s) => s.events);
      if (survey.stage === null) {
        unknown(
          "event",
          event,
          journeyEvents.map((e) => e.id),
          { scope: `journey "${survey.journey.id}"` },
        );
        continue;
      }
      const own = survey.stage.events.map((e) => e.id);
      if (own.includes(event.value)) continue;
      const elsewhere = journeyEvents.find((e) => e.id === event.value);
      if (elsewhere) {
        report({
          messageId: "eventOfOtherStage",
          data: { id: event.value, stage: elsewhere.stage.id, own: survey.stage.id },
          at: event.origin,
        });
      } else {
        unknown("event", event, own, { scope: `stage "${survey.stage.id}"` });
      }
    }
  },
};
