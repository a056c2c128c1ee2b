import type { Finding } from "./finding.js";

/**
 * What identifies a finding across edits: its rule, message id, file, entity and anchor (its
 * node, by the ids of the list items on the way to it), never its line or column, so that lines
 * added or removed elsewhere in the file, or a stage inserted before it, leave it the same (SARIF
 * and GitLab fingerprints, the baseline, `journey diff`).
 */
export function identityOf(
  f: Pick<Finding, "rule" | "messageId" | "file" | "entity" | "anchor">,
): string {
  return JSON.stringify([f.rule, f.messageId, f.file, f.entity, f.anchor]);
}
