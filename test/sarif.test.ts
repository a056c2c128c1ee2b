import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import type { Ajv as AjvClass } from "ajv";
import type { FormatsPlugin } from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding, SuppressedFinding } from "../src/lint/finding.js";
import type { LintReport, RuleMeta } from "../src/report/findings/index.js";
import { sarif } from "../src/report/findings/sarif.js";
import { RULES } from "../src/rules/index.js";
import { HAS_SHARED, PERSONA, ROOT, run, SHARED } from "./helpers.js";

// ajv-draft-04 (the official SARIF schema is draft-04) and ajv-formats are CommonJS: required,
// so their default exports need no interop guessing.
const require = createRequire(import.meta.url);
const Ajv = require("ajv-draft-04").default as typeof AjvClass;
const addFormats = require("ajv-formats").default as FormatsPlugin;

/* eslint-disable @typescript-eslint/no-explicit-any -- a SARIF log is walked as plain JSON. */
type Log = any;

const sarifOf = async (args: string[], cwd = ROOT): Promise<Log> => {
  const { stdout, stderr } = await run(["lint", ...args, "-f", "sarif"], cwd);
  expect(stderr).toBe("");
  return JSON.parse(stdout);
};

let broken: Log;
beforeAll(async () => {
  broken = await sarifOf(["examples/broken"]);
});

const SCHEMA_FILE = join(SHARED, "realworld", "sarif-schema-2.1.0.json");
if (!HAS_SHARED) {
  console.warn(
    `sarif.test.ts: ${SCHEMA_FILE} is absent: the SARIF output is not validated against the official schema`,
  );
}

/** What the official schema (draft-04, hence ajv-draft-04) says is wrong with a log; [] if valid. */
function schemaErrors(log: Log): unknown[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")));
  }
  return validator(log) ? [] : (validator.errors ?? ["invalid"]);
}
let validator: ReturnType<AjvClass["compile"]> | undefined;

describe.skipIf(!HAS_SHARED)("against the official SARIF 2.1.0 schema (shared/realworld)", () => {
  it("the broken example's log is valid", () => {
    expect(schemaErrors(broken)).toEqual([]);
  });

  it("and the check is real: a line 0, an unknown level and a stray key are each rejected", () => {
    const spoilt = (spoil: (log: Log) => void) => {
      const log = structuredClone(broken);
      spoil(log);
      return schemaErrors(log).length;
    };
    expect(
      spoilt((l) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0)),
    ).toBeGreaterThan(0);
    expect(spoilt((l) => (l.runs[0].results[0].level = "fatal"))).toBeGreaterThan(0);
    expect(spoilt((l) => (l.runs[0].results[0].file = "x"))).toBeGreaterThan(0);
  });

  it("so is a log with a category, a suppression without reason and a rule without page", () => {
    expect(schemaErrors(JSON.parse(sarif(handmade({ category: "maps/web" }))))).toEqual([]);
  });
});

/** A value GitHub would read as missing: absent, null, an empty string or an empty array. */
const empty = (v: unknown) =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** `a.b.c` of an object, `undefined` on the way. */
const get = (o: unknown, path: string): unknown =>
  path.split(".").reduce<any>((v, k) => (v === undefined || v === null ? undefined : v[k]), o);

/**
 * What GitHub's "SARIF support for code scanning" marks required for an upload to become alerts,
 * per object, and what this issue asks for besides (semanticVersion, informationUri, the rules'
 * level and tags, each result's level, the end of its region).
 */
const REQUIRED = {
  log: ["$schema", "version", "runs"],
  run: ["tool.driver", "results", "columnKind"],
  driver: ["name", "semanticVersion", "informationUri", "rules"],
  rule: [
    "id",
    "shortDescription.text",
    "fullDescription.text",
    "help.text",
    "help.markdown",
    "defaultConfiguration.level",
    "properties.tags",
  ],
  result: ["ruleId", "ruleIndex", "level", "message.text", "locations", "partialFingerprints"],
  physical: [
    "artifactLocation.uri",
    "region.startLine",
    "region.startColumn",
    "region.endLine",
    "region.endColumn",
  ],
};

