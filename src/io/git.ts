import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { UsageError } from "../errors.js";
import { MAX_FILE_BYTES, tooLarge } from "../model/decode.js";
import { parseSource, unparsedSource } from "../model/source.js";
import { ALWAYS_IGNORED, displayPath, isConfigName, type Tree } from "./files.js";

/**
 * The files changed since `ref` in the git repository around `cwd` (absolute paths): those
 * `git diff --name-only <ref>...HEAD` lists (changed on this branch since it left `ref`), those
 * changed in the working tree and the index (see uncommitted), and the untracked ones not
 * ignored — what a pull-request check, or a run before committing, is about. Outside a repository, or for a ref git
 * does not know, an invocation error.
 */
export function changedFiles(cwd: string, ref: string): Set<string> {
  const git = (args: string[]) =>
    runGit(
      cwd,
      args,
      "--changed-since",
      (said) => `--changed-since ${ref}: git cannot use it (${said})`,
    );
  const root = git(["rev-parse", "--show-toplevel"]).trim();
  if (ref.startsWith("-")) throw new UsageError(`--changed-since expects a git ref, not "${ref}"`);
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--changed-since ${ref}: git knows no commit by that name`);
  }
  const listed = [
    git(["diff", "--name-only", "-z", `${ref}...HEAD`, "--"])
      .split("\0")
      .filter(Boolean),
    uncommitted(root, git),
    git(["ls-files", "--others", "--exclude-standard", "--full-name", "-z", ":/"])
      .split("\0")
      .filter(Boolean),
  ];
  return new Set(listed.flat().map((path) => resolve(root, path)));
}

/**
 * The files whose working-tree or staged content differs from HEAD (relative to the root). Asked
 * of `git diff-index HEAD`, not porcelain `git diff`, which refreshes the index when files' times
 * changed; diff-index trusts the index's times instead, and lists a file only touched (a checkout,
 * an editor saving it unchanged) as modified with its new content unknown — those are hashed
 * (`git hash-object`, which writes nothing) and dropped when their content is HEAD's.
 */
function uncommitted(root: string, git: (args: string[]) => string): string[] {
  const raw = git(["diff-index", "-z", "HEAD", "--"]).split("\0");
  const changed: string[] = [];
  const unsure: { path: string; blob: string }[] = [];
  // Records of two fields: ":<mode> <mode> <blob> <blob> <status>", then the path.
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const [srcMode, dstMode, srcBlob, dstBlob, status] = (raw[i] as string).slice(1).split(" ");
    const path = raw[i + 1] as string;
    const regular = srcMode === "100644" || srcMode === "100755";
    // (A path with a newline cannot be hashed by --stdin-paths: it stays listed.)
    const hashable = regular && srcMode === dstMode && !path.includes("\n");
    if (status === "M" && hashable && /^0+$/.test(dstBlob ?? ""))
      unsure.push({ path, blob: srcBlob as string });
    else changed.push(path);
  }
  if (unsure.length > 0) {
    let hashes: string[];
    try {
      hashes = hashObjects(
        root,
        unsure.map((u) => u.path),
      );
    } catch {
      hashes = [];
    }
    unsure.forEach(({ path, blob }, n) => {
      if (hashes[n] !== blob) changed.push(path);
    });
  }
  return changed;
}

/** The blob ids git would give the files (paths relative to the root), as `git add` would clean them. */
function hashObjects(root: string, paths: readonly string[]): string[] {
  const out = runGit(
    root,
    ["hash-object", "--stdin-paths"],
    "--changed-since",
    (said) => `--changed-since: git cannot hash a file (${said})`,
    paths.join("\n") + "\n",
  );
  return out.toString("utf8").split("\n").filter(Boolean);
}

/**
 * The root of the git repository around `cwd` (the nearest folder above it holding `.git`, a folder
 * or a worktree's file), or null outside one. Found without running git.
 */
export function repositoryRoot(cwd: string): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Runs git in `cwd` and returns what it printed. Git missing, or `cwd` outside a repository: an
 * invocation error naming `what` needs it; any other failure, `failed(what git said)`. Never takes
 * the index lock to refresh it (GIT_OPTIONAL_LOCKS=0): reading leaves the repository as it was.
 */
function runGit(
  cwd: string,
  args: readonly string[],
  what: string,
  failed: (said: string) => string,
): string;
function runGit(
  cwd: string,
  args: readonly string[],
  what: string,
  failed: (said: string) => string,
  input: string,
): Buffer;
function runGit(
  cwd: string,
  args: readonly string[],
  what: string,
  failed: (said: string) => string,
  input?: string,
): string | Buffer {
  try {
    return execFileSync("git", args, {
      cwd,
      ...(input === undefined ? { encoding: "utf8" as const } : { input }),
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      maxBuffer: 1024 * 1024 * 1024,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string | Buffer };
    if (failure.code === "ENOENT")
      throw new UsageError(`${what} needs git, which is not installed`);
    const said =
      String(failure.stderr ?? "")
        .trim()
        .split("\n")[0] ?? "";
    if (/not a git repository/i.test(said))
      throw new UsageError(`${what} works in a git repository: this folder is not in one`);
    throw new UsageError(failed(said.replace(/^fatal: /, "")));
  }
}

/** The commit `journey diff` compares the working tree with: the ref as named, and its hash. */
export interface Base {
  /** As given (`main`, `HEAD~2`), or the upstream whose merge base with HEAD was taken. */
  ref: string;
  commit: string;
  /** Whether `commit` is the merge base of HEAD with `ref` (no ref was given). */
  mergeBase: boolean;
}

/** The git repository around a folder, as `journey diff` reads it. */
export interface Repository {
  /** Its top folder (as reached from the current directory, not resolved through links). */
  root: string;
  /** The commit a ref names, or null when git knows no commit by that name. */
  commitOf(ref: string): string | null;
  /**
   * Why a ref names no commit, when something can be said: the repository has none yet, or is a
   * shallow clone (the commit may be in the history it did not fetch). Null otherwise.
   */
  whyNoCommit(): string | null;
  /**
   * No ref given: the merge base of HEAD with the default branch of `origin`
   * (`refs/remotes/origin/HEAD`, which a clone sets), else with the current branch's upstream.
   */
  defaultBase(): Base;
  /** The files of a commit, as a tree workspaces are planned and read from. */
  tree(commit: string): CommitTree;
  /** The files git sees renamed (or moved) between a commit and the working tree: old → new. */
  renames(commit: string): Map<string, string>;
}

const DIFF = "diff";

/**
 * The repository around `cwd`. Outside one, or without git: an invocation error. Only reads:
 * nothing is checked out, no temporary file is made, the index is not refreshed.
 */
export function openRepository(cwd: string): Repository {
  const git = (args: readonly string[]) =>
    runGit(cwd, args, DIFF, (said) => `${DIFF}: git failed (${said})`);
  const root = resolve(cwd, git(["rev-parse", "--show-cdup"]).trim() || ".");
  const commitOf = (ref: string): string | null => {
    if (ref.startsWith("-")) return null;
    try {
      return git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim() || null;
    } catch {
      return null;
    }
  };
  const quiet = (args: readonly string[]): string | null => {
    try {
      return git(args).trim() || null;
    } catch {
      return null;
    }
  };
  const whyNoCommit = (): string | null => {
    if (commitOf("HEAD") === null) return "the repository has no commit yet: commit the maps first";
    if (quiet(["rev-parse", "--is-shallow-repository"]) === "true")
      return "git knows no commit by that name in this shallow clone: fetch the history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)";
    return null;
  };
  return {
    root,
    commitOf,
    whyNoCommit,
    defaultBase() {
      const originHead = quiet(["symbolic-ref", "-q", "refs/remotes/origin/HEAD"]);
      const upstream =
        originHead?.replace(/^refs\/remotes\//, "") ??
        quiet(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"]);
      if (upstream === null)
        throw new UsageError(
          `${DIFF}: no ref to compare with (no origin/HEAD, no upstream branch): name one, as in journey diff main`,
        );
      const commit = quiet(["merge-base", "HEAD", upstream]);
      if (commit === null)
        throw new UsageError(
          `${DIFF}: ${whyNoCommit() ?? `HEAD has no merge base with ${upstream}: name a ref, as in journey diff main`}`,
        );
      return { ref: upstream, commit, mergeBase: true };
    },
    tree: (commit) => commitTree(root, commit, git, (input) => catFile(cwd, input)),
    renames(commit) {
      // diff-index, not diff: porcelain `git diff` refreshes the index (even with
      // GIT_OPTIONAL_LOCKS=0), which this must not write. -B breaks a file rewritten in place
      // into a deletion and an addition, so that two files swapped are two renames.
      const out = git(["diff-index", "-B", "-M", "--name-status", "-z", commit, "--"]);
      const words = out.split("\0");
      const renamed = new Map<string, string>();
      for (let i = 0; i < words.length - 1;) {
        const status = words[i] ?? "";
        const paths = /^[RC]/.test(status) ? 2 : 1;
        if (status.startsWith("R"))
          renamed.set(resolve(root, words[i + 1] ?? ""), resolve(root, words[i + 2] ?? ""));
        i += 1 + paths;
      }
      return renamed;
    },
  };
}

/** `git cat-file --batch` given the hashes, one a line: every object in one process. */
function catFile(cwd: string, input: string): Buffer {
  return runGit(
    cwd,
    ["cat-file", "--batch"],
    DIFF,
    (said) => `${DIFF}: git cannot read the commit's files (${said})`,
    input,
  );
}

