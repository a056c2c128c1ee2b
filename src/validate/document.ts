import { isObject, items, writtenRecurrence } from "../model/fields.js";
import { parseRule } from "../survey/rrule.js";
import { describeErrors, type SchemaIssue } from "./messages.js";
import { didYouMean } from "./suggest.js";
import { DOCUMENT_KINDS, type DocumentKind, schemaErrors } from "./validators.js";

export type { SchemaIssue } from "./messages.js";

export interface DocumentCheck {
  /** The document's kind, when it has a known one. */
  kind: DocumentKind | null;
  issues: SchemaIssue[];
}

/** Validates one document's data against the JSON schema its `kind` names. */
export function checkDocument(value: unknown): DocumentCheck {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? "a list" : value === null ? "empty" : "a single value";
    return {
      kind: null,
      issues: [
        {
          pointer: "",
          target: "value",
          message: `a document must be a mapping with a "kind", not ${what}`,
        },
      ],
    };
  }
  const kind = (value as Record<string, unknown>).kind;
  const known = DOCUMENT_KINDS as readonly unknown[];
  if (kind === undefined) {
    const message = `document has no "kind": expected one of ${DOCUMENT_KINDS.join(", ")}`;
    return { kind: null, issues: [{ pointer: "", target: "value", message }] };
  }
  if (!known.includes(kind)) {
    const hint = didYouMean(String(kind), DOCUMENT_KINDS);
    const message = `unknown kind ${JSON.stringify(kind)}: expected one of ${DOCUMENT_KINDS.join(", ")}${hint}`;
    return { kind: null, issues: [{ pointer: "/kind", target: "value", message }] };
  }
  const k = kind as DocumentKind;
  const issues = describeErrors(schemaErrors(k, value), k);
  if (k === "journey") for (const i of ruleIssues(value as Record<string, unknown>)) issues.push(i);
  return { kind: k, issues };
}

/**
 * RFC 5545 rules (`recurrence.rrule`) are strings to the JSON schema: each is read here, as the
 * scheduler will read it, so that an invalid rule is a located schema finding, not a silent gap in
 * the calendar.
 */
function ruleIssues(journey: Record<string, unknown>): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const check = (survey: unknown, pointer: string) => {
    const rule = isObject(survey) ? writtenRecurrence(survey.recurrence)?.rrule : undefined;
    if (rule === undefined) return;
    const parsed = parseRule(rule);
    if ("problem" in parsed) {
      issues.push({
        pointer: `${pointer}/recurrence/rrule`,
        target: "value",
        message: `"${rule}" is not a valid RFC 5545 recurrence rule: ${parsed.problem}`,
      });
    }
  };
  items(journey.stages).forEach((stage, i) =>
    items(isObject(stage) ? stage.surveys : null).forEach((survey, j) =>
      check(survey, `/stages/${i}/surveys/${j}`),
    ),
  );
  items(journey.surveys).forEach((survey, j) => check(survey, `/surveys/${j}`));
  return issues;
}