const missing = (o: unknown, fields: readonly string[]) => fields.filter((f) => empty(get(o, f)));

describe("journey lint --format sarif, on the broken example", () => {
  it("has every field GitHub code scanning requires, none empty", () => {
    expect(missing(broken, REQUIRED.log)).toEqual([]);
    expect(broken.version).toBe("2.1.0");
    expect(broken.runs).toHaveLength(1);
    const [run] = broken.runs;
    expect(missing(run, REQUIRED.run)).toEqual([]);
    expect(missing(run.tool.driver, REQUIRED.driver)).toEqual([]);
    for (const rule of run.tool.driver.rules) {
      expect([rule.id, missing(rule, REQUIRED.rule)]).toEqual([rule.id, []]);
    }
    expect(run.results.length).toBeGreaterThan(20);
    for (const result of run.results) {
      expect(missing(result, REQUIRED.result)).toEqual([]);
      expect(result.locations).toHaveLength(1);
      expect(missing(result.locations[0].physicalLocation, REQUIRED.physical)).toEqual([]);
      expect(missing(result.partialFingerprints, ["primaryLocationLineHash"])).toEqual([]);
      for (const related of result.relatedLocations ?? []) {
        expect(missing(related.physicalLocation, REQUIRED.physical)).toEqual([]);
        expect(missing(related, ["message.text"])).toEqual([]);
      }
    }
  });

  it("the driver: journey, its version and homepage, every rule of the run in registry order", () => {
    const { driver } = broken.runs[0].tool;
    expect(driver.name).toBe("journey");
    expect(driver.semanticVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r: Log) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const [i, rule] of RULES.entries()) {
      const d = driver.rules[i];
      expect(d.shortDescription.text).toBe(rule.description);
      expect(d.defaultConfiguration.level).toBe(rule.defaultSeverity);
      expect(d.properties.tags).toEqual([rule.fixed ? "structural" : "method"]);
      expect(d.fullDescription.text.length).toBeLessThanOrEqual(1024);
      // Plain text: no Markdown marks, no line breaks.
      expect(d.fullDescription.text).not.toMatch(/[`\n]|\*\*|^#|\]\(/);
      // The rule's page: its sections, without the generated-block comments; links absolute.
      const page = readFileSync(join(ROOT, "docs/rules", `${rule.id}.md`), "utf8");
      expect(page).toContain("## What it checks");
      expect(d.help.markdown).toContain("## What it checks");
      expect(d.help.markdown).not.toContain("<!--");
      expect(d.help.markdown).not.toMatch(/\]\(\.\.?\//);
      expect(d.help.text).toContain("What it checks");
      expect(d.help.text).not.toMatch(/^#+ |<!--|```/m);
      expect(d.helpUri).toBe(`${driver.informationUri}/blob/main/docs/rules/${rule.id}.md`);
    }
    // Nothing that would make code scanning treat these as security alerts.
    expect(JSON.stringify(broken)).not.toContain("security-severity");
  });

  it("each result: the rule by id and index, level, message, one relative location, the run's column kind", async () => {
    const [run] = broken.runs;
    expect(run.columnKind).toBe("utf16CodeUnits");
    const { stdout } = await runJson(["examples/broken"]);
    const findings: Log[] = JSON.parse(stdout).findings;
    const unsuppressed = run.results.filter((r: Log) => !r.suppressions);
    expect(unsuppressed).toHaveLength(findings.length);
    for (const [i, f] of findings.entries()) {
      const r = unsuppressed[i];
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      const { uri } = r.locations[0].physicalLocation.artifactLocation;
      expect([r.ruleId, r.level, r.message.text, uri]).toEqual([
        f.rule,
        f.severity,
        f.message,
        f.file,
      ]);
      expect(r.locations[0].physicalLocation.region).toEqual({
        startLine: f.line,
        startColumn: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
      });
      expect(uri).toMatch(/^examples\/broken\/[a-z/-]+\.yaml$/);
    }
    expect(JSON.stringify(run)).not.toMatch(/uriBaseId|file:\/\/|%SRCROOT%/);
  });

  it("the other places of a finding are related locations, each with what it is", () => {
    const pressure = broken.runs[0].results.find((r: Log) => r.ruleId === "contact-pressure");
    expect(pressure.relatedLocations.length).toBeGreaterThan(0);
    const [first] = pressure.relatedLocations;
    expect(first.id).toBe(1);
    expect(first.message.text).toMatch(/sent \d{4}-\d\d-\d\d/);
    expect(first.physicalLocation.artifactLocation.uri).toMatch(/^examples\/broken\//);
  });

  it("no two results share a fingerprint", () => {
    const prints = broken.runs[0].results.map(
      (r: Log) => r.partialFingerprints.primaryLocationLineHash,
    );
    expect(new Set(prints).size).toBe(prints.length);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{32}:\d+$/);
  });

  it("the run went through; the file that could not be read is a notification", () => {
    const [invocation] = broken.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(true);
    expect(
      invocation.toolExecutionNotifications.map(
        (n: Log) => n.locations[0].physicalLocation.artifactLocation.uri,
      ),
    ).toEqual(["examples/broken/journeys/julie-store.yaml"]);
  });

  it("without --sarif-category, no automationDetails", () => {
    expect(broken.runs[0].automationDetails).toBeUndefined();
  });
});

