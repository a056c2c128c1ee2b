import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docsPath } from "../src/lint/rule.js";
import { RULES } from "../src/rules/index.js";
import { lintSources, ROOT } from "./helpers.js";

/** The yaml blocks under a `## <title>` heading of a doc page. */
function examples(page: string, title: string): string[] {
  const section = page.split(/^## /m).find((s) => s.startsWith(title)) ?? "";
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}

describe("every rule has a doc page whose examples are tests", () => {
  it.each(RULES.map((r) => [r.id, r]))("%s", (id, rule) => {
    const file = join(ROOT, docsPath(id));
    expect(existsSync(file), `${docsPath(id)} is missing`).toBe(true);
    const page = readFileSync(file, "utf8");
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain(`**Severity:** ${rule.defaultSeverity}`);
    for (const heading of [
      "## What it checks",
      "## Why",
      "## Failing example",
      "## Passing example",
      "## Options",
    ]) {
      expect(page).toContain(heading);
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

  it("every rule is named in a test file", () => {
    const tests = readdirSync(join(ROOT, "test"))
      .filter((f) => f.endsWith(".test.ts") && f !== "rule-docs.test.ts")
      .map((f) => readFileSync(join(ROOT, "test", f), "utf8"))
      .join("\n");
    for (const rule of RULES) expect(tests, rule.id).toContain(`"${rule.id}"`);
  });
});
