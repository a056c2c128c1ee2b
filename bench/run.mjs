// `npm run bench`: one table from one run, on generated workspaces of 30, 300 and 1,000 journeys
// (bench/generate.mjs, seeded): journey lint, validate and calendar, a warm cached lint after one
// file changed (once lint has --cache), the parse floors (`yaml` as journey uses it, the `yaml`
// Lexer alone, js-yaml as a reference) and the peers (ajv-cli validating the same files against
// schemas/*.json, Spectral with a ruleset applying them). Whole processes: wall time, the median of
// 5 runs (3 at 1,000 journeys), and peak RSS. The peers and js-yaml are the benchmark's own
// dependencies (bench/package.json), installed here with `npm --prefix bench ci` when missing.
// Uses the build (dist/): run `npm run build` first. Takes minutes; run it on a quiet machine.
//
//   npm run bench                    the table
//   npm run bench -- --sizes 30,300  other sizes
//   npm run bench -- --micro         also the in-process measurements: redundant-question, calendar
//
// After the table, the phases of a lint of the largest workspace in one process (bench/phases.mjs):
// what bounds the run.
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  appendFileSync,
} from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { measure as measureCalendar } from "./calendar.mjs";
import { generate } from "./generate.mjs";
import { DISTRIBUTIONS, measure, SIZES } from "./redundant-question.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const bin = join(root, "bin", "journey.js");
const args = process.argv.slice(2);
const sizesArg = args.includes("--sizes") ? args[args.indexOf("--sizes") + 1] : "30,300,1000";
const sizes = sizesArg.split(",").map(Number);

if (!existsSync(join(root, "dist", "cli.js"))) {
  console.error("bench: dist/ is missing: run npm run build first");
  process.exit(2);
}
if (!existsSync(join(here, "node_modules"))) {
  console.error("bench: installing the benchmark's own dependencies (npm --prefix bench ci)…");
  execFileSync("npm", ["--prefix", here, "ci", "--no-audit", "--no-fund"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, SCARF_ANALYTICS: "false" },
  });
}
const peer = (name) => join(here, "node_modules", ".bin", name);

const TIME = "/usr/bin/time";
const hasTime = spawnSync(TIME, ["-f", "%M", "true"], { stdio: "ignore" }).status === 0;
const scratch = mkdtempSync(join(tmpdir(), "journey-bench-"));
const rssFile = join(scratch, "rss");

/**
 * Runs one process; returns its wall time in ms and its peak RSS in KiB. `argv` is a Node script
 * and its arguments. Exit 0 and 1 (findings) are expected; anything else stops the bench.
 */
