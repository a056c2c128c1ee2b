import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { displayPath, reason } from "./files.js";
import type { Io } from "./io.js";

/** A file to create: its path inside the folder (`/`-separated) and its text. */
export interface NewFile {
  path: string;
  text: string;
}

/**
 * Creates `files` in `folder` (relative to the cwd; made if missing), none of them already there:
 * every path is checked before anything is written, and if one exists — a file, a folder, a link,
 * even a broken one — or one of `blockers` does (another name for the same role, such as
 * journey.config.yml), nothing is written and the error names them all. The folders on the way
 * inside `folder` must be real folders, not symbolic links (nothing is written through a link);
 * each file is created exclusively ("wx"). If a write fails, what was created is removed again.
 * Returns the paths written, relative to the cwd.
 */
export function createFiles(
  io: Io,
  folder: string,
  files: readonly NewFile[],
  blockers: readonly string[] = [],
): string[] {
  const root = resolve(io.cwd, folder);
  const shown = (path: string) => displayPath(io.cwd, join(root, path));
  const statOrNull = (path: string, stat: typeof lstatSync) => {
    try {
      return stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw new UsageError(`cannot create ${displayPath(io.cwd, path)}: ${reason(error)}`);
    }
  };
  const rootStats = statOrNull(root, statSync);
  if (rootStats && !rootStats.isDirectory()) {
    throw new UsageError(
      `cannot create a workspace in ${displayPath(io.cwd, root)}: it is not a folder`,
    );
  }
  const present: string[] = [];
  const folders = new Set<string>();
  for (const path of [...files.map((f) => f.path), ...blockers]) {
    if (statOrNull(join(root, path), lstatSync)) present.push(shown(path));
  }
  for (const { path } of files) {
    for (let dir = dirname(path); dir !== "."; dir = dirname(dir)) folders.add(dir);
  }
  for (const dir of [...folders].sort()) {
    const stats = statOrNull(join(root, dir), lstatSync);
    if (stats && !stats.isDirectory()) {
      const why = stats.isSymbolicLink()
        ? "is a symbolic link: journey init writes nothing through one"
        : "is not a folder";
      throw new UsageError(`cannot create files in ${shown(dir)}: it ${why}`);
    }
  }
  if (present.length > 0) {
    const [one] = present;
    const what =
      present.length === 1 ? `${one} already exists` : `${present.join(", ")} already exist`;
    throw new UsageError(`${what}: journey init never overwrites a file; nothing was written`);
  }

  const made: string[] = [];
  const written: string[] = [];
  let current = "";
  try {
    for (const dir of [root, ...[...folders].sort().map((d) => join(root, d))]) {
      current = dir;
      makeFolders(dir, made);
    }
    for (const file of files) {
      const target = join(root, file.path);
      current = target;
      // "wx": created here, never opened if anything (a file, a link) appeared there meanwhile.
      const fd = openSync(target, "wx", 0o666);
      written.push(target);
      try {
        writeFileSync(fd, file.text);
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    for (const file of written.reverse()) removeQuietly(() => unlinkSync(file));
    for (const dir of made.reverse()) removeQuietly(() => rmdirSync(dir));
    throw new UsageError(
      `cannot write ${displayPath(io.cwd, current)}: ${reason(error)}; nothing was written`,
    );
  }
  return written.map((file) => displayPath(io.cwd, file));
}

/** Makes `folder` and its missing parents, adding each one made to `made` (outermost first). */
function makeFolders(folder: string, made: string[]): void {
  const missing: string[] = [];
  for (let dir = folder; !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    mkdirSync(dir);
    made.push(dir);
  }
}

function removeQuietly(remove: () => void): void {
  try {
    remove();
  } catch {
    // already gone, or not removable: leave it
  }
}
