import { UsageError } from "../errors.js";
import type { Io } from "../io/io.js";
import { loadWorkspaces } from "../io/workspaces.js";
import { analyse } from "../lint/analyse.js";
import type { Config } from "../lint/config.js";
import type { SourceFile } from "../model/source.js";
import type { Workspace } from "../model/workspace.js";
import { didYouMean } from "../validate/suggest.js";

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
 * A filter value (`--persona juli`) that names nothing in the maps is a mistake, not an empty
 * result: exit 2, with a suggestion.
 */
export function requireKnown(
  name: string,
  values: readonly string[],
  known: Iterable<string>,
): void {
  const set = new Set(known);
  for (const value of values) {
    if (!set.has(value)) {
      throw new UsageError(`no ${name} "${value}" in these maps${didYouMean(value, set)}`);
    }
  }
}

/** Ids the filters may name, from the workspace (personas declared or referred to, channels used). */
export function vocabulary(workspace: Workspace) {
  const personas = new Set(workspace.personas.map((p) => p.id));
  for (const journey of workspace.journeys)
    if (journey.persona) personas.add(journey.persona.value);
  const channels = new Set<string>();
  for (const event of workspace.events) if (event.channel) channels.add(event.channel.value);
  for (const survey of workspace.surveys) if (survey.channel) channels.add(survey.channel.value);
  return {
    personas,
    journeys: workspace.journeys.map((j) => j.id),
    stages: new Set(workspace.journeys.flatMap((j) => j.stages.map((s) => s.id))),
    channels,
  };
}
