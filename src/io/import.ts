import { lstatSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { MAX_FILE_BYTES } from "../model/decode.js";
import { displayPath, notRegular, reason } from "./files.js";
import type { Io } from "./io.js";
import { emit } from "./output.js";

/**
 * What `journey import` reads and writes. It reads one regular file, as UTF-8 text; it writes a new
 * file only: a path where anything already is (a file, a folder, a link, even a broken one) is
 * refused, whatever it holds.
 */
export function readTextFile(io: Io, file: string): string {
  const path = resolve(io.cwd, file);
  const shown = displayPath(io.cwd, path);
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new UsageError(`cannot read ${shown}: ${notRegular(stats)}`);
    if (stats.size > MAX_FILE_BYTES) {
      throw new UsageError(`cannot read ${shown}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${shown}: ${reason(error)}`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`cannot read ${shown}: not UTF-8 text`);
  }
}

/** Refuses an `output` path where anything already is (checked again when writing). */
export function requireNew(io: Io, output: string | undefined): void {
  if (output === undefined) return;
  try {
    lstatSync(resolve(io.cwd, output));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new UsageError(`cannot write ${output}: ${reason(error)}`);
  }
  throw new UsageError(
    `cannot write ${output}: it already exists, and journey import never overwrites a file: choose a new path`,
  );
}

/** Writes `text` to a new file `output` (stdout without one); refuses a path already taken. */
export function emitNew(io: Io, text: string, output: string | undefined, input: string): void {
  requireNew(io, output);
  try {
    emit(io, text, output, [input], { replace: false });
  } catch (error) {
    // Taken between the check and the write: refused all the same, nothing replaced.
    if (error instanceof UsageError && /file already exists|EEXIST/.test(error.message))
      requireNew(io, output);
    throw error;
  }
}
