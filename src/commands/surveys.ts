import { filterRows } from "../views/filter.js";
import { surveyRows } from "../views/plan.js";
import { defineCommand, listOption, pathsArgument } from "./command.js";
import { filtersOf, printView, readAsOne, viewOptions } from "./read.js";

/** `journey surveys`: the survey plan, one row per survey. */
export default defineCommand({
  name: "surveys",
  description:
    "the survey plan: one row per survey, with its recurrence in words and its questions count",
  arguments: [pathsArgument],
  options: {
    ...viewOptions,
    stage: listOption("--stage <id>", "only the surveys of this stage (repeatable)"),
    channel: listOption("--channel <id>", "only the surveys sent on this channel (repeatable)"),
  },
  examples: [
    ["journey surveys", "the survey plan: what each persona receives"],
    ["journey surveys --persona julie --format json"],
  ],
  async run([paths]: [string[]], options, io) {
    const read = readAsOne(io, paths, options.config);
    const { workspace, whole, locate } = read;
    const rows = filterRows(surveyRows(workspace, locate), filtersOf(whole, options));
    return printView(io, options, { view: "surveys", rows }, read);
  },
});
