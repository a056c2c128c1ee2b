import { spawn as spawnChild } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JOURNEY, PERSONA, ROOT, run } from "./helpers.js";

/**
 * The smaller stumbles of a first day with journey, each with the exact message a user now gets:
 * messages that name what they are about, durations in words, dates that say what is wrong with
 * them, one finding for a wrong-typed evidence, `coverage --stage`, `-o` into a new folder,
 * `--format JSON`, a symlink loop, a zero contact window, and a reader that goes away early.
 */

/** A workspace in a new temporary folder: `{ "path.yaml": text }`. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "journey-stumble-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** `[rule, line, message]` of the findings of `rules` by `journey lint --format json` in `dir`. */
async function findings(dir: string, rules: readonly string[] = RULES_AT_STAKE) {
  const r = await run(["lint", "--format", "json"], dir);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout)
    .findings.filter((f: { rule: string }) => rules.includes(f.rule))
    .map((f: { rule: string; line: number; message: string }) => [f.rule, f.line, f.message]);
}

/** The rules the cases below are about (JOURNEY has findings of others: missing-satisfaction…). */
const RULES_AT_STAKE = ["schema", "indicator-scale", "unsupported-claim", "contact-pressure"];

/** JOURNEY with the csat question of checkout-csat (line 24) asked on another scale. */
const onScale = (indicator: string, min: number, max: number) =>
  JOURNEY.replace("indicators: [csat]", `indicators: [${indicator}]`)
    .replace("id: q1", "id: q2")
    .replace("indicator: csat", `indicator: ${indicator}`)
    .replace("scale: { min: 1, max: 5 }", `scale: { min: ${min}, max: ${max} }`);

describe("messages name the question, the survey, the stage", () => {
  it("indicator-scale names the question and its survey", async () => {
    const dir = workspace({ "p.yaml": PERSONA, "j.yaml": onScale("ces", 1, 5) });
    expect(await findings(dir)).toEqual([
      [
        "indicator-scale",
        26,
        'question "q2" of survey "checkout-csat": ces is measured on 1–7, not 1–5',
      ],
    ]);
  });

  it("a question without an id is named by its place in the survey", async () => {
    const journey = JOURNEY.replace("indicators: [nps]", "indicators: [csat]").replace(
      "indicator: nps",
      "indicator: csat",
    );
    const dir = workspace({ "p.yaml": PERSONA, "j.yaml": journey });
    expect(await findings(dir)).toEqual([
      [
        "indicator-scale",
        43,
        'question 1 of survey "relationship-nps": csat is measured on 1–5, not 0–10',
      ],
    ]);
  });
});

describe("durations in sentences are words", () => {
  it("stale-map: more than 12 months, not P12M", async () => {
    const dir = workspace({
      "p.yaml": PERSONA,
      "j.yaml": JOURNEY.replace("persona: julie\n", "persona: julie\nreviewed: 2025-06-30\n"),
    });
    expect(await findings(dir, ["stale-map"])).toEqual([
      [
        "stale-map",
        5,
        'journey "julie-online" was last reviewed on 2025-06-30, more than 12 months before 2026-11-22',
      ],
    ]);
  });

  it("a survey sent with a delay of zero is sent right after its event", async () => {
    const journey = JOURNEY.replace(
      "recurrence: { trigger: after-event }",
      "recurrence: { trigger: after-event, delay: P0D, cooldown: P0D }",
    );
    const dir = workspace({ "p.yaml": PERSONA, "j.yaml": journey });
    const r = await run(["surveys", "--format", "json"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].recurrence).toBe("right after each checkout");
  });
});

