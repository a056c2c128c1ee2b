import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { UsageError } from "../errors.js";
import {
  type Baseline,
  type BaselineScope,
  isProblem,
  parseBaseline,
  type PathOf,
  serializeBaseline,
} from "../lint/baseline.js";
import { MAX_FILE_BYTES } from "../model/decode.js";
import { displayPath, notRegular, reason } from "./files.js";
import type { Io } from "./io.js";
import { emit } from "./output.js";

/** The file `journey lint` reads its baseline from, unless --baseline names another. */
const DEFAULT_BASELINE = "journey-baseline.json";

/** Where the baseline is: its absolute path, as shown in messages, and its folder's paths. */
export interface BaselineLocation {
  path: string;
  shown: string;
  /** Whether --baseline named it (then it must exist, unless it is being written). */
  explicit: boolean;
  /** A finding's file (relative to the current directory) as the baseline names it. */
  pathOf: PathOf;
}

export function baselineLocation(cwd: string, option: string | undefined): BaselineLocation {
  const path = resolve(cwd, option ?? DEFAULT_BASELINE);
  const folder = dirname(path);
  return {
    path,
    shown: displayPath(cwd, path),
    explicit: option !== undefined,
    pathOf: (file) => relative(folder, resolve(cwd, file)).split(sep).join("/"),
  };
}

/**
 * The baseline at `location`, or null when there is none: the default file missing is no
 * baseline; a file --baseline names must exist unless `mayBeMissing` (it is about to be written).
 * Anything else wrong — not a regular file, unreadable, not UTF-8, not JSON, not of the shape or
 * version — is a one-line usage error (exit 2), with the line and column of a JSON syntax error.
 */
export function readBaseline(location: BaselineLocation, mayBeMissing: boolean): Baseline | null {
  const { path, shown } = location;
  const cannot = (why: string) => new UsageError(`cannot read the baseline ${shown}: ${why}`);
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw cannot(notRegular(stats));
    if (stats.size > MAX_FILE_BYTES)
      throw cannot(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && (mayBeMissing || !location.explicit)) return null;
    if (code === "ENOENT") throw cannot("no such file (journey lint --baseline-write writes one)");
    throw cannot(reason(error));
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }) // a byte-order mark is dropped
      .decode(bytes);
  } catch {
    throw cannot("not UTF-8 text");
  }
  const parsed = parseBaseline(text);
  if (isProblem(parsed)) {
    const at = parsed.at === null ? "" : `:${parsed.at.line}:${parsed.at.column}`;
    throw new UsageError(`cannot read the baseline ${shown}${at}: ${parsed.message}`);
  }
  return parsed;
}

/**
 * Writes the baseline whole or not at all, as --output writes a report (a temporary file in the
 * same folder, renamed onto it): never through a symbolic link, never onto a file the run read.
 */
export function writeBaseline(
  io: Io,
  location: BaselineLocation,
  baseline: Baseline,
  inputs: readonly string[],
): void {
  emit(io, serializeBaseline(baseline), location.shown, inputs);
}

/**
 * What a write or a prune may change: the entries of the files the run reported on, for the
 * rules it ran; and every entry of a file that no longer exists (renamed or deleted, it has no
 * findings). The rest is kept: the files of other workspaces, rules `validate` does not run.
 */
export function scopeOf(
  location: BaselineLocation,
  reported: readonly string[],
  ran: ReadonlySet<string>,
): BaselineScope {
  const named = new Set(reported.map(location.pathOf));
  const folder = dirname(location.path);
  const gone = new Map<string, boolean>();
  const isGone = (file: string) => {
    let known = gone.get(file);
    if (known === undefined) {
      known = isAbsolute(file) ? false : !existsSync(resolve(folder, file));
      gone.set(file, known);
    }
    return known;
  };
  return { covers: (file, rule) => (named.has(file) && ran.has(rule)) || isGone(file) };
}
