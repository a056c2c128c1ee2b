import { join, resolve } from "node:path";
import { DIFF_FORMATS } from "../diff/index.js";
import { type DiffSide, diffOf } from "../diff/model.js";
import { UsageError } from "../errors.js";
import { DISK, displayPath, type Tree } from "../io/files.js";
import { type Base, openRepository } from "../io/git.js";
import { outputStyle } from "../io/io.js";
import type { Io } from "../io/io.js";
import { emit, inputsOf } from "../io/output.js";
import { today } from "../io/today.js";
import {
  type LoadedWorkspace,
  noneMatched,
  type PlannedWorkspace,
  planWorkspacesIn,
} from "../io/workspaces.js";
import { analyse } from "../lint/analyse.js";
import type { AnyRule } from "../lint/rule.js";
import { scopeOf } from "../model/scope.js";
import type { SourceFile } from "../model/source.js";
import { formatterOf } from "../report/registry.js";
import { defaultRange } from "../survey/pressure.js";
import { rangeOf } from "./calendar.js";
import { defineCommand, flagOption, formatOption, pathsArgument, textOption } from "./command.js";
import { lintReport } from "./lint.js";

/** `journey diff [ref] [paths...]`: what a change does to each persona's surveys. */
export default defineCommand({
  name: "diff",
  description:
    "what the working tree changes since a git commit, per persona: surveys, stages, events, contact pressure, findings",
  arguments: [
    {
      name: "[ref]",
      description:
        "the commit to compare with (default: the merge base of HEAD with origin's default branch, else with the branch's upstream)",
    },
    pathsArgument,
  ],
  options: {
    format: formatOption(DIFF_FORMATS, "table"),
    output: textOption("-o, --output <file>", "write to a file instead of stdout"),
    from: textOption(
      "--from <date>",
      "count sends from this day, YYYY-MM-DD (default: the config's calendar.start, else today)",
    ),
    to: textOption(
      "--to <date>",
      "count sends up to this day, YYYY-MM-DD (default: from + the config's calendar.horizon, else P12M)",
    ),
    failOnNew: flagOption("--fail-on-new", "exit 1 when the change introduces an error finding"),
  },
  examples: [
    ["journey diff main", "what this branch and the uncommitted edits change since main"],
    ["journey diff", "since the merge base with origin's default branch (a clone's origin/HEAD)"],
    ["journey diff HEAD maps/journeys", "the uncommitted edits to the journeys only"],
    [
      'journey diff origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"',
      "for a pull request's job summary",
    ],
    ["journey diff main --format json", "for scripts (docs/diff.md)"],
    ["journey diff main --fail-on-new", "exit 1 if the change brings a new error"],
  ],
  async run([first, rest]: [string | undefined, string[]], options, io, context) {
    const registry = await context.rules();
    const repository = openRepository(io.cwd);
    const words = first === undefined ? rest : [first, ...rest];
    const { base, paths } = baseAndPaths(words, io.cwd, repository);
    const date = today(io.env, io.now);

    const now = planWorkspacesIn(DISK, io.cwd, paths);
    const tree = repository.tree(base.commit);
    const gitRenames = repository.renames(base.commit);
    // A path named now whose file was elsewhere at the commit names it there too.
    const renamedTo = new Map([...gitRenames].map(([from, to]) => [to, from]));
    const namedNow = now.flatMap((w) => [...w.reported].map((f) => resolve(io.cwd, f)));
    const formerly = namedNow.flatMap((f) => {
      const from = renamedTo.get(f);
      return from === undefined ? [] : [displayPath(io.cwd, from)];
    });
    const then = atTheCommit(base, () =>
      planWorkspacesIn(tree, io.cwd, paths.length === 0 ? [] : [...paths, ...formerly]),
    );
    if (now.length === 0 && then.length === 0)
      throw new UsageError(noneMatched(paths, io.cwd, DISK));
    tree.preload(then.flatMap((w) => w.files));
    const loadedNow = readAll(now, DISK, io.cwd);
    const loadedThen = readAll(then, tree, io.cwd);

    const renamed = renamesOf(gitRenames, loadedThen, loadedNow, io.cwd, tree);
    const { config } = (loadedNow[0] ?? loadedThen[0]) as LoadedWorkspace;
    const notes: string[] = [];
    const range = rangeOf(options, defaultRange(config, date), notes);
    let thenSide = analyseAll(loadedThen, new Set());
    let nowSide = analyseAll(loadedNow, new Set());
    const skip = uncompared(thenSide, nowSide, renamed);
    if (skip.then.size + skip.now.size > 0) {
      thenSide = analyseAll(loadedThen, skip.then);
      nowSide = analyseAll(loadedNow, skip.now);
    }
    const report = diffOf(
      { workspaces: thenSide, findings: findingsOf(loadedThen, io, registry) },
      { workspaces: nowSide, findings: findingsOf(loadedNow, io, registry) },
      { base, range, renamed },
    );
    const format = await formatterOf(DIFF_FORMATS, options.format);
    const text = await format(report, outputStyle(io, options.output));
    for (const note of notes) io.stderr(note);
    emit(io, text, options.output, inputsOf(loadedNow));
    const errors = report.summary.errorsIntroduced;
    if (options.failOnNew && errors > 0) {
      io.stderr(
        `journey: the change introduces ${errors} ${errors === 1 ? "error" : "errors"} (--fail-on-new)\n`,
      );
      return 1;
    }
    return 0;
  },
});

/**
 * The commit and the paths of the words after `diff`: the first is the ref when git knows it as
 * a commit and no file or folder has that name; else every word is a path and the ref is the
 * default. A first word that is neither, and no glob: an invocation error.
 */
