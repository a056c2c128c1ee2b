/**
 * One fuzz case for test/fuzz.test.ts: a seed picks an example workspace and mutations, the
 * mutated files are written to a fresh folder, and every command runs on it in-process; what
 * breaks the CLI's contract is returned as a list of problems (empty: the case passed).
 *
 * Each command must end within BOUND_MS; print no crash (internal error, TypeError, RangeError,
 * ReferenceError, a stack line); exit 0, 1 or 2 (the views, the calendar, render, rules and
 * schema: 0 or 2); on exit 2 print one `journey: …` line (an invalid config: its problems
 * indented under it) and nothing on stdout; print JSON (json, sarif, gitlab), XML (junit) or
 * iCalendar when asked. lint and validate in JSON exit 1 exactly when a finding is an error,
 * count what they list, and locate each finding on a line of a file of the workspace. Across the
 * commands of a case: every format of lint exits as JSON does, and stylish counts alike;
 * validate finds exactly what lint finds with the structural rules; one command run with
 * --output writes what it prints without; a file named alone has the findings it has when its
 * whole workspace is linted.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { main } from "../../src/cli.js";
import { generator, ROOT, TODAY } from "../helpers.js";
import {
  applyMutations,
  describeMutation,
  drawMutations,
  type Files,
  type Mutation,
  readWorkspace,
} from "./mutate.js";

const BASES = {
  clean: readWorkspace(join(ROOT, "examples", "clean")),
  broken: readWorkspace(join(ROOT, "examples", "broken")),
};
type Base = keyof typeof BASES;

/**
 * Each command must end within this many milliseconds (FUZZ_BOUND_MS to change it). In 5,500
 * cases, once its modules were loaded, no command took more than 0.6 s (20 ms on average), nor
 * 0.85 s with the rest of `npm test` running beside it on 2 cores; the hangs this is for took
 * 20 s to minutes.
 */
export const BOUND_MS = Number(process.env.FUZZ_BOUND_MS) || 3_000;

/** The most mutations a case makes (FUZZ_MUTATIONS to change it: other seeds, other cases). */
const MOST_MUTATIONS = Number(process.env.FUZZ_MUTATIONS) || 3;

/** What a seed draws: everything needed to replay it. */
export interface Case {
  seed: number;
  base: Base;
  mutations: Mutation[];
  /** The paths given to every command that reads maps (none: the current directory's workspace). */
  paths: string[];
  /** The terminal width the tables are fitted to (undefined: not a terminal). */
  columns: number | undefined;
  /** Options given to the views and the calendar (filters, range). */
  options: { views: string[]; calendar: string[] };
  /** The command (an index in COMMANDS) also run with --output, its file compared with its stdout. */
  output: number;
}

export function drawCase(seed: number): Case {
  const random = generator(seed);
  const base: Base = random() < 0.5 ? "clean" : "broken";
  const count = 1 + Math.floor(random() * MOST_MUTATIONS);
  const mutations = drawMutations(random, BASES[base], count);
  const files = Object.keys(applyMutations(BASES[base], mutations));
  const file = files[Math.floor(random() * files.length)] ?? ".";
  const forms = [[], [], ["."], ["journeys", "personas"], ["**/*.yaml"], [file]];
  const paths = forms[Math.floor(random() * forms.length)] as string[];
  const columns = [undefined, undefined, 100, 40][Math.floor(random() * 4)];
  const choose = (choices: string[][]) =>
    random() < 0.7 ? [] : (choices[Math.floor(random() * choices.length)] ?? []);
  const views = choose([
    ["--persona", "julie"],
    ["--persona", "sophie"],
    ["--journey", "marc-store"],
  ]);
  const calendar = choose([
    ["--by", "week"],
    ["--from", "0001-01-01", "--to", "0001-12-31"],
    ["--from", "9999-12-01"],
    ["--to", "9999-12-31", "--by", "week"],
    ["--from", "2026-13-01"],
    ["--from", "2026-06-01", "--to", "2026-01-01"],
  ]);
  const output = Math.floor(random() * (COMMANDS.length - 2)); // not rules, schema: no --output
  return { seed, base, mutations, paths, columns, options: { views, calendar }, output };
}

