import { filterRows } from "../views/filter.js";
import { coverageRows } from "../views/plan.js";
import { defineCommand, flagOption, listOption, pathsArgument } from "./command.js";
import { filtersOf, printView, readAsOne, viewOptions } from "./read.js";

/** `journey coverage`: for each stage, surveyed (by which surveys), waived (why) or open. */
export default defineCommand({
  name: "coverage",
  description:
    "stage coverage per journey: surveyed (by which surveys), waived (the noSurvey reason) or open",
  arguments: [pathsArgument],
  options: {
    ...viewOptions,
    stage: listOption("--stage <id>", "only this stage (repeatable)"),
    open: flagOption("--open", "only the stages with neither a survey nor a noSurvey reason"),
  },
  examples: [
    ["journey coverage", "which stages are surveyed, waived or open"],
    ["journey coverage --open", "the stages still to decide"],
    ["journey coverage --stage delivery", "how each journey's delivery stage is covered"],
    ["journey coverage --journey julie-online --format json"],
  ],
  async run([paths]: [string[]], options, io) {
    const read = readAsOne(io, paths, options.config);
    const { workspace, whole, locate } = read;
    let rows = filterRows(coverageRows(workspace, locate), filtersOf(whole, options));
    if (options.open) rows = rows.filter((r) => r.status === "open");
    return printView(io, options, { view: "coverage", rows }, read);
  },
});
