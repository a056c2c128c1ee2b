import { UsageError } from "../errors.js";
import { loadConfig } from "../io/config.js";
import type { Io } from "../io/io.js";
import { activeRules, parseRuleFlag } from "../lint/config.js";
import { type AnyRule, docsPath } from "../lint/rule.js";

export interface RulesOptions {
  format: string;
  config?: string;
  rule: string[];
}

/** `journey rules`: every rule with its default and configured severity, description and docs. */
export async function rules(
  options: RulesOptions,
  io: Io,
  registry: readonly AnyRule[],
): Promise<number> {
  const { config } = loadConfig(io.cwd, io.cwd, options.config);
  const active = activeRules(registry, config, options.rule.map(parseRuleFlag));
  const rows = active.map(({ rule, severity }) => ({
    id: rule.id,
    defaultSeverity: rule.defaultSeverity,
    severity,
    fixed: rule.fixed === true,
    description: rule.description,
    docs: docsPath(rule.id),
  }));
  if (options.format === "json") {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (options.format !== "table")
    throw new UsageError(`unknown format "${options.format}": use table, json`);
  const { default: Table } = await import("cli-table3");
  const { Chalk } = await import("chalk");
  const c = new Chalk({ level: io.colorLevel });
  const table = new Table({
    head: ["rule", "default", "configured", "description", "docs"].map((h) => c.bold(h)),
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [null, null, null, 60, null],
  });
  for (const r of rows) {
    const configured = r.fixed ? "error (fixed)" : r.severity;
    table.push([r.id, r.defaultSeverity, configured, r.description, r.docs]);
  }
  io.stdout(`${table.toString()}\n`);
  return 0;
}