/** An example workspace as it is, through every command (without options or --output). */
export const unmutated = (base: Base): Case => ({
  seed: 0,
  base,
  mutations: [],
  paths: [],
  columns: undefined,
  options: { views: [], calendar: [] },
  output: -1,
});

/** How to replay and what was done, for a failure message. */
export function describeCase(c: Case, mutations: readonly Mutation[] = c.mutations): string {
  return [
    `examples/${c.base}, paths [${c.paths.join(" ")}], columns ${c.columns ?? "none"}`,
    `options: views [${c.options.views.join(" ")}], calendar [${c.options.calendar.join(" ")}]; --output: ${(COMMANDS[c.output] ?? []).join(" ")}`,
    "mutations:",
    ...(mutations.length ? mutations.map((m) => `  - ${describeMutation(m)}`) : ["  (none)"]),
  ].join("\n");
}

interface Result {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

async function runCli(args: string[], cwd: string, columns: number | undefined): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const start = performance.now();
  const code = await main(args, {
    cwd,
    env: { JOURNEY_TODAY: TODAY },
    now: new Date(`${TODAY}T12:00:00Z`),
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    colorLevel: 0,
    ...(columns === undefined ? {} : { columns }),
  });
  return { args, code, stdout, stderr, ms: performance.now() - start };
}

/** The commands every case runs, `paths` standing for the case's paths. */
const COMMANDS: readonly (readonly string[])[] = [
  ["lint", "paths"],
  ["lint", "paths", "--format", "json"],
  ["lint", "paths", "--format", "sarif"],
  ["lint", "paths", "--format", "github"],
  ["lint", "paths", "--format", "gitlab"],
  ["lint", "paths", "--format", "junit"],
  ["validate", "paths", "--format", "json"],
  ["touchpoints", "paths"],
  ["surveys", "paths"],
  ["coverage", "paths"],
  ["coverage", "paths", "--format", "json"],
  ["coverage", "paths", "--format", "csv"],
  ["calendar", "paths"],
  ["calendar", "paths", "--format", "json"],
  ["calendar", "paths", "--format", "csv"],
  ["calendar", "paths", "--format", "ics"],
  ["render", "paths", "--format", "mermaid"],
  ["render", "paths", "--format", "markdown"],
  ["rules"],
  ["schema", "journey"],
];

const CRASH = /internal error|TypeError|RangeError|ReferenceError|\n? {4}at /;
const STRUCTURAL = new Set(["syntax", "schema", "duplicate-id", "unknown-reference"]);

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}
interface JsonReport {
  findings: JsonFinding[];
  summary: { files: number; errors: number; warnings: number };
}

/** What is wrong with one command's result (empty: nothing). */
function problemsOf(r: Result, files: Files): string[] {
  const problems: string[] = [];
  const [command] = r.args;
  if (r.ms > BOUND_MS) problems.push(`took ${Math.round(r.ms)} ms (bound ${BOUND_MS} ms)`);
  const format = r.args[r.args.indexOf("--format") + 1] ?? "";
  if (CRASH.test(r.stderr)) return [...problems, "a crash on stderr"];
  const findingCommand = command === "lint" || command === "validate";
  const allowed = findingCommand ? [0, 1, 2] : [0, 2];
  if (!allowed.includes(r.code)) problems.push(`exit ${r.code}, not one of ${allowed.join("/")}`);
  if (r.code === 2) {
    const stderr = r.stderr;
    // One line; an invalid config lists its problems under it, one indented line each.
    if (!/^journey: [^\n]+\n( {2}[^\n]+\n)*$/.test(stderr))
      problems.push("exit 2 without one `journey: …` line");
    if (r.stdout !== "") problems.push("exit 2 but something on stdout");
    return problems;
  }
  if (format === "json" || format === "sarif" || format === "gitlab") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.stdout);
    } catch (error) {
      return [...problems, `stdout is not JSON: ${String(error)}`];
    }
    if (findingCommand && format === "json")
      problems.push(...reportProblems(r.code, parsed as JsonReport, files));
  } else if (format === "junit") {
    if (!r.stdout.startsWith("<?xml")) problems.push("not an XML document");
  } else if (format === "ics") {
    if (!r.stdout.startsWith("BEGIN:VCALENDAR\r\n") || !r.stdout.endsWith("END:VCALENDAR\r\n"))
      problems.push("not an iCalendar stream");
  }
  return problems;
}

