import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";

/**
 * The files changed since `ref` in the git repository around `cwd` (absolute paths): those
 * `git diff --name-only <ref>...HEAD` lists (changed on this branch since it left `ref`), those
 * changed in the working tree and the index, and the untracked ones not ignored — what a
 * pull-request check, or a run before committing, is about. Outside a repository, or for a ref git
 * does not know, an invocation error.
 */
export function changedFiles(cwd: string, ref: string): Set<string> {
  const git = (args: string[]) => {
    try {
      return execFileSync("git", args, {
        cwd,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 256 * 1024 * 1024,
      });
    } catch (error) {
      const failure = error as NodeJS.ErrnoException & { stderr?: string };
      if (failure.code === "ENOENT")
        throw new UsageError("--changed-since needs git, which is not installed");
      const said = (failure.stderr ?? "").trim().split("\n")[0] ?? "";
      if (/not a git repository/i.test(said))
        throw new UsageError(
          "--changed-since works in a git repository: this folder is not in one",
        );
      throw new UsageError(
        `--changed-since ${ref}: git cannot use it (${said.replace(/^fatal: /, "")})`,
      );
    }
  };
  const root = git(["rev-parse", "--show-toplevel"]).trim();
  if (ref.startsWith("-")) throw new UsageError(`--changed-since expects a git ref, not "${ref}"`);
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--changed-since ${ref}: git knows no commit by that name`);
  }
  const listed = [
    git(["diff", "--name-only", "-z", `${ref}...HEAD`, "--"]),
    git(["diff", "--name-only", "-z", "HEAD", "--"]),
    git(["ls-files", "--others", "--exclude-standard", "--full-name", "-z", ":/"]),
  ];
  return new Set(
    listed.flatMap((out) => out.split("\0").filter(Boolean)).map((path) => resolve(root, path)),
  );
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
