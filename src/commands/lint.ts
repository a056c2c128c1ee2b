import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Io } from "../io/io.js";
import { outputStyle } from "../io/io.js";
import { ruleDoc } from "../io/shipped.js";
import { appendStepSummary, emit, inputsOf } from "../io/output.js";
import { UsageError } from "../errors.js";
import { LintCache } from "../io/cache.js";
import {
  type BaselineLocation,
  baselineLocation,
  readBaseline,
  scopeOf,
  writeBaseline,
} from "../io/baseline.js";
import {
  applyBaseline,
  type Baseline,
  pruneBaseline,
  recordBaseline,
  totals,
} from "../lint/baseline.js";
import { changedFiles, repositoryRoot } from "../io/git.js";
import { fromRepositoryRoot } from "../report/findings/paths.js";
import { today } from "../io/today.js";
import { type LoadedWorkspace, loadWorkspaces } from "../io/workspaces.js";
import { loadWorkspacesThreaded } from "../io/pool.js";
import { lintWithSuppressed } from "../lint/analyse.js";
import { parseRuleFlag } from "../lint/config.js";
import {
  compareFindings,
  type Finding,
  type SeveritySetting,
  summarize,
  type SuppressedFinding,
} from "../lint/finding.js";
import { HOMEPAGE, VERSION } from "../version.js";
import type { AnyRule } from "../lint/rule.js";
import { unreadableFiles } from "../model/workspace.js";
import { FINDINGS_FORMATS, type LintReport, type RuleMeta } from "../report/findings/index.js";
import { formatterOf } from "../report/registry.js";
import { pushAll } from "../util/arrays.js";
import {
  configOption,
  countOption,
  defineCommand,
  flagOption,
  formatsOption,
  InvalidOptionValue,
  listOption,
  type OptionsOf,
  pathsArgument,
  type Placed,
  placedListOption,
  textOption,
} from "./command.js";

/** The options of `journey lint`, which `journey validate` shares. */
export const lintOptions = {
  format: formatsOption(FINDINGS_FORMATS, "stylish"),
  config: configOption(),
  rule: listOption(
    "--rule <id=severity>",
    "set a rule's severity: error, warning or off (repeatable)",
  ),
  maxWarnings: countOption("--max-warnings <n>", "exit 1 when there are more warnings than this"),
  quiet: flagOption("-q, --quiet", "report errors only"),
  output: placedListOption(
    "-o, --output <file>",
    "write the report of the --format before it to a file instead of stdout",
  ),
  sarifCategory: textOption(
    "--sarif-category <id>",
    "what tells this run from others on the same commit in code scanning (SARIF runAutomationDetails.id)",
  ),
  threads: {
    flags: "--threads <n>",
    description:
      "read, parse and schema-check a large workspace on this many threads (1: the main thread only; default: the cores, at most 4, or 1 on two cores or fewer)",
    fallback: undefined as number | undefined,
    parse: threadCount,
  },
  changedSince: textOption(
    "--changed-since <git-ref>",
    "report only the files changed since this git ref (and untracked ones); workspaces are still read whole",
  ),
  cache: flagOption(
    "--cache",
    "keep what reading and schema-checking each file gave, keyed by its content, and reuse it next time (the rules always run)",
  ),
  cacheLocation: textOption(
    "--cache-location <dir>",
    "where --cache keeps its entries (default: node_modules/.cache/journey)",
  ),
  baseline: textOption(
    "--baseline <file>",
    "the baseline: findings recorded there are accepted, not reported (default: journey-baseline.json in the current directory, used when it exists)",
  ),
  baselineWrite: flagOption(
    "--baseline-write",
    "record the findings of the files named in the baseline, accepting them (exit 0, or 1 while a file does not parse: syntax findings are never baselined); other files' entries are kept",
  ),
  baselinePrune: flagOption(
    "--baseline-prune",
    "remove from the baseline the findings that no longer occur, then report as usual",
  ),
};

