import { Chalk, type ChalkInstance } from "chalk";
import { UsageError } from "../errors.js";
import { type Io, outputStyle } from "../io/io.js";
import { emit } from "../io/output.js";
import { spanOfOrigin, spanToRange } from "../model/position.js";
import type { SourceFile } from "../model/source.js";
import type { Origin } from "../model/types.js";
import type { Workspace } from "../model/workspace.js";
import { type CsvValue, toCsv } from "../report/csv.js";
import { type Cell, type Column, renderTable } from "../report/table.js";
import { readForDisplay, requireKnown, vocabulary } from "./read.js";
import {
  type CoverageRow,
  coverageRows,
  type Locate,
  type SurveyRow,
  surveyRows,
  type TouchpointRow,
  touchpointRows,
} from "../views/plan.js";

export interface ViewOptions {
  format: string;
  config?: string;
  output?: string;
  persona: string[];
  journey: string[];
  stage?: string[];
  channel?: string[];
  unsurveyed?: boolean;
  open?: boolean;
}

const FORMATS = ["table", "json", "csv"];

/** What every view reads: the workspaces of the paths, as one model, and how to locate a node. */
interface Loaded {
  workspace: Workspace;
  locate: Locate;
}

function load(paths: string[], options: ViewOptions, io: Io): Loaded {
  if (!FORMATS.includes(options.format)) {
    throw new UsageError(`unknown format "${options.format}": use ${FORMATS.join(", ")}`);
  }
  const workspace: Workspace = { personas: [], journeys: [], events: [], surveys: [] };
  const files = new Map<string, SourceFile>();
  for (const read of readForDisplay(io, paths, options.config)) {
    for (const file of read.files) files.set(file.path, file);
    for (const key of ["personas", "journeys", "events", "surveys"] as const) {
      (workspace[key] as unknown[]).push(...read.workspace[key]);
    }
  }
  const locateOrigin = (origin: Origin) => {
    const file = files.get(origin.file);
    const span = file && spanOfOrigin(file, origin);
    return { file: origin.file, line: file && span ? spanToRange(file, span).line : 1 };
  };
  return { workspace, locate: locateOrigin };
}

/**
 * Keeps the rows matching every filter given (several values of one filter: any of them). A value
 * that names nothing in these maps is a mistake, not an empty result: exit 2, with a suggestion.
 */
function filter<Row>(
  rows: Row[],
  filters: [
    name: string,
    values: readonly string[] | undefined,
    known: Iterable<string>,
    of: (row: Row) => readonly (string | null)[],
  ][],
): Row[] {
  let kept = rows;
  for (const [name, values, known, of] of filters) {
    if (!values || values.length === 0) continue;
    requireKnown(name, values, known);
    kept = kept.filter((row) => of(row).some((v) => v !== null && values.includes(v)));
  }
  return kept;
}

function output(io: Io, options: ViewOptions, text: string): number {
  emit(io, text, options.output);
  return 0;
}

const dim = (c: ChalkInstance, s: string) => c.dim(s);

/** Satisfaction at a glance: five dots filled to the score, then the score; coloured by level. */
function satisfactionCell(value: number | null): Cell {
  if (value === null) return { text: "–", color: dim };
  const filled = Math.max(0, Math.min(5, Math.round(value)));
  const text = `${"●".repeat(filled)}${"○".repeat(5 - filled)} ${value}`;
  const color = value <= 2 ? "red" : value === 3 ? "yellow" : "green";
  return { text, color: (c, s) => c[color](s) };
}

const KEY_MARK = "★";

/** `journey touchpoints`: one row per event, with the surveys listening to it. */
export async function touchpoints(paths: string[], options: ViewOptions, io: Io): Promise<number> {
  const { workspace, locate } = load(paths, options, io);
  const known = vocabulary(workspace);
  let rows = filter(touchpointRows(workspace, locate), [
    ["persona", options.persona, known.personas, (r) => [r.persona]],
    ["journey", options.journey, known.journeys, (r) => [r.journey]],
    ["stage", options.stage, known.stages, (r) => [r.stage]],
    ["channel", options.channel, known.channels, (r) => [r.channel]],
  ]);
  if (options.unsurveyed) rows = rows.filter((r) => r.surveys.length === 0);
  if (options.format === "json") return output(io, options, json(rows));
  if (options.format === "csv") return output(io, options, csv(rows, TOUCHPOINT_FIELDS));
  const keyMoments = keyMomentsOf(workspace);
  const columns: Column[] = [
    { header: "persona" },
    { header: "journey", wrap: true },
    { header: "stage", wrap: true },
    { header: "event", wrap: true },
    { header: "channel" },
    { header: "satisfaction" },
    { header: "surveys listening", wrap: true },
  ];
  const cells = rows.map((r): Cell[] => [
    { text: r.persona ?? "–" },
    { text: r.journey },
    stageCell(r.stage, keyMoments.get(`${r.journey}/${r.stage}`)),
    { text: r.event },
    { text: r.channel ?? "–" },
    satisfactionCell(r.satisfaction),
    r.surveys.length > 0
      ? { text: r.surveys.join(", ") }
      : { text: "none", color: (c, s) => c.red.bold(s) },
  ]);
  const unheard = rows.filter((r) => r.surveys.length === 0).length;
  const summary = `${count(rows.length, "touchpoint")}, ${unheard} not listened to by any survey`;
  return output(
    io,
    options,
    await tableWithNotes(columns, cells, [summary, legend(cells)], io, options),
  );
}

