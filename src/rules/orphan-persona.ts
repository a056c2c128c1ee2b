import { at, type Rule } from "../lint/rule.js";
import { mayHold } from "../model/workspace.js";

/**
 * The method creates a few personas « pour ensuite cartographier le parcours de chacun d'entre
 * eux » (to then map the journey of each of them): a persona without a journey is not mapped.
 */
export const orphanPersona: Rule = {
  id: "orphan-persona",
  description: "Every persona has at least one journey.",
  defaultSeverity: "warning",
  judgesAbsence: true,
  messages: { orphan: 'persona "{persona}" has no journey: map it, or remove it' },
  defaultOptions: {},
  check({ workspace, report }) {
    const mapped = new Set(workspace.journeys.map((j) => j.persona?.value));
    for (const persona of workspace.personas) {
      // A file that could not be read may hold its journey: say nothing rather than something wrong.
      if (!mapped.has(persona.id) && !mayHold(workspace, persona.id))
        report({
          messageId: "orphan",
          data: { persona: persona.id },
          at: at(persona.origin, "id"),
        });
    }
  },
};
