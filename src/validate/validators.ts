import type { ErrorObject } from "ajv";
// Standalone validators compiled from schemas/ at build time (scripts/build-validators.mjs):
// no schema is compiled when `journey` starts.
import generated from "./generated/validators.cjs";

export type DocumentKind = "persona" | "journey" | "config";
export const DOCUMENT_KINDS: readonly DocumentKind[] = ["persona", "journey", "config"];

interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validators = generated as unknown as Record<DocumentKind, Validator>;

/** Runs the kind's JSON schema; returns ajv's errors (all of them), empty when valid. */
export function schemaErrors(kind: DocumentKind, value: unknown): ErrorObject[] {
  const validate = validators[kind];
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
