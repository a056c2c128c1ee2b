// Writes schemas/*.schema.json from scripts/schema-src.mjs.
import { writeFileSync } from "node:fs";
import * as schemas from "./schema-src.mjs";

for (const [name, schema] of Object.entries(schemas)) {
  writeFileSync(
    new URL(`../schemas/${name}.schema.json`, import.meta.url),
    `${JSON.stringify(schema, null, 2)}\n`,
  );
}
