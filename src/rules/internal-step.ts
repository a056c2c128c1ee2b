import { at, type Rule } from "../lint/rule.js";

/**
 * The method maps only the steps the customer perceives: « les process internes, invisibles pour
 * les clients, ne doivent pas y figurer » (internal processes, invisible to customers, must not
 * appear on it).
 */
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
      if (event.visibility === "internal") {
        report({
          messageId: "internal",
          data: { event: event.id },
          at: at(event.origin, "visibility"),
        });
      }
    }
  },
};
