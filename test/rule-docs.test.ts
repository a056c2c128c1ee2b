import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pagePath } from "../scripts/docs.mjs";
import { RULES } from "../src/rules/index.js";
import { lintSources, ROOT } from "./helpers.js";

/** The yaml blocks under a `## <title>` heading of a doc page. */
function examples(page: string, title: string): string[] {
  const section = page.split(/^## /m).find((s) => s.startsWith(title)) ?? "";
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}

// The header of each page (description, severity, options) is generated from the rule by
// `npm run docs`, and test/docs-drift.test.ts checks it; what is checked here is written by hand.
describe("every rule has a doc page whose examples are tests", () => {
  it.each(RULES.map((r) => [r.id]))("%s", (id) => {
    const file = join(ROOT, pagePath(id));
    expect(existsSync(file), `${pagePath(id)} is missing: npm run docs starts it`).toBe(true);
    const page = readFileSync(file, "utf8");
    expect(page.startsWith(`# ${id}\n\n<!-- generated: rule header`)).toBe(true);
    for (const heading of [
      "## What it checks",
      "## Why",
      "## Failing example",
      "## Passing example",
    ]) {
      const section = page.split(/^## /m).find((s) => `## ${s}`.startsWith(`${heading}\n`));
      expect(section?.replace(/^.*\n/, "").trim(), `${heading} is empty`).toBeTruthy();
    }
    const failing = examples(page, "Failing example");
    const passing = examples(page, "Passing example");
    expect(failing.length).toBeGreaterThan(0);
    expect(passing.length).toBeGreaterThan(0);
    for (const text of failing) {
      expect(lintSources({ "example.yaml": text }).map((f) => f.rule)).toContain(id);
    }
    // A passing example is valid and does not fire its rule (other rules may speak of it).
    for (const text of passing) {
      const findings = lintSources({ "example.yaml": text })
        .filter((f) => f.rule === id || f.rule === "syntax" || f.rule === "schema")
        .map((f) => `${f.rule} ${f.line}:${f.column} ${f.message}`);
      expect(findings).toEqual([]);
    }
  });

  it("no doc page without a rule", () => {
    const pages = readdirSync(join(ROOT, "docs", "rules")).map((f) => f.replace(/\.md$/, ""));
    expect(pages.sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});
