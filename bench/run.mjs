// `npm run bench`: start-up time of the binary, lint throughput on a generated workspace, the
// redundant-question search and the survey scheduler.
// Measured here, not asserted in tests: timings depend on the machine.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { measure as measureCalendar } from "./calendar.mjs";
import { DISTRIBUTIONS, measure, SIZES } from "./redundant-question.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "journey.js");

/** Median wall time in milliseconds of running the binary `runs` times. */
function time(args, cwd, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, [bin, ...args], { cwd, stdio: "ignore" });
    } catch (error) {
      if (error.status !== 1) throw error; // exit 1 = findings, expected for some inputs
    }
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** A workspace of `journeys` journeys of `stages` stages, each stage with 3 events and a survey. */
function generate(journeys, stages) {
  const dir = mkdtempSync(join(tmpdir(), "journey-bench-"));
  mkdirSync(join(dir, "maps"));
  writeFileSync(
    join(dir, "persona.yaml"),
    "kind: persona\nid: julie\nname: Julie\nsummary: Buys online.\n",
  );
  for (let j = 0; j < journeys; j++) {
    const lines = [
      `kind: journey`,
      `id: journey-${j}`,
      `title: Journey ${j}`,
      `persona: julie`,
      `stages:`,
    ];
    for (let s = 0; s < stages; s++) {
      lines.push(`  - id: stage-${s}`, `    name: Stage ${s}`, `    events:`);
      for (let e = 0; e < 3; e++) {
        lines.push(
          `      - id: event-${s}-${e}`,
          `        action: Does thing ${e}`,
          `        channel: web`,
          `        satisfaction: ${1 + ((s + e) % 5)}`,
        );
      }
      lines.push(
        `    surveys:`,
        `      - id: survey-${j}-${s}`,
        `        title: Survey`,
        `        event: event-${s}-0`,
        `        channel: web`,
        `        subject: How it went`,
        `        indicators: [csat]`,
        `        questions:`,
        `          - text: How satisfied are you with step ${s}?`,
        `            indicator: csat`,
        `            scale: { min: 1, max: 5 }`,
        `        recurrence: { trigger: after-event, cooldown: P90D }`,
      );
    }
    writeFileSync(join(dir, "maps", `journey-${j}.yaml`), `${lines.join("\n")}\n`);
  }
  return dir;
}

const rows = [];
rows.push(["journey --version (start-up)", time(["--version"], root, 15)]);
rows.push(["journey lint examples/clean", time(["lint", "examples/clean"], root, 15)]);
for (const [journeys, stages] of [
  [100, 10],
  [1000, 10],
]) {
  const dir = generate(journeys, stages);
  const events = journeys * stages * 3;
  rows.push([
    `journey lint: ${journeys} journeys, ${events} events, ${journeys * stages} surveys`,
    time(["lint"], dir, 3),
  ]);
  rmSync(dir, { recursive: true, force: true });
}
for (const distribution of DISTRIBUTIONS) {
  for (const size of SIZES) {
    const { ms, repeats } = measure(size, 3, distribution);
    rows.push([`redundant-question: ${size} questions, ${distribution}, ${repeats} repeats`, ms]);
  }
}
{
  const { ms, surveys, sends } = measureCalendar(3);
  rows.push([`calendar: ${surveys} surveys over 10 years, ${sends} sends, with pressure`, ms]);
}
for (const [name, ms] of rows) console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
