import { readFileSync } from "node:fs";
import { UsageError } from "../errors.js";
import type { Io } from "../io/io.js";
import { didYouMean } from "../validate/suggest.js";
import { DOCUMENT_KINDS } from "../validate/validators.js";

/** `journey schema <kind>`: prints the JSON schema shipped in schemas/, for editors. */
export function schema(kind: string, io: Io): number {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(
      `unknown kind "${kind}": use ${DOCUMENT_KINDS.join(", ")}${didYouMean(kind, DOCUMENT_KINDS)}`,
    );
  }
  io.stdout(readFileSync(new URL(`../../schemas/${kind}.schema.json`, import.meta.url), "utf8"));
  return 0;
}
