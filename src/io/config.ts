import { dirname } from "node:path";
import { UsageError } from "../errors.js";
import { type Config, resolveConfig } from "../lint/config.js";
import { formatLocation, locate } from "../model/position.js";
import { isEmptyDocument } from "../model/source.js";
import { checkDocument } from "../validate/document.js";
import { DISK, findConfig, type Tree } from "./files.js";

export interface LoadedConfig {
  config: Config;
  /** The folder the config's globs are relative to. */
  root: string;
}

/**
 * Loads the workspace config: the file given with --config, else the nearest journey.config.yaml
 * walking up from `from`, else the defaults (root: the current directory), read from `tree` (the
 * disk, or a commit). An invalid config is an invocation error listing each problem as
 * file:line:column.
 */
export function loadConfig(
  cwd: string,
  from: string,
  explicit?: string,
  tree: Tree = DISK,
): LoadedConfig {
  const file = explicit ?? findConfig(from, tree);
  if (file === null) return { config: resolveConfig(null, null), root: cwd };
  const source = tree.read(cwd, file);
  const problems: string[] = [];
  const at = (offset: number) => formatLocation(source, [offset, offset + 1]);
  for (const issue of source.issues) problems.push(`${at(issue.offset)}: ${issue.message}`);
  const docs = source.documents.filter((d) => !isEmptyDocument(d));
  if (problems.length === 0 && docs.length !== 1) {
    problems.push(
      `${source.path}:1:1: a config file holds exactly one document (found ${docs.length})`,
    );
  }
  const doc = docs[0];
  if (problems.length === 0 && doc) {
    const { kind, issues } = checkDocument(doc.value);
    if (kind !== null && kind !== "config" && issues.length === 0) {
      problems.push(
        `${at(locate(doc.doc, "/kind")[0])}: a config file must have "kind: config", not "${kind}"`,
      );
    }
    for (const issue of issues)
      problems.push(
        `${formatLocation(source, locate(doc.doc, issue.pointer, issue.target))}: ${issue.message}`,
      );
  }
  if (problems.length === 1) throw new UsageError(`invalid config ${problems[0]}`);
  if (problems.length > 1) throw new UsageError(`invalid config:\n  ${problems.join("\n  ")}`);
  return {
    config: resolveConfig(doc?.value as Record<string, unknown>, source.path),
    root: dirname(file),
  };
}
