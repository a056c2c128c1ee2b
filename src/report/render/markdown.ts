import type { Finding } from "../../lint/finding.js";
import { satisfactionDots } from "../satisfaction.js";
import type { JourneyNode } from "../../model/types.js";
import { dateOf } from "../../survey/civil.js";
import type { PersonaPressure } from "../../survey/pressure.js";
import { amountOf } from "../../survey/words.js";
import { coverageRows, surveyRows, touchpointRows } from "../../views/plan.js";
import type { RenderData, RenderFormatter } from "./index.js";
import { mermaidOf } from "./mermaid.js";
import { pushAll } from "../../util/arrays.js";

/**
 * `journey render --format markdown`: a report a reviewer reads on GitHub. Per journey, its
 * Mermaid diagram in a fenced block, its touchpoints with the surveys listening to them, its stage
 * coverage, its survey plan, its persona's contact pressure and its lint findings; then the
 * contact pressure of every persona and the findings that belong to no journey drawn. Tables are
 * GitHub Flavored Markdown; every cell is escaped, so no text can add a column or a row.
 */
export const markdown: RenderFormatter = (data) => {
  const out: string[] = [];
  const journeys = data.journeys;
  const errors = data.findings.filter((f) => f.severity === "error").length;
  const warnings = data.findings.length - errors;
  out.push(
    "# Journey maps",
    "",
    `${plural(journeys.length, "journey")}, ${plural(data.personas.length, "persona")}; ${findingsCount(errors, warnings)}. Written by ${data.tool.name} ${data.tool.version} on ${data.today}.`,
    "",
  );
  if (journeys.length > 0) {
    pushAll(out, [...journeys.map((j) => `- [${text(j.title ?? j.id)}](#${anchorOf(j)})`), ""]);
  }
  const placed = new Set<Finding>();
  for (const journey of journeys) {
    const own = findingsOf(journey, data);
    for (const f of own) placed.add(f);
    pushAll(out, journeySection(journey, data, own));
  }
  pushAll(out, pressureSection(data.calendar.personas, data));
  const others = data.findings.filter((f) => !placed.has(f));
  if (others.length > 0) {
    out.push(
      "## Other findings",
      "",
      "The findings of the files named that are about no journey drawn here (personas, other documents).",
      "",
    );
    pushAll(out, [
      ...table(
        ["severity", "where", "rule", "message"],
        others.map((f) => [f.severity, `${f.file}:${f.line}:${f.column}`, f.rule, f.message]),
      ),
      "",
    ]);
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
};

/** The heading's anchor as GitHub makes it: lowercase, punctuation dropped, spaces as hyphens. */
function anchorOf(journey: JourneyNode): string {
  return headingOf(journey)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, "")
    .replace(/ /g, "-");
}

const headingOf = (journey: JourneyNode) =>
  journey.title === null ? journey.id : `${journey.title} (${journey.id})`;

function journeySection(journey: JourneyNode, data: RenderData, findings: Finding[]): string[] {
  const { file, line } = data.locate(journey.origin);
  const sameJourney = (row: { journey: string; file: string }) =>
    row.journey === journey.id && row.file === file;
  const out: string[] = [`## ${text(headingOf(journey))}`, ""];
  const persona = journey.persona?.value ?? null;
  const personaNode = persona === null ? undefined : data.personas.find((p) => p.id === persona);
  const facts = [
    `Persona: ${persona === null ? "none" : `${text(personaNode?.name ?? persona)} (\`${persona}\`)`}`,
    `file: \`${file}\` line ${line}`,
    ...(journey.reviewed ? [`reviewed ${text(journey.reviewed.text)}`] : []),
    ...(journey.frequency ? [`frequency: ${text(amountOf(journey.frequency))}`] : []),
  ];
  out.push(`${facts.join(" · ")}`, "");
  out.push("```mermaid", mermaidOf(journey, data).replace(/\n+$/, ""), "```", "");

  const moments = new Map(journey.stages.map((s) => [s.id, s.keyMoment]));
  const stageCell = (stage: string | null) =>
    stage === null ? "(journey-wide)" : moments.get(stage) ? `${stage} ★` : stage;

  out.push("### Touchpoints", "");
  const touchpoints = touchpointRows(data.workspace, data.locate).filter(sameJourney);
  pushAll(out, [
    ...table(
      ["stage", "event", "channel", "satisfaction", "surveys listening"],
      touchpoints.map((t) => [
        stageCell(t.stage),
        t.event,
        t.channel ?? "–",
        t.satisfaction === null ? "–" : satisfactionDots(t.satisfaction),
        t.surveys.length === 0 ? strong("none") : t.surveys.join(", "),
      ]),
    ),
    "",
    `${plural(touchpoints.length, "touchpoint")}, ${touchpoints.filter((t) => t.surveys.length === 0).length} not listened to by any survey. ★ key moment`,
    "",
  ]);

  out.push("### Stage coverage", "");
  const coverage = coverageRows(data.workspace, data.locate).filter(sameJourney);
  pushAll(out, [
    ...table(
      ["stage", "key moment", "status", "surveys, or why not"],
      coverage.map((c) => [
        stageCell(c.stage),
        c.keyMoment ?? "",
        c.status === "open" ? strong("open") : c.status,
        c.status === "surveyed" ? c.surveys.join(", ") : (c.reason ?? ""),
      ]),
    ),
    "",
    `${plural(coverage.length, "stage")}: ${coverage.filter((c) => c.status === "surveyed").length} surveyed, ${coverage.filter((c) => c.status === "waived").length} waived, ${coverage.filter((c) => c.status === "open").length} open`,
    "",
  ]);

  out.push("### Survey plan", "");
  const surveys = surveyRows(data.workspace, data.locate).filter(sameJourney);
  if (surveys.length === 0) out.push("No survey listens to this journey.", "");
  else {
    pushAll(out, [
      ...table(
        ["survey", "stage", "event", "channel", "subject", "indicators", "recurrence", "questions"],
        surveys.map((s) => [
          s.id,
          stageCell(s.stage),
          s.event ?? "–",
          s.channel ?? "–",
          s.subject ?? "",
          s.indicators.join(", "),
          s.recurrence,
          String(s.questions),
        ]),
      ),
      "",
    ]);
  }

  out.push("### Contact pressure", "");
  const pressure = data.calendar.personas.filter((p) => p.persona === persona);
  if (pressure.length === 0) out.push("No survey of these maps reaches this persona.", "");
  else pushAll(out, [...pressureTable(pressure), ""]);

  out.push("### Lint", "");
  const errors = findings.filter((f) => f.severity === "error").length;
  if (findings.length === 0) out.push("✔ no problems.", "");
  else {
    pushAll(out, [
      `${findingsCount(errors, findings.length - errors)}:`,
      "",
      ...table(
        ["severity", "where", "rule", "message"],
        findings.map((f) => [f.severity, `${f.line}:${f.column}`, f.rule, f.message]),
      ),
      "",
    ]);
  }
  return out;
}

