import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { UsageError } from "./errors.js";
import type { Io } from "./io/io.js";
import type { AnyRule } from "./lint/rule.js";
import { LINT_FORMATTERS } from "./report/formatters.js";

export type { Io } from "./io/io.js";

const collect = (value: string, previous: string[]) => [...previous, value];

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number (0 or more).");
  return Number(value);
}

const LINT_EXAMPLES = `
Examples:
  $ journey lint                          lint the workspace of the current directory
  $ journey lint examples/clean           lint one folder (its journey.config.yaml applies)
  $ journey lint "maps/**/*.yaml"         lint the files a glob matches
  $ journey lint --format json > out.json findings as JSON, for scripts
  $ journey lint -f json -o report.json   write the report to a file
  $ journey lint --rule stale-map=off     change a rule's severity for this run
  $ journey lint --max-warnings 0         fail on warnings too (for CI)`;

const VALIDATE_EXAMPLES = `
Examples:
  $ journey validate                      check schemas and references only
  $ journey validate personas/julie.yaml  check one file`;

/**
 * Runs the `journey` command line. Returns the exit code: 0 done (no error finding), 1 lint
 * found errors, 2 the invocation failed. Never calls process.exit; prints through `io`. The rule
 * registry (default: every rule) is a parameter so that tests can run the CLI with rules of their own.
 */
