import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { issueCommand } from "@actions/core/lib/command.js";
import { afterAll, describe, expect, it } from "vitest";
import { lintReport } from "../src/commands/lint.js";
import type { Finding } from "../src/lint/finding.js";
import {
  ANNOTATIONS_PER_LEVEL,
  github,
  stepSummary,
  SUMMARY_LIMIT,
} from "../src/report/findings/github.js";
import type { LintReport } from "../src/report/findings/index.js";
import { RULES } from "../src/rules/index.js";
import { aFinding, aReport, ROOT, run, TODAY } from "./helpers.js";

// `--format github`: workflow commands as @actions/core prints them, the note when GitHub would
// drop annotations, and the job summary the lead appends to $GITHUB_STEP_SUMMARY.

const finding = (over: Partial<Finding> = {}) =>
  aFinding({ message: "something is wrong", file: "maps/journeys/a.yaml", ...over });

const RULE_METAS = RULES.map((r) => ({
  id: r.id,
  description: r.description,
  defaultSeverity: r.defaultSeverity,
  fixed: r.fixed === true,
  doc: () => null,
}));

const report = (findings: Finding[], over: Partial<LintReport> = {}) =>
  aReport(findings, { rules: RULE_METAS, ...over });

/** What `print` writes to process.stdout, as @actions/core writes its commands there. */
function printed(print: () => void): string {
  const write = process.stdout.write.bind(process.stdout);
  let out = "";
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    print();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

/** A workflow command read back: its name, its properties (unordered) and its message. */
function parse(line: string) {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const [, name, props = "", message] = match;
  return {
    name,
    properties: Object.fromEntries(props.split(",").map((p) => p.split("="))),
    message,
  };
}

const commands = (text: string) => text.split("\n").filter((l) => /^::(error|warning) /.test(l));

const HOSTILE = [
  "100% sure: a, b and c\nsecond line\r\nthird::error::not a command",
  "%0A is not a line break, %25 not a percent",
  "::warning file=x::injected",
];
const HOSTILE_PATHS = ["maps/a,b:c.yaml", "maps/100%/x.yaml", "maps/line\nbreak.yaml"];

describe("--format github: workflow commands as @actions/core prints them", () => {
  for (const message of HOSTILE) {
    for (const file of HOSTILE_PATHS) {
      it(`escapes ${JSON.stringify(message).slice(0, 30)}… in ${JSON.stringify(file)}`, () => {
        const f = finding({ message, file, rule: "unknown-reference" });
        const [ours] = commands(github(report([f])));
        const theirs = printed(() =>
          issueCommand(
            "error",
            { file, line: 3, col: 5, endLine: 3, endColumn: 9, title: "unknown-reference" },
            message,
          ),
        );
        expect(`${ours}\n`).toBe(theirs);
        // core.error() orders its properties otherwise (title first): the same once read back.
        const viaError = printed(() =>
          core.error(message, {
            title: "unknown-reference",
            file,
            startLine: 3,
            endLine: 3,
            startColumn: 5,
            endColumn: 9,
          }),
        );
        expect(parse(ours ?? "")).toEqual(parse(viaError.trimEnd()));
      });
    }
  }

  it("prints warnings with core.warning()'s escaping", () => {
    const f = finding({ severity: "warning", rule: "stale-map", message: HOSTILE[0] });
    const [ours] = commands(github(report([f])));
    const theirs = printed(() =>
      core.warning(HOSTILE[0] ?? "", {
        title: "stale-map",
        file: f.file,
        startLine: 3,
        endLine: 3,
        startColumn: 5,
        endColumn: 9,
      }),
    );
    expect(parse(ours ?? "")).toEqual(parse(theirs.trimEnd()));
    expect(ours).toMatch(/^::warning file=maps\/journeys\/a\.yaml,line=3,col=5,endLine=3,/);
  });

  it("gives a finding over several lines its lines only (the runner drops such columns)", () => {
    const f = finding({ line: 4, column: 3, endLine: 9, endColumn: 2 });
    const [ours] = commands(github(report([f])));
    expect(`${ours}\n`).toBe(
      printed(() =>
        issueCommand("error", { file: f.file, line: 4, endLine: 9, title: "schema" }, f.message),
      ),
    );
  });

  it("prints one command per finding, one line each, however hostile the text", () => {
    const findings = HOSTILE.flatMap((message) =>
      HOSTILE_PATHS.map((file) => finding({ message, file })),
    );
    // Over the limit: the plain list in the group must not start commands either.
    const many = [...findings, ...findings, ...findings].slice(0, 25);
    const out = github(report(many));
    const lines = out.split("\n");
    expect(commands(out)).toHaveLength(many.length);
    expect(lines.filter((l) => l.startsWith("::"))).toHaveLength(many.length + 2); // + group
    expect(lines.filter((l) => l.trimStart().startsWith("##"))).toEqual([]);
  });

  it("says nothing of limits at 10 errors and 10 warnings", () => {
    const findings = [
      ...Array.from({ length: 10 }, (_, i) => finding({ line: i + 1, endLine: i + 1 })),
      ...Array.from({ length: 10 }, (_, i) =>
        finding({ severity: "warning", line: i + 20, endLine: i + 20 }),
      ),
    ];
    const out = github(report(findings));
    expect(commands(out)).toHaveLength(20);
    expect(out).not.toContain("::group::");
    expect(out.trimEnd().split("\n").at(-1)).toBe(
      "journey: 20 problems (10 errors, 10 warnings) in 1 file",
    );
  });

  it("with 11 errors, groups all of them and says one will not be shown", () => {
    const findings = Array.from({ length: 11 }, (_, i) =>
      finding({ line: i + 1, endLine: i + 1, message: `problem ${i + 1}` }),
    );
    const lines = github(report(findings)).trimEnd().split("\n");
    expect(lines.slice(0, 11).every((l) => l.startsWith("::error "))).toBe(true);
    expect(lines.slice(11)).toEqual([
      "::group::journey: all 11 findings",
      ...findings.map((f) => `error    maps/journeys/a.yaml:${f.line}:5  ${f.message}  [schema]`),
      "::endgroup::",
      "journey: 11 problems (11 errors, 0 warnings) in 1 file",
      `journey: GitHub shows at most ${ANNOTATIONS_PER_LEVEL} errors and ${ANNOTATIONS_PER_LEVEL} warnings of a step as annotations (and 50 per job): 1 error will not be shown there; every finding is listed in the group "journey: all 11 findings" above`,
    ]);
  });

  it("with 60 findings, counts what GitHub drops of each level", () => {
    const findings = Array.from({ length: 60 }, (_, i) =>
      finding({
        file: `maps/f${String(i % 7)}.yaml`,
        line: i + 1,
        endLine: i + 1,
        severity: i < 35 ? "error" : "warning",
      }),
    ).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    const out = github(report(findings));
    const lines = out.trimEnd().split("\n");
    expect(commands(out)).toHaveLength(60);
    expect(lines).toContain("::group::journey: all 60 findings");
    const group = lines.slice(lines.indexOf("::group::journey: all 60 findings") + 1);
    expect(group.indexOf("::endgroup::")).toBe(60);
    expect(lines.at(-2)).toBe("journey: 60 problems (35 errors, 25 warnings) in 7 files");
    expect(lines.at(-1)).toContain(": 25 errors and 15 warnings will not be shown there;");
  });

  it("names the files that could not be read, and says when there is nothing to report", () => {
    const clean = report([], { summary: { files: 5, errors: 0, warnings: 0, unreadable: 1 } });
    expect(github({ ...clean, unreadable: ["maps/bad.yaml"] })).toBe(
      "journey: no problems in 5 files\njourney: 1 file could not be read (maps/bad.yaml): what is missing elsewhere is not reported until it is fixed\n",
    );
  });

  it("is what journey lint --format github prints for the broken example", async () => {
    const { code, stdout } = await run(["lint", "examples/broken", "-f", "github"]);
    expect(code).toBe(1);
    expect(commands(stdout)).toHaveLength(32);
    expect(stdout.split("\n")[0]).toBe(
      '::error file=examples/broken/journeys/julie-online.yaml,line=5,col=10,endLine=5,endColumn=14,title=unknown-reference::unknown persona "juli"; did you mean "julie"?',
    );
    expect(stdout).toContain("::group::journey: all 32 findings\n");
    expect(stdout.trimEnd().split("\n").at(-1)).toContain(
      "9 errors and 3 warnings will not be shown",
    );
  });
});

const BROKEN = lintReport(
  ["examples/broken"],
  { config: undefined, rule: [] },
  {
    cwd: ROOT,
    env: { JOURNEY_TODAY: TODAY },
    now: new Date(),
    stdout: () => {},
    stderr: () => {},
    colorLevel: 0,
  },
  RULES,
);

const RULE_PAGE = "https://github.com/journey-maps/journey/blob/main/docs/rules";

describe("stepSummary: the job summary", () => {
  it("starts with the counts, per rule (linked to its page) and per file", () => {
    const lines = stepSummary(BROKEN).split("\n");
    expect(lines.slice(0, 12)).toEqual([
      "## journey lint: 19 errors, 13 warnings in 8 files",
      "",
      "1 file could not be read (examples/broken/journeys/julie-store.yaml): what is missing elsewhere is not reported until it is fixed.",
      "",
      "### By rule",
      "",
      "| rule | errors | warnings |",
      "| --- | ---: | ---: |",
      `| [\`schema\`](${RULE_PAGE}/schema.md) | 8 | 0 |`,
      `| [\`duplicate-id\`](${RULE_PAGE}/duplicate-id.md) | 3 | 0 |`,
      `| [\`unknown-reference\`](${RULE_PAGE}/unknown-reference.md) | 3 | 0 |`,
      `| [\`syntax\`](${RULE_PAGE}/syntax.md) | 1 | 0 |`,
    ]);
    const byFile = lines.indexOf("### By file");
    expect(lines.slice(byFile, byFile + 6)).toEqual([
      "### By file",
      "",
      "| file | errors | warnings |",
      "| --- | ---: | ---: |",
      "| examples/broken/journeys/julie-online.yaml | 11 | 4 |",
      "| examples/broken/journeys/marc-store.yaml | 4 | 7 |",
    ]);
    const table = lines.indexOf("### Findings");
    expect(lines.slice(table, table + 5)).toEqual([
      "### Findings",
      "",
      "| severity | where | rule | message |",
      "| --- | --- | --- | --- |",
      `| error | examples/broken/journeys/julie-online.yaml:5:10 | [\`unknown-reference\`](${RULE_PAGE}/unknown-reference.md) | unknown persona "juli"; did you mean "julie"? |`,
    ]);
    // Every finding fits, errors first; every rule of the run that found something has its row.
    expect(lines.filter((l) => /^\| (error|warning) \|/.test(l))).toHaveLength(32);
    expect(lines.filter((l) => l.startsWith("| warning")).length).toBe(13);
    expect(stepSummary(BROKEN)).not.toContain("more finding");
  });

  it("escapes what would break a cell or format it", () => {
    const f = finding({
      file: "maps/a|b.yaml",
      message: "a | b\nc *not bold* _nor_ `code` <b>tag</b> [link](x) $x$ ~~s~~ & \\",
    });
    const row = stepSummary(report([f]))
      .split("\n")
      .find((l) => l.startsWith("| error"));
    expect(row).toBe(
      `| error | maps/a\\|b.yaml:3:5 | [\`schema\`](${RULE_PAGE}/schema.md) | a \\| b<br>c \\*not bold\\* \\_nor\\_ \\\`code\\\` \\<b\\>tag\\</b\\> \\[link\\](x) \\$x\\$ \\~\\~s\\~\\~ \\& \\\\ |`,
    );
  });

  it("names the category and the silenced findings, and says when all is clean", () => {
    const clean = report([], {
      summary: { files: 5, errors: 0, warnings: 0, unreadable: 0 },
      category: "maps/eu",
      suppressed: [{ ...finding(), justification: "decided" }],
    });
    expect(stepSummary(clean)).toBe(
      "## journey lint (maps/eu): ✔ no problems in 5 files\n\n1 finding silenced by `journey-disable-next-line` comments.\n",
    );
  });

  it("stays under its limit with 100,000 findings, and says how many it leaves out", () => {
    const long = "ｍｅｓｓａｇｅ | with * wide characters ".repeat(40);
    const findings = Array.from({ length: 100_000 }, (_, i) =>
      finding({
        file: `maps/${"deep|folder/".repeat(30)}${String(i).padStart(6, "0")}.yaml`,
        message: `${i} ${long}`,
        severity: i % 3 === 0 ? "warning" : "error",
      }),
    );
    const big = report(findings, {
      unreadable: findings.slice(0, 20).map((f) => f.file),
      suppressed: findings.slice(0, 5).map((f) => ({ ...f, justification: null })),
    });
    const started = performance.now();
    const text = stepSummary(big);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    const rows = text.split("\n").filter((l) => /^\| (error|warning) \|/.test(l)).length;
    expect(rows).toBeGreaterThan(0);
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      `${100_000 - rows} more findings not listed here (${rows} of 100000 shown): see the job's log, or run \`journey lint\`.`,
    );
    expect(text).toContain("99950 more files with findings.");
  });

  it("is short for a handful of findings, and ends with a line break", () => {
    const text = stepSummary(report([finding()]));
    expect(text.endsWith("|\n")).toBe(true);
    expect(text.length).toBeLessThan(2000);
  });
});

describe("journey lint -f github with GITHUB_STEP_SUMMARY", () => {
  const dir = mkdtempSync(join(tmpdir(), "journey-summary-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("appends the summary to the file, bounded", async () => {
    const file = join(dir, "summary.md");
    const env = { JOURNEY_TODAY: TODAY, GITHUB_STEP_SUMMARY: file };
    await run(["lint", "examples/broken", "-f", "github"], ROOT, RULES, { env });
    await run(["lint", "examples/clean", "-f", "github"], ROOT, RULES, { env });
    const text = readFileSync(file, "utf8");
    expect(text.startsWith(stepSummary(BROKEN))).toBe(true);
    expect(text.endsWith("## journey lint: ✔ no problems in 5 files\n")).toBe(true);
    expect(Buffer.byteLength(text)).toBeLessThan(2 * SUMMARY_LIMIT);
  });
});
