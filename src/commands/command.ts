import type { Io } from "../io/io.js";
import { UsageError } from "../errors.js";
import type { AnyRule } from "../lint/rule.js";

/**
 * One option of a command, declared once with the type its value has in `run`. `fallback` is the
 * value when the option is not given (not shown in --help); `shownDefault` is a default --help
 * states. `parse` reads each occurrence (repeatable options fold into `previous`).
 */
export interface OptionSpec<T> {
  flags: string;
  description: string;
  fallback: T;
  shownDefault?: T;
  parse?: (value: string, previous: T) => T;
  /** Allowed values, checked after parsing: the error names them (`unknown format "x": use …`). */
  choices?: Choices;
}

/** The values an option accepts, and how a wrong one is told. */
export interface Choices<Value extends string = string> {
  values: readonly Value[];
  /** The one-line error for a value not among them. */
  problem(value: string): string;
}

/** Any option spec, whatever its value type (a command's options are checked one by one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of options of every value type.
export type AnyOptionSpec = OptionSpec<any>;

/** The options object `run` receives: each declared option's value, typed. */
export type OptionsOf<Specs extends Record<string, AnyOptionSpec>> = {
  [K in keyof Specs]: Specs[K] extends OptionSpec<infer T> ? T : never;
};

/** What a command may use beyond the outside world: the rules (tests run the CLI with others). */
export interface CommandContext {
  rules(): Promise<readonly AnyRule[]>;
}

/** A positional argument: `[paths...]`, `<kind>`, `[id]`. */
export interface ArgumentSpec {
  name: string;
  description: string;
}

/** An example of --help: the command line and what it does. */
export type Example = readonly [command: string, explanation?: string];

/**
 * A command: everything `journey <name>` is, in one declaration. `run` receives the positional
 * arguments as strings (a variadic one as a list) and the declared options, typed; it returns the
 * exit code and prints only through `io`.
 */
export interface Command<
  Specs extends Record<string, AnyOptionSpec> = Record<string, AnyOptionSpec>,
  Args extends unknown[] = unknown[],
> {
  name: string;
  description: string;
  arguments: readonly ArgumentSpec[];
  options: Specs;
  /** The first is shown in `journey --help` too. */
  examples: readonly Example[];
  run(args: Args, options: OptionsOf<Specs>, io: Io, context: CommandContext): Promise<number>;
}

/** Any command, for the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds commands of every options type.
export type AnyCommand = Command<any, any>;

/** Declares a command; the identity, there to infer `run`'s option types from `options`. */
export function defineCommand<Specs extends Record<string, AnyOptionSpec>, Args extends unknown[]>(
  command: Command<Specs, Args>,
): Command<Specs, Args> {
  return command;
}

/** A text option, absent unless given: `-c, --config <file>`. */
export function textOption(flags: string, description: string): OptionSpec<string | undefined> {
  return { flags, description, fallback: undefined };
}

/** A text option with a default shown in --help, restricted to `choices`: typed as one of them. */
export function choiceOption<Value extends string>(
  flags: string,
  description: string,
  choices: Choices<Value>,
  fallback: NoInfer<Value>,
): OptionSpec<Value> {
  return { flags, description, fallback, shownDefault: fallback, choices };
}

/** A repeatable option: every occurrence, in order (none: the empty list). */
export function listOption(flags: string, description: string): OptionSpec<string[]> {
  return { flags, description, fallback: [], parse: (value, previous) => [...previous, value] };
}

/** An on/off flag: `-q, --quiet`. */
export function flagOption(flags: string, description: string): OptionSpec<boolean> {
  return { flags, description, fallback: false };
}

/** A whole number of 0 or more, absent unless given: `--max-warnings <n>`. */
export function countOption(flags: string, description: string): OptionSpec<number | undefined> {
  return { flags, description, fallback: undefined, parse: nonNegativeInteger };
}

/** Thrown by an option's parser: commander turns it into "option '…' argument '…' is invalid. …". */
export class InvalidOptionValue extends Error {}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidOptionValue("expected a whole number (0 or more).");
  return Number(value);
}

/**
 * `-f, --format <format>`, its choices, their check and its error all taken from an output
 * registry: a format registered there is a format the command line accepts, in any case
 * (`--format JSON`); --help shows the names as registered.
 */
export function formatOption<Name extends string>(
  registry: Record<Name, unknown>,
  fallback: NoInfer<Name>,
): OptionSpec<Name> {
  const values = Object.keys(registry) as Name[];
  return {
    ...choiceOption(
      "-f, --format <format>",
      `output format: ${values.join(", ")}`,
      { values, problem: (value) => `unknown format "${value}": use ${values.join(", ")}` },
      fallback,
    ),
    // A value in another case is the format of that name; an unknown one stays as typed, for the error.
    parse: (value) =>
      values.find((v) => v.toLowerCase() === value.toLowerCase()) ?? (value as Name),
  };
}

/** A value of a repeatable option, with its place among every option of the command line. */
export interface Placed<T> {
  value: T;
  /** Increases from one option given to the next: tells which of two options came first. */
  at: number;
}

let placed = 0;

/** A repeatable option whose values remember their order among other placed options: `-o`. */
export function placedListOption(flags: string, description: string): OptionSpec<Placed<string>[]> {
  return {
    flags,
    description,
    fallback: [],
    parse: (value, previous) => [...previous, { value, at: placed++ }],
  };
}

/**
 * `-f, --format <format>`, repeatable (each one with the `--output` after it), in any case, the
 * choices from the registry. Not given: the empty list (the command picks its default).
 */
export function formatsOption<Name extends string>(
  registry: Record<Name, unknown>,
  fallback: NoInfer<Name>,
): OptionSpec<Placed<Name>[]> {
  const values = Object.keys(registry) as Name[];
  const problem = (value: string) => `unknown format "${value}": use ${values.join(", ")}`;
  return {
    flags: "-f, --format <format>",
    description: `output format: ${values.join(", ")} (default: ${fallback}); repeatable, each with its own -o`,
    fallback: [],
    choices: { values, problem },
    parse: (value, previous) => {
      const name = values.find((v) => v.toLowerCase() === value.toLowerCase());
      if (name === undefined) throw new UsageError(problem(value));
      return [...previous, { value: name, at: placed++ }];
    },
  };
}

/** The options every command that reads maps shares. */
export const pathsArgument: ArgumentSpec = {
  name: "[paths...]",
  description: "files, folders or globs (default: the workspace of the current directory)",
};

export const configOption = () =>
  textOption("-c, --config <file>", "use this config instead of the nearest journey.config.yaml");
