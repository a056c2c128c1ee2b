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
  // The structural rules only; the config's and --rule's settings of the others are checked
  // (an unknown id is still an error) but change nothing here.
  async run([paths]: [string[]], options, io, context) {
    return lintCommand(paths, options, io, await context.rules(), (rule) => rule.fixed === true);
  },
});