/** --threads: 1 or more. */
function threadCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new InvalidOptionValue("expected a number of threads (1 or more).");
  return Number(value);
}

type FindingsFormat = keyof typeof FINDINGS_FORMATS;

/** The formats whose consumers read paths from the repository's root, not the current directory. */
const FROM_REPOSITORY_ROOT: ReadonlySet<FindingsFormat> = new Set(["sarif", "github", "gitlab"]);

/** One report to print: a format, and the file it goes to (undefined: stdout). */
interface Target {
  format: FindingsFormat;
  output: string | undefined;
}

/**
 * Which format goes where. One format: with the --output given, if any, wherever it stands. Several:
 * each --output belongs to the --format before it, and one format at most prints to stdout.
 */
export function targetsOf(
  formats: readonly Placed<FindingsFormat>[],
  outputs: readonly Placed<string>[],
): Target[] {
  if (formats.length <= 1) {
    if (outputs.length > 1)
      throw new UsageError("one --output per --format: give each report its own --format");
    return [{ format: formats[0]?.value ?? "stylish", output: outputs[0]?.value }];
  }
  const targets = formats.map((f) => ({
    format: f.value,
    output: undefined as string | undefined,
  }));
  for (const output of outputs) {
    const owner = formats.findLastIndex((f) => f.at < output.at);
    const target = targets[owner];
    if (target === undefined)
      throw new UsageError(
        `--output ${output.value} comes before any --format: put it after the --format it is for`,
      );
    if (target.output !== undefined)
      throw new UsageError(
        `--format ${target.format} has two --output: ${target.output} and ${output.value}`,
      );
    target.output = output.value;
  }
  const toStdout = targets.filter((t) => t.output === undefined);
  if (toStdout.length > 1)
    throw new UsageError(
      `only one report can go to stdout, not ${toStdout.map((t) => t.format).join(" and ")}: give the others an --output`,
    );
  const paths = targets.flatMap((t) => (t.output === undefined ? [] : [t.output]));
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice !== undefined) throw new UsageError(`two reports would be written to ${twice}`);
  return targets;
}

export type LintOptions = OptionsOf<typeof lintOptions>;

/**
 * Lints the workspaces of the paths with these rules and prints the report. Exit 1 when an error
 * is found or --max-warnings is exceeded, else 0. `--quiet` hides warnings from the report, but
 * --max-warnings still counts them (as ESLint does). The findings a baseline accepts are left out
 * before any of that (written or pruned first, with --baseline-write or --baseline-prune).
 */
