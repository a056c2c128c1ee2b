import type { DiffReport } from "./model.js";

/** The report as it is: the contract of docs/diff.md (version 1). */
export function diffJson(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
