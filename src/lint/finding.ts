/** How serious a finding is; `off` exists only in configuration, never on a finding. */
export type Severity = "error" | "warning";
export type SeveritySetting = Severity | "off";

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ["error", "warning", "off"];

/** A 1-based line/column range in a file. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Another place a finding relates to, located: SARIF's related locations, the stylish text. */
export interface RelatedPlace extends Range {
  file: string;
  /** What that place is: "first use of the id", "the earlier question". */
  what: string;
}

/** One problem, located and rendered: what every formatter receives. */
export interface Finding extends Range {
  rule: string;
  /** The key of the rule's message template the text was rendered from. */
  messageId: string;
  severity: Severity;
  /** The message, the places it relates to written as `file:line:column` where it names them. */
  message: string;
  /** Path relative to the current directory, `/`-separated. */
  file: string;
  /** The entity it concerns, e.g. `journey:julie-online`, `survey:delivery-csat`; null when unknown. */
  entity: string | null;
  /**
   * The JSON Pointer of the node it is about, within its document (`/stages/1/surveys/0/channel`);
   * null when it is about raw text (a YAML error, a comment). What identifies a finding across
   * edits elsewhere in the file, with its rule, file and entity (SARIF fingerprints).
   */
  pointer: string | null;
  /**
   * The pointer with each list item that has an `id` named by it (`/stages/[purchase]/surveys/0`
   * for a stage `purchase` whose survey has no id): what identifies the node when items are
   * inserted or moved before it. Null with the pointer.
   */
  anchor: string | null;
  /** The other places it relates to (empty for most findings). */
  related: RelatedPlace[];
}

/** A finding a `journey-disable-next-line` comment silenced, with the comment's reason. */
export interface SuppressedFinding extends Finding {
  justification: string | null;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

export interface Summary {
  /** The files reported on: those the paths named. */
  files: number;
  errors: number;
  warnings: number;
  /** Files of the workspaces that could not be read (named or not): what they hold is unknown. */
  unreadable: number;
}

export function summarize(findings: readonly Finding[], files: number, unreadable = 0): Summary {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { files, errors, warnings: findings.length - errors, unreadable };
}
