import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UsageError } from "../errors.js";
import type { Config } from "../lint/config.js";
import type { SourceFile } from "../model/source.js";
import { type LoadedConfig, loadConfig } from "./config.js";
import { expandPaths, findConfig, readSource } from "./files.js";

/** A set of files linted together, with the config that governs them. */
export interface LoadedWorkspace {
  config: Config;
  files: SourceFile[];
}

/**
 * Reads the workspaces the paths belong to. With --config, every path uses that config. Otherwise
 * each path uses the nearest journey.config.yaml walking up from it (from the current directory
 * for a glob), so `journey lint examples/clean examples/broken` lints two workspaces, each with
 * its own config. No path: the workspace of the current directory.
 */
export function loadWorkspaces(
  cwd: string,
  paths: readonly string[],
  configFlag?: string,
): LoadedWorkspace[] {
  const groups = new Map<string, { loaded: LoadedConfig; paths: string[] }>();
  const add = (key: string, load: () => LoadedConfig, path: string | null) => {
    let group = groups.get(key);
    if (!group) {
      group = { loaded: load(), paths: [] };
      groups.set(key, group);
    }
    group.paths.push(path ?? group.loaded.root);
  };
  if (configFlag !== undefined) {
    const file = resolve(cwd, configFlag);
    if (!existsSync(file)) throw new UsageError(`cannot read config ${configFlag}: no such file`);
    const load = () => loadConfig(cwd, cwd, file);
    if (paths.length === 0) add(file, load, null);
    for (const path of paths) add(file, load, path);
  } else if (paths.length === 0) {
    add(findConfig(cwd) ?? "", () => loadConfig(cwd, cwd), null);
  } else {
    for (const path of paths) {
      const from = startOf(resolve(cwd, path), cwd);
      add(findConfig(from) ?? "", () => loadConfig(cwd, from), path);
    }
  }
  return [...groups.values()].map(({ loaded, paths: groupPaths }) => {
    const { config, root } = loaded;
    const files = expandPaths(cwd, groupPaths, {
      root,
      include: config.include,
      ignore: config.ignore,
    });
    return { config, files: files.map((f) => readSource(cwd, f)) };
  });
}

function startOf(absolute: string, cwd: string): string {
  try {
    return statSync(absolute).isDirectory() ? absolute : dirname(absolute);
  } catch {
    return cwd; // a glob, or a path expandPaths will report as missing
  }
}
