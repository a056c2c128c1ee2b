import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintReport } from "../src/commands/lint.js";
import type { Finding } from "../src/lint/finding.js";
import { gitlab } from "../src/report/findings/gitlab.js";
import { junit } from "../src/report/findings/junit.js";
import { RULES } from "../src/rules/index.js";
import { aFinding, aReport, HAS_SHARED, ROOT, SHARED, run } from "./helpers.js";

// GitLab's two CI reports: Code Quality (the merge request widget and diff) and JUnit (the test
// report), each held to what its consumer reads.

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  file: string;
  line: number;
}

const BROKEN = "examples/broken";

async function brokenFindings(cwd = ROOT, path = BROKEN): Promise<JsonFinding[]> {
  const { stdout } = await run(["lint", path, "-f", "json"], cwd);
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
}

const finding = (over: Partial<Finding>) => aFinding({ file: "maps/a.yaml", ...over });
const report = (findings: Finding[], files: string[]) => aReport(findings, { files });

describe("--format gitlab: a GitLab Code Quality report", () => {
  it("has every field GitLab requires, one issue per finding, as the JSON format says them", async () => {
    const { code, stdout } = await run(["lint", BROKEN, "-f", "gitlab"]);
    expect(code).toBe(1);
    expect(stdout.charCodeAt(0)).not.toBe(0xfeff); // GitLab's parser refuses a byte-order mark
    expect(stdout.startsWith("[")).toBe(true);
    expect(stdout.endsWith("]\n")).toBe(true);
    const issues = JSON.parse(stdout) as Issue[];
    const findings = await brokenFindings();
    expect(findings.length).toBeGreaterThan(20);
    expect(issues).toHaveLength(findings.length);
    issues.forEach((issue, i) => {
      const f = findings[i];
      expect(Object.keys(issue).sort()).toEqual([
        "check_name",
        "description",
        "fingerprint",
        "location",
        "severity",
      ]);
      expect(issue).toEqual({
        description: f?.message,
        check_name: f?.rule,
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
        severity: f?.severity === "error" ? "major" : "minor",
        location: { path: f?.file, lines: { begin: f?.line } },
      });
      expect(issue.description).not.toBe("");
      expect(issue.location.path).not.toMatch(/^\/|\\|^\.\//); // relative, `/`-separated
    });
    expect(new Set(issues.map((i) => i.severity))).toEqual(new Set(["major", "minor"]));
  });

  it("gives every finding its own fingerprint", async () => {
    const issues = JSON.parse((await run(["lint", BROKEN, "-f", "gitlab"])).stdout) as Issue[];
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it("tells apart findings that share rule, file, entity, pointer and message", () => {
    const same = finding({ rule: "syntax", messageId: "tab" });
    const issues = JSON.parse(
      gitlab(report([same, { ...same, line: 9 }, { ...same, line: 12 }], ["maps/a.yaml"])),
    ) as Issue[];
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(3);
    expect(gitlab(report([], []))).toBe("[]\n");
  });

  it("keeps each fingerprint when lines are inserted above the findings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-gitlab-"));
    cpSync(join(ROOT, BROKEN), join(dir, "broken"), { recursive: true });
    const lint = async () =>
      JSON.parse((await run(["lint", "broken", "-f", "gitlab"], dir)).stdout) as Issue[];
    const before = await lint();
    // One file with findings at JSON Pointers, one that cannot be read (YAML errors, no pointer).
    const moved = ["broken/journeys/julie-online.yaml", "broken/journeys/julie-store.yaml"];
    for (const file of moved) {
      const path = join(dir, file);
      writeFileSync(path, `# a comment inserted above everything\n${readFileSync(path, "utf8")}`);
    }
    const after = await lint();
    expect(after).toHaveLength(before.length);
    const byPrint = new Map(after.map((i) => [i.fingerprint, i]));
    for (const issue of before) {
      const shift = moved.includes(issue.location.path) ? 1 : 0;
      // The same finding, one line lower (its message may name places that moved too).
      expect(byPrint.get(issue.fingerprint), issue.description).toEqual({
        ...issue,
        description: expect.any(String) as unknown,
        location: { ...issue.location, lines: { begin: issue.location.lines.begin + shift } },
      });
    }
    expect(before.filter((i) => moved.includes(i.location.path)).length).toBeGreaterThan(10);
  });
});

describe("--format junit, without a parser", () => {
  it("names testcases uniquely in a file: (2), (3) for the same rule at the same place", () => {
    const same = finding({ rule: "duplicate-id" });
    const xml = junit(report([same, same, same], ["maps/a.yaml"]));
    expect(xml.match(/ name="[^"]*"/g)?.slice(2)).toEqual([
      ' name="duplicate-id at 3:5"',
      ' name="duplicate-id at 3:5 (2)"',
      ' name="duplicate-id at 3:5 (3)"',
    ]);
  });

  it("an empty report is an empty <testsuites>", () => {
    expect(junit(report([], []))).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="journey" tests="0" failures="0" errors="0">',
        "</testsuites>",
        "",
      ].join("\n"),
    );
  });
});

const XSD = join(SHARED, "realworld", "junit-xsd", "jenkins-xunit-junit-10.xsd");
const HAS_XMLLINT = spawnSync("xmllint", ["--version"]).status === 0;
const why = !HAS_SHARED
  ? "skipped: the JUnit XSD (../shared/realworld) is absent"
  : !HAS_XMLLINT
    ? "skipped: xmllint is not installed (Debian: apt-get install libxml2-utils)"
    : "";
if (why) console.warn(`--format junit against the Jenkins xUnit XSD ${why}`);

