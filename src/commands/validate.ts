import { defineCommand, pathsArgument } from "./command.js";
import { lintCommand, lintOptions } from "./lint.js";

// The structural rules are always on, at error: severities, --quiet and --max-warnings would
// change nothing, so validate does not offer them.
const { format, config, output } = lintOptions;

export default defineCommand({
  name: "validate",
  description:
    "check schemas and references only (rules syntax, schema, duplicate-id, unknown-reference)",
  arguments: [pathsArgument],
  options: { format, config, output },
  examples: [
    ["journey validate", "check schemas and references only"],
    ["journey validate personas/julie.yaml", "check one file"],
  ],
  async run([paths]: [string[]], options, io, context) {
    const structural = (await context.rules()).filter((rule) => rule.fixed);
    const all = { ...options, rule: [], maxWarnings: undefined, quiet: false };
    return lintCommand(paths, all, io, structural);
  },
});
