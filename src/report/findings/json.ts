import type { LintReport } from "./index.js";

/** For scripts: the `journey lint --format json` contract, version 1 (README, "JSON output"). */
export function json({ findings, summary }: LintReport): string {
  const list = findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    entity: f.entity,
  }));
  return `${JSON.stringify({ version: 1, findings: list, summary }, null, 2)}\n`;
}
