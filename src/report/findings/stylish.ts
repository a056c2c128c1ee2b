import type { Finding } from "../../lint/finding.js";
import { chalkFor, type Style } from "../style.js";
import type { LintReport } from "./index.js";

/** For people: findings grouped by file, `line:col severity message rule-id`, then a summary. */
export function stylish({ findings, summary }: LintReport, style: Style): string {
  const c = chalkFor(style);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    out.push(c.underline(file));
    const rows = list.map((f) => [`${f.line}:${f.column}`, f.severity, f.message, f.rule] as const);
    const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
    for (const [pos, severity, message, rule] of rows) {
      const sev =
        severity === "error"
          ? c.red(severity.padEnd(width[1] ?? 0))
          : c.yellow(severity.padEnd(width[1] ?? 0));
      out.push(
        `  ${c.dim(pos.padEnd(width[0] ?? 0))}  ${sev}  ${message.padEnd(width[2] ?? 0)}  ${c.dim(rule)}`,
      );
    }
    out.push("");
  }
  const files = `${summary.files} file${summary.files === 1 ? "" : "s"}`;
  if (findings.length === 0) {
    out.push(c.green(`✔ no problems in ${files}`));
  } else {
    const total = summary.errors + summary.warnings;
    const line = `✖ ${total} problem${total === 1 ? "" : "s"} (${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}) in ${files}`;
    out.push(summary.errors > 0 ? c.red.bold(line) : c.yellow.bold(line));
  }
  return `${out.join("\n")}\n`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
