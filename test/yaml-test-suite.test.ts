import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintFiles } from "../src/lint/analyse.js";
import { resolveConfig } from "../src/lint/config.js";
import { parseSource } from "../src/model/source.js";
import { RULES } from "../src/rules/index.js";
import { HAS_SHARED, SHARED, TODAY } from "./helpers.js";

const SUITE = join(SHARED, "realworld", "yaml-test-suite");

/** Every case folder of the suite: `ID/` or, for cases with variants, `ID/NN/`. */
function cases(): { name: string; dir: string; mustFail: boolean }[] {
  const out = [];
  for (const id of readdirSync(SUITE).sort()) {
    const dir = join(SUITE, id);
    if (!statSync(dir).isDirectory()) continue;
    const dirs = existsSync(join(dir, "in.yaml"))
      ? [dir]
      : readdirSync(dir)
          .sort()
          .map((v) => join(dir, v))
          .filter((v) => existsSync(join(v, "in.yaml")));
    for (const d of dirs) {
      const title = readFileSync(join(d, "==="), "utf8").trim();
      out.push({
        name: `${d.slice(SUITE.length + 1)} ${title}`,
        dir: d,
        mustFail: existsSync(join(d, "error")),
      });
    }
  }
  return out;
}

if (!HAS_SHARED) {
  console.warn(
    `SKIPPED: the YAML test suite is not at ${SUITE} (it lives in ../shared, beside the repository).`,
  );
}

describe.skipIf(!HAS_SHARED)("YAML test suite (../shared/realworld/yaml-test-suite)", () => {
  const all = HAS_SHARED ? cases() : [];

  it("has its cases", () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter((c) => c.mustFail).length).toBeGreaterThan(50);
  });

  /** The `syntax` findings `journey lint` reports for the case's input. */
  const syntaxFindings = (dir: string) => {
    const file = parseSource("in.yaml", readFileSync(join(dir, "in.yaml")));
    const findings = lintFiles([file], resolveConfig(null, null), RULES, [], TODAY);
    return findings
      .filter((f) => f.rule === "syntax")
      .map((f) => `${f.line}:${f.column} ${f.message}`);
  };

  it.each(all.filter((c) => c.mustFail))("must fail: $name", ({ dir }) => {
    expect(syntaxFindings(dir).length).toBeGreaterThan(0);
  });

  it.each(all.filter((c) => !c.mustFail))("must pass: $name", ({ dir }) => {
    expect(syntaxFindings(dir)).toEqual([]);
  });
});
