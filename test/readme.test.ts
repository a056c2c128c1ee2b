import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import displayWidth from "string-width";
import { main } from "../src/cli.js";
import { ROOT } from "./helpers.js";

/**
 * Every `$ npx journey …` of the README's console blocks, run in-process from the repository root,
 * prints what the README shows — on any day: a command that does not set JOURNEY_TODAY itself is
 * run as if today were two different dates, and must print the same; on a terminal as wide as the
 * example's widest line (tables and messages fit the terminal). A line `…` in the README
 * stands for any number of lines; `| grep <text>` keeps the lines containing the text.
 */
interface Example {
  line: number;
  command: string;
  env: Record<string, string>;
  args: string[];
  grep: string | null;
  expected: string[];
  /** The commands before it in its block (a shell's `printf … > day.mmd`, an earlier journey). */
  before: Step[];
}

type Step = { shell: string } | { example: Example };

function examples(markdown: string): Example[] {
  const found: Example[] = [];
  let inConsole = false;
  let current: Example | null = null;
  let block: Step[] = [];
  markdown.split("\n").forEach((text, index) => {
    if (text.startsWith("```")) {
      inConsole = !inConsole && text === "```console";
      current = null;
      block = [];
      return;
    }
    if (!inConsole) return;
    if (text.startsWith("$ ") && !/^\$ (?:\w+=\S+ )*npx journey /.test(text)) {
      block.push({ shell: text.slice(2) });
      current = null;
      return;
    }
    const command = /^\$ ((?:\w+=\S+ )*)npx journey (.*?)(?: \| grep (.+))?$/.exec(text);
    if (command) {
      const env = Object.fromEntries(
        (command[1] ?? "")
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map((pair) => pair.split("=") as [string, string]),
      );
      current = {
        line: index + 1,
        command: text.slice(2),
        env,
        args: (command[2] ?? "").split(/\s+/).filter(Boolean),
        grep: command[3] ?? null,
        expected: [],
        before: [...block],
      };
      found.push(current);
      block.push({ example: current });
    } else if (current) {
      (current as Example).expected.push(text);
    }
  });
  for (const example of found) {
    while (example.expected.at(-1) === "") example.expected.pop();
  }
  return found;
}

/**
 * What a terminal shows: stdout and stderr in the order they were written, CRLF as LF. Run in a
 * folder of its own holding a copy of examples/ and docs/, after the commands before it in its block, so
 * that what an example writes never lands in the repository.
 */
async function shown(example: Example, now: Date, cwd = sandbox()): Promise<string> {
  for (const step of example.before) {
    if ("shell" in step) execFileSync("bash", ["-c", step.shell], { cwd, stdio: "pipe" });
    else await shown({ ...step.example, before: [] }, now, cwd);
  }
  let out = "";
  const sink = (s: string) => {
    out += s;
  };
  await main(example.args, {
    cwd,
    env: example.env,
    now,
    stdout: sink,
    stderr: sink,
    colorLevel: 0,
    // As on the terminal the example was printed on (as wide as its widest line); a pipe has none.
    ...(example.grep === null
      ? { columns: Math.max(...example.expected.map((l) => displayWidth(l))) }
      : {}),
  });
  let lines = out.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
  if (example.grep !== null) lines = lines.filter((l) => l.includes(example.grep as string));
  return lines.join("\n");
}

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), "journey-readme-"));
  for (const folder of ["examples", "docs"])
    cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
  return dir;
}

/** The README's expected output as a pattern: each line literally, `…` for any lines. */
function pattern(expected: readonly string[]): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const body = expected
    .map((line) => (line.trim() === "…" ? "(?:[^\\n]*\\n)*?" : `${escape(line)}\\n`))
    .join("");
  return new RegExp(`^${body}$`);
}

const README = readFileSync(join(ROOT, "README.md"), "utf8");
const EXAMPLES = examples(README);

describe("the README's examples are what journey prints", () => {
  it("finds the examples", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(EXAMPLES.map((e) => [`README.md:${e.line}: ${e.command}`, e] as const))(
    "%s",
    async (_, example) => {
      const days = example.env.JOURNEY_TODAY
        ? [new Date()]
        : [new Date("2026-12-01T12:00:00Z"), new Date("2031-06-15T12:00:00Z")];
      for (const now of days) {
        const text = `${await shown(example, now)}\n`;
        if (example.expected.some((l) => l.trim() === "…"))
          expect(text, `as of ${now.toISOString()}`).toMatch(pattern(example.expected));
        else expect(text, `as of ${now.toISOString()}`).toBe(`${example.expected.join("\n")}\n`);
      }
    },
  );
});
