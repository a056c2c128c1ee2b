import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { FINDINGS_FORMATS } from "../src/report/findings/index.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Rule } from "../src/lint/rule.js";
import { childPointer } from "../src/model/pointer.js";
import { RULES } from "../src/rules/index.js";
import { ROOT, run, spawn } from "./helpers.js";

/** A configurable warning rule, to exercise severities, --quiet and --max-warnings end to end. */
const eventWithoutEmotion: Rule = {
  id: "event-without-emotion",
  description: "Test rule: every event names an emotion.",
  defaultSeverity: "warning",
  messages: { missing: 'event "{id}" names no emotion' },
  defaultOptions: {},
  check({ workspace, report }) {
    for (const j of workspace.journeys)
      for (const s of j.stages)
        for (const e of s.events)
          if (!e.emotion)
            report({
              messageId: "missing",
              data: { id: e.id },
              at: { ...e.origin, pointer: childPointer(e.origin.pointer, "id") },
            });
  },
};

const runWith = (args: string[], cwd = ROOT) => run(args, cwd, [...RULES, eventWithoutEmotion]);

describe("journey lint on the examples", () => {
  it("the clean workspace: exit 0, no finding", async () => {
    const r = await run(["lint", "examples/clean"]);
    expect(r).toEqual({ code: 0, stdout: "✔ no problems in 5 files\n", stderr: "" });
  });

  it("the broken workspace: located findings, exit 1", async () => {
    const r = await run(["lint", "examples/broken"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    await expect(r.stdout).toMatchFileSnapshot("snapshots/lint-broken.stylish.txt");
  });

  it("--format json follows the contract", async () => {
    const r = await run(["lint", "examples/broken", "--format", "json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(["version", "findings", "summary"]);
    expect(report.version).toBe(1);
    const count = (severity: string) =>
      report.findings.filter((f: { severity: string }) => f.severity === severity).length;
    expect(report.summary).toEqual({
      files: 8,
      errors: count("error"),
      warnings: count("warning"),
      unreadable: 1, // julie-store.yaml, a YAML syntax error
    });
    expect(count("error")).toBeGreaterThan(10);
    expect(count("warning")).toBeGreaterThan(5);
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual([
        "rule",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "endLine",
        "endColumn",
        "entity",
      ]);
      expect(f.file).toMatch(/^examples\/broken\/[a-z/-]+\.yaml$/);
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
    }
    const order = report.findings.map((f: { file: string; line: number; column: number }) => [
      f.file,
      f.line,
      f.column,
    ]);
    expect(order).toEqual(
      [...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2])),
    );
    expect(report.findings[0]).toEqual({
      rule: "unknown-reference",
      severity: "error",
      message: 'unknown persona "juli"; did you mean "julie"?',
      file: "examples/broken/journeys/julie-online.yaml",
      line: 5,
      column: 10,
      endLine: 5,
      endColumn: 14,
      entity: "journey:julie-online",
    });
    const entities = new Set(report.findings.map((f: { entity: string }) => f.entity));
    expect(entities).toEqual(
      new Set([
        "journey:julie-online",
        "journey:marc-store",
        "persona:julie",
        "persona:marc",
        "persona:sophie",
        "survey:delivery-csat",
        "survey:till-follow-up",
        "survey:till-wait",
        null,
      ]),
    );
  });

  it("validate reports the same structural findings", async () => {
    const lint = await run(["lint", "examples/broken", "-f", "json"]);
    const validate = await run(["validate", "examples/broken", "-f", "json"]);
    expect(validate.code).toBe(1);
    const structural = new Set(["syntax", "schema", "duplicate-id", "unknown-reference"]);
    const linted = JSON.parse(lint.stdout).findings;
    const validated = JSON.parse(validate.stdout).findings;
    expect(validated).toEqual(linted.filter((f: { rule: string }) => structural.has(f.rule)));
    expect(validated.length).toBeLessThan(linted.length);
  });

  it("two workspaces in one call, each with its own config", async () => {
    const r = await run(["lint", "examples/clean", "examples/broken", "-f", "json"]);
    const report = JSON.parse(r.stdout);
    expect(report.summary.files).toBe(13);
    expect(
      report.findings.every((f: { file: string }) => f.file.startsWith("examples/broken/")),
    ).toBe(true);
  });

  it("a glob", async () => {
    const r = await run(["validate", "examples/broken/personas/julie*.yaml", "-f", "json"]);
    const report = JSON.parse(r.stdout);
    expect(report.summary.files).toBe(2);
    expect(report.findings.map((f: { rule: string; line: number }) => [f.rule, f.line])).toEqual([
      ["duplicate-id", 3],
      ["unknown-reference", 11],
      ["schema", 13],
    ]);
  });

  it("the config's include and ignore select the files of a folder; a file named explicitly is always read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-"));
    writeFileSync(
      join(dir, "journey.config.yaml"),
      'kind: config\ninclude: ["maps/**/*.yaml"]\nignore: ["maps/drafts/**"]\n',
    );
    mkdirSync(join(dir, "maps", "drafts"), { recursive: true });
    mkdirSync(join(dir, "other"));
    writeFileSync(join(dir, "maps", "p.yaml"), "kind: persona\nid: p\nname: P\nsummary: S\n");
    writeFileSync(join(dir, "maps", "drafts", "wip.yaml"), "kind: draft\n");
    writeFileSync(join(dir, "other", "notes.yaml"), "kind: notes\n");
    const folder = JSON.parse((await run(["validate", "-f", "json"], dir)).stdout);
    expect(folder.summary).toEqual({ files: 1, errors: 0, warnings: 0, unreadable: 0 });
    const explicit = await run(
      ["validate", "-f", "json", "maps/p.yaml", "maps/drafts/wip.yaml"],
      dir,
    );
    expect(
      JSON.parse(explicit.stdout).findings.map((f: { file: string; rule: string }) => [
        f.file,
        f.rule,
      ]),
    ).toEqual([["maps/drafts/wip.yaml", "schema"]]);
  });

  it("--config applies one config to every path; another workspace's config file is reported as not applied", async () => {
    const r = await run([
      "lint",
      "-f",
      "json",
      "--config",
      "examples/clean/journey.config.yaml",
      "examples/broken/personas",
      "examples/broken/journey.config.yaml",
    ]);
    const findings = JSON.parse(r.stdout).findings.map(
      (f: { file: string; line: number; message: string }) => [f.file, f.line, f.message],
    );
    expect(findings).toContainEqual([
      "examples/broken/journey.config.yaml",
      2,
      "this config is not applied: the workspace's config is examples/clean/journey.config.yaml",
    ]);
    expect(findings).toContainEqual([
      "examples/broken/personas/julie.yaml",
      11,
      'unknown channel "emial"; did you mean "email"? Or declare it under channels: in journey.config.yaml',
    ]);
  });

  it("from inside a workspace, the config is found by walking up and paths stay relative", async () => {
    const r = await run(["lint", "-f", "json"], join(ROOT, "examples", "broken", "personas"));
    const report = JSON.parse(r.stdout);
    expect(report.summary.files).toBe(8);
    expect(report.findings[0].file).toBe("../journeys/julie-online.yaml");
  });
});

