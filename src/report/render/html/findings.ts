import type { Placed } from "./anchors.js";
import { dataTable, el, esc } from "./markup.js";

/** The badges of a node's findings, each a link to the finding in the list. */
export function badges(placed: readonly Placed[]): string {
  return placed
    .map(({ finding, anchor }) =>
      el(
        "a",
        {
          class: `badge ${finding.severity}`,
          href: `#${anchor}`,
          title: finding.message,
          "data-rule": finding.rule,
        },
        `${finding.severity === "error" ? "✖" : "⚠"} ${esc(finding.rule)}`,
        el("span", { class: "vh" }, ` (${finding.severity}): ${esc(finding.message)}`),
      ),
    )
    .join(" ");
}

/** The findings as a table: severity, rule, message, where (file:line), and a link to the node. */
export function findingsTable(
  placed: readonly Placed[],
  caption: string,
  nodeAnchor: (p: Placed) => string | null,
): string {
  if (placed.length === 0) return el("p", {}, "No problems found.");
  const rows = placed.map((p) => {
    const target = nodeAnchor(p);
    const { finding } = p;
    return el(
      "tr",
      { id: p.anchor, "data-rule": finding.rule },
      el("td", {}, el("span", { class: `badge ${finding.severity}` }, esc(finding.severity))),
      el("td", {}, el("code", {}, esc(finding.rule))),
      el("td", {}, esc(finding.message)),
      el(
        "td",
        {},
        el("code", {}, `${esc(finding.file)}:${finding.line}:${finding.column}`),
        target === null ? "" : ` ${el("a", { href: `#${target}` }, "on the map")}`,
      ),
    );
  });
  return dataTable("findings", esc(caption), ["severity", "rule", "message", "where"], rows);
}
