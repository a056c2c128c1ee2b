import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  realpathSync,
  type Stats,
  statSync,
} from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { globSync, isDynamicPattern } from "tinyglobby";
import { UsageError } from "../errors.js";
import { MAX_FILE_BYTES, tooLarge } from "../model/decode.js";
import { parseSource, type SourceFile, unparsedSource } from "../model/source.js";

const CONFIG_NAMES = ["journey.config.yaml", "journey.config.yml"];

/** Never read, whatever the config says. */
const ALWAYS_IGNORED = ["**/node_modules/**", "**/.*/**"];

/** `/`-separated path relative to `cwd`: the one form of paths in findings and output. */
function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel === "" ? "." : rel).split(sep).join("/");
}

/** The nearest config file walking up from `dir`, or null. */
export function findConfig(dir: string): string | null {
  let current = resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/**
 * Reads and parses one file; a file too large is reported without being read. Only a regular file
 * (or a symlink to one) is read: a FIFO, socket or device is an invocation error and is never
 * opened for reading — reading a FIFO would wait forever for a writer, a device could never end.
 */
export function readSource(cwd: string, file: string): SourceFile {
  const path = displayPath(cwd, file);
  let bytes: Buffer;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new UsageError(`cannot read ${path}: ${notRegular(stats)}`);
    if (stats.size > MAX_FILE_BYTES) return unparsedSource(path, tooLarge(stats.size));
    bytes = readRegularFile(file, path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${reason(error)}`);
  }
  return parseSource(path, bytes);
}

/**
 * The bytes of a file checked to be regular. Opened without blocking and checked again on the open
 * descriptor, so that a FIFO put in its place after the check neither blocks nor is read.
 */
function readRegularFile(file: string, path: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UsageError(`cannot read ${path}: ${notRegular(stats)}`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Why a path is neither read nor written: "is a directory", "not a regular file (a FIFO)"… */
export function notRegular(stats: Stats): string {
  if (stats.isDirectory()) return "is a directory";
  if (stats.isSymbolicLink()) return "is a symbolic link";
  let kind = "not a file";
  if (stats.isFIFO()) kind = "a FIFO";
  else if (stats.isSocket()) kind = "a socket";
  else if (stats.isCharacterDevice()) kind = "a character device";
  else if (stats.isBlockDevice()) kind = "a block device";
  return `not a regular file (${kind})`;
}

/** Whether a path is a regular file (following symlinks); false when it cannot be stat'ed. */
function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return (error as Error).message;
}

export interface FileSelection {
  /** The folder `include` and `ignore` are relative to. */
  root: string;
  include: readonly string[];
  ignore: readonly string[];
}

/**
 * Expands paths into the YAML files to read, sorted and without duplicates. A file named
 * explicitly is always read (readSource refuses it if it is not a regular file); a folder is
 * walked with the config's `include`/`ignore`; a glob is expanded; both keep regular files only.
 * node_modules and dot-folders are never entered, and symlink loops end.
 */
export function expandPaths(
  cwd: string,
  paths: readonly string[],
  selection: FileSelection,
): string[] {
  const found = new Set<string>();
  const selected = picomatch([...selection.include], { dot: false });
  const ignored = picomatch([...selection.ignore, ...ALWAYS_IGNORED], { dot: true });
  // Patterns are relative to the workspace root; a file outside it is matched from the folder named.
  const key = (file: string, base: string) => {
    const rel = relative(selection.root, file);
    return (rel.startsWith("..") || isAbsolute(rel) ? relative(base, file) : rel)
      .split(sep)
      .join("/");
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute) && isDynamicPattern(path)) {
      for (const file of walk(cwd, [path])) if (!ignored(key(file, cwd))) found.add(file);
      continue;
    }
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(absolute);
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${reason(error)}`);
    }
    if (stats.isDirectory()) {
      for (const file of walk(absolute, ["**/*"])) {
        const k = key(file, absolute);
        if (selected(k) && !ignored(k)) found.add(file);
      }
    } else {
      found.add(absolute);
    }
  }
  if (found.size === 0)
    throw new UsageError(`no YAML file matched ${paths.map((p) => `"${p}"`).join(", ")}`);
  return [...found].sort();
}

function walk(cwd: string, patterns: string[]): string[] {
  const files = globSync(patterns, {
    cwd,
    absolute: true,
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: true,
    ignore: ALWAYS_IGNORED,
  });
  // Through symlinks one file can be reached by several paths: read it once.
  const byRealPath = new Map<string, string>();
  for (const file of files.sort()) {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      continue; // a dangling link met while walking: nothing to read
    }
    // A FIFO, socket or device met while walking a folder or expanding a glob is skipped, like
    // any file the walk is not for: reading it could block forever, and it holds no map. Only a
    // path named on the command line makes it an error (readSource).
    if (!isRegularFile(real)) continue;
    if (!byRealPath.has(real)) byRealPath.set(real, file);
  }
  return [...byRealPath.values()];
}
