import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../bench/generate.mjs";
import { ROOT, spawn } from "./helpers.js";

// --threads: the files read, parsed and schema-checked on worker threads give the report one
// thread gives, byte for byte. Worker threads need the built worker module (dist/), so these
// tests run the built binary (npm test builds it first). JOURNEY_THREADS_ALWAYS=1 sends even a
// small workspace through the pool; a generated one is above the size at which it is used anyway.

const ALWAYS = { JOURNEY_THREADS_ALWAYS: "1" };
const temporary = mkdtempSync(join(tmpdir(), "journey-threads-"));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

/** lint on one thread and on two: the same exit code, stdout and stderr. */
async function expectSameOnThreads(
  args: string[],
  cwd = ROOT,
  env: Record<string, string> = ALWAYS,
) {
  const one = await spawn(["lint", ...args, "--threads", "1"], cwd, env);
  const two = await spawn(["lint", ...args, "--threads", "2"], cwd, env);
  expect(two.stderr).toBe(one.stderr);
  expect(two.stdout).toBe(one.stdout);
  expect(two.code).toBe(one.code);
  return one;
}

describe("--threads: the same report on one thread and on two", () => {
  it.each(["examples/clean", "examples/broken", "test/fixtures/one-defect-per-rule"])(
    "%s: json and stylish",
    async (path) => {
      const json = await expectSameOnThreads([path, "-f", "json"]);
      expect(JSON.parse(json.stdout).findings).toBeDefined();
      await expectSameOnThreads([path]);
    },
    60_000,
  );

  it("test/fixtures, whole: json", async () => {
    await expectSameOnThreads(["test/fixtures", "-f", "json"]);
  }, 60_000);

  describe("a generated workspace above the threshold (no JOURNEY_THREADS_ALWAYS)", () => {
    const dir = join(temporary, "generated");
    beforeAll(() => generate(dir, { journeys: 240 }));

    it("json and stylish", async () => {
      const json = await expectSameOnThreads([dir, "-f", "json"], ROOT, {});
      expect(JSON.parse(json.stdout).summary.files).toBeGreaterThan(200);
      await expectSameOnThreads([dir], ROOT, {});
    }, 120_000);

    it("validate too", async () => {
      const one = await spawn(["validate", dir, "-f", "json", "--threads", "1"]);
      const two = await spawn(["validate", dir, "-f", "json", "--threads", "2"]);
      expect(two.stdout).toBe(one.stdout);
      expect(two.code).toBe(one.code);
    }, 120_000);
  });

  it("files a worker cannot read as it reads the others: a syntax error, binary, too large, a FIFO skipped", async () => {
    const dir = join(temporary, "hostile");
    cpSync(join(ROOT, "examples", "clean"), dir, { recursive: true });
    writeFileSync(join(dir, "journeys", "syntax.yaml"), "kind: journey\nid: [unclosed\n");
    writeFileSync(join(dir, "journeys", "dup.yaml"), "kind: persona\nid: dup\nid: dup\n");
    writeFileSync(join(dir, "journeys", "binary.yaml"), Buffer.from([0x00, 0xff, 0xfe, 0x01]));
    writeFileSync(join(dir, "journeys", "large.yaml"), "#".repeat(10 * 1024 * 1024 + 1));
    execFileSync("mkfifo", [join(dir, "journeys", "pipe.yaml")]);
    const json = await expectSameOnThreads([dir, "-f", "json"]);
    const rules = (JSON.parse(json.stdout).findings as { rule: string }[]).map((f) => f.rule);
    expect(rules).toContain("syntax");
    await expectSameOnThreads([dir]);
  }, 60_000);

  it("a FIFO named on the command line: the same invocation error", async () => {
    const dir = join(temporary, "named-fifo");
    cpSync(join(ROOT, "examples", "clean"), dir, { recursive: true });
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    const one = await expectSameOnThreads(["pipe.yaml", "personas"], dir);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("a FIFO");
  }, 60_000);

  it("a worker that crashes is an internal error (exit 2), not a hang", async () => {
    const env = { ...ALWAYS, JOURNEY_WORKER_CRASH: "1" };
    const two = await spawn(["lint", "examples/clean", "--threads", "2"], ROOT, env);
    expect(two.signal).toBeNull();
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/internal error: a reading thread failed/);
    // One thread starts no worker: the same request lints as ever.
    const one = await spawn(["lint", "examples/clean", "--threads", "1"], ROOT, env);
    expect(one.code).toBe(0);
  }, 60_000);

  it("--threads 0 is refused", async () => {
    const zero = await spawn(["lint", "examples/clean", "--threads", "0"]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("expected a number of threads (1 or more)");
  });
});
