import { outputStyle } from "../io/io.js";
import { emit } from "../io/output.js";
import { formatterOf } from "../report/registry.js";
import { VIEW_FORMATS } from "../report/views/index.js";
import { filterRows, vocabulary } from "../views/filter.js";
import { surveyRows } from "../views/plan.js";
import { defineCommand, listOption, pathsArgument } from "./command.js";
import { readAsOne, viewOptions } from "./read.js";

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
    const { workspace, locate } = readAsOne(io, paths, options.config);
    const known = vocabulary(workspace);
    const rows = filterRows(surveyRows(workspace, locate), [
      ["persona", options.persona, known.personas, (r) => [r.persona]],
      ["journey", options.journey, known.journeys, (r) => [r.journey]],
      ["stage", options.stage, known.stages, (r) => [r.stage]],
      ["channel", options.channel, known.channels, (r) => [r.channel]],
    ]);
    const format = await formatterOf(VIEW_FORMATS, options.format);
    emit(
      io,
      await format({ view: "surveys", rows }, outputStyle(io, options.output)),
      options.output,
    );
    return 0;
  },
});
