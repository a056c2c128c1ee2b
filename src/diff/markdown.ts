import { markdownText as text } from "../report/render/markdown.js";
import { pushAll } from "../util/arrays.js";
import { type ChangeRow, headline, nothingChanged, personaRows, summaryLine } from "./lines.js";
import type { DiffReport, FindingRow } from "./model.js";

/**
 * `journey diff --format markdown`: for a pull-request comment or the job summary
 * (`$GITHUB_STEP_SUMMARY`). A heading, what is compared, then a section per persona with its
 * changes as a table and its findings fixed and new as another; the findings of no persona last.
 * GitHub Flavored Markdown; every text from the maps escaped, so that none can add a column, a
 * row or markup.
 */
export function diffMarkdown(report: DiffReport): string {
  const out = ["## Journey maps: what this change does", ""];
  if (!report.changed) {
    out.push(`${text(nothingChanged(report))}.`);
    return `${out.join("\n")}\n`;
  }
  out.push(`${text(headline(report))}.`, "", `${text(summaryLine(report))}.`, "");
  if (report.renamed.length > 0) {
    for (const r of report.renamed) out.push(`- renamed \`${code(r.from)}\` → \`${code(r.to)}\``);
    out.push("");
  }
  for (const p of report.personas) {
    const name = p.name === null || p.name === p.id ? "" : ` — ${p.name}`;
    out.push(`### ${text(`${p.id}${name}`)}`, "");
    if (p.status !== "changed") out.push(`Persona ${p.status}.`, "");
    if (p.pressure.crossed === "over") out.push(`**Over the contact policy now.**`, "");
    const rows = personaRows(p);
    if (rows.length > 0) pushAll(out, [...changeTable(rows), ""]);
    pushAll(out, findingTables(p.findings));
  }
  const others = report.workspace.findings;
  if (others.fixed.length + others.introduced.length > 0) {
    pushAll(out, ["### Findings of no persona", "", ...findingTables(others)]);
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

/** A path in a code span: a backtick cannot end it early. */
const code = (path: string) => path.replaceAll("`", "'");

function changeTable(rows: readonly ChangeRow[]): string[] {
  return table(
    ["change", "item", "detail"],
    rows.map((r) => [r.change, r.item, r.detail]),
  );
}

function findingTables(findings: { fixed: FindingRow[]; introduced: FindingRow[] }): string[] {
  const cells = (what: string, f: FindingRow) => [
    what,
    f.severity,
    f.rule,
    `${f.file}:${f.line}:${f.column}`,
    f.message,
  ];
  const rows = [
    ...findings.fixed.map((f) => cells("fixed", f)),
    ...findings.introduced.map((f) => cells("new", f)),
  ];
  if (rows.length === 0) return [];
  return [...table(["finding", "severity", "rule", "where", "message"], rows), ""];
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(text).join(" | ")} |`;
  return [line(headers), `| ${headers.map(() => "---").join(" | ")} |`, ...rows.map(line)];
}
