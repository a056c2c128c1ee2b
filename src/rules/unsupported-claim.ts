import { at, atKey, type Rule } from "../lint/rule.js";

/**
 * The method: « basez votre analyse sur des données concrètes plutôt que sur des suppositions »
 * (base your analysis on concrete data rather than on assumptions).
 */
export const unsupportedClaim: Rule = {
  id: "unsupported-claim",
  description:
    "Satisfaction and pain points come with evidence, and a persona trait based on data names its source.",
  defaultSeverity: "warning",
  messages: {
    event: 'event "{event}" states {what} with no evidence: say where it comes from',
    trait: 'trait "{trait}" is based on data but names no source',
  },
  defaultOptions: {},
  check({ workspace, report }) {
    for (const event of workspace.events) {
      // Evidence of the wrong type (a mapping, a text) is the schema's finding, not "no evidence".
      if (event.evidence === null || event.evidence.length > 0) continue;
      const hasSatisfaction = event.statesSatisfaction;
      const hasPainPoints = event.painPoints.length > 0;
      if (!hasSatisfaction && !hasPainPoints) continue;
      const what =
        hasSatisfaction && hasPainPoints
          ? "satisfaction and pain points"
          : hasSatisfaction
            ? "a satisfaction"
            : "pain points";
      report({
        messageId: "event",
        data: { event: event.id, what },
        at: hasSatisfaction ? at(event.origin, "satisfaction") : atKey(event.origin, "painPoints"),
      });
    }
    for (const persona of workspace.personas) {
      for (const trait of persona.traits) {
        if (trait.basis === "data" && (trait.source === null || trait.source.trim() === "")) {
          report({
            messageId: "trait",
            data: { trait: trait.name ?? String(trait.index) },
            at: at(trait.origin, "basis"),
          });
        }
      }
    }
  },
};