/** A commit's files as a Tree; `preload` reads the blobs of many files in one `git cat-file`. */
export interface CommitTree extends Tree {
  preload(files: readonly string[]): void;
}

interface Blob {
  hash: string;
  size: number;
}

/**
 * The files of a commit (`git ls-tree -r`), by absolute path in the working tree's place: its
 * regular files only (a symbolic link or a submodule holds no map). The configs are read at once
 * (planning needs them), the maps when preloaded or first read.
 */
function commitTree(
  root: string,
  commit: string,
  git: (args: readonly string[]) => string,
  cat: (input: string) => Buffer,
): CommitTree {
  const blobs = new Map<string, Blob>();
  const folders = new Set<string>([root]);
  for (const entry of git(["ls-tree", "-r", "-l", "-z", "--full-tree", commit]).split("\0")) {
    const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(entry);
    if (!match) continue;
    const [, mode, type, hash = "", size = "", path = ""] = match;
    if (type !== "blob" || mode === "120000") continue;
    const file = resolve(root, path);
    blobs.set(file, { hash, size: Number(size) });
    for (let dir = dirname(file); !folders.has(dir); dir = dirname(dir)) folders.add(dir);
  }
  const bytes = new Map<string, Buffer>();
  const preload = (files: readonly string[]) => {
    const wanted = [
      ...new Set(
        files.filter((f) => {
          const blob = blobs.get(f);
          return blob !== undefined && blob.size <= MAX_FILE_BYTES && !bytes.has(f);
        }),
      ),
    ];
    if (wanted.length === 0) return;
    const out = cat(wanted.map((f) => `${blobs.get(f)?.hash ?? ""}\n`).join(""));
    let at = 0;
    for (const file of wanted) {
      const eol = out.indexOf(10, at);
      const size = Number(/ (\d+)$/.exec(out.subarray(at, eol).toString("latin1"))?.[1] ?? -1);
      if (eol < 0 || size < 0) throw new UsageError(`${DIFF}: git did not give ${file}`);
      bytes.set(file, out.subarray(eol + 1, eol + 1 + size));
      at = eol + 1 + size + 1;
    }
  };
  preload([...blobs.keys()].filter((f) => isConfigName(basename(f))));
  const ignored = picomatch([...ALWAYS_IGNORED], { dot: true });
  return {
    exists: (path) => blobs.has(path) || folders.has(path),
    kind: (path) => (folders.has(path) ? "folder" : blobs.has(path) ? "file" : null),
    list(folder, patterns) {
      const found = new Set<string>();
      for (const written of patterns) {
        // A pattern climbing out of the folder (`../maps/*.yaml`): from the folder it names.
        let base = folder;
        let pattern = written;
        for (;;) {
          if (pattern.startsWith("./")) pattern = pattern.slice(2);
          else if (pattern.startsWith("../")) {
            base = dirname(base);
            pattern = pattern.slice(3);
          } else break;
        }
        const matches = picomatch(pattern, { dot: false });
        for (const file of blobs.keys()) {
          const rel = relative(base, file).split(sep).join("/");
          if (rel.startsWith("../") || isAbsolute(rel) || ignored(rel)) continue;
          if (matches(rel)) found.add(file);
        }
      }
      return [...found].sort();
    },
    read(cwd, file) {
      const path = displayPath(cwd, file);
      const blob = blobs.get(file);
      if (blob === undefined) throw new UsageError(`cannot read ${path}: not in commit ${commit}`);
      if (blob.size > MAX_FILE_BYTES) return unparsedSource(path, tooLarge(blob.size));
      preload([file]);
      const content = bytes.get(file) ?? Buffer.alloc(0);
      return parseSource(path, content, process.env.JOURNEY_PARSER === "yaml" ? "yaml" : "fast");
    },
    preload,
  };
}
