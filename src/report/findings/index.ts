import type { Finding, Severity, SuppressedFinding, Summary } from "../../lint/finding.js";
import { registry } from "../registry.js";
import type { Style } from "../style.js";

/**
 * What a formatter knows of a rule of the run: its metadata, and its page when it has one. The
 * severity it ran at is on each finding (workspaces linted together may configure it apart).
 */
export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Structural: always on, at error. */
  fixed: boolean;
  /** The rule's doc page (Markdown), read only when a formatter asks; null when it has none. */
  doc(): string | null;
}

/** Everything a run of `journey lint` found, as a findings formatter receives it. */
export interface LintReport {
  findings: readonly Finding[];
  summary: Summary;
  /** Every rule the run could report, in registry order. */
  rules: readonly RuleMeta[];
  /** The files of the workspaces that could not be read, named or not (`summary.unreadable`). */
  unreadable: readonly string[];
  /** The findings suppression comments silenced, in the files reported on, with their reasons. */
  suppressed: readonly SuppressedFinding[];
  /** The tool, as SARIF names its driver. */
  tool: { name: string; version: string; informationUri: string };
  /** `--sarif-category`: what tells this run from others on the same commit; null when not given. */
  category: string | null;
  /** The files reported on (those the paths named, `summary.files` of them), sorted. */
  files: readonly string[];
  /**
   * The findings the baseline accepted, left out of `findings` and of the summary's counts;
   * absent when no baseline was used.
   */
  baselined?: readonly Finding[];
}

export type FindingsFormatter = (report: LintReport, style: Style) => string;

/**
 * `--format` values of `journey lint` and `journey validate`, each loaded only when chosen. Adding
 * a format: one file beside this one, one line here.
 */
export const FINDINGS_FORMATS = registry<FindingsFormatter>()({
  stylish: async () => (await import("./stylish.js")).stylish,
  json: async () => (await import("./json.js")).json,
  sarif: async () => (await import("./sarif.js")).sarif,
  github: async () => (await import("./github.js")).github,
  gitlab: async () => (await import("./gitlab.js")).gitlab,
  junit: async () => (await import("./junit.js")).junit,
});
