import { UsageError } from "../errors.js";
import { loadConfig } from "../io/config.js";
import { ruleDoc } from "../io/shipped.js";
import { outputStyle } from "../io/io.js";
import { activeRules, parseRuleFlag } from "../lint/config.js";
import { formatterOf } from "../report/registry.js";
import { RULES_FORMATS, type RuleRow } from "../report/rules/index.js";
import { rulePage } from "../report/rules/page.js";
import { didYouMean } from "../validate/suggest.js";
import { configOption, defineCommand, formatOption, listOption } from "./command.js";

/**
 * `journey rules`: every rule with its default and configured severity and description;
 * `journey rules <id>`: that rule's page, from the docs shipped with journey (offline, from any
 * workspace, like `ruff rule`).
 */
export default defineCommand({
  name: "rules",
  description:
    "list every rule (id, default and configured severity, description), or print one rule's page",
  arguments: [{ name: "[id]", description: "a rule id: print its documentation" }],
  options: {
    format: formatOption(RULES_FORMATS, "table"),
    config: configOption(),
    rule: listOption("--rule <id=severity>", "show the effect of a severity flag (repeatable)"),
  },
  examples: [
    ["journey rules", "list the rules and their severities"],
    ["journey rules stale-map", "what stale-map checks, why, examples and options"],
    ["journey rules --format json"],
  ],
  async run([id]: [string | undefined], options, io, context) {
    const registry = await context.rules();
    if (id !== undefined) {
      const rule = registry.find((r) => r.id === id);
      if (!rule) {
        const ids = registry.map((r) => r.id);
        const hint = didYouMean(id, ids) || "; journey rules lists them";
        throw new UsageError(`unknown rule "${id}"${hint}`);
      }
      const page = ruleDoc(rule.id);
      io.stdout(page === null ? `${rule.id}: ${rule.description}\n` : rulePage(page));
      return 0;
    }
    const { config } = loadConfig(io.cwd, io.cwd, options.config);
    const active = activeRules(registry, config, options.rule.map(parseRuleFlag));
    const rows = active.map(({ rule, severity }): RuleRow => ({
      id: rule.id,
      defaultSeverity: rule.defaultSeverity,
      severity,
      fixed: rule.fixed === true,
      description: rule.description,
      docs: `journey rules ${rule.id}`,
    }));
    const format = await formatterOf(RULES_FORMATS, options.format);
    io.stdout(await format(rows, outputStyle(io)));
    return 0;
  },
});
