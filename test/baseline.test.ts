/**
 * The baseline (`journey lint --baseline-write`, `--baseline-prune`, `--baseline <file>`): on a copy
 * of the clean example given five findings, through the CLI, exact outputs and exact files.
 */
import { createRequire } from "node:module";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Ajv as AjvClass } from "ajv";
import type { FormatsPlugin } from "ajv-formats";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  applyBaseline,
  type Baseline,
  isProblem,
  jsonError,
  parseBaseline,
  pruneBaseline,
  recordBaseline,
  serializeBaseline,
} from "../src/lint/baseline.js";
import { aFinding, HAS_SHARED, ROOT, run, SHARED, TODAY } from "./helpers.js";

const scratch = mkdtempSync(join(tmpdir(), "journey-baseline-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let made = 0;

/** The workspace of the tests: `maps/` in a folder of its own. */
let ws: string;
const FILE = "journey-baseline.json";
const baselineText = () => readFileSync(join(ws, FILE), "utf8");

/** Replaces `from` by `to` in a file of the workspace (which must hold it). */
function edit(file: string, from: string, to: string) {
  const path = join(ws, file);
  const text = readFileSync(path, "utf8");
  expect(text, `${file} holds ${from}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

const UNUSED = "# journey-disable-next-line stale-map -- old\n";
/** The CES question of till-wait-ces, on its 1–7 scale (OK) or on 1–5 (as the tests begin). */
const CES_OK = "scale: { min: 1, max: 7 }\n        recurrence: { once";
const CES_BAD = "scale: { min: 1, max: 5 }\n        recurrence: { once";

/**
 * The clean example with five findings: in personas/marc.yaml a trait without source (warning)
 * and an unknown channel (error, structural); in journeys/marc-store.yaml two unused disable
 * comments, identical in all that identifies them (warnings), and a CES asked on 1–5 (error).
 */
beforeEach(() => {
  ws = join(scratch, `case-${made++}`, "maps");
  cpSync(join(ROOT, "examples/clean"), ws, { recursive: true });
  edit("personas/marc.yaml", "    source: Store loyalty card panel 2026\n", "");
  edit("personas/marc.yaml", "[store, phone, mail, email]", "[store, phone, mail, email, fax]");
  edit("journeys/marc-store.yaml", "  - id: advice\n", `  ${UNUSED}  - id: advice\n`);
  edit("journeys/marc-store.yaml", "  - id: checkout\n", `  ${UNUSED}  - id: checkout\n`);
  edit("journeys/marc-store.yaml", CES_OK, CES_BAD);
});

const item = (messageId: string, entity: string | null, anchor: string | null) =>
  `          {
            "messageId": ${JSON.stringify(messageId)},
            "entity": ${JSON.stringify(entity)},
            "anchor": ${JSON.stringify(anchor)}
          }`;
const entry = (rule: string, items: string[]) => `      ${JSON.stringify(rule)}: {
        "count": ${items.length},
        "findings": [
${items.join(",\n")}
        ]
      }`;
const fileOf = (file: string, entries: string[]) => `    ${JSON.stringify(file)}: {
${entries.join(",\n")}
    }`;
const baselineOf = (files: string[]) => `{
  "version": 1,
  "files": {
${files.join(",\n")}
  }
}
`;

const UNUSED_ENTRY = entry("disable-directive", [
  item("unused", null, null),
  item("unused", null, null),
]);
const SCALE_ENTRY = entry("indicator-scale", [
  item(
    "scale",
    "survey:till-wait-ces",
    "/stages/[checkout]/surveys/[till-wait-ces]/questions/0/scale",
  ),
]);
const MARC_ENTRIES = [
  entry("unknown-reference", [item("channel", "persona:marc", "/channels/4")]),
  entry("unsupported-claim", [item("trait", "persona:marc", "/traits/0/basis")]),
];

/** What --baseline-write records of the five findings. */
const WRITTEN = baselineOf([
  fileOf("journeys/marc-store.yaml", [UNUSED_ENTRY, SCALE_ENTRY]),
  fileOf("personas/marc.yaml", MARC_ENTRIES),
]);

const write = async (...args: string[]) => {
  const r = await run(["lint", "--baseline-write", ...args], ws);
  expect(r).toEqual({
    code: 0,
    stdout: "✔ no problems in 5 files (5 baselined)\n",
    stderr: "journey: 5 findings in 2 files written to journey-baseline.json\n",
  });
};

describe("--baseline-write", () => {
  it("records the findings per file and rule, sorted, and exits 0: they are accepted", async () => {
    const before = await run(["lint"], ws);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain("✖ 5 problems (2 errors, 3 warnings) in 5 files\n");
    await write();
    expect(baselineText()).toBe(WRITTEN);
    // The text is plain 2-space JSON: what JSON.stringify writes of it.
    expect(`${JSON.stringify(JSON.parse(WRITTEN), null, 2)}\n`).toBe(WRITTEN);
  });

  it("gives a byte-identical file when run again, and when nothing changed an identical run", async () => {
    await write();
    const first = baselineText();
    await write();
    expect(baselineText()).toBe(first);
    expect(await run(["lint"], ws)).toEqual({
      code: 0,
      stdout: "✔ no problems in 5 files (5 baselined)\n",
      stderr: "",
    });
    expect(baselineText()).toBe(first);
  });

  it("with paths naming part of the workspace, replaces only their entries", async () => {
    await write();
    // A new finding in marc-store.yaml, and the unknown channel fixed in marc.yaml.
    edit("journeys/marc-store.yaml", "        satisfaction: 4\n", "");
    edit("personas/marc.yaml", "email, fax]", "email]");
    const r = await run(["lint", "personas/marc.yaml", "--baseline-write"], ws);
    expect(r).toEqual({
      code: 0,
      stdout: "✔ no problems in 1 file (1 baselined)\n",
      stderr: "journey: 4 findings in 2 files written to journey-baseline.json\n",
    });
    // marc.yaml: only the trait left; marc-store.yaml: as it was, its new finding not recorded.
    expect(baselineText()).toBe(
      baselineOf([
        fileOf("journeys/marc-store.yaml", [UNUSED_ENTRY, SCALE_ENTRY]),
        fileOf("personas/marc.yaml", [MARC_ENTRIES[1] ?? ""]),
      ]),
    );
    const all = await run(["lint"], ws);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(
      "journeys/marc-store.yaml\n" +
        '  17:9  warning  event "ask-staff" has no satisfaction: the need for a survey here cannot be judged  missing-satisfaction\n' +
        "\n" +
        "✖ 1 problem (0 errors, 1 warning) in 5 files (4 baselined)\n",
    );
  });

  it("keeps the entries of a rule --rule turns off for the run, as a prune does", async () => {
    await write();
    const r = await run(["lint", "--baseline-write", "--rule", "indicator-scale=off"], ws);
    expect(r).toEqual({
      code: 0,
      stdout: "✔ no problems in 5 files (4 baselined)\n",
      stderr: "journey: 5 findings in 2 files written to journey-baseline.json\n",
    });
    expect(baselineText()).toBe(WRITTEN);
    expect(
      (await run(["lint", "--baseline-prune", "--rule", "indicator-scale=off"], ws)).stderr,
    ).toBe("journey: every finding of journey-baseline.json still occurs: nothing to prune\n");
    expect(baselineText()).toBe(WRITTEN);
    // The last --rule for a rule is the one that holds: on again, it ran.
    edit("journeys/marc-store.yaml", CES_BAD, CES_OK);
    const on = ["--rule", "indicator-scale=off", "--rule", "indicator-scale=warning"];
    expect((await run(["lint", "--baseline-prune", ...on], ws)).stderr).toBe(
      "journey: 1 finding no longer occurs: removed from journey-baseline.json (4 left)\n",
    );
  });

  it("is refused with --changed-since (a partial baseline), and with --baseline-prune", async () => {
    expect(await run(["lint", "--baseline-write", "--changed-since", "HEAD"], ws)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: --baseline-write cannot be used with --changed-since: the baseline would hold the findings of the changed files only; run it on the whole workspace\n",
    });
    await write();
    expect(await run(["lint", "--baseline-prune", "--changed-since", "HEAD"], ws)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: --baseline-prune cannot be used with --changed-since: the baseline would hold the findings of the changed files only; run it on the whole workspace\n",
    });
    expect(await run(["lint", "--baseline-write", "--baseline-prune"], ws)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: --baseline-write and --baseline-prune cannot be used together: --baseline-write already leaves out the findings that no longer occur\n",
    });
    expect(baselineText()).toBe(WRITTEN);
  });

  it("is written whole or not at all: a failure on the way leaves the old file, and no temporary one", async () => {
    await write();
    edit("journeys/marc-store.yaml", "        satisfaction: 4\n", "");
    // The temporary file's path taken by a folder: the write fails before the rename.
    const temporary = join(ws, `${FILE}.${process.pid}.tmp`);
    mkdirSync(temporary);
    const r = await run(["lint", "--baseline-write"], ws);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^journey: cannot write journey-baseline\.json: .+\n$/);
    expect(baselineText()).toBe(WRITTEN);
    rmSync(temporary, { recursive: true });
    expect(readdirSync(ws).filter((f) => f.includes(FILE))).toEqual([FILE]);
  });

  it("never writes through a symbolic link: a linked baseline is read, and refused for writing", async () => {
    await write();
    const real = join(ws, "..", "kept-baseline.json");
    cpSync(join(ws, FILE), real);
    rmSync(join(ws, FILE));
    symlinkSync(real, join(ws, FILE));
    expect((await run(["lint"], ws)).stdout).toBe("✔ no problems in 5 files (5 baselined)\n");
    edit("journeys/marc-store.yaml", "        satisfaction: 4\n", "");
    for (const flag of ["--baseline-write", "--baseline-prune"]) {
      if (flag === "--baseline-prune") edit("personas/marc.yaml", "email, fax]", "email]");
      const r = await run(["lint", flag], ws);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /journey: cannot write journey-baseline\.json: is a symbolic link: name the file it points to, or a new path\n$/,
      );
      expect(readFileSync(real, "utf8")).toBe(WRITTEN);
    }
  });

  it("is never the file a report is written to, nor a map", async () => {
    expect(await run(["lint", "-f", "json", "-o", FILE], ws)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: the --format json report would be written to the baseline, journey-baseline.json: choose another --output\n",
    });
    const map = "personas/julie.yaml";
    const before = readFileSync(join(ws, map), "utf8");
    const r = await run(["lint", "--baseline-write", "--baseline", map], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^journey: cannot read the baseline personas\/julie\.yaml:1:1: not valid JSON/,
    );
    expect(readFileSync(join(ws, map), "utf8")).toBe(before);
  });
});

describe("journey lint with a baseline", () => {
  it("reports only the findings not in it; exit code and summary from those", async () => {
    await write();
    // A new warning: reported alone, exit 0 (1 with --max-warnings 0).
    edit("journeys/marc-store.yaml", "        satisfaction: 4\n", "");
    const warning =
      "journeys/marc-store.yaml\n" +
      '  17:9  warning  event "ask-staff" has no satisfaction: the need for a survey here cannot be judged  missing-satisfaction\n' +
      "\n" +
      "✖ 1 problem (0 errors, 1 warning) in 5 files (5 baselined)\n";
    expect(await run(["lint"], ws)).toEqual({ code: 0, stdout: warning, stderr: "" });
    expect(await run(["lint", "--max-warnings", "0"], ws)).toEqual({
      code: 1,
      stdout: warning,
      stderr: "journey: 1 warning, more than --max-warnings 0 allows\n",
    });
    // --quiet: errors only, of the new findings and of the baselined ones.
    expect(await run(["lint", "--quiet"], ws)).toEqual({
      code: 0,
      stdout: "✔ no problems in 5 files (2 baselined)\n",
      stderr: "",
    });
    // A new error: exit 1. The old error of the same rule in the same file stays accepted.
    edit("journeys/marc-store.yaml", "scale: { min: 1, max: 5 }", "scale: { min: 0, max: 10 }");
    const error = await run(["lint"], ws);
    expect(error.code).toBe(1);
    expect(error.stdout).toBe(
      "journeys/marc-store.yaml\n" +
        '  17:9   warning  event "ask-staff" has no satisfaction: the need for a survey here cannot be judged  missing-satisfaction\n' +
        '  35:20  error    question 1 of survey "store-advice-csat": csat is measured on 1–5, not 0–10         indicator-scale\n' +
        "\n" +
        "✖ 2 problems (1 error, 1 warning) in 5 files (5 baselined)\n",
    );
  });

  it("keeps a finding baselined when lines are inserted above it", async () => {
    await write();
    edit("journeys/marc-store.yaml", "kind: journey\n", "kind: journey\n# a note\n# and another\n");
    edit("personas/marc.yaml", "kind: persona\n", "kind: persona\n\n\n\n");
    const moved = await run(["lint", "-f", "json"], ws);
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.stdout)).toEqual({
      version: 1,
      findings: [],
      summary: { files: 5, errors: 0, warnings: 0, unreadable: 0, baselined: 5 },
    });
    // Still the same file after a write.
    await write();
    expect(baselineText()).toBe(WRITTEN);
  });

  it("keeps a finding baselined when a stage is inserted before its own (its node is named by ids)", async () => {
    await write();
    const stage = [
      "  - id: arrival",
      "    name: Arrival",
      "    noSurvey: Too early to ask",
      "    events:",
      "      - id: parking",
      "        action: Parks in front of the store",
      "        channel: store",
      "        satisfaction: 3",
      "        evidence:",
      "          - source: observation",
      "            ref: Mystery shopping, September 2026",
      "",
    ].join("\n");
    edit("journeys/marc-store.yaml", "stages:\n", `stages:\n${stage}\n`);
    expect(await run(["lint"], ws)).toEqual({
      code: 0,
      stdout: "✔ no problems in 5 files (5 baselined)\n",
      stderr: "",
    });
    await write();
    expect(baselineText()).toBe(WRITTEN);
  });

  it("accepts as many identical findings as it lists: a third one, the last in the file, is new", async () => {
    await write();
    edit("journeys/marc-store.yaml", "stages:\n", `stages:\n  ${UNUSED}`);
    const r = await run(["lint"], ws);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "journeys/marc-store.yaml\n" +
        '  40:3  warning  journey-disable-next-line "stale-map" silences nothing on the next line: remove it  disable-directive\n' +
        "\n" +
        "✖ 1 problem (0 errors, 1 warning) in 5 files (5 baselined)\n",
    );
  });

  it("uses journey-baseline.json of the current directory only when it exists; --baseline must exist", async () => {
    const none = await run(["lint", "-f", "json"], ws);
    expect(JSON.parse(none.stdout).summary).toEqual({
      files: 5,
      errors: 2,
      warnings: 3,
      unreadable: 0,
    });
    expect(none.stderr).toBe("");
    expect(await run(["lint", "--baseline", "missing.json"], ws)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: cannot read the baseline missing.json: no such file (journey lint --baseline-write writes one)\n",
    });
    expect(await run(["lint", "--baseline-prune"], ws)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: no baseline to prune: journey-baseline.json does not exist (journey lint --baseline-write writes one)\n",
    });
  });

  it("--baseline elsewhere, and from a subfolder: paths relative to the baseline's folder", async () => {
    const parent = join(ws, "..");
    const r = await run(
      ["lint", "maps", "--baseline-write", "--baseline", "maps/journey-baseline.json"],
      parent,
    );
    expect(r.stderr).toBe("journey: 5 findings in 2 files written to maps/journey-baseline.json\n");
    expect(baselineText()).toBe(WRITTEN);
    const sub = await run(["lint", "--baseline", "../journey-baseline.json"], join(ws, "journeys"));
    expect(sub).toEqual({
      code: 0,
      stdout: "✔ no problems in 5 files (5 baselined)\n",
      stderr: "",
    });
    // A baseline in another folder names the maps from there.
    mkdirSync(join(parent, "ci"));
    await run(["lint", "--baseline-write", "--baseline", "../ci/b.json"], ws);
    const elsewhere = readFileSync(join(parent, "ci", "b.json"), "utf8");
    expect(elsewhere).toBe(
      WRITTEN.replaceAll('    "journeys/', '    "../maps/journeys/').replaceAll(
        '    "personas/',
        '    "../maps/personas/',
      ),
    );
    expect((await run(["lint", "--baseline", "../ci/b.json"], ws)).code).toBe(0);
  });
});

describe("syntax findings are never baselined", () => {
  const BROKEN = "personas/broken.yaml";
  const SYNTAX =
    "personas/broken.yaml\n" +
    "  3:1  error  YAML: Flow sequence in block collection must be sufficiently indented and end with a ]  syntax\n" +
    "\n";
  const SYNTAX_ENTRY = entry("syntax", [item("problem", null, null)]);

  it("--baseline-write records the others, and the file that does not parse is still reported: exit 1", async () => {
    writeFileSync(join(ws, BROKEN), "kind: persona\nid: [x\n");
    const r = await run(["lint", "--baseline-write"], ws);
    expect(r).toEqual({
      code: 1,
      stdout:
        SYNTAX +
        "✖ 1 problem (1 error, 0 warnings) in 6 files (5 baselined)\n" +
        "1 file could not be read (personas/broken.yaml): what is missing elsewhere is not reported until it is fixed\n",
      stderr: "journey: 5 findings in 2 files written to journey-baseline.json\n",
    });
    expect(baselineText()).toBe(WRITTEN);
    expect((await run(["lint"], ws)).stdout).toBe(r.stdout);
  });

  it("an entry for one (a hand-edited file) accepts nothing, and the next write or prune drops it", async () => {
    writeFileSync(join(ws, BROKEN), "kind: persona\nid: [x\n");
    await run(["lint", "--baseline-write"], ws);
    const edited = baselineOf([
      fileOf("journeys/marc-store.yaml", [UNUSED_ENTRY, SCALE_ENTRY]),
      fileOf(BROKEN, [SYNTAX_ENTRY]),
      fileOf("personas/marc.yaml", MARC_ENTRIES),
    ]);
    writeFileSync(join(ws, FILE), edited);
    const r = await run(["lint"], ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      SYNTAX + "✖ 1 problem (1 error, 0 warnings) in 6 files (5 baselined)\n",
    );
    const pruned = await run(["lint", "--baseline-prune"], ws);
    expect(pruned.stderr).toBe(
      "journey: 1 finding no longer occurs: removed from journey-baseline.json (5 left)\n",
    );
    expect(baselineText()).toBe(WRITTEN);
    writeFileSync(join(ws, FILE), edited);
    await run(["lint", "--baseline-write"], ws);
    expect(baselineText()).toBe(WRITTEN);
  });
});

describe("--baseline-prune", () => {
  it("removes exactly the entries of the findings fixed, and reports as usual", async () => {
    await write();
    edit("journeys/marc-store.yaml", CES_BAD, CES_OK);
    edit("journeys/marc-store.yaml", `  ${UNUSED}  - id: advice\n`, "  - id: advice\n");
    edit("journeys/marc-store.yaml", "        satisfaction: 4\n", "");
    const r = await run(["lint", "--baseline-prune"], ws);
    expect(r).toEqual({
      code: 0,
      stdout:
        "journeys/marc-store.yaml\n" +
        '  16:9  warning  event "ask-staff" has no satisfaction: the need for a survey here cannot be judged  missing-satisfaction\n' +
        "\n" +
        "✖ 1 problem (0 errors, 1 warning) in 5 files (3 baselined)\n",
      stderr: "journey: 2 findings no longer occur: removed from journey-baseline.json (3 left)\n",
    });
    expect(baselineText()).toBe(
      baselineOf([
        fileOf("journeys/marc-store.yaml", [
          entry("disable-directive", [item("unused", null, null)]),
        ]),
        fileOf("personas/marc.yaml", MARC_ENTRIES),
      ]),
    );
    const again = await run(["lint", "--baseline-prune"], ws);
    expect(again.stderr).toBe(
      "journey: every finding of journey-baseline.json still occurs: nothing to prune\n",
    );
  });

  it("removes the entries of a file that no longer exists (renamed: its findings are new there)", async () => {
    await write();
    cpSync(join(ws, "personas/marc.yaml"), join(ws, "personas/marc-renamed.yaml"));
    rmSync(join(ws, "personas/marc.yaml"));
    const r = await run(["lint", "--baseline-prune"], ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "journey: 2 findings no longer occur: removed from journey-baseline.json (3 left)\n",
    );
    expect(baselineText()).toBe(
      baselineOf([fileOf("journeys/marc-store.yaml", [UNUSED_ENTRY, SCALE_ENTRY])]),
    );
  });
});

describe("journey validate with a baseline", () => {
  it("accepts the structural findings recorded, and its prune keeps the other rules' entries", async () => {
    await write();
    expect(await run(["validate"], ws)).toEqual({
      code: 0,
      stdout: "✔ no problems in 5 files (1 baselined)\n",
      stderr: "",
    });
    // The unknown channel fixed, and the CES scale too (a rule validate does not run).
    edit("personas/marc.yaml", "email, fax]", "email]");
    edit("journeys/marc-store.yaml", CES_BAD, CES_OK);
    const r = await run(["validate", "--baseline-prune"], ws);
    expect(r).toEqual({
      code: 0,
      stdout: "✔ no problems in 5 files\n",
      stderr: "journey: 1 finding no longer occurs: removed from journey-baseline.json (4 left)\n",
    });
    expect(baselineText()).toBe(
      baselineOf([
        fileOf("journeys/marc-store.yaml", [UNUSED_ENTRY, SCALE_ENTRY]),
        fileOf("personas/marc.yaml", [MARC_ENTRIES[1] ?? ""]),
      ]),
    );
  });
});

describe("a corrupt baseline is a one-line error, exit 2", () => {
  const cases: [string, string, string][] = [
    [
      "not JSON",
      '{\n  "version": 1,\n  "files": {\n    "a.yaml": }\n}\n',
      'journey: cannot read the baseline journey-baseline.json:4:15: not valid JSON (unexpected "}")\n',
    ],
    [
      "cut short",
      '{\n  "version": 1,\n  "files": {',
      "journey: cannot read the baseline journey-baseline.json:3:13: not valid JSON (unexpected end of the file)\n",
    ],
    [
      "not a baseline",
      "[1, 2]\n",
      'journey: cannot read the baseline journey-baseline.json: not a journey baseline: expected an object with "version" and "files"\n',
    ],
    [
      "of another version",
      '{ "version": 2, "files": {} }\n',
      "journey: cannot read the baseline journey-baseline.json: version 2 is not one this journey reads (1): write the baseline again with --baseline-write\n",
    ],
    [
      "a count that is not what it lists",
      '{ "version": 1, "files": { "a.yaml": { "schema": { "count": 2, "findings": [{ "messageId": "m", "entity": null, "anchor": "/a" }] } } } }\n',
      'journey: cannot read the baseline journey-baseline.json: files["a.yaml"]["schema"].count is 2, but it lists 1 finding\n',
    ],
    [
      "a finding of the wrong shape",
      '{ "version": 1, "files": { "a.yaml": { "schema": { "count": 1, "findings": [{ "messageId": "m", "line": 3 }] } } } }\n',
      'journey: cannot read the baseline journey-baseline.json: files["a.yaml"]["schema"].findings[0] should be an object with "messageId" (a text), "entity" and "anchor" (a text or null)\n',
    ],
  ];
  it.each(cases)("%s", async (_, text, message) => {
    writeFileSync(join(ws, FILE), text);
    for (const args of [["lint"], ["lint", "--baseline-write"], ["validate", "-f", "json"]]) {
      expect(await run(args, ws)).toEqual({ code: 2, stdout: "", stderr: message });
    }
    expect(baselineText()).toBe(text);
  });

  it("a folder where the file should be", async () => {
    mkdirSync(join(ws, FILE));
    expect(await run(["lint"], ws)).toEqual({
      code: 2,
      stdout: "",
      stderr: "journey: cannot read the baseline journey-baseline.json: is a directory\n",
    });
  });
});

// ajv-draft-04 (the official SARIF schema is draft-04) and ajv-formats are CommonJS.
const require = createRequire(import.meta.url);

describe("the reports carry the count", () => {
  it("JSON: summary.baselined; SARIF: the baselined findings as results suppressed externally", async () => {
    await write();
    edit("journeys/marc-store.yaml", "        satisfaction: 4\n", "");
    const json = JSON.parse((await run(["lint", "-f", "json"], ws)).stdout);
    expect(json.summary).toEqual({ files: 5, errors: 0, warnings: 1, unreadable: 0, baselined: 5 });
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(["missing-satisfaction"]);

    const sarifOf = async (cwd: string, args: string[] = []) =>
      JSON.parse((await run(["lint", "-f", "sarif", ...args], cwd)).stdout);
    const log = await sarifOf(ws);
    const results = log.runs[0].results as {
      ruleId: string;
      suppressions?: unknown[];
      partialFingerprints: unknown;
    }[];
    expect(results.filter((r) => r.suppressions === undefined).map((r) => r.ruleId)).toEqual([
      "missing-satisfaction",
    ]);
    const suppressed = results.filter((r) => r.suppressions !== undefined);
    expect(suppressed).toHaveLength(5);
    for (const r of suppressed) {
      expect(r.suppressions).toEqual([
        { kind: "external", status: "accepted", justification: "in the journey baseline" },
      ]);
    }
    // The same alerts as without the baseline: the same fingerprints, in the same order.
    const other = join(scratch, `other-${made++}`);
    cpSync(ws, other, { recursive: true });
    rmSync(join(other, FILE));
    const without = await sarifOf(other);
    expect(results.map((r) => r.partialFingerprints)).toEqual(
      without.runs[0].results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints),
    );
    if (HAS_SHARED) {
      const Ajv = require("ajv-draft-04").default as typeof AjvClass;
      const addFormats = require("ajv-formats").default as FormatsPlugin;
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      const schema = JSON.parse(
        readFileSync(join(SHARED, "realworld", "sarif-schema-2.1.0.json"), "utf8"),
      );
      const validate = ajv.compile(schema);
      expect(validate(log) ? [] : validate.errors).toEqual([]);
    } else {
      console.warn(
        "baseline.test.ts: the SARIF schema is absent (shared/realworld): not validated",
      );
    }
  });

  it("GitLab and JUnit: only the findings not in the baseline, and no count of the others", async () => {
    await write();
    edit("journeys/marc-store.yaml", "        satisfaction: 4\n", "");
    const gitlab = JSON.parse((await run(["lint", "-f", "gitlab"], ws)).stdout);
    expect(gitlab.map((i: { check_name: string }) => i.check_name)).toEqual([
      "missing-satisfaction",
    ]);
    const junit = (await run(["lint", "-f", "junit"], ws)).stdout;
    expect(junit).toContain('<testsuites name="journey" tests="5" failures="1" errors="0">');
    expect(junit).toContain(
      '<testsuite name="personas/marc.yaml" tests="1" failures="0" errors="0" skipped="0">\n    <testcase classname="personas/marc.yaml" name="no problems"/>',
    );
    expect(junit).not.toMatch(/baseline/);
  });

  it("--cache is unaffected: the baseline applies after the rules, cold or warm", async () => {
    await write();
    edit("journeys/marc-store.yaml", "        satisfaction: 4\n", "");
    const plain = await run(["lint"], ws);
    const cache = ["--cache", "--cache-location", join(ws, "..", "cache")];
    expect(await run(["lint", ...cache], ws)).toEqual(plain);
    expect(await run(["lint", ...cache], ws)).toEqual(plain);
    expect(plain.stdout).toContain("(5 baselined)");
  });

  it("GitHub: the job summary says how many the baseline accepted", async () => {
    await write();
    edit("journeys/marc-store.yaml", "        satisfaction: 4\n", "");
    const summary = join(ws, "..", "summary.md");
    writeFileSync(summary, "");
    const env = { JOURNEY_TODAY: TODAY, GITHUB_STEP_SUMMARY: summary };
    const r = await run(["lint", "-f", "github"], ws, undefined, { env });
    expect(r.stdout).toMatch(/^::warning file=journeys\/marc-store\.yaml,line=17,/);
    const text = readFileSync(summary, "utf8");
    expect(text).toContain("## journey lint: 0 errors, 1 warning in 5 files\n\n");
    expect(text).toContain("\n5 findings accepted by the baseline, not listed.\n");
  });

  it("--help names the options", async () => {
    const help = await run(["lint", "--help"]);
    for (const flag of ["--baseline <file>", "--baseline-write", "--baseline-prune"]) {
      expect(help.stdout).toContain(flag);
    }
  });
});

describe("the baseline's own functions", () => {
  const f = (over: Parameters<typeof aFinding>[0]) =>
    aFinding({ rule: "r", messageId: "m", file: "a.yaml", entity: "e", anchor: "/p", ...over });
  const same = (line: number) => f({ line });
  const identity = (file: string) => file;
  const all = { covers: () => true };

  it("matches by identity and counts, in the findings' order, never by line", () => {
    const baseline = recordBaseline(null, [same(1), same(2)], identity, all);
    const { reported, baselined } = applyBaseline(baseline, [same(5), same(9), same(12)], identity);
    expect(baselined.map((x) => x.line)).toEqual([5, 9]);
    expect(reported.map((x) => x.line)).toEqual([12]);
    const other = applyBaseline(baseline, [f({ anchor: "/q" }), f({ file: "b.yaml" })], identity);
    expect(other.baselined).toEqual([]);
  });

  it("a write outside its scope adds and keeps; a prune outside it keeps", () => {
    const old = recordBaseline(null, [same(1), f({ rule: "s" })], identity, all);
    const none = { covers: () => false };
    const written = recordBaseline(old, [same(1), same(2)], identity, none);
    expect(serializeBaseline(written)).toBe(
      serializeBaseline(recordBaseline(null, [same(1), same(2), f({ rule: "s" })], identity, all)),
    );
    expect(pruneBaseline(old, [], identity, none).removed).toBe(0);
    expect(pruneBaseline(old, [], identity, all)).toEqual({ baseline: new Map(), removed: 2 });
  });

  it("writes files whose names look like numbers in code-point order, and reads back what it wrote", () => {
    const baseline = recordBaseline(
      null,
      ["b", "10", "2", "a"].map((file) => f({ file })),
      identity,
      all,
    );
    const text = serializeBaseline(baseline);
    // Not as JavaScript orders an object's keys (integers first, by value).
    expect([...text.matchAll(/^ {4}"([^"]+)"/gm)].map((m) => m[1])).toEqual(["10", "2", "a", "b"]);
    const parsed = parseBaseline(text);
    expect(isProblem(parsed)).toBe(false);
    expect(serializeBaseline(parsed as Baseline)).toBe(text);
    expect(serializeBaseline(new Map())).toBe('{\n  "version": 1,\n  "files": {}\n}\n');
  });

  it("finds where JSON stops, whatever the engine's message: at every cut of a baseline", () => {
    // Every text cut before the last "}" is not JSON; each cut is found where it ends.
    for (let n = 0; n < WRITTEN.trimEnd().length; n++) {
      const cut = WRITTEN.slice(0, n);
      expect(() => JSON.parse(cut)).toThrow();
      expect(jsonError(cut)?.offset, cut).toBe(cut.length);
      expect(["unexpected end of the file", "unterminated string"], cut).toContain(
        jsonError(cut)?.what,
      );
    }
    expect(jsonError('{"a": 1,}')).toEqual({
      offset: 8,
      what: 'expected a key in quotes, not "}"',
    });
    expect(jsonError('{"a" 1}')).toEqual({ offset: 5, what: 'expected ":", not "1"' });
    expect(jsonError('{"a": 1 "b": 2}')).toEqual({
      offset: 8,
      what: 'expected "," or "}", not a string',
    });
    expect(jsonError("[1, 2] x")).toEqual({
      offset: 7,
      what: 'unexpected "x" after the JSON value',
    });
    // What is wrong inside a string is found at the string.
    expect(jsonError('["\\x"]')).toEqual({ offset: 1, what: "a string with an invalid escape" });
    expect(jsonError('["\\u12"]')).toEqual({
      offset: 1,
      what: "a string with an invalid \\u escape",
    });
    expect(jsonError('["a\tb"]')).toEqual({ offset: 1, what: "a control character in a string" });
    expect(jsonError('["ab\ncd"]')).toEqual({ offset: 4, what: "unterminated string" });
    expect(jsonError("[01]")).toEqual({ offset: 2, what: 'expected "," or "]", not "1"' });
    expect(jsonError("[1.]")).toEqual({ offset: 1, what: 'an invalid number "1."' });
    expect(jsonError("[trux]")).toEqual({ offset: 1, what: 'unexpected "trux"' });
    expect(jsonError("[-]")).toEqual({ offset: 1, what: 'unexpected "-"' });
    expect(jsonError("[1]\u00a0")).toEqual({
      offset: 3,
      what: 'unexpected "\\u00a0" after the JSON value',
    });
    expect(jsonError("[1] // ok")).toEqual({
      offset: 4,
      what: "a comment, which JSON does not allow",
    });
    // Nested deeper than jsonc-parser's recursion goes: no position rather than a wrong one.
    const deep = "[".repeat(100_000);
    expect(() => JSON.parse(deep)).toThrow();
    expect(jsonError(deep)).toBeNull();
    expect(parseBaseline(deep)).toEqual({ at: null, message: "not valid JSON" });
  });
});

it("leaves no file behind in the maps but the baseline", async () => {
  await write();
  expect(existsSync(join(ws, FILE))).toBe(true);
  expect(readdirSync(ws).sort()).toEqual([
    "journey-baseline.json",
    "journey.config.yaml",
    "journeys",
    "personas",
  ]);
});

describe("the documented workflow runs as written", () => {
  /** The `journey` lines of the ```sh blocks of a page's section, without `npx` and comments. */
  const commandsOf = (page: string, heading: string) => {
    const text = readFileSync(join(ROOT, page), "utf8");
    const start = text.indexOf(`${heading}\n`);
    expect(start, `${page} has ${heading}`).toBeGreaterThan(-1);
    const section = text.slice(start, text.indexOf("\n#", start + heading.length));
    return [...section.matchAll(/^ *```sh\n([\s\S]*?)^ *```$/gm)]
      .flatMap((m) => (m[1] ?? "").split("\n"))
      .map((line) => line.replace(/#.*$/, "").trim())
      .filter((line) => line.startsWith("npx journey "));
  };
  /** Runs `npx journey …` (and `&& git diff --exit-code <file>`: the file left unchanged). */
  const runLine = async (line: string) => {
    const [command = "", check] = line.split(" && ");
    const before = existsSync(join(ws, FILE)) ? baselineText() : null;
    const r = await run(command.split(/\s+/).slice(2), ws);
    if (check !== undefined) {
      expect(check).toBe(`git diff --exit-code ${FILE}`);
      return { ...r, changed: baselineText() !== before };
    }
    return { ...r, changed: false };
  };

  it("README: write, lint, prune", async () => {
    const lines = commandsOf("README.md", "### Adopting journey on an existing repository");
    expect(lines).toEqual([
      "npx journey lint --baseline-write",
      "npx journey lint",
      "npx journey lint --baseline-prune",
    ]);
    expect((await runLine(lines[0] ?? "")).code).toBe(0);
    expect(baselineText()).toBe(WRITTEN);
    edit("journeys/marc-store.yaml", "        satisfaction: 4\n", "");
    expect((await runLine(lines[1] ?? "")).stdout).toContain(
      "✖ 1 problem (0 errors, 1 warning) in 5 files (5 baselined)\n",
    );
    edit("journeys/marc-store.yaml", CES_BAD, CES_OK);
    expect((await runLine(lines[2] ?? "")).stderr).toBe(
      "journey: 1 finding no longer occurs: removed from journey-baseline.json (4 left)\n",
    );
  });

  it("docs/ci.md: write once; the prune step fails the job when it changed the file", async () => {
    const lines = commandsOf(
      "docs/ci.md",
      "## Adopting journey on an existing repository: the baseline",
    );
    expect(lines).toEqual([
      "npx journey lint --baseline-write",
      "npx journey lint --baseline-prune && git diff --exit-code journey-baseline.json",
    ]);
    const written = await runLine(lines[0] ?? "");
    expect(written.code).toBe(0);
    // The page's example of what it says.
    expect(written.stderr).toMatch(
      /^journey: \d+ findings in \d+ files written to journey-baseline\.json\n$/,
    );
    const step = lines[1] ?? "";
    expect(await runLine(step)).toMatchObject({ code: 0, changed: false });
    edit("journeys/marc-store.yaml", CES_BAD, CES_OK);
    expect(await runLine(step)).toMatchObject({ code: 0, changed: true });
  });
});
