import type { AnyRule } from "../lint/rule.js";
import { duplicateId } from "./duplicate-id.js";
import { schema } from "./schema.js";
import { syntax } from "./syntax.js";
import { unknownReference } from "./unknown-reference.js";

/** Every rule, in the order `journey rules` lists them. Adding a rule: one file here, one doc page, one test. */
export const RULES: readonly AnyRule[] = [syntax, schema, duplicateId, unknownReference];
