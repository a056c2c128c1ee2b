import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Chalk } from "chalk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../src/lint/finding.js";
import { FINDINGS_FORMATS } from "../src/report/findings/index.js";
import { formatterOf } from "../src/report/registry.js";
import { renderTable } from "../src/report/table.js";
import { aFinding, aReport, run } from "./helpers.js";

/**
 * At scale, nothing spreads an array into a call: `push(...findings)`, `Math.max(...widths)` pass
 * every item on the stack and throw `RangeError: Maximum call stack size exceeded` past about a
 * hundred thousand. A workspace of 200,000 findings is linted whole, in-process (json and
 * stylish), each CI format writes a report of 200,000 findings, and a table draws 100,000 rows.
 */

/** Personas, each with `PER_FILE` traits that are not mappings: one schema error each. */
const FILES = 4;
const PER_FILE = 50_000;
const ERRORS = FILES * PER_FILE;

/** A persona whose traits are `PER_FILE` numbers, a flow sequence of 100 a line: 2 bytes a finding. */
function persona(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < PER_FILE; i += 100) lines.push(`  ${Array(100).fill("1").join(", ")},`);
  return `kind: persona\nid: p${n}\nname: P${n}\nsummary: S\ntraits: [\n${lines.join("\n")}\n]\n`;
}

describe("a workspace of 200,000 findings", () => {
  let root = "";
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "journey-scale-"));
    mkdirSync(join(root, "personas"));
    for (let n = 0; n < FILES; n++) writeFileSync(join(root, "personas", `p${n}.yaml`), persona(n));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("lints it (json to a file, stylish to stdout): exit 1, every finding counted, no RangeError", async () => {
    const out = join(root, "report.json");
    const { code, stdout, stderr } = await run(
      ["lint", "personas", "-f", "json", "-o", out, "-f", "stylish"],
      root,
    );
    expect(stderr).not.toMatch(/RangeError|call stack/);
    expect(code).toBe(1);
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      findings: Finding[];
      summary: unknown;
    };
    // By construction: one schema error a trait, and each persona is mapped by no journey.
    expect(report.summary).toEqual({
      files: FILES,
      errors: ERRORS,
      warnings: FILES,
      unreadable: 0,
    });
    expect(report.findings).toHaveLength(ERRORS + FILES);
    const schema = report.findings.filter((f) => f.rule === "schema");
    expect(schema).toHaveLength(ERRORS);
    expect(report.findings.filter((f) => f.rule === "orphan-persona")).toHaveLength(FILES);
    expect(schema.at(-1)?.message).toBe(`traits[${PER_FILE - 1}] must be a mapping, not 1`);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(
      `✖ ${ERRORS + FILES} problems (${ERRORS} errors, ${FILES} warnings) in ${FILES} files`,
    );
  }, 120_000);
});

describe("each CI format on a report of 200,000 findings", () => {
  const findings = Array.from({ length: 200_000 }, (_, i) =>
    aFinding({
      file: `journeys/j${i % 7}.yaml`,
      line: 1 + Math.floor(i / 7),
      column: 1 + (i % 40),
      severity: i % 3 === 0 ? "warning" : "error",
      message: `finding ${i}`,
    }),
  );
  const report = aReport(findings);
  // json and stylish: the lint above. These iterate the findings in their own ways.
  for (const format of ["sarif", "github", "gitlab", "junit"] as const) {
    it(`${format}: writes it without RangeError`, async () => {
      const formatter = await formatterOf(FINDINGS_FORMATS, format);
      const text = formatter(report, { colorLevel: 0, width: undefined });
      expect(text.length).toBeGreaterThan(200_000);
    }, 60_000);
  }
});

describe("a table of 100,000 rows", () => {
  const rows = Array.from({ length: 100_000 }, (_, i) => [
    { text: `stage-${i}` },
    { text: i % 2 === 0 ? "surveyed" : "open" },
    { text: `a reason of row ${i}, long enough to wrap somewhere` },
  ]);
  const columns = [
    { header: "stage", wrap: true },
    { header: "status" },
    { header: "why", prose: true },
  ];
  const chalk = new Chalk({ level: 0 });

  it("measures and fits them to a terminal's width, and draws them", async () => {
    const text = await renderTable(columns, rows, { chalk, width: 60 });
    const lines = text.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(100_000 + 4);
    expect(lines.every((l) => l.length <= 60)).toBe(true);
  }, 60_000);
});
