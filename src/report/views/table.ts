import type { ChalkInstance } from "chalk";
import { satisfactionDots } from "../satisfaction.js";
import type { CoverageRow, SurveyRow, TouchpointRow } from "../../views/plan.js";
import { chalkFor, type Style } from "../style.js";
import { type Cell, type Column, renderTable } from "../table.js";
import type { ViewData } from "./index.js";

/** A view as a table fitted to the terminal, with a summary line and its legend. */
export function viewTable(data: ViewData, style: Style): Promise<string> {
  if (data.view === "touchpoints") return touchpointsTable(data.rows, data.keyMoments, style);
  if (data.view === "surveys") return surveysTable(data.rows, style);
  return coverageTable(data.rows, style);
}

const dim = (c: ChalkInstance, s: string) => c.dim(s);

/** Satisfaction at a glance: five dots filled to the score, then the score; coloured by level. */
function satisfactionCell(value: number | null): Cell {
  if (value === null) return { text: "–", color: dim };
  const text = satisfactionDots(value);
  const color = value <= 2 ? "red" : value === 3 ? "yellow" : "green";
  return { text, color: (c, s) => c[color](s) };
}

const KEY_MARK = "★";

function touchpointsTable(
  rows: readonly TouchpointRow[],
  keyMoments: ReadonlyMap<string, string>,
  style: Style,
): Promise<string> {
  const columns: Column[] = [
    { header: "persona" },
    { header: "journey", wrap: true },
    { header: "stage", wrap: true },
    { header: "event", wrap: true },
    { header: "channel" },
    { header: "satisfaction" },
    { header: "surveys listening", prose: true },
  ];
  const momentOf = (r: TouchpointRow) => keyMoments.get(`${r.journey}/${r.stage}`);
  const cells = rows.map((r): Cell[] => [
    { text: r.persona ?? "–" },
    { text: r.journey },
    stageCell(r.stage, momentOf(r)),
    { text: r.event },
    { text: r.channel ?? "–" },
    satisfactionCell(r.satisfaction),
    r.surveys.length > 0
      ? { text: r.surveys.join(", ") }
      : { text: "none", color: (c, s) => c.red.bold(s) },
  ]);
  const unheard = rows.filter((r) => r.surveys.length === 0).length;
  const summary = `${count(rows.length, "touchpoint")}, ${unheard} not listened to by any survey`;
  return tableWithNotes(columns, cells, [summary, legend(rows.some(momentOf))], style);
}

function surveysTable(rows: readonly SurveyRow[], style: Style): Promise<string> {
  const columns: Column[] = [
    { header: "survey", wrap: true },
    { header: "persona" },
    { header: "journey", wrap: true },
    { header: "stage", wrap: true },
    { header: "event", wrap: true },
    { header: "channel" },
    { header: "subject", prose: true },
    { header: "indicators" },
    { header: "recurrence", prose: true },
    { header: "questions", align: "right" },
  ];
  const cells = rows.map((r): Cell[] => [
    { text: r.id },
    { text: r.persona ?? "–" },
    { text: r.journey },
    r.stage === null ? { text: "(journey-wide)", color: dim } : { text: r.stage },
    { text: r.event ?? "–", color: r.event === null ? dim : undefined },
    { text: r.channel ?? "–" },
    { text: r.subject ?? "–" },
    { text: r.indicators.join(", ") },
    { text: r.recurrence },
    { text: String(r.questions) },
  ]);
  const personas = new Set(rows.map((r) => r.persona));
  const summary = `${count(rows.length, "survey")} reaching ${count(personas.size, "persona")}`;
  return tableWithNotes(columns, cells, [summary], style);
}

function coverageTable(rows: readonly CoverageRow[], style: Style): Promise<string> {
  const columns: Column[] = [
    { header: "persona" },
    { header: "journey", wrap: true },
    { header: "stage", wrap: true },
    { header: "key moment" },
    { header: "status" },
    { header: "surveys, or why not", prose: true },
  ];
  const cells = rows.map((r): Cell[] => [
    { text: r.persona ?? "–" },
    { text: r.journey },
    stageCell(r.stage, r.keyMoment ?? undefined),
    { text: r.keyMoment ?? "", color: (c, s) => c.yellow(s) },
    statusCell(r),
    r.status === "surveyed"
      ? { text: r.surveys.join(", ") }
      : r.status === "waived"
        ? { text: r.reason ?? "", color: dim }
        : { text: "no survey and no noSurvey reason", color: (c, s) => c.red(s) },
  ]);
  const tally = (status: string) => rows.filter((r) => r.status === status).length;
  const summary = `${count(rows.length, "stage")}: ${tally("surveyed")} surveyed, ${tally("waived")} waived, ${tally("open")} open`;
  return tableWithNotes(columns, cells, [summary, legend(rows.some((r) => r.keyMoment))], style);
}

function statusCell(row: CoverageRow): Cell {
  if (row.status === "surveyed") return { text: "surveyed", color: (c, s) => c.green(s) };
  if (row.status === "waived") return { text: "waived", color: dim };
  return { text: "open", color: (c, s) => c.red.bold(s) };
}

/** A stage, marked ★ (and in yellow) when it is a key moment. */
function stageCell(stage: string, keyMoment: string | undefined): Cell {
  return keyMoment
    ? { text: `${stage} ${KEY_MARK}`, color: (c, s) => c.yellow.bold(s) }
    : { text: stage };
}

/** The legend of the ★ mark, when a row has it. */
function legend(marked: boolean): string {
  return marked ? `${KEY_MARK} key moment` : "";
}

async function tableWithNotes(
  columns: Column[],
  cells: Cell[][],
  notes: string[],
  style: Style,
): Promise<string> {
  const chalk = chalkFor(style);
  const table =
    cells.length > 0 ? await renderTable(columns, cells, { width: style.width, chalk }) : "";
  return `${table}${notes.filter((n) => n !== "").join("\n")}\n`;
}

const count = (n: number, noun: string) => `${n} ${n === 1 ? noun : `${noun}s`}`;
