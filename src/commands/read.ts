import type { Io } from "../io/io.js";
import { loadWorkspaces } from "../io/workspaces.js";
import { analyse } from "../lint/analyse.js";
import type { Config } from "../lint/config.js";
import { spanOfOrigin, spanToRange } from "../model/position.js";
import type { SourceFile } from "../model/source.js";
import type { Origin } from "../model/types.js";
import { type Scope, scopeOf, scoped } from "../model/scope.js";
import type { Workspace } from "../model/workspace.js";
import { outputStyle } from "../io/io.js";
import { emit, inputsOf } from "../io/output.js";
import { formatterOf } from "../report/registry.js";
import { pushAll } from "../util/arrays.js";
import { VIEW_FORMATS, type ViewData } from "../report/views/index.js";
import { type Filter, vocabulary } from "../views/filter.js";
import type { Locate } from "../views/plan.js";
import { configOption, formatOption, listOption, textOption } from "./command.js";

/** One workspace of the paths, read and modelled, with the config that governs it. */
export interface ReadWorkspace {
  config: Config;
  files: SourceFile[];
  /** The whole workspace, what rows are judged against. */
  workspace: Workspace;
  /** What the paths named: the rows shown. */
  scope: Scope;
  /** The schema errors of the files named. */
  schemaErrors: number;
}

/**
 * Reads the workspaces of the paths for a command that shows them (views, calendar, render): maps
 * with errors are shown as far as they can be read (`displayNote` says what was left out).
 */
export function readForDisplay(
  io: Io,
  paths: readonly string[],
  configFlag: string | undefined,
): ReadWorkspace[] {
  return loadWorkspaces(io.cwd, paths, configFlag).map(({ config, files, reported }) => {
    const { workspace, schemaIssues } = analyse(files, config.file);
    const schemaErrors = schemaIssues.filter((i) => reported.has(i.file)).length;
    return { config, files, workspace, scope: scopeOf(workspace, reported), schemaErrors };
  });
}

/**
 * The line for stderr when what is shown is not all there is: the files left out (unreadable) and
 * the schema errors of the files shown, with a hint to run `journey lint`. Printed just before the
 * output, once the command is sure to succeed — an invocation error is one line alone.
 */
export function displayNote(reads: readonly ReadWorkspace[]): string | null {
  const leftOut = reads.flatMap((r) => r.workspace.unreadable.map((f) => f.path));
  const schemaErrors = reads.reduce((n, r) => n + r.schemaErrors, 0);
  const problems = [
    ...(leftOut.length > 0 ? [`could not read ${leftOut.join(", ")} (left out)`] : []),
    ...(schemaErrors > 0
      ? [`${schemaErrors} schema ${schemaErrors === 1 ? "error" : "errors"} in the maps shown`]
      : []),
  ];
  return problems.length > 0
    ? `journey: ${problems.join("; ")}: run journey lint to see them\n`
    : null;
}

/**
 * The workspaces of the paths as one model: what the paths named (`workspace`, the rows), the
 * whole of it (`whole`, what filters may name), how to locate a node, and the files read (which
 * --output may not overwrite).
 */
export function readAsOne(
  io: Io,
  paths: readonly string[],
  configFlag: string | undefined,
  reads: readonly ReadWorkspace[] = readForDisplay(io, paths, configFlag),
): {
  workspace: Workspace;
  whole: Workspace;
  locate: Locate;
  inputs: readonly string[];
  note: string | null;
} {
  const workspace = emptyWorkspace();
  const whole = emptyWorkspace();
  const files = new Map<string, SourceFile>();
  for (const read of reads) {
    for (const file of read.files) files.set(file.path, file);
    append(workspace, scoped(read.workspace, read.scope));
    append(whole, read.workspace);
  }
  const locate = (origin: Origin) => {
    const file = files.get(origin.file);
    const span = file && spanOfOrigin(file, origin);
    return { file: origin.file, line: file && span ? spanToRange(file, span).line : 1 };
  };
  return { workspace, whole, locate, inputs: inputsOf(reads), note: displayNote(reads) };
}

const emptyWorkspace = (): Workspace => ({
  personas: [],
  journeys: [],
  events: [],
  surveys: [],
  unreadable: [],
});

function append(to: Workspace, from: Workspace): void {
  pushAll(to.personas, from.personas);
  pushAll(to.journeys, from.journeys);
  pushAll(to.events, from.events);
  pushAll(to.surveys, from.surveys);
  pushAll(to.unreadable, from.unreadable);
}

/** What a view row can be filtered by. */
interface Filterable {
  persona: string | null;
  journey: string;
  stage?: string | null;
  channel?: string | null;
}

/**
 * The filters of a view's options (`--persona`, `--journey`, and `--stage`, `--channel` where the
 * view has them), each checked against what the workspace knows.
 */
export function filtersOf<Row extends Filterable>(
  workspace: Workspace,
  options: { persona: string[]; journey: string[]; stage?: string[]; channel?: string[] },
): Filter<Row>[] {
  const known = vocabulary(workspace);
  return [
    ["persona", options.persona, known.personas, (r) => [r.persona]],
    ["journey", options.journey, known.journeys, (r) => [r.journey]],
    ["stage", options.stage ?? [], known.stages, (r) => [r.stage ?? null]],
    ["channel", options.channel ?? [], known.channels, (r) => [r.channel ?? null]],
  ];
}

/**
 * Prints a view's rows in the format asked for, to stdout or --output (never onto `inputs`), after
 * the note on what was left out, if any.
 */
export async function printView(
  io: Io,
  options: { format: keyof typeof VIEW_FORMATS; output: string | undefined },
  data: ViewData,
  read: { inputs: readonly string[]; note: string | null },
): Promise<number> {
  const format = await formatterOf(VIEW_FORMATS, options.format);
  if (read.note !== null) io.stderr(read.note);
  emit(io, await format(data, outputStyle(io, options.output)), options.output, read.inputs);
  return 0;
}

/** The options of the three views. */
export const viewOptions = {
  format: formatOption(VIEW_FORMATS, "table"),
  config: configOption(),
  persona: listOption("--persona <id>", "only this persona (repeatable)"),
  journey: listOption("--journey <id>", "only this journey (repeatable)"),
  output: textOption("-o, --output <file>", "write to a file instead of stdout"),
};
