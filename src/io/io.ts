import type { Style } from "../report/style.js";

/** Everything a command may touch of the outside world, passed in so tests can run it in-process. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The clock: dated rules such as stale-map compare against its date (or JOURNEY_TODAY). */
  now: Date;
  /** chalk level for stdout: 0 when not a TTY or under NO_COLOR. */
  colorLevel: 0 | 1 | 2 | 3;
  /** The terminal's width when stdout is one: tables and lint messages are fitted to it. */
  columns?: number;
}

/**
 * The width printed output is fitted to: $COLUMNS when set (as other command-line tools read
 * it), else the terminal's, else none (no limit: a pipe, a file, CI logs).
 */
function terminalWidth(io: Io): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  // Some terminals report 0 columns: no width rather than a table 0 columns wide.
  return io.columns !== undefined && io.columns > 0 ? io.columns : undefined;
}

/**
 * How what a command prints is styled: the terminal's colours and width, or neither when it is
 * written to a file (`--output`).
 */
export function outputStyle(io: Io, output?: string): Style {
  return output === undefined
    ? { colorLevel: io.colorLevel, width: terminalWidth(io) }
    : { colorLevel: 0, width: undefined };
}
