import type { Finding } from "./finding.js";

/**
 * What identifies a finding across edits: its rule, message id, file, entity and JSON Pointer,
 * never its line or column, so that lines added or removed elsewhere in the file leave it the same
 * (SARIF fingerprints, the baseline, `journey diff`).
 */
export function identityOf(
  f: Pick<Finding, "rule" | "messageId" | "file" | "entity" | "pointer">,
): string {
  return JSON.stringify([f.rule, f.messageId, f.file, f.entity, f.pointer]);
}
