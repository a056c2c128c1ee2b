import {
  appendFileSync,
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmdirSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { notRegular, reason } from "./files.js";
import type { Io } from "./io.js";

/** What a command read: its workspaces' config files and maps (paths relative to the cwd). */
export function inputsOf(
  workspaces: readonly { config: { file: string | null }; files: readonly { path: string }[] }[],
): string[] {
  return workspaces.flatMap(({ config, files }) => [
    ...(config.file === null ? [] : [config.file]),
    ...files.map((f) => f.path),
  ]);
}

/**
 * Writes a report to --output, or to stdout. The target is a new path or a regular file, never one
 * of the files the run read (`inputs`, relative to the cwd): a symlink, a directory, a device or a
 * FIFO would be replaced by a regular file, and a map would be lost. The report is written whole or
 * not at all: to a temporary file beside the target, renamed onto it, and removed on any failure.
 * Missing folders on the way are made, and removed again if the report could not be written.
 */
export function emit(
  io: Io,
  text: string,
  output: string | undefined,
  inputs: readonly string[],
  { replace = true }: { replace?: boolean } = {},
) {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  const target = resolve(io.cwd, output);
  const refuse = (why: string) => new UsageError(`cannot write ${output}: ${why}`);
  let existing: Stats | undefined;
  try {
    existing = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw refuse(reason(error));
  }
  if (existing) {
    if (existing.isSymbolicLink()) {
      throw refuse("is a symbolic link: name the file it points to, or a new path");
    }
    if (!existing.isFile()) throw refuse(notRegular(existing));
    if (isOneOf(target, existing, io.cwd, inputs)) {
      throw refuse("is one of the files this command read: choose another path");
    }
  }
  const temporary = `${target}.${process.pid}.tmp`;
  let folders: string[] = [];
  let created = false;
  let renamed = false;
  try {
    folders = makeFolders(dirname(target));
    // "wx": never through a file or link already at the temporary path. An existing target keeps
    // its permissions.
    const fd = openSync(temporary, "wx", existing ? existing.mode & 0o7777 : 0o666);
    created = true;
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    if (replace) {
      renameSync(temporary, target);
    } else {
      // Never onto a file that appeared since it was checked: a link fails where anything is.
      linkSync(temporary, target);
      removeQuietly(temporary);
    }
    renamed = true;
  } catch (error) {
    throw refuse(reason(error));
  } finally {
    if (created && !renamed) removeQuietly(temporary);
    // The folders made for a report not written go too (the deepest first; only if still empty).
    if (!renamed) for (const folder of folders.reverse()) removeFolderQuietly(folder);
  }
}

/**
 * Makes `folder` and its missing parents (`-o out/report.json` without `out/`); returns those it
 * made, the outermost first. One made by someone else meanwhile is used as it is.
 */
function makeFolders(folder: string): string[] {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  const made: string[] = [];
  for (const dir of missing) {
    try {
      mkdirSync(dir);
      made.push(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        for (const m of made.reverse()) removeFolderQuietly(m);
        throw error;
      }
    }
  }
  return made;
}

function removeFolderQuietly(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // not empty, or already gone: leave it
  }
}

/** Whether `target` is one of the `inputs`: the same real path, or the same file by another link. */
function isOneOf(target: string, stats: Stats, cwd: string, inputs: readonly string[]): boolean {
  let real = target;
  try {
    real = realpathSync(target);
  } catch {
    // lstat succeeded: compare the path as given, and the file by its inode
  }
  return inputs.some((input) => {
    const file = resolve(cwd, input);
    try {
      if (realpathSync(file) === real) return true;
      const other = statSync(file);
      return stats.ino !== 0 && other.ino === stats.ino && other.dev === stats.dev;
    } catch {
      return false; // an input gone since it was read: it cannot be overwritten
    }
  });
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone, or not removable: nothing more to do
  }
}

/**
 * Appends the GitHub job summary to the file `$GITHUB_STEP_SUMMARY` names (the runner creates it;
 * other steps append to it too, so it is never replaced).
 */
export function appendStepSummary(file: string, markdown: string): void {
  try {
    appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}\n`);
  } catch (error) {
    throw new UsageError(
      `cannot write the job summary to ${file} ($GITHUB_STEP_SUMMARY): ${reason(error)}`,
    );
  }
}