function baseAndPaths(
  words: readonly string[],
  cwd: string,
  repository: ReturnType<typeof openRepository>,
): { base: Base; paths: string[] } {
  const [first, ...rest] = words;
  if (first !== undefined && DISK.exists(resolve(cwd, first))) {
    if (repository.commitOf(first) !== null)
      throw new UsageError(
        `diff ${first}: both a commit and a file or folder here: write ${first}^0 for the commit, ${join(".", first) === first ? `./${first}` : first} for the file or folder`,
      );
  } else if (first !== undefined) {
    const commit = repository.commitOf(first);
    if (commit !== null) return { base: { ref: first, commit, mergeBase: false }, paths: rest };
    if (!/[*?[\]{}]/.test(first))
      throw new UsageError(
        `diff ${first}: ${repository.whyNoCommit() ?? "git knows no commit by that name, and no file or folder has that name"}`,
      );
  }
  return { base: repository.defaultBase(), paths: [...words] };
}

/** What fails at the commit (its invalid config) said to be the commit's, not the working tree's. */
function atTheCommit<T>(base: Base, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(
      `diff ${base.ref}: at that commit (${base.commit.slice(0, 7)}), ${error.message}`,
    );
  }
}

type Analysed = DiffSide["workspaces"][number];

/** Each workspace analysed, without the files of `skip` (paths relative to the current directory). */
function analyseAll(loaded: readonly LoadedWorkspace[], skip: ReadonlySet<string>): Analysed[] {
  return loaded.map(({ config, files, reported }) => {
    const kept = skip.size === 0 ? files : files.filter((f) => !skip.has(f.path));
    const { workspace } = analyse(kept, config.file);
    return { config, workspace, scope: scopeOf(workspace, reported) };
  });
}

/**
 * The files whose content is not compared, as each side names them: a file that cannot be read on
 * one side (a YAML error, too large, not text), and what stands for it on the other — its path,
 * through renames, and the files that define a persona or journey it defines (its text has their
 * `id:`) — since what it holds is unknown there, not removed or added. Its findings still count.
 */
function uncompared(
  then: readonly Analysed[],
  now: readonly Analysed[],
  renamed: ReadonlyMap<string, string>,
): { then: Set<string>; now: Set<string> } {
  const back = new Map([...renamed].map(([from, to]) => [to, from]));
  const skip = { then: new Set<string>(), now: new Set<string>() };
  const pass = (
    from: readonly Analysed[],
    to: readonly Analysed[],
    counterpart: ReadonlyMap<string, string>,
    mine: Set<string>,
    theirs: Set<string>,
  ) => {
    for (const { workspace } of from)
      for (const file of workspace.unreadable) {
        mine.add(file.path);
        theirs.add(counterpart.get(file.path) ?? file.path);
        const text = file.text;
        if (text === null) continue;
        for (const other of to)
          for (const node of [...other.workspace.personas, ...other.workspace.journeys])
            if (defines(text, node.id)) theirs.add(node.origin.file);
      }
  };
  pass(then, now, renamed, skip.then, skip.now);
  pass(now, then, back, skip.now, skip.then);
  for (const path of [...skip.now]) skip.then.add(back.get(path) ?? path);
  for (const path of [...skip.then]) skip.now.add(renamed.get(path) ?? path);
  return skip;
}

/** Whether a text has a line `id: <id>` (quoted or not, a comment after it). */
function defines(text: string, id: string): boolean {
  const escaped = id.replace(/[^A-Za-z0-9]/g, "\\$&");
  return new RegExp(`^[ \\t]*id:[ \\t]*(["']?)${escaped}\\1[ \\t]*(#.*)?\\r?$`, "m").test(text);
}

function readAll(planned: readonly PlannedWorkspace[], tree: Tree, cwd: string): LoadedWorkspace[] {
  return planned.map((w) => ({ ...w, files: w.files.map((f) => tree.read(cwd, f)) }));
}

/** The findings lint reports on the paths of these workspaces (its own filters, on one side). */
function findingsOf(loaded: LoadedWorkspace[], io: Io, registry: readonly AnyRule[]) {
  return lintReport([], { config: undefined, rule: [] }, io, registry, undefined, loaded).findings;
}

/**
 * The files renamed between the commit and now, relative to the current directory: those git
 * sees renamed (its rename detection, tracked files), and a file gone from its place whose content
 * is now, unchanged, at a path the commit did not have (an untracked move). Only files either side
 * reads.
 */
function renamesOf(
  fromGit: ReadonlyMap<string, string>,
  then: readonly LoadedWorkspace[],
  now: readonly LoadedWorkspace[],
  cwd: string,
  tree: Tree,
): Map<string, string> {
  const filesThen = then.flatMap((w) => w.files);
  const filesNow = now.flatMap((w) => w.files);
  const readThen = new Set(filesThen.map((f) => f.path));
  const readNow = new Set(filesNow.map((f) => f.path));
  const renamed = new Map<string, string>();
  for (const [from, to] of fromGit) {
    const a = displayPath(cwd, from);
    const b = displayPath(cwd, to);
    if (readThen.has(a) || readNow.has(b)) renamed.set(a, b);
  }
  const targets = new Set(renamed.values());
  const gone = new Map<string, SourceFile>();
  for (const f of filesThen) {
    if (!renamed.has(f.path) && !DISK.exists(resolve(cwd, f.path)) && f.text !== "")
      if (!gone.has(f.text)) gone.set(f.text, f);
  }
  for (const f of filesNow) {
    if (targets.has(f.path) || tree.exists(resolve(cwd, f.path))) continue;
    const was = gone.get(f.text);
    if (was === undefined) continue;
    renamed.set(was.path, f.path);
    gone.delete(f.text);
  }
  return new Map([...renamed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
