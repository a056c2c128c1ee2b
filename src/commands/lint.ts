import { UsageError } from "../errors.js";
import { type Io, outputStyle } from "../io/io.js";
import { emit } from "../io/output.js";
import { today } from "../io/today.js";
import { loadWorkspaces } from "../io/workspaces.js";
import { lintFiles } from "../lint/analyse.js";
import { parseRuleFlag } from "../lint/config.js";
import { compareFindings, type Finding, summarize } from "../lint/finding.js";
import type { AnyRule } from "../lint/rule.js";
import { LINT_FORMATTERS } from "../report/formatters.js";

export interface LintOptions {
  format: string;
  config?: string;
  rule: string[];
  maxWarnings?: number;
  quiet?: boolean;
  output?: string;
}

/**
 * `journey lint`, and `journey validate` (called with the structural rules only). Exit 1 when
 * an error is found or --max-warnings is exceeded, else 0.
 */
export async function lint(
  paths: string[],
  options: LintOptions,
  io: Io,
  registry: readonly AnyRule[],
): Promise<number> {
  const load = LINT_FORMATTERS[options.format];
  if (!load) {
    throw new UsageError(
      `unknown format "${options.format}": use ${Object.keys(LINT_FORMATTERS).join(", ")}`,
    );
  }
  const flags = options.rule.map(parseRuleFlag);
  const date = today(io.env, io.now);
  let findings: Finding[] = [];
  let fileCount = 0;
  for (const workspace of loadWorkspaces(io.cwd, paths, options.config)) {
    fileCount += workspace.files.length;
    findings.push(...lintFiles(workspace.files, workspace.config, registry, flags, date));
  }
  if (options.quiet) findings = findings.filter((f) => f.severity === "error");
  findings.sort(compareFindings);
  const summary = summarize(findings, fileCount);
  const format = await load();
  const { colorLevel } = outputStyle(io, options.output);
  emit(io, format(findings, summary, { colorLevel }), options.output);
  const tooManyWarnings =
    options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}