describe("severities, --rule, --quiet, --max-warnings (with a warning rule of the test's own)", () => {
  const workspace = join(ROOT, "examples", "clean");

  it("warnings are reported and do not fail the run", async () => {
    const r = await runWith(["lint", "-f", "json"], workspace);
    const report = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(report.summary).toEqual({ files: 5, errors: 0, warnings: 6, unreadable: 0 });
    expect(report.findings[0]).toMatchObject({
      rule: "event-without-emotion",
      severity: "warning",
      file: "journeys/julie-online.yaml",
      line: 27,
      column: 13,
    });
  });

  it("--max-warnings: exceeded exits 1 and says why, reached does not", async () => {
    const exceeded = await runWith(["lint", "--max-warnings", "5"], workspace);
    expect(exceeded.code).toBe(1);
    expect(exceeded.stderr).toBe("journey: 6 warnings, more than --max-warnings 5 allows\n");
    expect(await runWith(["lint", "--max-warnings", "6", "-f", "json"], workspace)).toMatchObject({
      code: 0,
      stderr: "",
    });
  });

  it("--quiet drops warnings from the report, and --max-warnings still counts them", async () => {
    expect(await runWith(["lint", "--quiet"], workspace)).toEqual({
      code: 0,
      stdout: "✔ no problems in 5 files\n",
      stderr: "",
    });
    // Failing on warnings it does not show, it does not say "no problems" (review finding).
    expect(await runWith(["lint", "--quiet", "--max-warnings", "0"], workspace)).toEqual({
      code: 1,
      stdout: "✖ 6 problems (0 errors, 6 warnings) in 5 files (6 warnings not shown: --quiet)\n",
      stderr: "journey: 6 warnings, more than --max-warnings 0 allows\n",
    });
    const json = await runWith(["lint", "-q", "--max-warnings", "0", "-f", "json"], workspace);
    expect(JSON.parse(json.stdout)).toMatchObject({
      findings: [],
      summary: { errors: 0, warnings: 6 },
    });
  });

  it("map text cannot start a line of its own in stylish (a workflow command in a CI log)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-"));
    writeFileSync(
      join(dir, "p.yaml"),
      'kind: persona\nid: eve\nname: Eve\nsummary: x\n"x\\n::error file=evil.yaml::injected\\u001b[2J": 1\n',
    );
    const r = await run(["lint", "p.yaml"], dir);
    expect(r.stdout.split("\n").filter((l) => !l.startsWith(" ") && l !== "")).toEqual([
      "p.yaml",
      "✖ 2 problems (1 error, 1 warning) in 1 file",
    ]);
    expect(r.stdout).toContain(
      'unknown key "x\\n::error file=evil.yaml::injected\\u001b[2J" in persona',
    );
  });

  it("validate accepts the settings of every rule, in the config and in --rule, and runs the structural ones", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-"));
    writeFileSync(
      join(dir, "journey.config.yaml"),
      "kind: config\nrules:\n  stage-without-survey: error\n  redundant-question: [warning, { similarity: 0.9 }]\n",
    );
    writeFileSync(join(dir, "p.yaml"), "kind: persona\nid: p\nname: P\nsummary: S\n");
    expect(await run(["validate"], dir)).toEqual({
      code: 0,
      stdout: "✔ no problems in 2 files\n",
      stderr: "",
    });
    expect(await run(["validate", "--rule", "stale-map=off"], dir)).toMatchObject({ code: 0 });
    expect(await run(["validate", "--rule", "stale-maps=off"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: 'journey: --rule: unknown rule "stale-maps"; did you mean "stale-map"?\n',
    });
  });

  it("--rule changes a severity, and off silences the rule", async () => {
    const error = await runWith(
      ["lint", "--rule", "event-without-emotion=error", "-f", "json"],
      workspace,
    );
    expect(error.code).toBe(1);
    expect(JSON.parse(error.stdout).summary).toEqual({
      files: 5,
      errors: 6,
      warnings: 0,
      unreadable: 0,
    });
    const off = await runWith(["lint", "--rule", "event-without-emotion=off"], workspace);
    expect(off).toMatchObject({ code: 0, stdout: "✔ no problems in 5 files\n" });
  });

  it("the config's rules apply, and --rule wins over them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-"));
    writeFileSync(
      join(dir, "journey.config.yaml"),
      "kind: config\nrules:\n  event-without-emotion: error\n",
    );
    writeFileSync(
      join(dir, "j.yaml"),
      "kind: persona\nid: p\nname: P\nsummary: S\n---\nkind: journey\nid: j\ntitle: J\npersona: p\nstages:\n  - id: s\n    name: S\n    events:\n      - { id: e, action: A, channel: web }\n",
    );
    const fromConfig = await runWith(["lint", "-f", "json"], dir);
    expect(fromConfig.code).toBe(1);
    expect(
      JSON.parse(fromConfig.stdout)
        .findings.filter((f: { rule: string }) => f.rule === "event-without-emotion")
        .map((f: { severity: string; line: number }) => [f.severity, f.line]),
    ).toEqual([["error", 14]]);
    const overridden = await runWith(["lint", "--rule", "event-without-emotion=warning"], dir);
    expect(overridden.code).toBe(0);
  });

  it("journey rules shows default and configured severity", async () => {
    const r = await runWith(["rules", "--format", "json", "--rule", "event-without-emotion=off"]);
    const rows = JSON.parse(r.stdout);
    expect(rows.map((x: { id: string }) => x.id)).toEqual([
      ...RULES.map((rule) => rule.id),
      "event-without-emotion",
    ]);
    expect(rows.at(-1)).toEqual({
      id: "event-without-emotion",
      defaultSeverity: "warning",
      severity: "off",
      fixed: false,
      description: "Test rule: every event names an emotion.",
      docs: "journey rules event-without-emotion",
    });
  });
});

