import { chalkFor, type Style } from "../report/style.js";
import { type Cell, type Column, renderTable, wrapText } from "../report/table.js";
import {
  type ChangeRow,
  findingRows,
  headline,
  nothingChanged,
  personaRows,
  summaryLine,
} from "./lines.js";
import type { DiffReport } from "./model.js";

const TONES: Record<ChangeRow["tone"], NonNullable<Cell["color"]>> = {
  added: (c, s) => c.green(s),
  removed: (c, s) => c.red(s),
  changed: (c, s) => c.yellow(s),
  warning: (c, s) => c.red.bold(s),
};

/**
 * `journey diff` on a terminal: what is compared, the renamed files, then one table of every
 * change — persona, what changed, the item, the detail — fitted to the terminal, and the counts.
 * Nothing changed: one line.
 */
export async function diffTable(report: DiffReport, style: Style): Promise<string> {
  // The lines around the table fit the terminal too (never cut: wrapped between words).
  const fit = (line: string) => (style.width === undefined ? line : wrapText(line, style.width));
  if (!report.changed) return `${fit(nothingChanged(report))}\n`;
  const out = [fit(headline(report))];
  for (const r of report.renamed) out.push(fit(`renamed ${r.from} → ${r.to}`));
  const rows: Cell[][] = [];
  const add = (persona: string, changes: readonly ChangeRow[]) => {
    for (const c of changes)
      rows.push([
        { text: persona },
        { text: c.change, color: TONES[c.tone] },
        { text: c.item },
        { text: c.detail },
      ]);
  };
  for (const p of report.personas) add(p.id, [...personaRows(p), ...findingRows(p.findings)]);
  add("(workspace)", findingRows(report.workspace.findings));
  if (rows.length > 0) {
    const columns: Column[] = [
      { header: "persona", wrap: true },
      { header: "change" },
      { header: "item", wrap: true },
      { header: "detail", prose: true },
    ];
    const table = await renderTable(columns, rows, {
      width: style.width,
      chalk: chalkFor(style),
    });
    out.push(table.replace(/\n$/, ""));
  }
  out.push(fit(summaryLine(report)));
  return `${out.join("\n")}\n`;
}