const runJson = (args: string[], cwd = ROOT) => run(["lint", ...args, "-f", "json"], cwd);

describe("in a workspace of our own", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "journey-sarif-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a finding a comment silenced is a result with an in-source suppression and its reason", async () => {
    const ws = join(dir, "silenced");
    cpSync(join(ROOT, "examples/broken"), ws, { recursive: true });
    const file = join(ws, "personas/marc.yaml");
    const text = readFileSync(file, "utf8");
    const from = "    value: 65-74\n    basis: data\n";
    expect(text).toContain(from);
    writeFileSync(
      file,
      text.replace(
        from,
        "    value: 65-74\n    # journey-disable-next-line unsupported-claim -- from the 2026 CRM export\n    basis: data\n",
      ),
    );
    const log = await sarifOf(["."], ws);
    const silenced = log.runs[0].results.filter((r: Log) => r.suppressions);
    expect(
      silenced.map((r: Log) => [
        r.ruleId,
        r.level,
        r.locations[0].physicalLocation.artifactLocation.uri,
        r.locations[0].physicalLocation.region.startLine,
        r.suppressions,
      ]),
    ).toEqual([
      [
        "unsupported-claim",
        "warning",
        "personas/marc.yaml",
        10,
        [{ kind: "inSource", status: "accepted", justification: "from the 2026 CRM export" }],
      ],
    ]);
    // It is not a finding of the run (stylish and json do not show it), but it is a result.
    const { stdout } = await runJson(["."], ws);
    expect(JSON.parse(stdout).findings).toHaveLength(log.runs[0].results.length - 1);
    if (HAS_SHARED) expect(schemaErrors(log)).toEqual([]);
  });

  it("fingerprints survive a line inserted above every finding; start lines move by one", async () => {
    const ws = join(dir, "moved");
    cpSync(join(ROOT, "examples/broken"), ws, { recursive: true });
    const before = await sarifOf(["."], ws);
    for (const folder of ["", "journeys", "personas"]) {
      for (const name of readdirSync(join(ws, folder)).filter((n) => n.endsWith(".yaml"))) {
        const file = join(ws, folder, name);
        writeFileSync(file, `# a comment added above everything\n${readFileSync(file, "utf8")}`);
      }
    }
    const after = await sarifOf(["."], ws);
    const key = (log: Log) =>
      log.runs[0].results.map((r: Log) => [
        r.ruleId,
        r.partialFingerprints.primaryLocationLineHash,
        r.locations[0].physicalLocation.region.startLine,
      ]);
    const was = key(before);
    expect(was.length).toBeGreaterThan(20);
    expect(key(after)).toEqual(was.map(([rule, print, line]: Log[]) => [rule, print, line + 1]));
  });

  it("an edit to one finding's line elsewhere in the file leaves the other fingerprints", async () => {
    const ws = join(dir, "edited");
    cpSync(join(ROOT, "examples/broken"), ws, { recursive: true });
    const before = await sarifOf(["."], ws);
    const file = join(ws, "personas/julie.yaml");
    // Fix the misspelt channel: its finding goes, the others of the file keep their prints.
    writeFileSync(file, readFileSync(file, "utf8").replace("emial", "email"));
    const after = await sarifOf(["."], ws);
    const prints = (log: Log) =>
      log.runs[0].results.map((r: Log) => r.partialFingerprints.primaryLocationLineHash);
    const gone = before.runs[0].results.filter(
      (r: Log) => !prints(after).includes(r.partialFingerprints.primaryLocationLineHash),
    );
    expect(gone.map((r: Log) => r.message.text)).toEqual([
      'unknown channel "emial"; did you mean "email"? Or declare it under channels: in journey.config.yaml',
    ]);
    expect(prints(after).every((p: string) => prints(before).includes(p))).toBe(true);
  });

  it("columns are UTF-16 code units: an emoji counts two, an accented letter one, as in the text", async () => {
    const ws = join(dir, "utf16");
    cpSync(join(ROOT, "examples/clean"), ws, { recursive: true });
    const line = '  - { name: "âge 😀 of the café", value: 30-39, basis: data }';
    writeFileSync(
      join(ws, "personas", "anna.yaml"),
      `${PERSONA.replace("id: julie", "id: anna").replace("name: Julie", "name: Anna")}traits:\n${line}\n`,
    );
    const log = await sarifOf(["personas/anna.yaml"], ws);
    const claim = log.runs[0].results.find((r: Log) => r.ruleId === "unsupported-claim");
    const { region } = claim.locations[0].physicalLocation;
    // JavaScript strings are UTF-16: indexOf counts code units. In code points the column
    // would be one less (the emoji is one), in UTF-8 bytes four more (â, é: 2 each; the emoji: 4).
    const at = line.indexOf("data") + 1;
    expect(region).toEqual({ startLine: 6, startColumn: at, endLine: 6, endColumn: at + 4 });
    expect([...line.slice(0, at - 1)].length + 1).toBe(at - 1);
    expect(Buffer.byteLength(line.slice(0, at - 1)) + 1).toBe(at + 4);
  });

  it("a path with a space or a # is percent-encoded in its URI", async () => {
    const ws = join(dir, "odd names");
    cpSync(join(ROOT, "examples/clean"), ws, { recursive: true });
    writeFileSync(join(ws, "personas", "anna #2.yaml"), PERSONA.replace("id: julie", "id: anna"));
    const log = await sarifOf(["odd names"], dir);
    const uris = log.runs[0].results.map(
      (r: Log) => r.locations[0].physicalLocation.artifactLocation.uri,
    );
    expect(uris).toContain("odd%20names/personas/anna%20%232.yaml");
    expect(decodeURIComponent("odd%20names/personas/anna%20%232.yaml")).toBe(
      "odd names/personas/anna #2.yaml",
    );
  });
});

