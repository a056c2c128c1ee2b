import type { Severity, SeveritySetting } from "../../lint/finding.js";
import { registry } from "../registry.js";
import type { Style } from "../style.js";

/** A rule as `journey rules` lists it. */
export interface RuleRow {
  id: string;
  defaultSeverity: Severity;
  severity: SeveritySetting;
  fixed: boolean;
  description: string;
  /** How to read its page: `journey rules <id>`. */
  docs: string;
}

export type RulesFormatter = (rows: readonly RuleRow[], style: Style) => Promise<string> | string;

/** `--format` values of `journey rules`. */
export const RULES_FORMATS = registry<RulesFormatter>()({
  table: async () => (await import("./table.js")).rulesTable,
  json: async () => (rows) => `${JSON.stringify(rows, null, 2)}\n`,
});
