import type { Io } from "../io/io.js";
import { loadWorkspaces } from "../io/workspaces.js";
import { analyse } from "../lint/analyse.js";
import type { Config } from "../lint/config.js";
import { spanOfOrigin, spanToRange } from "../model/position.js";
import type { SourceFile } from "../model/source.js";
import type { Origin } from "../model/types.js";
import type { Workspace } from "../model/workspace.js";
import { outputStyle } from "../io/io.js";
import { emit, inputsOf } from "../io/output.js";
import { formatterOf } from "../report/registry.js";
import { VIEW_FORMATS, type ViewData } from "../report/views/index.js";
import { type Filter, vocabulary } from "../views/filter.js";
import type { Locate } from "../views/plan.js";
import { configOption, formatOption, listOption, textOption } from "./command.js";

/** One workspace of the paths, read and modelled, with the config that governs it. */
export interface ReadWorkspace {
  config: Config;
  files: SourceFile[];
  workspace: Workspace;
}

/**
 * Reads the workspaces of the paths for a command that shows them (views, calendar): maps with
 * errors are shown as far as they can be read, and the number of problems goes to stderr with a
 * hint to run `journey lint`; the exit code is not affected.
 */
export function readForDisplay(
  io: Io,
  paths: readonly string[],
  configFlag: string | undefined,
): ReadWorkspace[] {
  let problems = 0;
  const read = loadWorkspaces(io.cwd, paths, configFlag).map(({ config, files }) => {
    const { workspace, schemaIssues } = analyse(files, config.file);
    problems += schemaIssues.length + files.reduce((n, f) => n + f.issues.length, 0);
    return { config, files, workspace };
  });
  if (problems > 0) {
    io.stderr(
      `journey: ${problems} ${problems === 1 ? "problem" : "problems"} in these maps; what could be read is shown (run journey lint to see them)\n`,
    );
  }
  return read;
}

/**
 * The workspaces of the paths as one model, for the views, how to locate a node, and the files
 * read (which --output may not overwrite).
 */
export function readAsOne(
  io: Io,
  paths: readonly string[],
  configFlag: string | undefined,
): { workspace: Workspace; locate: Locate; inputs: readonly string[] } {
  const workspace: Workspace = { personas: [], journeys: [], events: [], surveys: [] };
  const files = new Map<string, SourceFile>();
  const reads = readForDisplay(io, paths, configFlag);
  for (const read of reads) {
    for (const file of read.files) files.set(file.path, file);
    workspace.personas.push(...read.workspace.personas);
    workspace.journeys.push(...read.workspace.journeys);
    workspace.events.push(...read.workspace.events);
    workspace.surveys.push(...read.workspace.surveys);
  }
  const locate = (origin: Origin) => {
    const file = files.get(origin.file);
    const span = file && spanOfOrigin(file, origin);
    return { file: origin.file, line: file && span ? spanToRange(file, span).line : 1 };
  };
  return { workspace, locate, inputs: inputsOf(reads) };
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

/** Prints a view's rows in the format asked for, to stdout or --output (never onto `inputs`). */
export async function printView(
  io: Io,
  options: { format: keyof typeof VIEW_FORMATS; output: string | undefined },
  data: ViewData,
  inputs: readonly string[],
): Promise<number> {
  const format = await formatterOf(VIEW_FORMATS, options.format);
  emit(io, await format(data, outputStyle(io, options.output)), options.output, inputs);
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