const rule = (id: string, doc: string | null = null): RuleMeta => ({
  id,
  description: `The ${id} rule's one sentence.`,
  defaultSeverity: "warning",
  fixed: false,
  doc: () => doc,
});

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: "stage-without-survey",
  messageId: "missing",
  severity: "warning",
  message: 'stage "s" has no survey and no noSurvey reason',
  file: "maps/j.yaml",
  line: 7,
  column: 5,
  endLine: 7,
  endColumn: 6,
  entity: "journey:j",
  pointer: "/stages/0",
  anchor: "/stages/[s]",
  related: [],
  ...over,
});

/** A report built by hand: what the formatter does with a category, suppressions, odd rules. */
function handmade(over: Partial<LintReport> = {}): LintReport {
  const findings = [finding(), finding({ line: 20, pointer: "/stages/3" })];
  const suppressed: SuppressedFinding[] = [
    { ...finding({ line: 12, pointer: "/stages/1" }), justification: null },
  ];
  return {
    findings,
    summary: { files: 1, errors: 0, warnings: 2, unreadable: 0 },
    rules: [rule("stage-without-survey", "# stage-without-survey\n\nNo sections here.\n")],
    unreadable: [],
    suppressed,
    tool: { name: "journey", version: "1.2.3", informationUri: "https://example.org/journey" },
    category: null,
    ...over,
  } as LintReport;
}