/** `journey surveys`: the survey plan, one row per survey. */
export async function surveys(paths: string[], options: ViewOptions, io: Io): Promise<number> {
  const { workspace, locate } = load(paths, options, io);
  const known = vocabulary(workspace);
  const rows = filter(surveyRows(workspace, locate), [
    ["persona", options.persona, known.personas, (r) => [r.persona]],
    ["journey", options.journey, known.journeys, (r) => [r.journey]],
    ["stage", options.stage, known.stages, (r) => [r.stage]],
    ["channel", options.channel, known.channels, (r) => [r.channel]],
  ]);
  if (options.format === "json") return output(io, options, json(rows));
  if (options.format === "csv") return output(io, options, csv(rows, SURVEY_FIELDS));
  const columns: Column[] = [
    { header: "survey", wrap: true },
    { header: "persona" },
    { header: "journey", wrap: true },
    { header: "stage", wrap: true },
    { header: "event", wrap: true },
    { header: "channel" },
    { header: "subject", wrap: true },
    { header: "indicators" },
    { header: "recurrence", wrap: true },
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
  return output(io, options, await tableWithNotes(columns, cells, [summary], io, options));
}

/** `journey coverage`: for each stage, surveyed (by which surveys), waived (why) or open. */
export async function coverage(paths: string[], options: ViewOptions, io: Io): Promise<number> {
  const { workspace, locate } = load(paths, options, io);
  const known = vocabulary(workspace);
  let rows = filter(coverageRows(workspace, locate), [
    ["persona", options.persona, known.personas, (r) => [r.persona]],
    ["journey", options.journey, known.journeys, (r) => [r.journey]],
  ]);
  if (options.open) rows = rows.filter((r) => r.status === "open");
  if (options.format === "json") return output(io, options, json(rows));
  if (options.format === "csv") return output(io, options, csv(rows, COVERAGE_FIELDS));
  const columns: Column[] = [
    { header: "persona" },
    { header: "journey", wrap: true },
    { header: "stage", wrap: true },
    { header: "key moment" },
    { header: "status" },
    { header: "surveys, or why not", wrap: true },
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
  return output(
    io,
    options,
    await tableWithNotes(columns, cells, [summary, legend(cells)], io, options),
  );
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

function keyMomentsOf(workspace: Workspace): Map<string, string> {
  const moments = new Map<string, string>();
  for (const journey of workspace.journeys) {
    for (const stage of journey.stages) {
      const moment = stage.data.keyMoment;
      if (typeof moment === "string") moments.set(`${journey.id}/${stage.id}`, moment);
    }
  }
  return moments;
}

function legend(cells: readonly (readonly Cell[])[]): string {
  return cells.some((row) => row.some((cell) => cell.text.endsWith(KEY_MARK)))
    ? `${KEY_MARK} key moment`
    : "";
}

async function tableWithNotes(
  columns: Column[],
  cells: Cell[][],
  notes: string[],
  io: Io,
  options: ViewOptions,
): Promise<string> {
  const { colorLevel, width } = outputStyle(io, options.output);
  const chalk = new Chalk({ level: colorLevel });
  const table = cells.length > 0 ? await renderTable(columns, cells, { width, chalk }) : "";
  return `${table}${notes.filter((n) => n !== "").join("\n")}\n`;
}

const count = (n: number, noun: string) => `${n} ${n === 1 ? noun : `${noun}s`}`;

const json = (rows: readonly object[]) => `${JSON.stringify(rows, null, 2)}\n`;

const TOUCHPOINT_FIELDS = [
  "persona",
  "journey",
  "stage",
  "event",
  "channel",
  "satisfaction",
  "surveys",
  "file",
  "line",
] as const satisfies readonly (keyof TouchpointRow)[];

const SURVEY_FIELDS = [
  "id",
  "persona",
  "journey",
  "stage",
  "event",
  "channel",
  "subject",
  "indicators",
  "recurrence",
  "questions",
  "file",
  "line",
] as const satisfies readonly (keyof SurveyRow)[];

const COVERAGE_FIELDS = [
  "persona",
  "journey",
  "stage",
  "name",
  "keyMoment",
  "status",
  "surveys",
  "reason",
  "file",
  "line",
] as const satisfies readonly (keyof CoverageRow)[];

/** The rows as CSV, with the JSON field names as header, in the same order. */
function csv<Row>(rows: readonly Row[], fields: readonly (keyof Row & string)[]): string {
  return toCsv(
    fields,
    rows.map((row) => fields.map((f) => row[f] as CsvValue)),
  );
}
