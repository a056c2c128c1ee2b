import type { Io } from "../io/io.js";
import { outputStyle } from "../io/io.js";
import { ruleDoc } from "../io/shipped.js";
import { emit, inputsOf } from "../io/output.js";
import { today } from "../io/today.js";
import { loadWorkspaces } from "../io/workspaces.js";
import { lintWithSuppressed } from "../lint/analyse.js";
import { parseRuleFlag } from "../lint/config.js";
import {
  compareFindings,
  type Finding,
  summarize,
  type SuppressedFinding,
} from "../lint/finding.js";
import { HOMEPAGE, VERSION } from "../version.js";
import type { AnyRule } from "../lint/rule.js";
import { unreadableFiles } from "../model/workspace.js";
import { FINDINGS_FORMATS, type LintReport, type RuleMeta } from "../report/findings/index.js";
import { formatterOf } from "../report/registry.js";
import {
  configOption,
  countOption,
  defineCommand,
  flagOption,
  formatOption,
  listOption,
  type OptionsOf,
  pathsArgument,
  textOption,
} from "./command.js";

/** The options of `journey lint`, which `journey validate` shares. */
export const lintOptions = {
  format: formatOption(FINDINGS_FORMATS, "stylish"),
  config: configOption(),
  rule: listOption(
    "--rule <id=severity>",
    "set a rule's severity: error, warning or off (repeatable)",
  ),
  maxWarnings: countOption("--max-warnings <n>", "exit 1 when there are more warnings than this"),
  quiet: flagOption("-q, --quiet", "report errors only"),
  output: textOption("-o, --output <file>", "write the report to a file instead of stdout"),
};

export type LintOptions = OptionsOf<typeof lintOptions>;

/**
 * Lints the workspaces of the paths with these rules and prints the report. Exit 1 when an error
 * is found or --max-warnings is exceeded, else 0. `--quiet` hides warnings from the report, but
 * --max-warnings still counts them (as ESLint does).
 */
export async function lintCommand(
  paths: string[],
  options: LintOptions,
  io: Io,
  registry: readonly AnyRule[],
  runs?: (rule: AnyRule) => boolean,
): Promise<number> {
  const all = lintReport(paths, options, io, registry, runs);
  const report = options.quiet ? errorsOnly(all) : all;
  const format = await formatterOf(FINDINGS_FORMATS, options.format);
  emit(io, format(report, outputStyle(io, options.output)), options.output, all.inputs);
  const { errors, warnings } = all.summary;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (errors === 0 && tooManyWarnings) {
    // The only reason for exit 1, and perhaps not in the report (--quiet): say it.
    io.stderr(
      `journey: ${warnings} ${warnings === 1 ? "warning" : "warnings"}, more than --max-warnings ${options.maxWarnings} allows\n`,
    );
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * What a findings formatter receives: the sorted findings, their summary, the rules' metadata;
 * and the files read, which --output may not overwrite.
 */
export function lintReport(
  paths: readonly string[],
  options: Pick<LintOptions, "config" | "rule">,
  io: Io,
  registry: readonly AnyRule[],
  runs: (rule: AnyRule) => boolean = () => true,
): LintReport & { inputs: readonly string[] } {
  const flags = options.rule.map(parseRuleFlag);
  const date = today(io.env, io.now);
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const unreadable: string[] = [];
  let fileCount = 0;
  const workspaces = loadWorkspaces(io.cwd, paths, options.config);
  for (const { files, config, reported } of workspaces) {
    fileCount += reported.size;
    const found = lintWithSuppressed(files, config, registry, flags, date, runs);
    // The paths select what is reported: a finding with any of its places in a file named.
    const named = (f: Finding) =>
      reported.has(f.file) || f.related.some((r) => reported.has(r.file));
    findings.push(...found.findings.filter(named));
    suppressed.push(...found.suppressed.filter(named));
    unreadable.push(...unreadableFiles(files).map((f) => f.path));
  }
  findings.sort(compareFindings);
  suppressed.sort(compareFindings);
  const rules = registry.filter(runs).map(metaOf);
  return {
    findings,
    summary: summarize(findings, fileCount, unreadable.length),
    rules,
    unreadable,
    suppressed,
    tool: { name: "journey", version: VERSION, informationUri: HOMEPAGE },
    category: null,
    inputs: inputsOf(workspaces),
  };
}

/** The report with its errors only (`--quiet`). */
function errorsOnly(report: LintReport): LintReport {
  const findings = report.findings.filter((f) => f.severity === "error");
  const { files, unreadable } = report.summary;
  return { ...report, findings, summary: summarize(findings, files, unreadable) };
}

function metaOf(rule: AnyRule): RuleMeta {
  return {
    id: rule.id,
    description: rule.description,
    defaultSeverity: rule.defaultSeverity,
    fixed: rule.fixed === true,
    doc: () => ruleDoc(rule.id),
  };
}

export default defineCommand({
  name: "lint",
  description: "load, validate against the schemas and run every rule",
  arguments: [pathsArgument],
  options: lintOptions,
  examples: [
    ["journey lint", "lint the workspace of the current directory"],
    ["journey lint examples/clean", "lint one folder (its journey.config.yaml applies)"],
    ['journey lint "maps/**/*.yaml"', "lint the files a glob matches"],
    ["journey lint --format json > out.json", "findings as JSON, for scripts"],
    ["journey lint -f json -o report.json", "write the report to a file"],
    ["journey lint --rule stale-map=off", "change a rule's severity for this run"],
    ["journey lint --max-warnings 0", "fail on warnings too (for CI)"],
  ],
  async run([paths]: [string[]], options, io, context) {
    return lintCommand(paths, options, io, await context.rules());
  },
});
