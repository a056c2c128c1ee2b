import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../bench/generate.mjs";
import { fastParse } from "../src/model/fast.js";
import { locate } from "../src/model/position.js";
import { parseWithYaml } from "../src/model/source.js";
import { parityProblem } from "./fast-parity.js";
import { HAS_SHARED, ROOT, run, SHARED } from "./helpers.js";

/** Every YAML file under a folder. */
function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

const SUITE = join(SHARED, "realworld", "yaml-test-suite");

describe("the fast path reads as yaml does, or declines", () => {
  const ours = [...yamlFiles(join(ROOT, "examples")), ...yamlFiles(join(ROOT, "test", "fixtures"))];

  it.each(ours.map((f) => [f.slice(ROOT.length + 1), f]))("%s", (_, file) => {
    expect(parityProblem(readFileSync(file, "utf8")).problem).toBeNull();
  });

  it("reads every form of plain scalar of the core schema as yaml does", () => {
    const forms = [
      ...["", "~", "null", "Null", "NULL", "nULL", "nul", "n", "none"],
      ...[
        "true",
        "True",
        "TRUE",
        "tRUE",
        "false",
        "False",
        "FALSE",
        "fALSE",
        "t",
        "f",
        "yes",
        "on",
      ],
      ...[
        "0",
        "-0",
        "+0",
        "12",
        "+12",
        "-12",
        "017",
        "0o17",
        "0o8",
        "0x1F",
        "0X1F",
        "0xG",
        "1_000",
      ],
      ...[
        "0b101",
        ".inf",
        "-.Inf",
        "+.INF",
        ".Inf",
        "-.inf",
        ".nan",
        ".NaN",
        ".NAN",
        "-.nan",
        ".NAn",
      ],
      ...[
        "1e3",
        "1E3",
        "1.5e-3",
        "-1.5E+3",
        ".5",
        "+.5",
        "-.5",
        "1.",
        "1.2.3",
        "+",
        "-x",
        ".",
        "..5",
      ],
      ...["12:30", "2026-11-22", "1,5", "0.0", "-0.0", "1e", "e3", "Infinity", "NaN", "nan"],
    ];
    // Each as a value, in a mapping and in a sequence: the fast path reads them all (but an
    // empty sequence item, which it leaves to yaml).
    const values =
      forms.map((f, n) => `v${n}: ${f}\n`).join("") +
      forms.map((f, n) => (f === "" ? "" : `"${n}":\n  - ${f}\n`)).join("");
    expect(parityProblem(values)).toEqual({ declined: false, problem: null });
    // As keys after the same texts as values (a type is resolved once per text): a key that is
    // not a string makes it decline, the others are read as yaml reads them.
    for (const f of forms.filter((f) => f !== "" && !f.startsWith("-")))
      expect(parityProblem(`v: ${f}\n${f}: k\n`).problem, f).toBeNull();
  });

  it("declines the explicit tags of the core schema's types (unknown to its one implicit type)", () => {
    for (const tag of ["!!null", "!!bool", "!!int", "!!float"])
      for (const text of [`a: ${tag} 5\n`, `- ${tag} "5"\n`, `[${tag} 1]\n`, `${tag} 5: a\n`])
        expect(parityProblem(text), text).toEqual({ declined: true, problem: null });
  });

  it("reads a text of more nodes than its buffers keep (65,536), and a small one after it", () => {
    const big = Array.from(
      { length: 200 },
      (_, g) =>
        `g${g}:\n${Array.from({ length: 120 }, (_, i) => `  - {a: x${i}, b: ${i}}\n`).join("")}`,
    ).join("");
    // Its value and a few positions (every position of 72,000 nodes would take seconds in yaml).
    const fast = fastParse(big);
    const slow = parseWithYaml("big.yaml", big).documents[0];
    expect(fast?.length).toBe(1);
    expect(fast?.[0]?.value).toEqual(slow?.value);
    for (const pointer of ["/g0/0/a", "/g100/60/b", "/g199/119", "/g199/119/b"])
      for (const target of ["value", "key"] as const)
        expect(fast?.[0]?.spans.locate(pointer, target), pointer).toEqual(
          slow && locate(slow.doc, pointer, target),
        );
    expect(parityProblem("a: [1, 2]\nb:\n  c: d\n")).toEqual({ declined: false, problem: null });
  });

  it("reads most example files itself", () => {
    const examples = yamlFiles(join(ROOT, "examples"));
    const read = examples.filter((f) => !parityProblem(readFileSync(f, "utf8")).declined);
    expect(read.length).toBeGreaterThan(examples.length / 2);
  });
});

describe("journey lint -f json is byte-identical with the fast path on and off (JOURNEY_PARSER=yaml)", () => {
  const generated = mkdtempSync(join(tmpdir(), "journey-fast-"));
  afterAll(() => rmSync(generated, { recursive: true, force: true }));

  /** lint's JSON of a folder, with JOURNEY_PARSER set to `parser` (or unset). */
  const lint = async (dir: string, parser: string | undefined) => {
    const before = process.env.JOURNEY_PARSER;
    if (parser === undefined) delete process.env.JOURNEY_PARSER;
    else process.env.JOURNEY_PARSER = parser;
    try {
      return await run(["lint", dir, "-f", "json"]);
    } finally {
      if (before === undefined) delete process.env.JOURNEY_PARSER;
      else process.env.JOURNEY_PARSER = before;
    }
  };

  it.each(["examples/clean", "examples/broken", "test/fixtures/one-defect-per-rule", "generated"])(
    "%s",
    async (name) => {
      let dir = join(ROOT, name);
      if (name === "generated") {
        dir = join(generated, "workspace");
        generate(dir, { journeys: 40 });
      }
      const fast = await lint(dir, undefined);
      const slow = await lint(dir, "yaml");
      expect(fast.stdout.length).toBeGreaterThan(0);
      expect(fast).toEqual(slow);
    },
  );
});

if (!HAS_SHARED) {
  console.warn(
    `SKIPPED: the YAML test suite is not at ${SUITE} (it lives in ../shared, beside the repository).`,
  );
}

describe.skipIf(!HAS_SHARED)(
  "the fast path on the YAML test suite (../shared/realworld/yaml-test-suite)",
  () => {
    const cases = HAS_SHARED ? yamlFiles(SUITE).filter((f) => f.endsWith("in.yaml")) : [];

    it("has its cases", () => {
      expect(cases.length).toBeGreaterThan(300);
    });

    it.each(cases.map((f) => [f.slice(SUITE.length + 1), f]))("%s", (_, file) => {
      expect(parityProblem(readFileSync(file, "utf8")).problem).toBeNull();
    });
  },
);
