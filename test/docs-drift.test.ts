import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCommands, pagePath, updatedPage, updatedReadme } from "../scripts/docs.mjs";
import { configSchema } from "../scripts/schema-src.mjs";
import { COMMANDS } from "../src/commands/index.js";
import { RULES } from "../src/rules/index.js";
import { ROOT } from "./helpers.js";

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

// The parts of the docs that the code says are written by `npm run docs` (scripts/docs.mjs);
// each must be what it would write now, from the registry the tests import (src/).
describe("the generated docs match the code (run npm run docs)", () => {
  it.each(RULES.map((r) => [r.id, r]))("docs/rules/%s.md: the header", (id, rule) => {
    const page = read(pagePath(id));
    expect(page, `${pagePath(id)}: run npm run docs`).toBe(updatedPage(page, rule));
  });

  it("README.md: the rule table and the command table", async () => {
    const readme = read("README.md");
    const commands = await loadCommands(COMMANDS);
    expect(readme, "README.md: run npm run docs").toBe(updatedReadme(readme, RULES, commands));
  });

  it("schemas/config.schema.json: the rules", () => {
    const shipped = JSON.parse(read("schemas/config.schema.json"));
    const generated = JSON.parse(JSON.stringify(configSchema(RULES)));
    expect(shipped.properties.rules).toEqual(generated.properties.rules);
    expect(shipped.definitions).toEqual(generated.definitions);
  });
});