export async function lintCommand(
  paths: string[],
  options: LintOptions,
  io: Io,
  registry: readonly AnyRule[],
  runs?: (rule: AnyRule) => boolean,
): Promise<number> {
  const targets = targetsOf(options.format, options.output);
  // The invocation's own errors first, in the order lintReport meets them: --rule, the date.
  const flags = options.rule.map(parseRuleFlag);
  today(io.env, io.now);
  const baseline = openBaseline(options, io, targets);
  const cache = options.cache
    ? LintCache.open(io.cwd, options.cacheLocation, flags, io.stderr)
    : null;
  const loaded = cache
    ? cache.readWorkspaces(io.cwd, paths, options.config)
    : await loadWorkspacesThreaded(io.cwd, paths, options.config, options.threads);
  const linted = lintReport(paths, options, io, registry, runs, loaded);
  cache?.save();
  const all = baseline ? withBaseline(linted, baseline, io, registry, runs, flags) : linted;
  const { errors, warnings } = all.summary;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  // --quiet hides the warnings; when they fail the run, the summary still counts them.
  const report = options.quiet ? errorsOnly(all, tooManyWarnings) : all;
  const root = repositoryRoot(io.cwd);
  const base = root === null ? "" : relative(root, io.cwd).split(sep).join("/");
  for (const { format: name, output } of targets) {
    const format = await formatterOf(FINDINGS_FORMATS, name);
    // Code scanning, annotations and Code Quality resolve paths from the repository's root.
    const shown = FROM_REPOSITORY_ROOT.has(name) ? fromRepositoryRoot(report, base) : report;
    emit(io, format(shown, outputStyle(io, output)), output, all.inputs);
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && targets.some((t) => t.format === "github")) {
    const { stepSummary } = await import("../report/findings/github.js");
    appendStepSummary(summaryFile, stepSummary(report));
  }
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
  options: Pick<LintOptions, "config" | "rule"> &
    Partial<Pick<LintOptions, "changedSince" | "sarifCategory">>,
  io: Io,
  registry: readonly AnyRule[],
  runs: (rule: AnyRule) => boolean = () => true,
  loaded?: LoadedWorkspace[],
): LintReport & { inputs: readonly string[] } {
  const flags = options.rule.map(parseRuleFlag);
  const date = today(io.env, io.now);
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const unreadable: string[] = [];
  let fileCount = 0;
  const reportedFiles = new Set<string>();
  const workspaces = loaded ?? loadWorkspaces(io.cwd, paths, options.config);
  const changed =
    options.changedSince === undefined ? null : changedFiles(io.cwd, options.changedSince);
  for (const workspace of workspaces) {
    const { files, config } = workspace;
    // --changed-since: of the files named, those changed (the workspace is still read whole).
    const reported =
      changed === null ? workspace.reported : changedOf(workspace.reported, changed, io.cwd);
    // A change anywhere in the workspace (a file deleted, an id renamed) can leave a reference
    // dangling in a file that did not change: what rules of absence find is reported everywhere.
    const absence =
      changed !== null && [...changed].some((file) => isInside(workspace.root, file))
        ? new Set(registry.filter((r) => r.judgesAbsence).map((r) => r.id))
        : new Set<string>();
    fileCount += reported.size;
    for (const file of reported) reportedFiles.add(file);
    const found = lintWithSuppressed(files, config, registry, flags, date, runs);
    // The paths select what is reported: a finding with any of its places in a file named.
    const inReport = (f: Finding) =>
      reported.has(f.file) ||
      f.related.some((r) => reported.has(r.file)) ||
      (absence.has(f.rule) && workspace.reported.has(f.file));
    pushAll(findings, found.findings.filter(inReport));
    pushAll(suppressed, found.suppressed.filter(inReport));
    pushAll(
      unreadable,
      unreadableFiles(files).map((f) => f.path),
    );
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
    category: options.sarifCategory ?? null,
    files: [...reportedFiles].sort(),
    inputs: inputsOf(workspaces),
  };
}

/** The baseline of the run, its location, and what the run does with it; null for none. */
interface RunBaseline {
  location: BaselineLocation;
  /** What the file holds now; null when it does not exist yet (--baseline-write makes it). */
  read: Baseline | null;
  mode: "read" | "write" | "prune";
}

/**
 * Reads the baseline before any map (its errors are the invocation's): the one --baseline names,
 * else journey-baseline.json in the current directory when it exists.
 */
function openBaseline(
  options: LintOptions,
  io: Io,
  targets: readonly Target[],
): RunBaseline | null {
  const { baselineWrite: write, baselinePrune: prune } = options;
  if (write && prune)
    throw new UsageError(
      "--baseline-write and --baseline-prune cannot be used together: --baseline-write already leaves out the findings that no longer occur",
    );
  const flag = write ? "--baseline-write" : "--baseline-prune";
  if ((write || prune) && options.changedSince !== undefined)
    throw new UsageError(
      `${flag} cannot be used with --changed-since: the baseline would hold the findings of the changed files only; run it on the whole workspace`,
    );
  const location = baselineLocation(io.cwd, options.baseline);
  const clash = targets.find(
    (t) => t.output !== undefined && resolve(io.cwd, t.output) === location.path,
  );
  if (clash)
    throw new UsageError(
      `the --format ${clash.format} report would be written to the baseline, ${location.shown}: choose another --output`,
    );
  const read = readBaseline(location, write);
  if (prune && read === null)
    throw new UsageError(
      `no baseline to prune: ${location.shown} does not exist (journey lint --baseline-write writes one)`,
    );
  if (read === null && !write) return null;
  return { location, read, mode: write ? "write" : prune ? "prune" : "read" };
}

