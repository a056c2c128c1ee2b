import { UsageError } from "../errors.js";
import { loadConfig } from "../io/config.js";
import { type Io, outputStyle } from "../io/io.js";
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
  const [{ Chalk }, { renderTable }] = await Promise.all([
    import("chalk"),
    import("../report/table.js"),
  ]);
  const columns = [
    { header: "rule" },
    { header: "default" },
    { header: "configured" },
    { header: "description", wrap: true },
    { header: "docs", wrap: true },
  ];
  const cells = rows.map((r) => [
    { text: r.id },
    { text: r.defaultSeverity },
    { text: r.fixed ? "error (fixed)" : r.severity },
    { text: r.description },
    { text: r.docs },
  ]);
  const { colorLevel, width } = outputStyle(io);
  io.stdout(await renderTable(columns, cells, { width, chalk: new Chalk({ level: colorLevel }) }));
  return 0;
}
