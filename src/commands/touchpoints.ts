import { filterRows } from "../views/filter.js";
import { keyMoments, touchpointRows } from "../views/plan.js";
import { defineCommand, flagOption, listOption, pathsArgument } from "./command.js";
import { filtersOf, printView, readAsOne, viewOptions } from "./read.js";

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
    const read = readAsOne(io, paths, options.config);
    const { workspace, whole, locate } = read;
    let rows = filterRows(touchpointRows(workspace, locate), filtersOf(whole, options));
    if (options.unsurveyed) rows = rows.filter((r) => r.surveys.length === 0);
    const data = { view: "touchpoints" as const, rows, keyMoments: keyMoments(workspace) };
    return printView(io, options, data, read);
  },
});
