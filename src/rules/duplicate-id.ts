import type { Place, Rule } from "../lint/rule.js";
import { childPointer } from "../model/pointer.js";
import type { Origin } from "../model/types.js";

/** Ids that must be unique: personas, journeys and surveys in the workspace; stages and events in a journey; questions in a survey. */
export const duplicateId: Rule = {
  id: "duplicate-id",
  description:
    "Ids are unique: personas, journeys and surveys in the workspace, stages and events in a journey, questions in a survey.",
  defaultSeverity: "error",
  fixed: true,
  messages: {
    duplicate: 'duplicate {what} id "{id}": already used at {first}',
  },
  defaultOptions: {},
  check({ workspace, report }) {
    const check = (
      what: string,
      items: { id: string | null; origin: Origin }[],
      entity?: (id: string) => string,
    ) => {
      const seen = new Map<string, Place>();
      for (const item of items) {
        if (item.id === null) continue;
        const place: Place = { ...item.origin, pointer: childPointer(item.origin.pointer, "id") };
        const first = seen.get(item.id);
        if (first === undefined) {
          seen.set(item.id, place);
          continue;
        }
        report({
          messageId: "duplicate",
          data: { what, id: item.id },
          at: place,
          related: [{ name: "first", what: `first use of the ${what} id`, at: first }],
          ...(entity ? { entity: entity(item.id) } : {}),
        });
      }
    };
    check("persona", workspace.personas, (id) => `persona:${id}`);
    check("journey", workspace.journeys, (id) => `journey:${id}`);
    check("survey", workspace.surveys, (id) => `survey:${id}`);
    for (const journey of workspace.journeys) {
      check("stage", journey.stages);
      check(
        "event",
        journey.stages.flatMap((s) => s.events),
      );
    }
    for (const survey of workspace.surveys) check("question", survey.questions);
  },
};
