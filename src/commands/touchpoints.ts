import { outputStyle } from "../io/io.js";
import { emit } from "../io/output.js";
import { formatterOf } from "../report/registry.js";
import { VIEW_FORMATS } from "../report/views/index.js";
import { filterRows, vocabulary } from "../views/filter.js";
import { touchpointRows } from "../views/plan.js";
import type { Workspace } from "../model/workspace.js";
import { defineCommand, flagOption, listOption, pathsArgument } from "./command.js";
import { readAsOne, viewOptions } from "./read.js";

/** `journey touchpoints`: one row per event, with the surveys listening to it. */
export default defineCommand({
  name: "touchpoints",
  description:
    "one row per touchpoint (event): persona, journey, stage, channel, satisfaction, the surveys listening to it",
  arguments: [pathsArgument],
  options: {
    ...viewOptions,
    stage: listOption("--stage <id>", "only this stage (repeatable)"),
    channel: listOption("--channel <id>", "only this channel (repeatable)"),
    unsurveyed: flagOption("--unsurveyed", "only the touchpoints no survey listens to"),
  },
  examples: [
    ["journey touchpoints --unsurveyed", "the touchpoints no survey listens to"],
    ["journey touchpoints", "every touchpoint of the workspace"],
    ["journey touchpoints --persona julie --channel web"],
    ["journey touchpoints --format csv > touchpoints.csv"],
  ],
  async run([paths]: [string[]], options, io) {
    const { workspace, locate } = readAsOne(io, paths, options.config);
    const known = vocabulary(workspace);
    let rows = filterRows(touchpointRows(workspace, locate), [
      ["persona", options.persona, known.personas, (r) => [r.persona]],
      ["journey", options.journey, known.journeys, (r) => [r.journey]],
      ["stage", options.stage, known.stages, (r) => [r.stage]],
      ["channel", options.channel, known.channels, (r) => [r.channel]],
    ]);
    if (options.unsurveyed) rows = rows.filter((r) => r.surveys.length === 0);
    const format = await formatterOf(VIEW_FORMATS, options.format);
    const data = { view: "touchpoints" as const, rows, keyMoments: keyMomentsOf(workspace) };
    emit(io, await format(data, outputStyle(io, options.output)), options.output);
    return 0;
  },
});

/** The key moment of each `journey/stage` that is one. */
function keyMomentsOf(workspace: Workspace): Map<string, string> {
  const moments = new Map<string, string>();
  for (const journey of workspace.journeys) {
    for (const stage of journey.stages) {
      if (stage.keyMoment !== null) moments.set(`${journey.id}/${stage.id}`, stage.keyMoment);
    }
  }
  return moments;
}
