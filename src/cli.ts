import { Command as Program, CommanderError, InvalidArgumentError, Option } from "commander";
import type { AnyCommand, AnyOptionSpec, CommandContext } from "./commands/command.js";
import { InvalidOptionValue } from "./commands/command.js";
import { COMMANDS, type CommandRegistry } from "./commands/index.js";
import { UsageError } from "./errors.js";
import type { Io } from "./io/io.js";
import type { AnyRule } from "./lint/rule.js";
import { VERSION } from "./version.js";

export type { Io } from "./io/io.js";

/**
 * Runs the `journey` command line. Returns the exit code: 0 done (no error finding), 1 lint
 * found errors, 2 the invocation failed — or journey itself did (an internal error). Never calls
 * process.exit; prints through `io`. The rule and command registries (default: every rule,
 * every command) are parameters so that tests can run the CLI with their own.
 */
export async function main(
  argv: readonly string[],
  io: Io,
  registries: { rules?: readonly AnyRule[]; commands?: CommandRegistry } = {},
): Promise<number> {
  const context: CommandContext = {
    rules: async () => registries.rules ?? (await import("./rules/index.js")).RULES,
  };
  try {
    return await parseAndRun(argv, io, context, registries.commands ?? COMMANDS);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`journey: ${error.message}\n`);
      return error.exitCode;
    }
    // Not the user's mistake: a bug. One line, the stack on demand, and an exit code of its own.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`journey: internal error: ${message}\n`);
    if (io.env.JOURNEY_DEBUG === "1" && error instanceof Error) {
      // A rule's failure is wrapped with the rule's id: the stack that matters is its cause's.
      const cause = error.cause instanceof Error ? error.cause : error;
      io.stderr(`${cause.stack ?? cause.message}\n`);
    } else {
      io.stderr("journey: run again with JOURNEY_DEBUG=1 to see where it happened\n");
    }
    return 2;
  }
}

async function parseAndRun(
  argv: readonly string[],
  io: Io,
  context: CommandContext,
  registry: CommandRegistry,
) {
  let code = 0;
  const program = new Program("journey")
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
    .showSuggestionAfterError(true);

  const commands = await Promise.all(
    commandsFor(argv, registry).map(async (name) => (await (registry[name] as Load)()).default),
  );
  for (const command of commands) {
    declare(
      program,
      command,
      (run) => {
        code = run;
      },
      io,
      context,
    );
  }
  if (commands.length > 1) program.addHelpText("after", overview(commands));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version succeed; help shown because no command was given does not.
    return ["commander.helpDisplayed", "commander.version"].includes(error.code) ? 0 : 2;
  }
}

type Load = CommandRegistry[string];

/**
 * The commands to load: only the one named (its module loads the libraries it needs), none for
 * `--version`, all of them for the overall help and for suggestions after an unknown command.
 */
function commandsFor(argv: readonly string[], registry: CommandRegistry): string[] {
  const at = argv.findIndex((arg) => !arg.startsWith("-"));
  const before = at === -1 ? argv : argv.slice(0, at);
  // `journey --help lint` shows the overall help, which lists every command.
  if (before.some((a) => a === "-h" || a === "--help")) return Object.keys(registry);
  const first = argv[at];
  if (first !== undefined && first in registry) return [first];
  if (before.some((a) => a === "-v" || a === "--version")) return [];
  return Object.keys(registry);
}

/** Adds one command to the program: its arguments, options, help and action. */
function declare(
  program: Program,
  command: AnyCommand,
  done: (code: number) => void,
  io: Io,
  context: CommandContext,
): void {
  const sub = program.command(command.name).description(command.description);
  for (const argument of command.arguments) sub.argument(argument.name, argument.description);
  const specs = Object.entries(command.options as Record<string, AnyOptionSpec>);
  for (const [key, spec] of specs) sub.addOption(optionOf(key, spec));
  sub.addHelpText("after", examplesText(command));
  sub
    .exitOverride()
    .configureOutput(program.configureOutput())
    .action(async (...received: unknown[]) => {
      // commander passes the arguments, then the options object, then the command.
      const args = received.slice(0, command.arguments.length);
      const given = sub.opts();
      const options: Record<string, unknown> = {};
      for (const [key, spec] of specs) {
        const value = given[key] ?? spec.fallback;
        // A repeatable option checks each value as it parses it (formatsOption).
        if (spec.choices && !Array.isArray(value) && !spec.choices.values.includes(value)) {
          throw new UsageError(spec.choices.problem(value));
        }
        options[key] = value;
      }
      done(await command.run(args, options, io, context));
    });
}

/** The commander option of a spec; its attribute must be the key `run` reads it by. */
function optionOf(key: string, spec: AnyOptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (option.attributeName() !== key) {
    throw new Error(
      `option ${spec.flags} is declared as "${key}", read as "${option.attributeName()}"`,
    );
  }
  if (spec.shownDefault !== undefined) option.default(spec.shownDefault);
  const parse = spec.parse;
  if (parse) {
    option.argParser((value: string, previous: unknown) => {
      try {
        return parse(value, previous ?? spec.fallback);
      } catch (error) {
        if (error instanceof InvalidOptionValue) throw new InvalidArgumentError(error.message);
        throw error;
      }
    });
  }
  return option;
}

function examplesText(command: AnyCommand): string {
  const width = command.examples.reduce(
    (w, [line, what]) => Math.max(w, what ? line.length : 0),
    -Infinity,
  );
  const lines = command.examples.map(([line, what]) =>
    what ? `  $ ${line.padEnd(width)}  ${what}` : `  $ ${line}`,
  );
  return `\nExamples:\n${lines.join("\n")}`;
}

/** The end of `journey --help`: each command's first example, and the exit codes. */
function overview(commands: readonly AnyCommand[]): string {
  const firsts = commands.flatMap((c) => c.examples.slice(0, 1));
  const width = firsts.reduce((w, [line]) => Math.max(w, line.length), -Infinity);
  const lines = firsts.map(([line, what]) => `  $ ${line.padEnd(width)}  ${what ?? ""}`.trimEnd());
  return `
Examples:
${lines.join("\n")}

Exit codes: 0 done, 1 lint found errors, 2 the invocation failed (or an internal error).`;
}

/**
 * The colour level for stdout: chalk's detection (TTY, FORCE_COLOR, terminal), except that a
 * non-empty NO_COLOR always turns colour off (https://no-color.org), which chalk does not check.
 */
export async function colorLevel(env: Io["env"]): Promise<0 | 1 | 2 | 3> {
  if (env.NO_COLOR) return 0;
  return (await import("./report/style.js")).detectedColorLevel();
}