describe("a date that is not one says what is wrong with it", () => {
  it.each([
    ["2026-13-01", "month 13 does not exist"],
    ["2026-02-30", "February 2026 has 28 days"],
    ["2028-02-30", "February 2028 has 29 days"],
    ["2026-04-00", "day 0 does not exist"],
    ["0000-01-01", "years run from 0001 to 9999"],
  ])("reviewed: %s in a map", async (date, problem) => {
    const dir = workspace({
      "p.yaml": PERSONA,
      "j.yaml": JOURNEY.replace("persona: julie\n", `persona: julie\nreviewed: ${date}\n`),
    });
    expect(await findings(dir)).toEqual([
      ["schema", 5, `"reviewed" must be a date, not "${date}": ${problem}`],
    ]);
  });

  it("in the config, an invalid config that says why", async () => {
    const dir = workspace({
      "journey.config.yaml": "kind: config\ncalendar: { start: 2026-13-01 }\n",
      "p.yaml": PERSONA,
    });
    expect(await run(["calendar"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'journey: invalid config journey.config.yaml:2:20: "start" must be a date, not "2026-13-01": month 13 does not exist\n',
    });
  });

  it("a calendar that would run past 9999-12-31 ends there, with a note", async () => {
    const r = await run(["calendar", "examples/clean", "--from", "9999-12-31", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "journey: the calendar ends on 9999-12-31, the last day a date can be written\n",
    );
    const calendar = JSON.parse(r.stdout);
    expect([calendar.from, calendar.to]).toEqual(["9999-12-31", "9999-12-31"]);
    for (const send of calendar.sends) expect(send.date).toBe("9999-12-31");
  });

  it("contact-pressure never places a send after 9999-12-31 (config start near the end)", async () => {
    const dir = workspace({
      "journey.config.yaml": "kind: config\ncalendar: { start: 9999-12-01 }\n",
      "p.yaml": `${PERSONA}contactPolicy: { maxSurveys: 1, window: P1Y }\n`,
      "j.yaml": JOURNEY.replace("title: Julie buys online\n", "title: J\nfrequency: P1D\n").replace(
        "recurrence: { every: P6M, start: 2026-01-15 }",
        "recurrence: { once: 9999-12-31 }",
      ),
    });
    const found = await findings(dir);
    expect(found.length).toBeGreaterThan(0);
    for (const [, , message] of found) expect(message).not.toMatch(/10000-/);
  });
});

describe("a wrong-typed evidence is reported once", () => {
  it.each([
    ["a mapping", "{ source: survey, ref: R1 }", '"evidence" must be a list, not a mapping'],
    ["a text", "survey", '"evidence" must be a list, not "survey"'],
  ])("evidence as %s: the schema's finding, no unsupported-claim", async (_, value, message) => {
    const journey = JOURNEY.replace(
      "        channel: web\n      - id: delivery-choice",
      `        channel: web\n        satisfaction: 4\n        evidence: ${value}\n      - id: delivery-choice`,
    );
    const dir = workspace({ "p.yaml": PERSONA, "j.yaml": journey });
    expect(await findings(dir)).toEqual([["schema", 13, message]]);
  });
});

describe("coverage --stage", () => {
  it("keeps the rows of the stages named (repeatable)", async () => {
    const r = await run([
      "coverage",
      "examples/clean",
      "--stage",
      "delivery",
      "--stage",
      "advice",
      "-f",
      "json",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((row: { stage: string }) => row.stage)).toEqual([
      "delivery",
      "advice",
    ]);
  });

  it("a stage that names nothing is an error with a suggestion", async () => {
    expect(await run(["coverage", "examples/clean", "--stage", "delivry"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'journey: no stage "delivry" in these maps; did you mean "delivery"?\n',
    });
  });
});

describe("-o into folders that do not exist yet", () => {
  it("makes them, and writes the report whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-out-"));
    const target = join(dir, "out", "reports", "lint.json");
    const r = await run(["lint", "examples/broken", "-f", "json", "-o", target]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: "" });
    const direct = await run(["lint", "examples/broken", "-f", "json"]);
    expect(readFileSync(target, "utf8")).toBe(direct.stdout);
    expect(readdirSync(join(dir, "out", "reports"))).toEqual(["lint.json"]);
  });

  it("leaves nothing behind when the report cannot be written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-out-"));
    const name = `${"x".repeat(300)}.json`; // longer than a file name may be
    const r = await run(["lint", "examples/clean", "-o", join(dir, "out", "deeper", name)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^journey: cannot write .*: name too long\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a file on the way is not a folder", async () => {
    const dir = workspace({ taken: "a file" });
    expect(await run(["lint", join(ROOT, "examples/clean"), "-o", "taken/out.json"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: "journey: cannot write taken/out.json: not a directory\n",
    });
  });
});

