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
  /** The terminal's width when stdout is one: tables are fitted to it. */
  columns?: number;
}

/** The width tables are fitted to: the terminal's, else $COLUMNS, else none (no limit). */
function terminalWidth(io: Io): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  return io.columns ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined);
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
