import { at, type Rule } from "../lint/rule.js";

/** Seed 000: personas are defined to map each one's journey. */
export const orphanPersona: Rule = {
  id: "orphan-persona",
  description: "Every persona has at least one journey.",
  defaultSeverity: "warning",
  messages: { orphan: 'persona "{persona}" has no journey: map it, or remove it' },
  defaultOptions: {},
  check({ workspace, report }) {
    const mapped = new Set(workspace.journeys.map((j) => j.persona?.value));
    for (const persona of workspace.personas) {
      if (!mapped.has(persona.id))
        report({
          messageId: "orphan",
          data: { persona: persona.id },
          at: at(persona.origin, "id"),
        });
    }
  },
};