/** A findings report against its exit code and the files it locates findings in. */
function reportProblems(code: number, report: JsonReport, files: Files): string[] {
  const problems: string[] = [];
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  if ((code === 1) !== errors > 0) problems.push(`exit ${code} with ${errors} errors`);
  if (report.summary.errors !== errors || report.summary.warnings !== warnings)
    problems.push(`summary ${JSON.stringify(report.summary)} but ${errors}/${warnings} listed`);
  for (const f of report.findings) {
    const content = files[f.file];
    const lines = content === undefined ? 0 : Buffer.from(content).toString().split("\n").length;
    if (content === undefined) problems.push(`a finding in ${f.file}, not a file of the workspace`);
    else if (!(f.line >= 1 && f.column >= 1 && f.line <= lines))
      problems.push(`a finding at ${f.file}:${f.line}:${f.column}, which has ${lines} lines`);
  }
  return problems;
}

/** The stylish summary line's counts, and the JSON report's. */
function summaryOf(stylish: string): string {
  const none = /✔ no problems in (\d+) files?\n/.exec(stylish);
  if (none) return `0 errors, 0 warnings, ${none[1]} files`;
  const some = /✖ \d+ problems? \((\d+) errors?, (\d+) warnings?\) in (\d+) files?\n/.exec(stylish);
  return some ? `${some[1]} errors, ${some[2]} warnings, ${some[3]} files` : "no summary";
}

const key = (f: JsonFinding) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`;

/** What the commands of one case say of each other. */
function crossProblems(results: ReadonlyMap<string, Result>): string[] {
  const problems: string[] = [];
  const stylish = results.get("lint paths");
  const json = results.get("lint paths --format json");
  const validate = results.get("validate paths --format json");
  if (!stylish || !json || !validate) return ["a lint run is missing"];
  // Every format of lint exits as its JSON does.
  for (const [command, r] of results)
    if (command.startsWith("lint ") && r.code !== json.code)
      problems.push(`${command} exits ${r.code}, --format json ${json.code}`);
  if (json.code === 2 || validate.code === 2) {
    if (json.code !== validate.code)
      problems.push(`lint exits ${json.code} but validate ${validate.code}`);
    return problems;
  }
  try {
    const lint = JSON.parse(json.stdout) as JsonReport;
    const { errors, warnings, files } = lint.summary;
    const expected = `${errors} errors, ${warnings} warnings, ${files} files`;
    if (stylish.code !== 2 && summaryOf(stylish.stdout) !== expected)
      problems.push(`stylish says "${summaryOf(stylish.stdout)}", json "${expected}"`);
    // validate runs the structural rules only: it finds what lint finds with them, no more, no less.
    const fromLint = lint.findings.filter((f) => STRUCTURAL.has(f.rule)).map(key);
    const fromValidate = (JSON.parse(validate.stdout) as JsonReport).findings.map(key);
    const missing = fromLint.filter((k) => !fromValidate.includes(k));
    const extra = fromValidate.filter((k) => !fromLint.includes(k));
    if (missing.length) problems.push(`validate misses what lint finds: ${missing[0]}`);
    if (extra.length) problems.push(`validate finds what lint does not: ${extra[0]}`);
  } catch {
    // Reported by problemsOf.
  }
  return problems;
}

/** The findings located in `file` when it is named alone and when its whole workspace is linted. */
function sameFindings(file: string, alone: Result, whole: Result): string[] {
  if (alone.code === 2 || whole.code === 2)
    return alone.code === whole.code
      ? []
      : [`lint ${file} exits ${alone.code}, lint of its workspace ${whole.code}`];
  try {
    const inFile = (r: Result) =>
      (JSON.parse(r.stdout) as JsonReport).findings.filter((f) => f.file === file).map(key);
    const [a, w] = [inFile(alone), inFile(whole)];
    const missing = w.filter((k) => !a.includes(k));
    const extra = a.filter((k) => !w.includes(k));
    if (missing.length)
      return [`lint ${file} misses what the workspace's lint finds: ${missing[0]}`];
    if (extra.length) return [`lint ${file} finds what the workspace's lint does not: ${extra[0]}`];
  } catch {
    // Reported by problemsOf.
  }
  return [];
}

