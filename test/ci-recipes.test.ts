/**
 * The ready-made integrations work as written: the workflows and jobs of docs/ci.md and the
 * pre-commit hook (.pre-commit-hooks.yaml) parse, every `journey …` command they name is a real
 * command with real options and formats, and each runs — in a git repository holding the workspace
 * `journey init` writes — writing the files the next steps upload.
 */
import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import type { AnyCommand, AnyOptionSpec } from "../src/commands/command.js";
import { COMMANDS } from "../src/commands/index.js";
import { FINDINGS_FORMATS } from "../src/report/findings/index.js";
import { ROOT, run, TODAY } from "./helpers.js";

const PAGE = readFileSync(join(ROOT, "docs/ci.md"), "utf8");
const HOOKS = readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8");

/** The ```yaml blocks of the page, parsed. */
const blocks = [...PAGE.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
const parsed = blocks.map((text) => parse(text) as Record<string, unknown>);

type Workflow = { on: unknown; jobs: Record<string, { steps: Record<string, unknown>[] }> };
const workflows = parsed.filter((doc): doc is Workflow => "jobs" in doc);
type Job = { script: string[]; artifacts?: { reports?: Record<string, string> } };
const gitlabJobs = parsed.flatMap((doc) =>
  Object.values(doc).filter(
    (job): job is Job => typeof job === "object" && job !== null && "script" in job,
  ),
);
const preCommitConfigs = parsed.filter((doc) => "repos" in doc) as {
  repos: { repo: string; hooks: { id: string; files?: string }[] }[];
}[];

/** Every shell line of the recipes that runs journey (`journey …` or `npx journey …`). */
function journeyLines(): string[] {
  const lines = [
    ...workflows.flatMap((w) =>
      Object.values(w.jobs).flatMap((job) => job.steps.map((step) => step.run)),
    ),
    ...gitlabJobs.flatMap((job) => job.script),
  ];
  return lines
    .filter((line): line is string => typeof line === "string")
    .flatMap((line) => line.split("\n"))
    .filter((line) => /(^|\s)journey\s/.test(line));
}

/** A step's stdout appended to the job summary, as the workflow's `journey diff` does. */
const TO_SUMMARY = ' >> "$GITHUB_STEP_SUMMARY"';

/** Shell words, with the CI's expressions replaced by what they are in the test repository. */
function words(line: string): string[] {
  const expanded = line
    .replace(TO_SUMMARY, "")
    .replaceAll("${{ github.base_ref }}", "main")
    .replaceAll("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main");
  expect(expanded, "an expression the test does not know").not.toMatch(/\$/);
  const found = [...expanded.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? "",
  );
  return found[0] === "npx" ? found.slice(1) : found;
}

const load = async (name: string): Promise<AnyCommand> => {
  const command = COMMANDS[name];
  expect(command, `journey ${name} is not a command`).toBeDefined();
  return (await (command as NonNullable<typeof command>)()).default;
};

/** Checks a command line against the command's declaration; returns the files it writes (-o). */
async function check(argv: readonly string[]): Promise<string[]> {
  expect(argv[0]).toBe("journey");
  const [, name = "", ...rest] = argv;
  const command = await load(name);
  const specs = Object.values(command.options as Record<string, AnyOptionSpec>);
  const outputs: string[] = [];
  let positionals = 0;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? "";
    if (!word.startsWith("-")) {
      positionals++;
      continue;
    }
    const spec = specs.find((s) => s.flags.split(/[ ,]+/).includes(word));
    expect(spec, `journey ${name} has no option ${word}`).toBeDefined();
    if (!spec?.flags.includes("<")) continue;
    const value = rest[++i];
    expect(value, `${word} needs a value`).toBeDefined();
    if (word === "-f" || word === "--format") {
      const formats = spec.choices?.values ?? Object.keys(FINDINGS_FORMATS);
      expect(formats, `format ${value}`).toContain(value);
    } else if (spec.choices) {
      expect(spec.choices.values).toContain(value);
    }
    if (word === "-o" || word === "--output") outputs.push(value ?? "");
  }
  const variadic = command.arguments.some((a) => a.name.endsWith("...]"));
  if (!variadic) expect(positionals).toBeLessThanOrEqual(command.arguments.length);
  const help = await run([name, "--help"]);
  expect(help.code).toBe(0);
  return outputs;
}

