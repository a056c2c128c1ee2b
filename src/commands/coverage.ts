import { filterRows } from "../views/filter.js";
import { coverageRows } from "../views/plan.js";
import { defineCommand, flagOption, pathsArgument } from "./command.js";
import { filtersOf, printView, readAsOne, viewOptions } from "./read.js";

/** `journey coverage`: for each stage, surveyed (by which surveys), waived (why) or open. */
export default defineCommand({
  name: "coverage",
  description:
    "stage coverage per journey: surveyed (by which surveys), waived (the noSurvey reason) or open",
  arguments: [pathsArgument],
  options: {
    ...viewOptions,
    open: flagOption("--open", "only the stages with neither a survey nor a noSurvey reason"),
  },
  examples: [
    ["journey coverage", "which stages are surveyed, waived or open"],
    ["journey coverage --open", "the stages still to decide"],
    ["journey coverage --journey julie-online --format json"],
  ],
  async run([paths]: [string[]], options, io) {
    const { workspace, locate, inputs } = readAsOne(io, paths, options.config);
    let rows = filterRows(coverageRows(workspace, locate), filtersOf(workspace, options));
    if (options.open) rows = rows.filter((r) => r.status === "open");
    return printView(io, options, { view: "coverage", rows }, inputs);
  },
});
