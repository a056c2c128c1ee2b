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
  return { kind: k, issues: describeErrors(schemaErrors(k, value), k) };
}