describe("the formatter, on a report built by hand", () => {
  it("--sarif-category becomes automationDetails.id, ending with / as upload-sarif's category does", () => {
    const id = (category: string | null) =>
      JSON.parse(sarif(handmade({ category }))).runs[0].automationDetails?.id;
    expect(id("maps-web")).toBe("maps-web/");
    expect(id("maps/web/")).toBe("maps/web/");
    expect(id(null)).toBeUndefined();
  });

  it("a suppression without a reason has no justification; results stay in file order", () => {
    const { results } = JSON.parse(sarif(handmade())).runs[0];
    expect(results.map((r: Log) => r.locations[0].physicalLocation.region.startLine)).toEqual([
      7, 12, 20,
    ]);
    expect(results[1].suppressions).toEqual([{ kind: "inSource", status: "accepted" }]);
  });

  it("identical keys are counted, so fingerprints never repeat; the count is all that differs", () => {
    const same = finding({ pointer: null, anchor: null, entity: null });
    const report = handmade({
      findings: [same, { ...same, line: 9 }, { ...same, line: 30 }],
      suppressed: [],
    });
    const prints = JSON.parse(sarif(report)).runs[0].results.map(
      (r: Log) => r.partialFingerprints.primaryLocationLineHash,
    );
    const [hash] = prints[0].split(":");
    expect(prints).toEqual([`${hash}:1`, `${hash}:2`, `${hash}:3`]);
  });

  it("the fingerprint is made of rule, message id, file, entity and anchor — not the line, text or index", () => {
    const print = (f: Finding) =>
      JSON.parse(sarif(handmade({ findings: [f], suppressed: [] }))).runs[0].results[0]
        .partialFingerprints.primaryLocationLineHash;
    const base = print(finding());
    expect(print(finding({ line: 99, column: 2, message: "other words" }))).toBe(base);
    // A stage inserted before it: another index, the same stage.
    expect(print(finding({ pointer: "/stages/1" }))).toBe(base);
    for (const change of [
      { rule: "redundant-indicator" },
      { messageId: "other" },
      { file: "maps/k.yaml" },
      { entity: "journey:k" },
      { anchor: "/stages/[t]" },
    ]) {
      expect(print(finding(change))).not.toBe(base);
    }
  });

  it("a rule without a page: its sentence as full description and help; a rule not listed is added", () => {
    const report = handmade({
      rules: [rule("stage-without-survey")],
      findings: [finding(), finding({ rule: "from-elsewhere", line: 8 })],
      suppressed: [],
    });
    const [run] = JSON.parse(sarif(report)).runs;
    const [first, added] = run.tool.driver.rules;
    expect(first.fullDescription.text).toBe(first.shortDescription.text);
    expect(first.help).toEqual({
      text: first.shortDescription.text,
      markdown: first.shortDescription.text,
    });
    // Not on GitHub: no page address is guessed.
    expect(first.helpUri).toBeUndefined();
    expect(added.id).toBe("from-elsewhere");
    expect(run.results.map((r: Log) => r.ruleIndex)).toEqual([0, 1]);
  });

  it("a full description longer than 1024 characters is cut after a word", () => {
    const long = `# r\n\n## What it checks\n\n${"word ".repeat(400)}\n\n## Why\n\nBecause.\n`;
    const [d] = JSON.parse(sarif(handmade({ rules: [rule("stage-without-survey", long)] }))).runs[0]
      .tool.driver.rules;
    expect(d.fullDescription.text.length).toBeLessThanOrEqual(1024);
    expect(d.fullDescription.text).toMatch(/word…$/);
  });
});
