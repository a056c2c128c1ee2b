import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/rules/index.js";
import { ROOT } from "./helpers.js";

const DIR = join(ROOT, "test", "rules");

describe("every rule has its table of cases: test/rules/<id>.test.ts, run by the rule tester", () => {
  it.each(RULES.map((r) => [r.id, r]))("%s", async (id, rule) => {
    const file = join(DIR, `${id}.test.ts`);
    expect(existsSync(file), `test/rules/${id}.test.ts is missing`).toBe(true);
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^import \{ ruleTester \} from "\.\.\/rule-tester\.js";$/m);
    // The rule it tests is the one its own module exports, and the registry holds.
    const imported = new RegExp(
      `^import \\{ (\\w+) \\} from "\\.\\./\\.\\./src/rules/${id}\\.js";$`,
      "m",
    ).exec(text)?.[1];
    expect(
      imported,
      `test/rules/${id}.test.ts imports the rule from src/rules/${id}.ts`,
    ).toBeDefined();
    expect(text, `test/rules/${id}.test.ts calls ruleTester(${imported}, …)`).toMatch(
      new RegExp(`^ruleTester\\(${imported}, \\{$`, "m"),
    );
    const source = join(ROOT, "src", "rules", `${id}.ts`);
    const module = (await import(/* @vite-ignore */ source)) as Record<string, unknown>;
    expect(module[imported ?? ""]).toBe(rule);
  });

  it("no table for a rule the registry does not hold", () => {
    const tables = readdirSync(DIR)
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => f.replace(/\.test\.ts$/, ""));
    expect(tables.sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});
