import { at, type Rule } from "../lint/rule.js";

/** Seed 000: « les process internes, invisibles pour les clients, ne doivent pas y figurer ». */
export const internalStep: Rule = {
  id: "internal-step",
  description:
    "Only steps the customer perceives belong on the map: no event with visibility internal.",
  defaultSeverity: "error",
  messages: {
    internal: 'event "{event}" is an internal step, invisible to the customer: take it off the map',
  },
  defaultOptions: {},
  check({ workspace, report }) {
    for (const event of workspace.events) {
      if (event.data.visibility === "internal") {
        report({
          messageId: "internal",
          data: { event: event.id },
          at: at(event.origin, "visibility"),
        });
      }
    }
  },
};
