import { chalkFor, type Style } from "../style.js";
import { renderTable } from "../table.js";
import type { RuleRow } from "./index.js";

/** The rules as a table fitted to the terminal. */
export function rulesTable(rows: readonly RuleRow[], style: Style): Promise<string> {
  const columns = [
    { header: "rule" },
    { header: "default" },
    { header: "configured" },
    { header: "description", prose: true },
    { header: "docs", wrap: true },
  ];
  const cells = rows.map((r) => [
    { text: r.id },
    { text: r.defaultSeverity },
    { text: r.fixed ? "error (fixed)" : r.severity },
    { text: r.description },
    { text: r.docs },
  ]);
  return renderTable(columns, cells, { width: style.width, chalk: chalkFor(style) });
}