function write(dir: string, files: Files) {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

/**
 * Runs every command on the case's files; returns the problems found, each with its command and
 * the start of what it printed, and how long each command took. The folder is removed, unless
 * `keep` (for a failure's reproduction).
 */
export async function runCase(
  c: Case,
  mutations: readonly Mutation[] = c.mutations,
  keep = false,
): Promise<{ problems: string[]; dir: string; times: Record<string, number> }> {
  const files = applyMutations(BASES[c.base], mutations);
  const dir = mkdtempSync(join(tmpdir(), `journey-fuzz-${c.seed}-`));
  try {
    write(dir, files);
    const problems: string[] = [];
    const results = new Map<string, Result>();
    const times: Record<string, number> = {};
    const report = (r: Result, found: readonly string[]) => {
      for (const p of found)
        problems.push(
          `journey ${r.args.join(" ")}: ${p}\n    exit ${r.code}; stderr: ${JSON.stringify(r.stderr.slice(0, 600))}`,
        );
    };
    for (const [i, template] of COMMANDS.entries()) {
      const args = argsOf(c, template);
      const r = await runCli(args, dir, c.columns);
      results.set(template.join(" "), r);
      times[template.join(" ")] = r.ms;
      report(r, problemsOf(r, files));
      if (i === c.output) {
        // --output writes what stdout would have shown (without a terminal's width), whole.
        const target = `out/${c.seed}/report.txt`;
        const o = await runCli([...args, "--output", target], dir, undefined);
        const written = existsSync(join(dir, target))
          ? readFileSync(join(dir, target), "utf8")
          : "";
        report(o, problemsOf({ ...o, stdout: o.stdout + written }, files));
        const plain = c.columns === undefined ? r : await runCli(args, dir, undefined);
        if (o.code !== plain.code || o.stderr !== plain.stderr || o.stdout !== "")
          report(o, [`exits ${o.code} with --output, ${plain.code} without`]);
        else if (written !== plain.stdout)
          report(o, ["--output wrote something else than stdout shows"]);
      }
    }
    problems.push(...crossProblems(results));
    const [named] = c.paths;
    const inWorkspace = files["journey.config.yaml"] !== undefined;
    if (c.paths.length === 1 && named !== undefined && files[named] !== undefined && inWorkspace) {
      // A file gives the same findings however it is named: by itself, or in its workspace (a
      // file with no config above it has none: it is judged with the files named, on the defaults).
      const whole = await runCli(["lint", "--format", "json"], dir, undefined);
      const alone = results.get("lint paths --format json");
      if (alone) problems.push(...sameFindings(named, alone, whole));
    }
    return { problems, dir, times };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** A command's arguments in a case: its paths, and the options of the views and the calendar. */
function argsOf(c: Case, template: readonly string[]): string[] {
  const [command] = template;
  const view = ["touchpoints", "surveys", "coverage", "calendar"].includes(command ?? "");
  return [
    ...template.flatMap((a) => (a === "paths" ? c.paths : [a])),
    ...(view ? c.options.views : []),
    ...(command === "calendar" ? c.options.calendar : []),
  ];
}

/**
 * The fewest of the case's mutations that still give `problem` (dropping one at a time while the
 * case keeps failing so), so that a failure message shows its minimal reproduction.
 */
export async function shrink(c: Case, problem: string): Promise<Mutation[]> {
  const same = (p: string) => p.split("\n")[0] === problem.split("\n")[0];
  let current = c.mutations;
  for (let i = current.length - 1; i >= 0; i--) {
    const fewer = current.filter((_, j) => j !== i);
    if ((await runCase(c, fewer)).problems.some(same)) current = fewer;
  }
  return current;
}
