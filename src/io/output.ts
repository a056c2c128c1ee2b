import { renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { reason } from "./files.js";
import type { Io } from "./io.js";

/** Writes a report to --output (whole or not at all: a temporary file renamed), or to stdout. */
export function emit(io: Io, text: string, output?: string): void {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  const target = resolve(io.cwd, output);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    throw new UsageError(`cannot write ${output}: ${reason(error)}`);
  }
}