describe("invocation errors: one line on stderr, exit 2", () => {
  it.each([
    [["lint", "--bad"], "journey: unknown option '--bad'\n"],
    [["lnt"], "journey: unknown command 'lnt'\n(Did you mean lint?)\n"],
    [
      ["lint", "--format", "xml", "examples/clean"],
      `journey: unknown format "xml": use ${Object.keys(FINDINGS_FORMATS).join(", ")}\n`,
    ],
    [
      ["lint", "no/such/folder"],
      "journey: cannot read no/such/folder: no such file or directory\n",
    ],
    [
      ["lint", "examples/clean", "--rule", "schema=off"],
      'journey: --rule: rule "schema" is always on at error and cannot be configured\n',
    ],
    [
      ["lint", "examples/clean", "--rule", "duplicate-ids=error"],
      'journey: --rule: unknown rule "duplicate-ids"; did you mean "duplicate-id"?\n',
    ],
    [
      ["lint", "examples/clean", "--rule", "schema"],
      'journey: --rule expects <id>=<severity> with severity error, warning, off, got "schema"\n',
    ],
    [
      ["lint", "examples/clean", "--max-warnings", "-1"],
      "journey: option '--max-warnings <n>' argument '-1' is invalid. expected a whole number (0 or more).\n",
    ],
    [
      ["lint", "examples/clean", "--config", "nope.yaml"],
      "journey: cannot read config nope.yaml: no such file\n",
    ],
    [["lint", "examples/*.nothing"], 'journey: no YAML file matched "examples/*.nothing"\n'],
    [
      ["schema", "jouney"],
      'journey: unknown kind "jouney": use persona, journey, config; did you mean "journey"?\n',
    ],
    [
      ["lint", "examples/clean", "-o", "examples/clean/journey.config.yaml/out.txt"],
      "journey: cannot write examples/clean/journey.config.yaml/out.txt: not a directory\n",
    ],
  ])("%j", async (args, stderr) => {
    expect(await run(args)).toEqual({ code: 2, stdout: "", stderr });
  });

  it.each([
    ["2026-02-30", "JOURNEY_TODAY=2026-02-30: February 2026 has 28 days"],
    ["2026-13-01", "JOURNEY_TODAY=2026-13-01: month 13 does not exist"],
    ["0000-06-01", "JOURNEY_TODAY=0000-06-01: years run from 0001 to 9999"],
    ["22/11/2026", 'JOURNEY_TODAY must be a date written YYYY-MM-DD, not "22/11/2026"'],
  ])("JOURNEY_TODAY=%s is not a date: exit 2", async (date, message) => {
    expect(
      await run(["lint", "examples/clean"], undefined, undefined, {
        env: { JOURNEY_TODAY: date },
      }),
    ).toEqual({ code: 2, stdout: "", stderr: `journey: ${message}\n` });
  });

  it("an invalid config: exit 2 with each problem at file:line:column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-"));
    writeFileSync(
      join(dir, "journey.config.yaml"),
      "kind: config\nchanels: []\nstaleAfter: 12 months\n",
    );
    writeFileSync(join(dir, "p.yaml"), "kind: persona\nid: p\nname: P\nsummary: S\n");
    expect(await run(["lint"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: invalid config:\n" +
        '  journey.config.yaml:2:1: unknown key "chanels" in config; did you mean "channels"?\n' +
        '  journey.config.yaml:3:13: "staleAfter" must be an ISO 8601 duration such as P7D, P2W, P1M or P1Y, not "12 months"\n',
    });
  });

  it.each([
    [
      "a YAML error",
      "kind: config\nrules: [\n",
      "journey: invalid config journey.config.yaml:3:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n",
    ],
    [
      "another kind",
      "kind: persona\nid: p\nname: P\nsummary: S\n",
      'journey: invalid config journey.config.yaml:1:7: a config file must have "kind: config", not "persona"\n',
    ],
    [
      "an unknown rule",
      "kind: config\nrules:\n  stage-without-surveys: warning\n",
      'journey: journey.config.yaml: unknown rule "stage-without-surveys"; did you mean "stage-without-survey"?\n',
    ],
    [
      "a bad severity",
      "kind: config\nrules:\n  schema: warn\n",
      'journey: invalid config journey.config.yaml:3:11: "schema" is not valid: A rule\'s severity, or [severity, options]\n',
    ],
  ])("an invalid config: %s", async (_name, config, stderr) => {
    const dir = mkdtempSync(join(tmpdir(), "journey-"));
    writeFileSync(join(dir, "journey.config.yaml"), config);
    expect(await run(["lint"], dir)).toEqual({ code: 2, stdout: "", stderr });
  });
});

