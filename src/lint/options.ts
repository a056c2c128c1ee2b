import { createRequire } from "node:module";
import type { Ajv as AjvClass, ErrorObject } from "ajv";

// ajv's compiler is loaded only when a config gives a rule options: most runs never pay for it.
const require = createRequire(import.meta.url);

/** Validates a rule's options against its options schema; returns one line per problem. */
export function optionProblems(schema: Record<string, unknown>, options: unknown): string[] {
  const Ajv = require("ajv").default as typeof AjvClass;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  if (validate(options)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => {
    const where = e.instancePath ? `option "${e.instancePath.slice(1)}"` : "options";
    if (e.keyword === "additionalProperties")
      return `unknown option "${e.params.additionalProperty}"`;
    return `${where} ${e.message}`;
  });
}