describe.skipIf(why !== "")(`--format junit, read back by xmllint ${why}`, () => {
  const dir = mkdtempSync(join(tmpdir(), "journey-junit-"));
  let n = 0;
  /** Writes the XML to a file and validates it against the XSD: xmllint's own verdict. */
  function validated(xml: string): string {
    const file = join(dir, `report-${++n}.xml`);
    writeFileSync(file, xml);
    const check = spawnSync("xmllint", ["--noout", "--schema", XSD, file], { encoding: "utf8" });
    expect(check.stderr).toMatch(/validates/);
    expect(check.status).toBe(0);
    return file;
  }
  /** The value of an XPath 1.0 expression (`string(…)`, `count(…)`), as xmllint reads it. */
  const xpath = (file: string, expression: string) =>
    execFileSync("xmllint", ["--xpath", expression, file], { encoding: "utf8" }).replace(/\n$/, "");

  it("the broken example is valid against the XSD and counts its findings and clean files", async () => {
    const { code, stdout } = await run(["lint", BROKEN, "-f", "junit"]);
    expect(code).toBe(1);
    expect(stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const file = validated(stdout);
    const findings = await brokenFindings();
    const io = {
      cwd: ROOT,
      env: { JOURNEY_TODAY: "2026-11-22" },
      now: new Date(),
      colorLevel: 0 as const,
      stdout: () => {},
      stderr: () => {},
    };
    const { files } = lintReport([BROKEN], { config: undefined, rule: [] }, io, RULES);
    const yamlFiles = readdirSync(join(ROOT, BROKEN), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => `${BROKEN}/${f}`)
      .sort();
    expect(files).toEqual(yamlFiles);
    const clean = files.filter((f) => !findings.some((x) => x.file === f));
    expect(clean.length).toBeGreaterThan(0);
    const count = (e: string) => Number(xpath(file, `count(${e})`));
    expect(count("/testsuites/testsuite")).toBe(files.length);
    expect(count("//testcase")).toBe(findings.length + clean.length);
    expect(count("//testcase/failure")).toBe(findings.length);
    expect(count('//testcase[@name="no problems"][not(failure)]')).toBe(clean.length);
    expect(Number(xpath(file, "string(/testsuites/@tests)"))).toBe(count("//testcase"));
    expect(Number(xpath(file, "string(/testsuites/@failures)"))).toBe(findings.length);
    // Each suite counts its own testcases and failures, and is named by its file.
    expect(count("//testsuite[@tests != count(testcase)]")).toBe(0);
    expect(count("//testsuite[@failures != count(testcase/failure)]")).toBe(0);
    expect(count("//testcase[@classname != ../@name]")).toBe(0);
    // No two testcases of a file share a name.
    expect(count("//testcase[@name = preceding-sibling::testcase/@name]")).toBe(0);
    for (const [i, f] of findings.entries()) {
      const at = `(//testcase[failure])[${i + 1}]`;
      const [classname, name, type, ...rest] = xpath(
        file,
        `concat(${at}/@classname, "|", ${at}/@name, "|", ${at}/failure/@type, "|", ${at}/failure)`,
      ).split("|");
      expect([classname, type]).toEqual([f.file, f.rule]);
      expect(name).toMatch(new RegExp(`^${f.rule} at ${f.line}:\\d+( \\(\\d+\\))?$`));
      const body = rest.join("|"); // the body last: it may hold the separator
      expect(body.startsWith(`${f.severity}: ${f.message}\nat ${f.file}:${f.line}:`)).toBe(true);
    }
    for (const f of clean) {
      expect(xpath(file, `count(//testsuite[@name="${f}"]/testcase[@name="no problems"])`)).toBe(
        "1",
      );
    }
  });

  it("escapes what a message or a path holds: ]]>, &, <, quotes, line breaks, control characters", () => {
    const nasty = `a ]]> b & c < d > "e" 'f' \u0007 g\th 😀 \uD800 end`;
    const read = nasty.replace("\u0007", "\uFFFD").replace("\uD800", "\uFFFD");
    const path = `maps/o'brien & "co" <1>.yaml`;
    const xml = junit(
      report(
        [
          finding({ file: path, message: nasty }),
          finding({
            file: path,
            line: 7,
            message: "first line\r\nsecond ]]> line",
            related: [
              {
                what: "the <other> & ]]>",
                file: "maps/b.yaml",
                line: 3,
                column: 5,
                endLine: 3,
                endColumn: 9,
              },
            ],
          }),
        ],
        [path, "maps/clean ]]>.yaml"],
      ),
    );
    expect(xml).not.toContain("]]>");
    const file = validated(xml);
    const first = "(//testcase[failure])[1]";
    const second = "(//testcase[failure])[2]";
    expect(xpath(file, `string(${first}/@classname)`)).toBe(path);
    expect(xpath(file, "string(/testsuites/testsuite[2]/@name)")).toBe(path);
    expect(xpath(file, `string(${first}/failure/@message)`)).toBe(read);
    expect(xpath(file, `string(${first}/failure)`)).toBe(
      `error: ${read}\nat ${path}:3:5 (to 3:9)\nrule: schema`,
    );
    // The message attribute is the first line; the body keeps the whole text, CR included.
    expect(xpath(file, `string(${second}/failure/@message)`)).toBe("first line");
    expect(xpath(file, `string(${second}/failure)`)).toBe(
      `error: first line\r\nsecond ]]> line\nat ${path}:7:5 (to 3:9)\nrule: schema\nthe <other> & ]]>: maps/b.yaml:3:5`,
    );
    expect(xpath(file, "string(/testsuites/testsuite[1]/testcase/@classname)")).toBe(
      "maps/clean ]]>.yaml",
    );
  });
});