export async function main(
  argv: readonly string[],
  io: Io,
  registry?: readonly AnyRule[],
): Promise<number> {
  // Each command loads what it needs when it runs: `journey --version` reads no YAML library.
  const rulesOf = async () => registry ?? (await import("./rules/index.js")).RULES;
  let code = 0;
  const program = new Command("journey")
    .description(
      "Customer journey maps as code: validate and lint personas, journeys and surveys kept as YAML.",
    )
    .version(VERSION, "-v, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`journey: ${s.replace(/^error: /, "")}`),
    })
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      `
Examples:
  $ journey lint                 lint the workspace of the current directory
  $ journey validate maps/       check schemas and references only
  $ journey touchpoints --unsurveyed   the touchpoints no survey listens to
  $ journey surveys              the survey plan: what each persona receives
  $ journey coverage             which stages are surveyed, waived or open
  $ journey calendar             what each persona receives, when, and whether it is too much
  $ journey rules                list the rules and their severities
  $ journey schema journey       print the JSON schema of journey maps

Exit codes: 0 done, 1 lint found errors, 2 the invocation failed.`,
    );

  const formatOption = (choices: string, fallback: string) =>
    new Option("-f, --format <format>", `output format: ${choices}`).default(fallback);

  for (const [name, structuralOnly] of [
    ["lint", false],
    ["validate", true],
  ] as const) {
    program
      .command(name)
      .description(
        structuralOnly
          ? "check schemas and references only (rules syntax, schema, duplicate-id, unknown-reference)"
          : "load, validate against the schemas and run every rule",
      )
      .argument(
        "[paths...]",
        "files, folders or globs (default: the workspace of the current directory)",
      )
      .addOption(formatOption(Object.keys(LINT_FORMATTERS).join(", "), "stylish"))
      .option("-c, --config <file>", "use this config instead of the nearest journey.config.yaml")
      .option(
        "--rule <id=severity>",
        "set a rule's severity: error, warning or off (repeatable)",
        collect,
        [],
      )
      .option(
        "--max-warnings <n>",
        "exit 1 when there are more warnings than this",
        nonNegativeInteger,
      )
      .option("-q, --quiet", "report errors only")
      .option("-o, --output <file>", "write the report to a file instead of stdout")
      .addHelpText("after", structuralOnly ? VALIDATE_EXAMPLES : LINT_EXAMPLES)
      .action(async (paths: string[], options) => {
        const { lint } = await import("./commands/lint.js");
        const all = await rulesOf();
        code = await lint(paths, options, io, structuralOnly ? all.filter((r) => r.fixed) : all);
      });
  }

  const viewCommand = (
    name: string,
    description: string,
    examples: string,
    formats = "table, json, csv",
  ) =>
    program
      .command(name)
      .description(description)
      .argument(
        "[paths...]",
        "files, folders or globs (default: the workspace of the current directory)",
      )
      .addOption(formatOption(formats, "table"))
      .option("-c, --config <file>", "use this config instead of the nearest journey.config.yaml")
      .option("--persona <id>", "only this persona (repeatable)", collect, [])
      .option("--journey <id>", "only this journey (repeatable)", collect, [])
      .option("-o, --output <file>", "write to a file instead of stdout")
      .addHelpText("after", `\nExamples:\n${examples}`);

  viewCommand(
    "touchpoints",
    "one row per touchpoint (event): persona, journey, stage, channel, satisfaction, the surveys listening to it",
    `  $ journey touchpoints                       every touchpoint of the workspace
  $ journey touchpoints --unsurveyed          the touchpoints no survey listens to
  $ journey touchpoints --persona julie --channel web
  $ journey touchpoints --format csv > touchpoints.csv`,
  )
    .option("--stage <id>", "only this stage (repeatable)", collect, [])
    .option("--channel <id>", "only this channel (repeatable)", collect, [])
    .option("--unsurveyed", "only the touchpoints no survey listens to")
    .action(async (paths: string[], options) => {
      const { touchpoints } = await import("./commands/views.js");
      code = await touchpoints(paths, options, io);
    });

  viewCommand(
    "surveys",
    "the survey plan: one row per survey, with its recurrence in words and its questions count",
    `  $ journey surveys                           what each persona receives
  $ journey surveys --persona julie --format json`,
  )
    .option("--stage <id>", "only the surveys of this stage (repeatable)", collect, [])
    .option("--channel <id>", "only the surveys sent on this channel (repeatable)", collect, [])
    .action(async (paths: string[], options) => {
      const { surveys } = await import("./commands/views.js");
      code = await surveys(paths, options, io);
    });

  viewCommand(
    "coverage",
    "stage coverage per journey: surveyed (by which surveys), waived (the noSurvey reason) or open",
    `  $ journey coverage                          every stage of every journey
  $ journey coverage --open                   the stages still to decide
  $ journey coverage --journey julie-online --format json`,
  )
    .option("--open", "only the stages with neither a survey nor a noSurvey reason")
    .action(async (paths: string[], options) => {
      const { coverage } = await import("./commands/views.js");
      code = await coverage(paths, options, io);
    });

  viewCommand(
    "calendar",
    "the survey calendar: every send per persona in a date range, and each persona's contact pressure",
    `  $ journey calendar                                  the next twelve months (or the config's calendar)
  $ journey calendar --persona julie --from 2026-01-01 --to 2026-12-31
  $ journey calendar --by week --from 2026-03-01 --to 2026-03-31
  $ journey calendar --format ics -o surveys.ics      open it in a calendar application
  $ journey calendar --format json                    sends and pressure, for scripts`,
    "table, json, csv, ics",
  )
    .option(
      "--from <date>",
      "first day, YYYY-MM-DD (default: the config's calendar.start, else today)",
    )
    .option(
      "--to <date>",
      "last day, YYYY-MM-DD (default: from + the config's calendar.horizon, else P12M)",
    )
    .option("--by <period>", "group the table by week or month", "month")
    .action(async (paths: string[], options) => {
      const { calendar } = await import("./commands/calendar.js");
      code = await calendar(paths, options, io);
    });

  program
    .command("rules")
    .description("list every rule: id, default and configured severity, description, docs")
    .addOption(formatOption("table, json", "table"))
    .option("-c, --config <file>", "use this config instead of the nearest journey.config.yaml")
    .option("--rule <id=severity>", "show the effect of a severity flag (repeatable)", collect, [])
    .addHelpText("after", "\nExamples:\n  $ journey rules\n  $ journey rules --format json")
    .action(async (options) => {
      const { rules } = await import("./commands/rules.js");
      code = await rules(options, io, await rulesOf());
    });

  program
    .command("schema")
    .description("print the JSON schema of a document kind, for editors")
    .argument("<kind>", "persona, journey or config")
    .addHelpText(
      "after",
      "\nExamples:\n  $ journey schema journey > journey.schema.json\n  $ journey schema config",
    )
    .action(async (kind: string) => {
      const { schema } = await import("./commands/schema.js");
      code = schema(kind, io);
    });

  // Subcommands report their own errors (unknown option…) through the same output and exit path.
  for (const command of program.commands) {
    command.exitOverride().configureOutput(program.configureOutput());
  }

  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version succeed; help shown because no command was given does not.
      return ["commander.helpDisplayed", "commander.version"].includes(error.code) ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`journey: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

const VERSION = "0.1.0";

/**
 * The colour level for stdout: chalk's detection (TTY, FORCE_COLOR, terminal), except that a
 * non-empty NO_COLOR always turns colour off (https://no-color.org), which chalk does not check.
 */
export function colorLevel(env: Io["env"], detected: 0 | 1 | 2 | 3): 0 | 1 | 2 | 3 {
  return env.NO_COLOR ? 0 : detected;
}
