import { at, atKey, type Rule } from "../lint/rule.js";

/** Seed 002: « basez votre analyse sur des données concrètes plutôt que sur des suppositions ». */
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
      const evidence = event.data.evidence;
      if (Array.isArray(evidence) && evidence.length > 0) continue;
      const hasSatisfaction = event.data.satisfaction !== undefined;
      const hasPainPoints =
        Array.isArray(event.data.painPoints) && event.data.painPoints.length > 0;
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
      const traits = persona.data.traits;
      if (!Array.isArray(traits)) continue;
      for (const [i, trait] of traits.entries()) {
        if (typeof trait !== "object" || trait === null) continue;
        const t = trait as Record<string, unknown>;
        if (t.basis === "data" && (typeof t.source !== "string" || t.source.trim() === "")) {
          report({
            messageId: "trait",
            data: { trait: String(t.name ?? i) },
            at: at(persona.origin, "traits", i, "basis"),
          });
        }
      }
    }
  },
};