function once(argv, cwd, env) {
  const command = hasTime
    ? [TIME, ["-f", "%M", "-o", rssFile, process.execPath, ...argv]]
    : [process.execPath, [join(here, "rss.mjs"), rssFile, ...argv]];
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command[1], {
    cwd,
    env: { ...process.env, JOURNEY_TODAY: "2026-11-22", ...env },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${argv.join(" ")} in ${cwd} exited ${result.status}: ${result.stderr}`);
  }
  const rss = Number(readFileSync(rssFile, "utf8").trim().split("\n").pop());
  return { ms, rss };
}

/** The median time and the peak RSS of `runs` samples; a sample runs every command in turn. */
function sample(commands, cwd, runs, before = () => {}) {
  const times = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    before(i);
    let ms = 0;
    for (const { argv, env } of commands) {
      const r = once(argv, cwd, env);
      ms += r.ms;
      rss = Math.max(rss, r.rss);
    }
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], rss };
}

/** A Spectral ruleset applying schemas/<kind>.schema.json to the files of each kind. */
function spectralRuleset() {
  const schema = (kind) => JSON.parse(readFileSync(join(root, "schemas", `${kind}.schema.json`)));
  const rule = (kind) => ({
    given: "$",
    severity: "error",
    message: "{{error}}",
    then: { function: "schema", functionOptions: { schema: schema(kind), dialect: "draft7" } },
  });
  return {
    overrides: [
      { files: ["journeys/**/*.yaml"], rules: { "journey-schema": rule("journey") } },
      { files: ["personas/**/*.yaml"], rules: { "persona-schema": rule("persona") } },
      { files: ["journey.config.yaml"], rules: { "config-schema": rule("config") } },
    ],
  };
}

const lintHelp = execFileSync(process.execPath, [bin, "lint", "--help"], { encoding: "utf8" });
const hasCache = /--cache\b/.test(lintHelp);
const ajv = (kind, data) => ({
  argv: [
    peer("ajv"),
    "validate",
    "--spec=draft7",
    "-c",
    "ajv-formats",
    "-s",
    join(root, "schemas", `${kind}.schema.json`),
    "-d",
    data,
  ],
});

const ROWS = [
  { name: "`journey lint`", key: "lint", commands: () => [{ argv: [bin, "lint", "."] }] },
  { name: "`journey validate`", commands: () => [{ argv: [bin, "validate", "."] }] },
  { name: "`journey calendar`", commands: () => [{ argv: [bin, "calendar", "."] }] },
  {
    name: "`journey lint --cache`, warm, one file changed",
    skip: hasCache ? null : "n/a (no --cache yet)",
    cache: true,
    commands: (dir) => [
      { argv: [bin, "lint", ".", "--cache", "--cache-location", join(dir, ".bench-cache")] },
    ],
  },
  {
    name: "parse floor: `yaml` as journey uses it (Parser + Composer + toJS)",
    key: "floor",
    commands: () => [{ argv: [join(here, "parse-floor.mjs"), "yaml", "."] }],
  },
  {
    name: "parse floor: `yaml` Lexer alone",
    commands: () => [{ argv: [join(here, "parse-floor.mjs"), "lexer", "."] }],
  },
  {
    name: "reference: js-yaml `loadAll`",
    commands: () => [{ argv: [join(here, "parse-floor.mjs"), "js-yaml", "."] }],
  },
  {
    name: "ajv-cli: the same files against schemas/*.json (3 processes, no positions, no rules)",
    commands: () => [
      ajv("journey", "journeys/**/*.yaml"),
      ajv("persona", "personas/*.yaml"),
      ajv("config", "journey.config.yaml"),
    ],
  },
  {
    name: "Spectral: a ruleset applying schemas/*.json",
    commands: () => [{ argv: [peer("spectral"), "lint", "-r", ".spectral.json", "**/*.yaml"] }],
  },
];

const runsAt = (journeys) => (journeys >= 1000 ? 3 : 5);
const startup = {
  version: sample([{ argv: [bin, "--version"] }], root, 5),
  clean: sample([{ argv: [bin, "lint", "examples/clean"] }], root, 5),
  node: sample([{ argv: ["-e", "0"] }], root, 5),
};

const results = ROWS.map(() => []);
let phases = "";
const workspaces = [];
for (const journeys of sizes) {
  const dir = join(scratch, `ws-${journeys}`);
  const made = generate(dir, { journeys });
  writeFileSync(join(dir, ".spectral.json"), JSON.stringify(spectralRuleset()));
  const check = spawnSync(process.execPath, [bin, "validate", ".", "-f", "json"], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (check.status !== 0) throw new Error(`the generated workspace has schema or syntax findings`);
  const lint = spawnSync(process.execPath, [bin, "lint", ".", "-f", "json"], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, JOURNEY_TODAY: "2026-11-22" },
  });
  const findings = JSON.parse(lint.stdout);
  made.findings = Array.isArray(findings) ? findings.length : findings.findings.length;
  workspaces.push(made);
  const changed = readdirFirstJourney(dir);
  for (const [i, row] of ROWS.entries()) {
    if (row.skip) {
      results[i].push(null);
      continue;
    }
    const commands = row.commands(dir);
    // The warm cached run: prime the cache, then before each timed run change one file's content.
    if (row.cache) for (const { argv } of commands) once(argv, dir);
    const before = row.cache ? (n) => appendFileSync(changed, `# bench change ${n}\n`) : undefined;
    results[i].push(sample(commands, dir, runsAt(journeys), before));
    console.error(`bench: ${journeys} journeys: ${row.name}`);
  }
  if (journeys === sizes[sizes.length - 1])
    phases = execFileSync(process.execPath, [join(here, "phases.mjs"), dir, "3"], {
      encoding: "utf8",
    });
  rmSync(dir, { recursive: true, force: true });
}
rmSync(scratch, { recursive: true, force: true });

