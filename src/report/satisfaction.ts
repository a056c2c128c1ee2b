/**
 * Satisfaction at a glance: five dots filled to the score (rounded, and held within 0–5 whatever
 * the map says: a value the schema refuses is still drawn), then the score as written.
 */
export function satisfactionDots(value: number): string {
  const filled = Number.isFinite(value) ? Math.max(0, Math.min(5, Math.round(value))) : 0;
  return `${"●".repeat(filled)}${"○".repeat(5 - filled)} ${value}`;
}
