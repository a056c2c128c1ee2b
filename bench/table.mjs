// `node bench/table.mjs [case…]`: time to draw a table whose one cell has many lines, as a
// coverage row whose noSurvey reason runs to 60 or 100 lines, or a calendar cell of 100 or 150
// sends in one month. Measured here, not asserted in tests: timings depend on the machine.
// Uses the build (dist/): run `npm run build` first.
import { Chalk } from "chalk";
import { renderTable } from "../dist/report/table.js";

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });

/** A coverage row whose noSurvey reason has `lines` lines of some 60 columns. */
function coverage(lines) {
  const columns = [
    { header: "persona" },
    { header: "journey", wrap: true },
    { header: "stage", wrap: true },
    { header: "key moment" },
    { header: "status" },
    { header: "surveys, or why not", wrap: true },
  ];
  const reason = Array.from(
    { length: lines },
    (_, i) => `line ${i}: the team agreed not to survey this stage — é`,
  ).join("\n");
  const row = [
    { text: "julie" },
    { text: "checkout" },
    { text: "pay ★", color: (c, s) => c.yellow.bold(s) },
    { text: "paying", color: (c, s) => c.yellow(s) },
    { text: "waived", color: (c, s) => c.dim(s) },
    { text: reason, color: (c, s) => c.dim(s) },
  ];
  return { columns, rows: [row] };
}

/** A calendar month where one persona gets `sends` surveys, some over the policy. */
function calendar(sends) {
  const columns = [
    { header: "month" },
    { header: "julie", wrap: true },
    { header: "marc", wrap: true },
  ];
  const text = Array.from(
    { length: sends },
    (_, i) => `03-${String((i % 28) + 1).padStart(2, "0")} survey-${i} ≈ ⚠`,
  ).join("\n");
  const row = [
    { text: "2026-03 ⚠", color: (c, t) => c.red.bold(t) },
    { text, color: (c, t) => c.red.bold(t) },
    { text: "" },
  ];
  return { columns, rows: [row] };
}

const CASES = {
  "coverage-60": () => coverage(60),
  "coverage-100": () => coverage(100),
  "calendar-100": () => calendar(100),
  "calendar-150": () => calendar(150),
};

const wanted = process.argv.slice(2);
for (const [name, make] of Object.entries(CASES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const { columns, rows } = make();
  for (const [label, chalk] of [
    ["no colour", plain],
    ["colour", colour],
  ]) {
    const start = process.hrtime.bigint();
    const out = await renderTable(columns, rows, { width: 100, chalk });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const lines = out.split("\n").length - 1;
    console.log(
      `${name.padEnd(13)} ${label.padEnd(9)} ${ms.toFixed(1).padStart(9)} ms  ${lines} lines`,
    );
  }
}
