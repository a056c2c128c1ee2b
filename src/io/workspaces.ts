import { dirname, resolve } from "node:path";
import { UsageError } from "../errors.js";
import type { Config } from "../lint/config.js";
import type { SourceFile } from "../model/source.js";
import { type LoadedConfig, loadConfig } from "./config.js";
import {
  DISK,
  displayPath,
  findConfig,
  type NamedFile,
  namedFiles,
  readSource,
  selector,
  type Tree,
  workspaceFiles,
} from "./files.js";

/** A set of files analysed together, with the config that governs them. */
export interface LoadedWorkspace {
  config: Config;
  /** Every file of the workspace, read: what its findings are judged against. */
  files: SourceFile[];
  /** The files the command-line paths name (as in findings): what is reported on. */
  reported: ReadonlySet<string>;
  /** The folder of its config (absolute), or the current directory without one. */
  root: string;
}

interface Group {
  loaded: LoadedConfig;
  /** The config file (absolute), or null for the files no config governs. */
  configFile: string | null;
  selects: (entry: NamedFile) => boolean;
  /** Absolute paths of the files named that the workspace reads. */
  named: Set<string>;
}

/**
 * Reads the workspaces the paths belong to. The paths select what is reported; the workspace is
 * what is loaded. A file's workspace is the folder of the nearest journey.config.yaml above it, read
 * whole (its `include`/`ignore`, without the folders that have a config of their own), so that a
 * file gives the same findings however it is named: directly, in a folder, by a glob, or as part
 * of the workspace of the current directory. A file no config governs has no workspace to judge it
 * against: such files are read together, on the defaults, as they are named. With --config, every
 * path belongs to that config's workspace (its folder, whole). No path: the folder of the nearest
 * config above the current directory, else the current directory.
 */
export function loadWorkspaces(
  cwd: string,
  paths: readonly string[],
  configFlag?: string,
): LoadedWorkspace[] {
  return planWorkspaces(cwd, paths, configFlag).map((workspace) => ({
    ...workspace,
    files: workspace.files.map((f) => readSource(cwd, f)),
  }));
}

/** A workspace before its files are read: their absolute paths, sorted. */
export type PlannedWorkspace = Omit<LoadedWorkspace, "files"> & { files: string[] };

/** loadWorkspaces without the reading: which files each workspace holds (src/io/pool.ts reads them). */
export function planWorkspaces(
  cwd: string,
  paths: readonly string[],
  configFlag?: string,
): PlannedWorkspace[] {
  const planned = planWorkspacesIn(DISK, cwd, paths, configFlag);
  if (planned.length === 0) throw new UsageError(noneMatched(paths, cwd, DISK, configFlag));
  return planned;
}

/** Why planWorkspaces found nothing: the paths named (by default, the workspace's folder). */
export function noneMatched(
  paths: readonly string[],
  cwd: string,
  tree: Tree,
  configFlag?: string,
): string {
  const named =
    configFlag !== undefined && paths.length === 0
      ? [displayPath(cwd, dirname(resolve(cwd, configFlag)))]
      : defaultPaths(paths, cwd, tree);
  return `no YAML file matched ${named.map((p) => `"${p}"`).join(", ")}`;
}

/** The paths named, else the folder of the nearest config above the current directory, else it. */
function defaultPaths(paths: readonly string[], cwd: string, tree: Tree): readonly string[] {
  if (paths.length > 0) return paths;
  const file = findConfig(cwd, tree);
  return [file === null ? "." : displayPath(cwd, dirname(file))];
}

/**
 * planWorkspaces in a tree (the disk, or a commit: `journey diff`): the same rules, the config
 * read from that tree; no workspace when no file matched (a commit before the maps existed).
 */
export function planWorkspacesIn(
  tree: Tree,
  cwd: string,
  paths: readonly string[],
  configFlag?: string,
): PlannedWorkspace[] {
  tree = listingOnce(tree);
  const nearest = nearestConfig(tree);
  const groups = new Map<string, Group>();
  const add = (entry: NamedFile, configFile: string | null, load: () => LoadedConfig) => {
    let group = groups.get(configFile ?? "");
    if (!group) {
      const loaded = load();
      group = { loaded, configFile, selects: selector(selectionOf(loaded)), named: new Set() };
      groups.set(configFile ?? "", group);
    }
    if (group.selects(entry)) group.named.add(entry.file);
  };
  if (configFlag !== undefined) {
    const file = resolve(cwd, configFlag);
    if (!tree.exists(file))
      throw new UsageError(`cannot read config ${displayPath(cwd, file)}: no such file`);
    const named = paths.length === 0 ? [displayPath(cwd, dirname(file))] : paths;
    for (const entry of namedFiles(cwd, named, tree))
      add(entry, file, () => loadConfig(cwd, cwd, file, tree));
  } else {
    for (const entry of namedFiles(cwd, defaultPaths(paths, cwd, tree), tree)) {
      const from = dirname(entry.file);
      add(entry, nearest(from), () => loadConfig(cwd, from, undefined, tree));
    }
  }

  const chosen = [...groups.values()].filter((g) => g.named.size > 0);
  return chosen.map((group) => {
    const whole = wholeOf(group, configFlag !== undefined, nearest, tree);
    const files = [...new Set([...whole, ...group.named])].sort();
    return {
      config: group.loaded.config,
      files,
      reported: new Set([...group.named].map((f) => displayPath(cwd, f))),
      root: group.loaded.root,
    };
  });
}

/**
 * The files a workspace holds besides those named: its root walked, less the folders another
 * config governs (unless --config chose this one for everything). Files no config governs make
 * no workspace: only those named are read.
 */
function wholeOf(
  group: Group,
  explicit: boolean,
  nearest: (dir: string) => string | null,
  tree: Tree,
): string[] {
  if (group.configFile === null) return [];
  const files = workspaceFiles(selectionOf(group.loaded), tree);
  if (explicit) return files;
  return files.filter((f) => nearest(dirname(f)) === group.configFile);
}

const selectionOf = ({ root, config }: LoadedConfig) => ({
  root,
  include: config.include,
  ignore: config.ignore,
});

/** findConfig, remembered per folder: a walk asks it of every folder it meets. */
function nearestConfig(tree: Tree): (dir: string) => string | null {
  const known = new Map<string, string | null>();
  return (dir) => {
    let found = known.get(dir);
    if (found === undefined) {
      found = findConfig(dir, tree);
      known.set(dir, found);
    }
    return found;
  };
}

/**
 * The tree, each folder listed once: the workspace's folder is walked for the paths named (by
 * default, that folder) and again for the workspace read whole.
 */
function listingOnce(tree: Tree): Tree {
  const listed = new Map<string, readonly string[]>();
  return {
    exists: (path) => tree.exists(path),
    kind: (path, asWritten) => tree.kind(path, asWritten),
    read: (cwd, file) => tree.read(cwd, file),
    list(folder, patterns) {
      const key = JSON.stringify([folder, patterns]);
      let files = listed.get(key);
      if (files === undefined) {
        files = tree.list(folder, patterns);
        listed.set(key, files);
      }
      return [...files];
    },
  };
}
