import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type Io, main } from "../src/cli.js";
import type { CommandRegistry } from "../src/commands/index.js";
import { lintFiles } from "../src/lint/analyse.js";
import { resolveConfig } from "../src/lint/config.js";
import type { Finding } from "../src/lint/finding.js";
import type { AnyRule } from "../src/lint/rule.js";
import type { LintReport } from "../src/report/findings/index.js";
import { parseText } from "../src/model/source.js";
import { RULES } from "../src/rules/index.js";

/** The date every test runs on, so that dated rules (stale-map) give the same findings any day. */
export const TODAY = "2026-11-22";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Third-party material beside the repository (absent in a user's fresh clone). */
export const SHARED = join(ROOT, "..", "shared");
export const HAS_SHARED = existsSync(join(SHARED, "realworld"));

/** Strips the common indentation of a template literal, so YAML can be written inline. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, "");
  const indent = Math.min(
    ...text
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => /^ */.exec(l)?.[0].length ?? 0),
  );
  return text
    .split("\n")
    .map((l) => l.slice(indent))
    .join("\n");
}

/** Lints in-memory files with the real pipeline: `{ "path.yaml": text }` in, findings out. */
export function lintSources(
  files: Record<string, string>,
  options: { config?: string; rules?: readonly AnyRule[]; today?: string } = {},
): Finding[] {
  const sources = Object.entries(files).map(([path, text]) => parseText(path, text));
  const config = resolveConfig(options.config ? parse(options.config) : null, null);
  return lintFiles(sources, config, options.rules ?? RULES, [], options.today ?? TODAY);
}

/** The structural rules only: for tests of loading, schemas and references, on minimal fixtures. */
export const STRUCTURAL: readonly AnyRule[] = RULES.filter((r) => r.fixed);

/** `[rule, line, column, message]` of each finding: what tests compare. */
export const brief = (findings: readonly Finding[]) =>
  findings.map((f) => [f.rule, f.line, f.column, f.message]);

/** Runs the CLI in-process (with the given rules, by default the real ones); returns its exit code and what it printed. */
export async function run(
  args: string[],
  cwd = ROOT,
  registry: readonly AnyRule[] = RULES,
  io: Partial<Pick<Io, "colorLevel" | "columns" | "env">> = {},
  commands?: CommandRegistry,
) {
  let stdout = "";
  let stderr = "";
  const code = await main(
    args,
    {
      cwd,
      env: { JOURNEY_TODAY: TODAY },
      now: new Date(),
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
      colorLevel: 0,
      ...io,
    },
    { rules: registry, ...(commands ? { commands } : {}) },
  );
  return { code, stdout, stderr };
}

/** A minimal valid persona and journey, to build test cases from. */
export const PERSONA = yaml`
  kind: persona
  id: julie
  name: Julie
  summary: Buys online after reading reviews.
`;

/**
 * A complete journey of persona julie that the structural rules find clean: two stages, a stage
 * survey on an event (lines 16-27), a journey-wide survey (lines 35-44).
 */
export const JOURNEY = yaml`
  kind: journey
  id: julie-online
  title: Julie buys online
  persona: julie
  stages:
    - id: purchase
      name: Purchase
      events:
        - id: checkout
          action: Pays for the cart
          channel: web
        - id: delivery-choice
          action: Chooses a delivery slot
          channel: web
      surveys:
        - id: checkout-csat
          title: Checkout satisfaction
          event: checkout
          channel: web
          subject: Ease of paying
          indicators: [csat]
          questions:
            - id: q1
              text: How satisfied are you?
              indicator: csat
              scale: { min: 1, max: 5 }
          recurrence: { trigger: after-event }
    - id: delivery
      name: Delivery
      events:
        - id: parcel
          action: Receives the parcel
          channel: email
  surveys:
    - id: relationship-nps
      title: Relationship
      channel: email
      subject: The whole relationship
      indicators: [nps]
      questions:
        - text: Would you recommend us?
          indicator: nps
          scale: { min: 0, max: 10 }
      recurrence: { every: P6M, start: 2026-01-15 }
`;

/** The first 6 lines of a journey `j` of persona julie, up to `stages:`; stages follow on line 7. */
export const JOURNEY_HEAD: readonly string[] = [
  "kind: journey",
  "id: j",
  "title: J",
  "persona: julie",
  "reviewed: 2026-10-01",
  "stages:",
];

const BIN = join(ROOT, "bin", "journey.js");

/**
 * Runs the real binary in a child process (built by `npm test` before vitest), killed after 25 s.
 * Asynchronous, so that a test can run several at once and the worker is not blocked meanwhile.
 */
export function spawn(
  args: string[],
  cwd = ROOT,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd,
        encoding: "utf8",
        timeout: 25_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { PATH: process.env.PATH ?? "", JOURNEY_TODAY: TODAY, ...env },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number" && !child.killed) reject(error);
        else resolve({ code: child.exitCode, stdout, stderr, signal: child.signalCode });
      },
    );
  });
}

/** mulberry32: a small deterministic generator, so every run tests the same random cases. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A finding for a formatter's test: an error of `schema` at journeys/a.yaml:3:5, with changes. */
export function aFinding(over: Partial<Finding> = {}): Finding {
  return {
    rule: "schema",
    messageId: "m",
    severity: "error",
    message: "a message",
    file: "journeys/a.yaml",
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 9,
    entity: null,
    pointer: null,
    anchor: null,
    related: [],
    ...over,
  };
}

/** What a findings formatter receives, of these findings (the files: theirs, unless given). */
export function aReport(findings: Finding[], over: Partial<LintReport> = {}): LintReport {
  const errors = findings.filter((f) => f.severity === "error").length;
  const files = over.files ?? [...new Set(findings.map((f) => f.file))].sort();
  return {
    findings,
    summary: { files: files.length, errors, warnings: findings.length - errors, unreadable: 0 },
    rules: [],
    unreadable: [],
    suppressed: [],
    tool: {
      name: "journey",
      version: "0.1.0",
      informationUri: "https://github.com/journey-maps/journey",
    },
    category: null,
    files,
    ...over,
  };
}