describe("docs/ci.md and .pre-commit-hooks.yaml", () => {
  it("hold the recipes the page promises, each of them valid YAML", () => {
    for (const text of [...blocks, HOOKS]) {
      for (const doc of parseAllDocuments(text)) expect(doc.errors).toEqual([]);
    }
    expect(workflows.length).toBeGreaterThanOrEqual(1);
    expect(gitlabJobs.length).toBeGreaterThanOrEqual(1);
    expect(preCommitConfigs.length).toBe(1);
  });

  it("links to pages and headings that exist", () => {
    const links = [...PAGE.matchAll(/\]\(([^)#:]+)(?:#([^)]+))?\)/g)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, page = "", anchor] of links) {
      const text = readFileSync(join(ROOT, "docs", page), "utf8");
      if (anchor === undefined) continue;
      const slugs = [...text.matchAll(/^#+ (.+)$/gm)].map((m) =>
        (m[1] ?? "")
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, "")
          .replaceAll(" ", "-"),
      );
      expect(slugs, `${page}#${anchor}`).toContain(anchor);
    }
  });

  it("GitHub: lint with annotations and SARIF, then upload-sarif v3 of that file, even after errors", () => {
    for (const workflow of workflows) {
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
      const uploads = steps.filter((s) => s.uses === "github/codeql-action/upload-sarif@v3");
      expect(uploads).toHaveLength(1);
      const upload = uploads[0] as { if: string; with: { sarif_file: string } };
      expect(upload.if).toContain("!cancelled()");
      const sarif = upload.with.sarif_file;
      const lints = steps.filter((s) => typeof s.run === "string" && s.run.includes(" lint "));
      expect(lints.some((s) => String(s.run).includes(`-f sarif -o ${sarif} -f github`))).toBe(
        true,
      );
      expect(JSON.stringify(workflow)).toContain('"security-events":"write"');
    }
    expect(journeyLines().some((line) => line.includes("--changed-since origin/"))).toBe(true);
    // Pull requests: what the change does to each persona, in the job summary.
    const diffs = journeyLines().filter((line) => / diff /.test(line));
    expect(diffs).toEqual([
      'npx journey diff origin/${{ github.base_ref }} --format markdown >> "$GITHUB_STEP_SUMMARY"',
    ]);
  });

  it("GitLab: Code Quality and JUnit reports from one run, kept when lint fails", () => {
    const [job] = gitlabJobs;
    const line = job?.script.find((l) => l.includes("journey lint")) ?? "";
    const argv = words(line);
    const after = (format: string) => argv[argv.indexOf(format) + 2];
    expect(job?.artifacts).toEqual({
      when: "always",
      reports: { codequality: after("gitlab"), junit: after("junit") },
    });
  });

  it("name only commands, options and formats journey has, in the recipes and in the text", async () => {
    const lines = journeyLines();
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) await check(words(line));
    const inText = [...PAGE.matchAll(/`((?:npx )?journey [^`]+)`/g)].map((m) => m[1] ?? "");
    expect(inText.length).toBeGreaterThanOrEqual(3);
    for (const line of inText) await check(words(line));
  });

  it("pre-commit: one hook, journey-lint, given the changed YAML files", async () => {
    const hooks = parse(HOOKS) as Record<string, unknown>[];
    expect(hooks).toEqual([
      expect.objectContaining({
        id: "journey-lint",
        entry: "journey lint",
        language: "node",
        files: "\\.ya?ml$",
        pass_filenames: true,
      }),
    ]);
    for (const hook of hooks) {
      expect(typeof hook.name).toBe("string");
      await check(String(hook.entry).split(" "));
      const files = new RegExp(String(hook.files));
      expect(["maps/a.yaml", "b.yml"].every((f) => files.test(f))).toBe(true);
      expect(files.test("notes.md")).toBe(false);
    }
    // language: node installs the repository as a package: its `journey` executable is the entry.
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    expect(existsSync(join(ROOT, pkg.bin.journey ?? "missing"))).toBe(true);
    // The configuration the page shows uses that hook, and its files pattern is a pattern.
    const [config] = preCommitConfigs;
    const uses = config?.repos.flatMap((r) => r.hooks) ?? [];
    expect(uses.map((h) => h.id)).toEqual(["journey-lint"]);
    for (const h of uses) expect(() => new RegExp(h.files ?? "")).not.toThrow();
  });
});

describe("the recipes, run in a repository of maps made by journey init", () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), "journey-ci-"));
    expect((await run(["init"], repo)).code).toBe(0);
    git("init", "-q", "-b", "main");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "maps");
    // What actions/checkout with fetch-depth 0, or git fetch origin main, leaves.
    git("update-ref", "refs/remotes/origin/main", "HEAD");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  /** Runs a line of a recipe; returns its result and the files it wrote, with the summary. */
  async function runLine(line: string) {
    const argv = words(line);
    const outputs = await check(argv);
    for (const file of outputs) rmSync(join(repo, file), { force: true });
    const summary = join(repo, "..", `${repo.split("/").pop() ?? ""}-summary.md`);
    rmSync(summary, { force: true });
    const env = { JOURNEY_TODAY: TODAY, GITHUB_STEP_SUMMARY: summary };
    const result = await run(argv.slice(1), repo, undefined, { env });
    if (line.includes(TO_SUMMARY)) appendFileSync(summary, result.stdout);
    const written = Object.fromEntries(
      outputs.map((f) => [
        f,
        existsSync(join(repo, f)) ? readFileSync(join(repo, f), "utf8") : null,
      ]),
    );
    const stepSummary = existsSync(summary) ? readFileSync(summary, "utf8") : null;
    rmSync(summary, { force: true });
    return { ...result, written, stepSummary };
  }

  it("on clean maps: every command exits 0 and writes its reports", async () => {
    for (const line of journeyLines()) {
      const r = await runLine(line);
      expect([line, r.code, r.stderr]).toEqual([line, 0, ""]);
      for (const [file, text] of Object.entries(r.written)) {
        expect(text, `${line}: ${file}`).not.toBeNull();
        expect(text?.length).toBeGreaterThan(0);
      }
      if (line.includes("-f github")) expect(r.stepSummary, line).not.toBeNull();
      if (line.includes(TO_SUMMARY))
        expect(r.stepSummary, line).toMatch(/^## Journey maps: what this change does\n\nNo change/);
    }
  });

  it("on a broken map: lint exits 1 and still writes every report, for the upload steps", async () => {
    const persona = join(repo, "personas/alex.yaml");
    const text = readFileSync(persona, "utf8");
    try {
      writeFileSync(persona, text.replace("summary:", "sumary:"));
      for (const line of journeyLines()) {
        const r = await runLine(line);
        // journey diff reports the new finding and exits 0 (without --fail-on-new).
        const diff = words(line)[1] === "diff";
        expect([line, r.code]).toEqual([line, diff ? 0 : 1]);
        if (diff)
          expect(r.stepSummary, line).toMatch(/\| new \| error \| schema \| personas\/alex\.yaml:/);
        for (const [file, report] of Object.entries(r.written)) {
          expect(report, `${line}: ${file}`).toContain("sumary");
        }
        const printed = r.stdout + (r.stepSummary ?? "");
        expect(printed, line).toContain("personas/alex.yaml");
      }
      const sarif = await runLine("npx journey lint -f sarif -o journey.sarif -f github");
      expect(JSON.parse(sarif.written["journey.sarif"] ?? "")).toMatchObject({ version: "2.1.0" });
      expect(statSync(join(repo, "journey.sarif")).isFile()).toBe(true);
    } finally {
      writeFileSync(persona, text);
      rmSync(join(repo, "journey.sarif"), { force: true });
    }
  });

  it("the pre-commit hook's entry, given the files of the commit, judges them in their workspace", async () => {
    const hook = (parse(HOOKS) as { entry: string }[])[0];
    const entry = (hook?.entry ?? "").split(" ").slice(1);
    const clean = await run([...entry, "journeys/alex-online.yaml"], repo);
    expect([clean.code, clean.stdout]).toEqual([0, "✔ no problems in 1 file\n"]);
    // The persona is in a file the commit does not name: still known.
    const other = join(repo, "journeys/alex-online.yaml");
    const text = readFileSync(other, "utf8");
    try {
      writeFileSync(other, text.replace("persona: alex", "persona: alx"));
      const broken = await run([...entry, "journeys/alex-online.yaml"], repo);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('unknown persona "alx"; did you mean "alex"?');
    } finally {
      writeFileSync(other, text);
    }
  });
});
