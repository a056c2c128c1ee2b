import type { LintReport } from "./index.js";

/** For scripts: the `journey lint --format json` contract, version 1 (README, "JSON output"). */
export function json({ findings, summary, baselined }: LintReport): string {
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
  // With a baseline, how many findings it accepted (not listed, not counted in errors/warnings).
  const counts = baselined === undefined ? summary : { ...summary, baselined: baselined.length };
  return `${JSON.stringify({ version: 1, findings: list, summary: counts }, null, 2)}\n`;
}