function readdirFirstJourney(dir) {
  return join(dir, "journeys", "persona-0000", "persona-0000-journey-0.yaml");
}

const seconds = (ms) => (ms < 1000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);
const mib = (kib) => `${Math.round(kib / 1024)} MiB`;
const ratio = (a, b) => (a && b ? `${(a.ms / b.ms).toFixed(2)}×` : "");
const lintRow = ROWS.findIndex((r) => r.key === "lint");
const floorRow = ROWS.findIndex((r) => r.key === "floor");
const last = sizes.length - 1;
const fmt = (n) => n.toLocaleString("en-US");

const cpu = cpus();
console.log(
  `Machine: ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, Node ${process.version}; ` +
    `peak RSS from ${hasTime ? "/usr/bin/time" : "process.resourceUsage()"}.`,
);
console.log(
  `Start-up (median of 5): node -e 0 ${seconds(startup.node.ms)}, journey --version ${seconds(startup.version.ms)}, ` +
    `journey lint examples/clean ${seconds(startup.clean.ms)}.`,
);
console.log(
  `Workspaces (bench/generate.mjs, seed 1): ${workspaces
    .map(
      (w) =>
        `${fmt(w.journeys)} journeys of ${w.personas} personas, ${(w.bytes / 1e6).toFixed(1)} MB, ${fmt(w.findings)} findings`,
    )
    .join("; ")}.`,
);
console.log(
  `Whole processes, wall time, median of ${sizes.map((s) => runsAt(s)).join("/")} runs; ratios at ${fmt(sizes[last])} journeys, from this run.`,
);
console.log("");
const header = [
  "command",
  ...sizes.map(fmt),
  `÷ journey lint`,
  `÷ parse floor`,
  `peak RSS at ${fmt(sizes[last])}`,
];
console.log(`| ${header.join(" | ")} |`);
console.log(`| ${header.map(() => "---").join(" | ")} |`);
for (const [i, row] of ROWS.entries()) {
  const cells = results[i].map((r) => (r ? seconds(r.ms) : row.skip));
  const at = results[i][last];
  const mbps =
    at && i === lintRow
      ? ` (${(workspaces[last].bytes / 1e6 / (at.ms / 1000)).toFixed(1)} MB/s)`
      : "";
  cells[last] += mbps;
  console.log(
    `| ${[
      row.name,
      ...cells,
      ratio(at, results[lintRow][last]),
      ratio(at, results[floorRow][last]),
      at ? mib(at.rss) : "",
    ].join(" | ")} |`,
  );
}

console.log("");
console.log(phases.trimEnd());

if (args.includes("--micro")) {
  console.log("");
  for (const distribution of DISTRIBUTIONS) {
    for (const size of SIZES) {
      const { ms, repeats } = measure(size, 3, distribution);
      console.log(
        `${ms.toFixed(0).padStart(7)} ms  redundant-question: ${size} questions, ${distribution}, ${repeats} repeats`,
      );
    }
  }
  const { ms, surveys, sends } = measureCalendar(3);
  console.log(
    `${ms.toFixed(0).padStart(7)} ms  calendar: ${surveys} surveys over 10 years, ${sends} sends, with pressure`,
  );
}
