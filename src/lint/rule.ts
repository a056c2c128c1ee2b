import type { Target } from "../model/position.js";
import type { SourceFile } from "../model/source.js";
import { childPointer } from "../model/pointer.js";
import type { Origin } from "../model/types.js";
import type { Config } from "./config.js";
import type { Workspace } from "../model/workspace.js";
import type { SchemaIssue } from "../validate/document.js";
import type { Severity } from "./finding.js";

/** Where a report points: a node of a document (by JSON Pointer), or raw offsets in a file. */
export type Place = (Origin & { target?: Target }) | { file: string; span: [number, number] };

/**
 * Another place a report relates to: the first of two duplicates, the other surveys of a window.
 * When the message template names it (`{first}`), the engine writes its `file:line:column` there.
 */
export interface RelatedReport {
  /** The placeholder of the message template it fills, if any. */
  name?: string;
  /** What that place is, in a few words: "first use of the id", "the earlier question". */
  what: string;
  at: Place;
}

/** What a rule reports: a message id and its data, never finished text (the engine renders it). */
export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  at: Place;
  /** Other places the finding relates to, in the order a reader should see them. */
  related?: readonly RelatedReport[];
  /** Overrides the entity the engine derives from the place. */
  entity?: string;
}

/** What is wrong with one rule id of a `journey-disable-next-line` comment. */
export interface DirectiveProblem {
  file: string;
  span: [number, number];
  kind: "unused" | "unknown" | "fixed" | "reason";
  rule: string;
  /** For `unknown`: the closest rule id, if any. */
  suggestion: string | null;
}

/** A schema problem with the document it belongs to. */
export interface LocatedSchemaIssue extends SchemaIssue {
  file: string;
  document: number;
}

/** Everything a rule may look at: data only, no file system, no console. */
export interface RuleContext<Options> {
  files: readonly SourceFile[];
  workspace: Workspace;
  schemaIssues: readonly LocatedSchemaIssue[];
  /** The workspace config with defaults filled in: channels, indicators, staleAfter… */
  config: Config;
  /** The date the run is for (YYYY-MM-DD): today, or JOURNEY_TODAY. */
  today: string;
  options: Options;
  /** Suppression comments that silenced nothing or are malformed: filled for rules that run last. */
  directiveProblems: readonly DirectiveProblem[];
  report(report: Report): void;
}

/**
 * A lint rule: its id is its file name and its doc page (`docs/rules/<id>.md`). The engine, not
 * the rule, applies severity, resolves positions and sorts.
 */
export interface Rule<Options = Record<string, never>> {
  id: string;
  /** One sentence, shown by `journey rules`. */
  description: string;
  defaultSeverity: Severity;
  /** Structural rules are always on, at error: configuration cannot change them. */
  fixed?: boolean;
  /** Message templates keyed by message id; `{name}` is replaced by the report's data. */
  messages: Record<string, string>;
  /** JSON schema of the options object (`[severity, options]` in the config). */
  optionsSchema?: Record<string, unknown>;
  defaultOptions: Options;
  /** Runs after every other rule, once suppression comments have been applied. */
  runsLast?: boolean;
  /**
   * It concludes that something is missing from the whole workspace (an unknown persona, a persona
   * without a journey): a change to any file can make it fire in another, so `--changed-since`
   * reports its findings wherever they are once the workspace has changed.
   */
  judgesAbsence?: boolean;
  check(context: RuleContext<Options>): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds rules of every options type.
export type AnyRule = Rule<any>;

/** The place of a node below an entity: `at(event.origin, "satisfaction")`. */
export function at(origin: Origin, ...segments: (string | number)[]): Place {
  // eslint-disable-next-line no-restricted-syntax -- a rest parameter passed on: a few segments.
  return { ...origin, pointer: childPointer(origin.pointer, ...segments) };
}

/** The place of an entity's key, e.g. the `keyMoment` key of a stage. */
export function atKey(origin: Origin, key: string): Place {
  return { ...at(origin, key), target: "key" };
}