/**
 * The report without the findings the baseline accepts (counted in `baselined`), after writing
 * the baseline (--baseline-write: the findings of the files named become its entries) or pruning
 * it (--baseline-prune: the entries that no longer occur are removed), said on stderr.
 */
function withBaseline(
  report: LintReport & { inputs: readonly string[] },
  { location, read, mode }: RunBaseline,
  io: Io,
  registry: readonly AnyRule[],
  runs: ((rule: AnyRule) => boolean) | undefined,
  flags: readonly [string, SeveritySetting][],
): LintReport & { inputs: readonly string[] } {
  // A rule --rule turns off for this run did not run: its entries are kept as they are.
  const off = new Set(
    [...new Map(flags)].flatMap(([id, severity]) => (severity === "off" ? [id] : [])),
  );
  const ran = new Set(
    registry.filter(runs ?? (() => true)).flatMap((r) => (off.has(r.id) ? [] : [r.id])),
  );
  const scope = scopeOf(location, report.files, ran);
  let baseline = read ?? new Map();
  if (mode === "write") {
    baseline = recordBaseline(read, report.findings, location.pathOf, scope);
    writeBaseline(io, location, baseline, report.inputs);
    const { findings, files } = totals(baseline);
    io.stderr(
      `journey: ${plural(findings, "finding")} in ${plural(files, "file")} written to ${location.shown}\n`,
    );
  } else if (mode === "prune" && read !== null) {
    const pruned = pruneBaseline(read, report.findings, location.pathOf, scope);
    baseline = pruned.baseline;
    if (pruned.removed > 0) {
      writeBaseline(io, location, baseline, report.inputs);
      const left = totals(baseline).findings;
      io.stderr(
        `journey: ${plural(pruned.removed, "finding")} no longer ${pruned.removed === 1 ? "occurs" : "occur"}: removed from ${location.shown} (${left} left)\n`,
      );
    } else {
      io.stderr(`journey: every finding of ${location.shown} still occurs: nothing to prune\n`);
    }
  }
  const { reported, baselined } = applyBaseline(baseline, report.findings, location.pathOf);
  const { files, unreadable } = report.summary;
  return {
    ...report,
    findings: reported,
    baselined,
    summary: summarize(reported, files, unreadable),
    // The baseline is read: no report may be written over it.
    inputs: [...report.inputs, location.shown],
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Whether an absolute path is in a folder (or is it). */
function isInside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** The files of `named` (cwd-relative, as in findings) that are among `changed` (absolute). */
function changedOf(named: ReadonlySet<string>, changed: ReadonlySet<string>, cwd: string) {
  return new Set([...named].filter((file) => changed.has(resolve(cwd, file))));
}

/** The report with its errors only (`--quiet`); its summary counts the warnings if asked. */
function errorsOnly(report: LintReport, countWarnings: boolean): LintReport {
  const errorsOf = <F extends Finding>(list: readonly F[]) =>
    list.filter((f) => f.severity === "error");
  const findings = errorsOf(report.findings);
  const suppressed = errorsOf(report.suppressed);
  const { files, unreadable } = report.summary;
  const summary = countWarnings ? report.summary : summarize(findings, files, unreadable);
  return {
    ...report,
    findings,
    suppressed,
    summary,
    ...(report.baselined ? { baselined: errorsOf(report.baselined) } : {}),
  };
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
    [
      "journey lint --baseline-write",
      "accept today's findings: record them in journey-baseline.json (commit it); later runs report only new ones",
    ],
    ["journey lint --baseline-prune", "drop from the baseline the findings fixed since"],
  ],
  async run([paths]: [string[]], options, io, context) {
    return lintCommand(paths, options, io, await context.rules());
  },
});