function pressureSection(personas: readonly PersonaPressure[], data: RenderData): string[] {
  if (personas.length === 0) return [];
  return [
    "## Contact pressure",
    "",
    `The surveys each persona receives from ${data.calendar.from} to ${data.calendar.to}, all its journeys together, against its contact policy.`,
    "",
    ...pressureTable(personas),
    "",
    ...(data.calendar.sends.some(([, s]) => s.estimated)
      ? [
          "Surveys sent after an event are placed as if every journey were passed through from the first day, then once per its frequency: the worst case a customer can meet.",
          "",
        ]
      : []),
    ...data.calendar.unscheduled.map(
      (u) => `- not on the calendar: \`${u.survey}\` (${text(u.persona)}), ${text(u.reason)}`,
    ),
    ...(data.calendar.unscheduled.length > 0 ? [""] : []),
  ];
}

function pressureTable(personas: readonly PersonaPressure[]): string[] {
  return table(
    ["persona", "sends", "first send", "most in a window", "limit", "min gap", "pressure"],
    personas.map((p) => [
      p.persona,
      String(p.sends.length),
      p.sends[0] ? dateOf(p.sends[0].day) : "–",
      p.maxInWindow === null ? "–" : String(p.maxInWindow),
      p.policy?.maxSurveys !== undefined
        ? `${p.policy.maxSurveys} in ${p.policy.window ? amountOf(p.policy.window) : ""}`
        : "–",
      p.policy?.minGap?.text ? amountOf(p.policy.minGap) : "–",
      statusOf(p),
    ]),
  );
}

function statusOf(p: PersonaPressure): Cell {
  const partial = p.unscheduled.length > 0 ? "; not fully assessed (unscheduled surveys)" : "";
  if (!p.policy) return `no contact policy${partial}`;
  if (!p.ok) {
    const what = [
      p.excesses.length > 0 ? "too many in a window" : "",
      p.gaps.length > 0 ? "too close together" : "",
    ].filter(Boolean);
    return { md: `**exceeded**: ${text(`${what.join(", ")}${partial}`)}` };
  }
  return `ok${partial}`;
}

/**
 * The findings of a journey: those of its file about it or its surveys, and every finding of its
 * file when it is the only journey there (a YAML error has no entity).
 */
function findingsOf(journey: JourneyNode, data: RenderData): Finding[] {
  const file = data.locate(journey.origin).file;
  const alone = data.journeys.filter((j) => data.locate(j.origin).file === file).length === 1;
  const mine = new Set([
    `journey:${journey.id}`,
    ...journey.surveys.map((s) => `survey:${s.id}`),
    ...journey.stages.flatMap((st) => st.surveys.map((s) => `survey:${s.id}`)),
  ]);
  return data.findings.filter(
    (f) => f.file === file && (alone || (f.entity !== null && mine.has(f.entity))),
  );
}

/**
 * A GFM table: a header row, a delimiter row and one row per item, each with exactly as many
 * cells as the header, every text escaped.
 */
function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(headers.map((h) => text(h))),
    line(headers.map(() => "---")),
    ...rows.map((row) =>
      line(
        headers.map((_, i) => {
          const value = row[i] ?? "";
          return typeof value === "string" ? text(value) : value.md;
        }),
      ),
    ),
  ];
}

/** A table cell: text (escaped), or Markdown of ours (`**none**`), its own texts escaped already. */
type Cell = string | { md: string };

const strong = (value: string): Cell => ({ md: `**${text(value)}**` });

/**
 * Text as Markdown shows it literally: every character Markdown could read as syntax escaped
 * with a backslash (the backslash first), `|` included so that it cannot end a cell, and line
 * breaks as `<br>` (a cell is one line; elsewhere it is a visible break too).
 */
function text(value: string): string {
  return value
    .replace(/[\\`*_[\]<>|~&$#!]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, "<br>")
    .replace(/^([ \t]*)([-+=]|\d+[.)])(?=\s|$)/, "$1\\$2");
}

/** Text as Markdown shows it literally (`journey diff --format markdown` escapes the same way). */
export const markdownText = text;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const findingsCount = (errors: number, warnings: number) =>
  errors + warnings === 0
    ? "no problems"
    : `${plural(errors + warnings, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`;
