// Writes schemas/*.schema.json from scripts/schema-src.mjs. The config schema's `rules` come from
// the rule registry as built in dist/: `npm run docs` builds, writes the schemas and the rule docs,
// then builds again so that the validators are compiled from the new schemas.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { configSchema, journey, persona } from "./schema-src.mjs";

/** Each schema file's name and text, for the rules of a registry. */
function schemaFiles(rules) {
  const schemas = { persona, journey, config: configSchema(rules) };
  return Object.entries(schemas).map(([kind, schema]) => ({
    file: `schemas/${kind}.schema.json`,
    text: `${JSON.stringify(schema, null, 2)}\n`,
  }));
}

/** Writes the schema files; returns those whose text changed. */
export function writeSchemas(rules) {
  const changed = [];
  for (const { file, text } of schemaFiles(rules)) {
    const url = new URL(`../${file}`, import.meta.url);
    let before = null;
    try {
      before = readFileSync(url, "utf8");
    } catch {
      // A new schema file.
    }
    if (before === text) continue;
    writeFileSync(url, text);
    changed.push(file);
  }
  return changed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { RULES } = await import(new URL("../dist/rules/index.js", import.meta.url).href);
  for (const file of writeSchemas(RULES)) console.log(`wrote ${file}`);
}