describe("other commands and outputs", () => {
  it("--output writes the report to a file and nothing to stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-"));
    const r = await run(["lint", "examples/broken", "-f", "json", "-o", join(dir, "report.json")]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: "" });
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")).version).toBe(1);
  });

  it("journey schema prints the shipped schema", async () => {
    for (const kind of ["persona", "journey", "config"]) {
      const r = await run(["schema", kind]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(ROOT, "schemas", `${kind}.schema.json`), "utf8"));
    }
  });

  it("journey rules lists the structural rules in a table", async () => {
    const r = await run(["rules"]);
    expect(r.code).toBe(0);
    for (const id of ["syntax", "schema", "duplicate-id", "unknown-reference"])
      expect(r.stdout).toContain(id);
    expect(r.stdout).toContain("error (fixed)");
    expect(r.stdout).toContain("journey rules duplicate-id");
    expect(r.stdout).not.toContain("docs/rules/");
  });

  it("--version is the package's", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it.each([["lint"], ["validate"], ["rules"], ["schema"]])(
    "%s --help shows examples",
    async (command) => {
      const r = await run([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Examples:");
      expect(r.stdout).toContain(`$ journey ${command}`);
    },
  );

  it("no command: help on stderr, exit 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: journey");
  });

  it("a config document other than the workspace's config is reported, not silently ignored", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-"));
    writeFileSync(
      join(dir, "p.yaml"),
      "kind: persona\nid: p\nname: P\nsummary: S\n---\nkind: config\n",
    );
    const r = await run(["validate", "-f", "json"], dir);
    expect(
      JSON.parse(r.stdout).findings.map((f: { rule: string; line: number; message: string }) => [
        f.rule,
        f.line,
        f.message,
      ]),
    ).toEqual([
      [
        "schema",
        6,
        "this config is not applied: the workspace's config is journey.config.yaml at the workspace root (none found)",
      ],
    ]);
  });
});

// A process only where the process is the point: the bin shim, the exit codes and streams of a real
// process, and colours, which the shim decides from the terminal and the environment. The processes
// run side by side.
describe.concurrent("the real binary", () => {
  it("exit codes and streams of a real process; no colours when piped", async () => {
    const [clean, broken, bad] = await Promise.all([
      spawn(["lint", "examples/clean"]),
      spawn(["lint", "examples/broken"]),
      spawn(["lint", "--nope"]),
    ]);
    expect(clean).toMatchObject({ code: 0, stdout: "✔ no problems in 5 files\n", stderr: "" });
    expect(broken.code).toBe(1);
    expect(broken.stdout).not.toContain("\u001b[");
    expect(bad).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "journey: unknown option '--nope'\n",
    });
  });

  it("colours: forced by FORCE_COLOR, none under NO_COLOR", async () => {
    const [forced, refused] = await Promise.all([
      spawn(["lint", "examples/broken"], ROOT, { FORCE_COLOR: "1" }),
      spawn(["lint", "examples/broken"], ROOT, { FORCE_COLOR: "1", NO_COLOR: "1" }),
    ]);
    expect(forced.stdout).toContain("\u001b[31m");
    expect(refused.stdout).not.toContain("\u001b[");
  });
});
