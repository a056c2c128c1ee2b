import { outputStyle } from "../io/io.js";
import { emit } from "../io/output.js";
import { formatterOf } from "../report/registry.js";
import { VIEW_FORMATS } from "../report/views/index.js";
import { filterRows, vocabulary } from "../views/filter.js";
import { coverageRows } from "../views/plan.js";
import { defineCommand, flagOption, pathsArgument } from "./command.js";
import { readAsOne, viewOptions } from "./read.js";

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
    const { workspace, locate } = readAsOne(io, paths, options.config);
    const known = vocabulary(workspace);
    let rows = filterRows(coverageRows(workspace, locate), [
      ["persona", options.persona, known.personas, (r) => [r.persona]],
      ["journey", options.journey, known.journeys, (r) => [r.journey]],
    ]);
    if (options.open) rows = rows.filter((r) => r.status === "open");
    const format = await formatterOf(VIEW_FORMATS, options.format);
    emit(
      io,
      await format({ view: "coverage", rows }, outputStyle(io, options.output)),
      options.output,
    );
    return 0;
  },
});
