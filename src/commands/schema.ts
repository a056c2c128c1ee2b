import { UsageError } from "../errors.js";
import { shippedSchema } from "../io/shipped.js";
import { didYouMean } from "../validate/suggest.js";
import { DOCUMENT_KINDS } from "../validate/validators.js";
import { defineCommand } from "./command.js";

/** `journey schema <kind>`: prints the JSON schema shipped in schemas/, for editors. */
export default defineCommand({
  name: "schema",
  description: "print the JSON schema of a document kind, for editors",
  arguments: [{ name: "<kind>", description: "persona, journey or config" }],
  options: {},
  examples: [
    ["journey schema journey", "print the JSON schema of journey maps"],
    ["journey schema journey > journey.schema.json", "save it for an editor"],
    ["journey schema config"],
  ],
  async run([kind]: [string], _options, io) {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(
        `unknown kind "${kind}": use ${DOCUMENT_KINDS.join(", ")}${didYouMean(kind, DOCUMENT_KINDS)}`,
      );
    }
    io.stdout(shippedSchema(kind));
    return 0;
  },
});
