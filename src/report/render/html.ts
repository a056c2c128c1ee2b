import type { RenderFormatter } from "./index.js";
import { Anchors } from "./html/anchors.js";
import { CSS } from "./html/css.js";
import { findingsTable } from "./html/findings.js";
import { journeySection } from "./html/journey.js";
import { el, esc } from "./html/markup.js";
import { personaSection } from "./html/persona.js";

/**
 * `journey render --format html`: one self-contained page — inline CSS and SVG, no script, no
 * font, image or link outside it — that shows each journey as a grid (stages as columns, lanes of
 * actions, channels, the satisfaction curve, emotions, pain points, evidence and the surveys under
 * what they listen to), each persona's card and survey calendar, and the lint findings as badges
 * on the nodes they are about. Deterministic: the same maps and day give the same bytes.
 */
export const html: RenderFormatter = (data) => {
  const anchors = new Anchors(data);
  const errors = data.findings.filter((f) => f.severity === "error").length;
  const warnings = data.findings.length - errors;
  const title =
    data.journeys.length === 1 && data.journeys[0]
      ? `${data.journeys[0].title ?? data.journeys[0].id} — journey map`
      : "Journey maps";
  const nav = el(
    "nav",
    { "aria-label": "Contents" },
    el(
      "ul",
      {},
      data.journeys.map((j) =>
        el("li", {}, el("a", { href: `#${anchors.of(j)}` }, esc(j.title ?? j.id))),
      ),
      data.personas.map((p) =>
        el("li", {}, el("a", { href: `#${anchors.of(p)}` }, `Persona ${esc(p.name ?? p.id)}`)),
      ),
      el("li", {}, el("a", { href: "#all-findings" }, "Other findings")),
    ),
  );
  const unplaced = anchors.findings.filter((p) => p.node === null);
  const unreadable = data.workspace.unreadable.map((u) => u.path);
  const summary = [
    `${data.journeys.length} ${data.journeys.length === 1 ? "journey" : "journeys"}`,
    `${data.personas.length} ${data.personas.length === 1 ? "persona" : "personas"}`,
    data.findings.length === 0
      ? "no problems found"
      : `${data.findings.length} ${data.findings.length === 1 ? "problem" : "problems"} (${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"})`,
    `as of ${esc(data.today)}`,
  ];
  const body = [
    el(
      "header",
      {},
      el("h1", {}, esc(title)),
      el("p", {}, summary.join(" · ")),
      unreadable.length === 0
        ? ""
        : el(
            "p",
            {},
            el("strong", {}, "Could not be read: "),
            unreadable.map((p) => el("code", {}, esc(p))).join(", "),
            " — what they hold is not drawn; run journey lint.",
          ),
      nav,
    ),
    el(
      "main",
      {},
      data.journeys.length === 0 ? el("p", {}, "No journey to draw.") : "",
      data.journeys.map((j) => journeySection(j, data, anchors)),
      data.personas.map((p) => personaSection(p, data, anchors)),
      el(
        "section",
        { id: "all-findings", "aria-labelledby": "all-findings-title" },
        el("h2", { id: "all-findings-title" }, `Other lint findings (${unplaced.length})`),
        el(
          "p",
          {},
          "Each finding about a journey, stage, event, survey or persona is listed with it above, and shown as a badge on it.",
          unplaced.length === 0 ? "" : " These concern nothing drawn on this page:",
        ),
        unplaced.length === 0 ? "" : findingsTable(unplaced, "Other lint findings", () => null),
      ),
    ),
    el(
      "footer",
      {},
      `Drawn by ${esc(data.tool.name)} ${esc(data.tool.version)} from the maps as of ${esc(data.today)}.`,
    ),
  ];
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(`${data.tool.name} ${data.tool.version}`)}">`,
    `<title>${shortTitle(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    el("body", {}, body),
    "</html>",
    "",
  ].join("\n");
};

/** The title, escaped, in at most 70 characters as written (html-validate's long-title limit). */
function shortTitle(title: string): string {
  if (esc(title).length <= 70) return esc(title);
  let out = "";
  for (const c of title) {
    if (esc(out + c).length > 69) break;
    out += c;
  }
  return `${esc(out)}…`;
}
