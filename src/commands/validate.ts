import { defineCommand, pathsArgument } from "./command.js";
import { lintCommand, lintOptions } from "./lint.js";

export default defineCommand({
  name: "validate",
  description:
    "check schemas and references only (rules syntax, schema, duplicate-id, unknown-reference)",
  arguments: [pathsArgument],
  options: lintOptions,
  examples: [
    ["journey validate", "check schemas and references only"],
    ["journey validate personas/julie.yaml", "check one file"],
  ],
  async run([paths]: [string[]], options, io, context) {
    const structural = (await context.rules()).filter((rule) => rule.fixed);
    return lintCommand(paths, options, io, structural);
  },
});
