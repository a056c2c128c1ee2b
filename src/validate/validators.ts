import { createRequire } from "node:module";
import type { ErrorObject } from "ajv";

export type DocumentKind = "persona" | "journey" | "config";
export const DOCUMENT_KINDS: readonly DocumentKind[] = ["persona", "journey", "config"];

interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

// Standalone validators compiled from schemas/ at build time (scripts/build-validators.mjs), one
// module per kind beside this one: no schema is compiled when `journey` starts, and a kind's
// module is read only when a document of that kind is first checked (a workspace of personas
// never reads the journey validator). `require`, not `import`: the check is synchronous, and a
// CommonJS module required is not scanned for its exports as one imported is.
const require = createRequire(import.meta.url);
const validators = new Map<DocumentKind, Validator>();

function validator(kind: DocumentKind): Validator {
  let validate = validators.get(kind);
  if (validate === undefined) {
    validate = require(`./generated/${kind}.cjs`) as Validator;
    validators.set(kind, validate);
  }
  return validate;
}

/** Runs the kind's JSON schema; returns ajv's errors (all of them), empty when valid. */
export function schemaErrors(kind: DocumentKind, value: unknown): ErrorObject[] {
  const validate = validator(kind);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