describe("--format in any case", () => {
  it.each([
    [["lint", "examples/clean", "--format", "JSON"], 0],
    [["lint", "examples/clean", "-f", "Stylish"], 0],
    [["coverage", "examples/clean", "--format", "CSV"], 0],
    [["calendar", "examples/clean", "--format", "ICS"], 0],
  ])("%j", async (args, code) => {
    const lower = await run(
      args.map((a, i) => (args[i - 1]?.startsWith("-") ? a.toLowerCase() : a)),
    );
    const r = await run(args);
    expect(r).toEqual({ ...lower, code });
  });

  it("an unknown one is told as typed, and --help shows the lowercase names", async () => {
    expect(await run(["lint", "examples/clean", "--format", "XML"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'journey: unknown format "XML": use stylish, json, sarif, github, gitlab, junit\n',
    });
    const help = await run(["lint", "--help"]);
    expect(help.stdout.replace(/\s+/g, " ")).toContain(
      "output format: stylish, json, sarif, github, gitlab, junit (default: stylish);",
    );
  });
});

describe("files and config in messages", () => {
  it("a named symlink loop", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-loop-"));
    symlinkSync("loop.yaml", join(dir, "loop.yaml"));
    expect(await run(["lint", "loop.yaml"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: "journey: cannot read loop.yaml: too many levels of symbolic links\n",
    });
  });

  it("-c with an absolute path is shown relative to the current directory", async () => {
    const dir = workspace({ "cfg/bad.yaml": "kind: config\nrules: { stale-map: wrn }\n" });
    const r = await run(
      ["lint", join(ROOT, "examples/clean"), "-c", join(dir, "cfg", "bad.yaml")],
      dir,
    );
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'journey: invalid config cfg/bad.yaml:2:21: the severity of rule "stale-map" must be error, warning or off, not "wrn"\n',
    });
  });
});

describe("contact policies that cannot be counted against", () => {
  it.each([
    ["{ maxSurveys: 1, window: P0D }", 5, '"window" must be longer than zero, not "P0D"'],
    ["{ maxSurveys: 1, window: P0Y0M }", 5, '"window" must be longer than zero, not "P0Y0M"'],
    [
      "{ maxSurveys: 1e308, window: P30D }",
      5,
      '"maxSurveys" must be between 1 and 1000, not 1e+308',
    ],
  ])("%s: a schema finding", async (policy, line, message) => {
    const dir = workspace({
      "p.yaml": `${PERSONA}contactPolicy: ${policy}\n`,
      "j.yaml": JOURNEY,
    });
    expect(await findings(dir)).toEqual([["schema", line, message]]);
  });

  it("an rrule without start: the calendar says it has no start", async () => {
    const journey = JOURNEY.replace(
      "recurrence: { every: P6M, start: 2026-01-15 }",
      'recurrence: { rrule: "FREQ=MONTHLY" }',
    );
    const dir = workspace({ "p.yaml": PERSONA, "j.yaml": journey });
    const r = await run(["calendar", "--format", "json"], dir);
    expect(JSON.parse(r.stdout).unscheduled).toContainEqual(
      expect.objectContaining({ survey: "relationship-nps", reason: "it has no start" }),
    );
  });
});

describe("a reader that goes away early (journey … | head -1)", () => {
  it("no EPIPE stack trace: the rest is dropped quietly, the exit code is the run's", async () => {
    // An iCalendar of 90 years of sends: far more than a pipe holds.
    const child = spawnChild(
      process.execPath,
      [
        join(ROOT, "bin", "journey.js"),
        "calendar",
        "examples/clean",
        "--from",
        "1990-01-01",
        "--to",
        "2080-01-01",
        "--format",
        "ics",
      ],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? "", JOURNEY_TODAY: "2026-11-22" } },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
