import type { AnyCommand } from "./command.js";

/**
 * Every command, in the order `journey --help` lists them, each loaded only when it runs (or when
 * the help lists them all). Adding a command: one module beside this one, one line here.
 */
export type CommandRegistry = Readonly<Record<string, () => Promise<{ default: AnyCommand }>>>;

export const COMMANDS: CommandRegistry = {
  lint: () => import("./lint.js"),
  validate: () => import("./validate.js"),
  touchpoints: () => import("./touchpoints.js"),
  surveys: () => import("./surveys.js"),
  coverage: () => import("./coverage.js"),
  calendar: () => import("./calendar.js"),
  render: () => import("./render.js"),
  diff: () => import("./diff.js"),
  import: () => import("./import.js"),
  rules: () => import("./rules.js"),
  schema: () => import("./schema.js"),
  init: () => import("./init.js"),
};
