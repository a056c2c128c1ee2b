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
import { parseSource, type ReadWith, type SourceFile, unparsedSource } from "../model/source.js";

const CONFIG_NAMES = ["journey.config.yaml", "journey.config.yml"];

/** Never read, whatever the config says. */
export const ALWAYS_IGNORED = ["**/node_modules/**", "**/.*/**"];

/** `/`-separated path relative to `cwd`: the one form of paths in findings and output. */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel === "" ? "." : rel).split(sep).join("/");
}

/** Whether a file's name is a config's: `journey.config.yaml` or `.yml`. */
export const isConfigName = (name: string): boolean => CONFIG_NAMES.includes(name);

/**
 * Where workspaces are planned and read from, by absolute paths: the disk (`DISK`, what every
 * command reads), or a commit of a git repository (`gitTree` in src/io/git.ts, what `journey
 * diff` compares with). Planning — the nearest config, `include`/`ignore`, the folders a config of
 * their own governs — is the same whichever it is.
 */
export interface Tree {
  /** Whether anything (a file or a folder) is at this path: a config is looked for by name. */
  exists(path: string): boolean;
  /**
   * What a path named on the command line (`asWritten`) is: a folder, a file, or nothing there
   * (null: a commit without it holds nothing of it). The disk says why it cannot tell instead.
   */
  kind(path: string, asWritten: string): "folder" | "file" | null;
  /**
   * The files under `folder` that glob patterns relative to it match, absolute, without entering
   * node_modules or dot-folders.
   */
  list(folder: string, patterns: readonly string[]): string[];
  /** One file, read and parsed (its path in the SourceFile relative to `cwd`). */
  read(cwd: string, file: string): SourceFile;
}

/** The disk: only regular files are listed and read, never a FIFO or device, never too large a file. */
export const DISK: Tree = {
  exists: existsSync,
  kind(path, asWritten) {
    try {
      return statSync(path).isDirectory() ? "folder" : "file";
    } catch (error) {
      throw new UsageError(`cannot read ${asWritten}: ${reason(error)}`);
    }
  },
  list: (folder, patterns) => walk(folder, [...patterns]),
  read: (cwd, file) => readSource(cwd, file),
};

/** The nearest config file walking up from `dir`, or null. */
export function findConfig(dir: string, tree: Tree = DISK): string | null {
  let current = resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(current, name);
      if (tree.exists(candidate)) return candidate;
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/**
 * Reads and parses one file (JOURNEY_PARSER=yaml: with `yaml` only, never the fast path, for
 * whoever meets a difference between the two); a file too large is reported without being read.
 * Only a regular file (or a symlink to one) is read: a FIFO, socket or device is an invocation error and is never
 * opened for reading — reading a FIFO would wait forever for a writer, a device could never end.
 */
export function readSource(
  cwd: string,
  file: string,
  parse: (path: string, bytes: Uint8Array, parser: ReadWith) => SourceFile = parseSource,
): SourceFile {
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
  return parse(path, bytes, process.env.JOURNEY_PARSER === "yaml" ? "yaml" : "fast");
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
  if (code === "ELOOP") return "too many levels of symbolic links";
  // Node's "ENOSPC: no space left on device, write" without its code and system call.
  const message = (error as Error).message;
  return code ? message.replace(`${code}: `, "").replace(/, \w+(?: '[^']*')*$/, "") : message;
}

export interface FileSelection {
  /** The folder `include` and `ignore` are relative to. */
  root: string;
  include: readonly string[];
  ignore: readonly string[];
}

/** A file one of the command-line paths names, and how: directly, found in a folder, or by a glob. */
export interface NamedFile {
  file: string;
  how: "file" | "folder" | "glob";
  /** The folder named (for a folder), else the current directory. */
  base: string;
}

/**
 * The files the paths name, before any config's `include`/`ignore` applies (which config applies
 * depends on where each file is): a file named explicitly (readSource refuses it if it is not a
 * regular file); the regular files of a folder, walked; the regular files a glob matches.
 * node_modules and dot-folders are never entered, and symlink loops end.
 */
export function namedFiles(cwd: string, paths: readonly string[], tree: Tree = DISK): NamedFile[] {
  const found = new Map<string, NamedFile>();
  const add = (entry: NamedFile) => {
    if (!found.has(entry.file) || entry.how === "file") found.set(entry.file, entry);
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (!tree.exists(absolute) && isDynamicPattern(path)) {
      for (const file of tree.list(cwd, [path])) add({ file, how: "glob", base: cwd });
      continue;
    }
    const kind = tree.kind(absolute, path);
    if (kind === "folder") {
      for (const file of tree.list(absolute, ["**/*"]))
        add({ file, how: "folder", base: absolute });
    } else if (kind === "file") {
      add({ file: absolute, how: "file", base: cwd });
    }
  }
  return [...found.values()];
}

/**
 * Whether a workspace reads a file: one named explicitly, always; one found in a folder or matched
 * by a glob, when the config's `include` selects it and `ignore` does not — a glob chooses among
 * the workspace's files, it does not add to them.
 * Patterns are relative to the workspace root; a file outside it is matched from the folder named.
 */
export function selector(selection: FileSelection): (entry: NamedFile) => boolean {
  const selected = picomatch([...selection.include], { dot: false });
  const ignored = picomatch([...selection.ignore, ...ALWAYS_IGNORED], { dot: true });
  const key = (file: string, base: string) => {
    const rel = relative(selection.root, file);
    return (rel.startsWith("..") || isAbsolute(rel) ? relative(base, file) : rel)
      .split(sep)
      .join("/");
  };
  return ({ file, how, base }) => {
    if (how === "file") return true;
    const k = key(file, base);
    return !ignored(k) && selected(k);
  };
}

/** Every file of a workspace: its root walked with its `include` and `ignore`. */
export function workspaceFiles(selection: FileSelection, tree: Tree = DISK): string[] {
  const selects = selector(selection);
  return tree
    .list(selection.root, ["**/*"])
    .filter((file) => selects({ file, how: "folder", base: selection.root }))
    .sort();
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
