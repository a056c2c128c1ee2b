import { isEmptyDocument, type SourceDocument, type SourceFile } from "../model/source.js";
import { buildWorkspace, type Workspace } from "../model/workspace.js";
import { checkDocument, type DocumentCheck } from "../validate/document.js";
import type { Config } from "./config.js";
import { activeRules } from "./config.js";
import { runRulesWithSuppressed } from "./engine.js";
import type { Finding, SeveritySetting, SuppressedFinding } from "./finding.js";
import type { AnyRule, LocatedSchemaIssue } from "./rule.js";

export interface Analysis {
  workspace: Workspace;
  schemaIssues: LocatedSchemaIssue[];
}

/** Schema checks made elsewhere (by a reading thread, src/io/pool.ts), used in place of checking again. */
const prechecked = new WeakMap<SourceDocument, DocumentCheck>();

/** Records the schema check of a document made elsewhere: analyse uses it as its own. */
export function recordCheck(doc: SourceDocument, check: DocumentCheck): void {
  prechecked.set(doc, check);
}

/**
 * Validates every readable document of the workspace's files against its schema and builds the
 * cross-file model. A config document other than the workspace's own config is reported: it
 * would silently do nothing.
 */
export function analyse(files: readonly SourceFile[], configFile: string | null): Analysis {
  const schemaIssues: LocatedSchemaIssue[] = [];
  for (const file of files) {
    for (const doc of file.documents) {
      if (!doc.usable) continue;
      if (isEmptyDocument(doc)) continue;
      const { kind, issues } = prechecked.get(doc) ?? checkDocument(doc.value);
      for (const issue of issues)
        schemaIssues.push({ ...issue, file: file.path, document: doc.index });
      if (kind === "config" && file.path !== configFile) {
        schemaIssues.push({
          file: file.path,
          document: doc.index,
          pointer: "/kind",
          target: "value",
          message: `this config is not applied: the workspace's config is ${configFile ?? "journey.config.yaml at the workspace root (none found)"}`,
        });
      }
    }
  }
  return { workspace: buildWorkspace(files), schemaIssues };
}

/**
 * The whole pure pipeline: parsed files in, sorted findings out. Settings are checked against the
 * whole registry (a config may set any rule); `runs` picks the rules that run (default: all).
 */
export const lintFiles = (...args: Parameters<typeof lintWithSuppressed>): Finding[] =>
  // eslint-disable-next-line no-restricted-syntax -- a rest parameter passed on: the arguments.
  lintWithSuppressed(...args).findings;

/** lintFiles, and the findings suppression comments silenced (SARIF reports them as such). */
export function lintWithSuppressed(
  files: readonly SourceFile[],
  config: Config,
  registry: readonly AnyRule[],
  flags: readonly [string, SeveritySetting][],
  today: string,
  runs: (rule: AnyRule) => boolean = () => true,
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const { workspace, schemaIssues } = analyse(files, config.file);
  const rules = activeRules(registry, config, flags).map((active) =>
    runs(active.rule) ? active : { ...active, severity: "off" as const },
  );
  return runRulesWithSuppressed({ files, workspace, schemaIssues, config, today, rules });
}
