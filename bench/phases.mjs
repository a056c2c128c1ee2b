// `node bench/phases.mjs <folder> [runs]`: where the time of `journey lint` goes, phase by phase,
// in one process (the build's modules, dist/): listing the workspace's files, reading their bytes,
// parsing (the fast path, or `yaml` where it declines), the schema checks, the cross-file model,
// each rule, and the JSON report. Medians of `runs` rounds (default 5), after one warm-up round:
// what bounds a run once the process is up, and what a cache or a faster parser could take off;
// and the sum of the warm-up round, what one command pays before the JIT has optimised anything.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const dist = new URL("../dist/", import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const { planWorkspaces } = await load("io/workspaces.js");
const { parseSource } = await load("model/source.js");
const { checkDocument } = await load("validate/document.js");
const { buildWorkspace } = await load("model/workspace.js");
const { activeRules } = await load("lint/config.js");
const { runRulesWithSuppressed } = await load("lint/engine.js");
const { RULES } = await load("rules/index.js");
const { lintReport } = await load("commands/lint.js");
const { FINDINGS_FORMATS } = await load("report/findings/index.js");
const { formatterOf } = await load("report/registry.js");

const [folder, runsArg] = process.argv.slice(2);
if (!folder) {
  console.error("usage: node bench/phases.mjs <folder> [runs]");
  process.exit(2);
}
const cwd = resolve(folder);
const runs = Number(runsArg ?? 5);
const times = new Map();
let cold = 0;
const time = (name, fn) => {
  const start = performance.now();
  const result = fn();
  const list = times.get(name) ?? [];
  list.push(performance.now() - start);
  times.set(name, list);
  return result;
};
const io = {
  cwd,
  env: { JOURNEY_TODAY: "2026-11-22" },
  now: new Date(),
  stdout() {},
  stderr() {},
  colorLevel: 0,
};

for (let round = 0; round <= runs; round++) {
  const [workspace] = time("list the files", () => planWorkspaces(cwd, []));
  const bytes = time("read the bytes", () => workspace.files.map((f) => readFileSync(f)));
  const files = time("parse", () =>
    workspace.files.map((f, n) => parseSource(f.slice(cwd.length + 1), bytes[n], "fast")),
  );
  time("schema checks", () => {
    for (const file of files) for (const doc of file.documents) checkDocument(doc.value);
  });
  const model = time("cross-file model", () => buildWorkspace(files));
  const rules = activeRules(RULES, workspace.config, []);
  for (const active of rules) {
    // One rule at a time, through the engine (positions, messages) as lint runs it.
    const only = rules.map((r) => (r === active ? r : { ...r, severity: "off" }));
    time(`rule ${active.rule.id}`, () =>
      runRulesWithSuppressed({
        files,
        workspace: model,
        schemaIssues: [],
        config: workspace.config,
        today: "2026-11-22",
        rules: only,
      }),
    );
  }
  const report = lintReport([], { config: undefined, rule: [] }, io, RULES);
  const json = await formatterOf(FINDINGS_FORMATS, "json");
  time("JSON report", () => json(report, { colorLevel: 0, width: undefined }));
  if (round === 0) {
    // The warm-up round: what one run of the command costs, before the JIT has optimised anything.
    for (const list of times.values()) cold += list[0];
    times.clear();
  }
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
let total = 0;
const rows = [...times].map(([name, list]) => {
  const ms = median(list);
  total += ms;
  return [name, ms];
});
console.log(`phases of journey lint on ${folder}, medians of ${runs} rounds in one process (ms)`);
for (const [name, ms] of rows)
  console.log(
    `${name.padEnd(36)} ${ms.toFixed(0).padStart(6)}  ${((100 * ms) / total).toFixed(0).padStart(3)} %`,
  );
console.log(`${"sum".padEnd(36)} ${total.toFixed(0).padStart(6)}`);
console.log(`${"sum of the first round (JIT cold)".padEnd(36)} ${cold.toFixed(0).padStart(6)}`);
