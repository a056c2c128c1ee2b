import { type ChildProcess, execFileSync, spawn as spawnProcess } from "node:child_process";
import {
  cpSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, run } from "./helpers.js";

// Special files (FIFOs, devices, symlinks) named as maps, as the config or as --output. Reading a
// FIFO blocks until a writer comes, and would block the test worker with it: each FIFO made here
// has a writer that opens it after 3 s, so that a read attempted by mistake ends (and the test
// fails) instead of hanging. The writers still waiting are killed after the tests.

const temporary: string[] = [];
const writers: ChildProcess[] = [];

afterAll(() => {
  for (const writer of writers) writer.kill();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of the clean example workspace (journey.config.yaml, journeys/, personas/) with these
 * extra files.
 */
function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "journey-special-"));
  temporary.push(dir);
  cpSync(join(ROOT, "examples", "clean"), dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const JULIE = "personas/julie.yaml";
const ONLINE = "journeys/julie-online.yaml";
/** What the copy holds at its top. */
const TOP = ["journey.config.yaml", "journeys", "personas"];

/** Makes a FIFO at `path`, with a writer that unblocks a reader after 3 s. */
function fifo(path: string): void {
  execFileSync("mkfifo", [path]);
  writers.push(spawnProcess("sh", ["-c", 'sleep 3; : > "$0"', path], { stdio: "ignore" }));
}

/** The names in a folder, sorted: what tests compare to see that nothing was left behind. */
const namesIn = (dir: string) => readdirSync(dir).sort();

const LINT_CLEAN = { code: 0, stdout: "✔ no problems in 5 files\n", stderr: "" };

describe("lint reads regular files only", () => {
  it("the clean workspace lints clean (the baseline of the cases below)", async () => {
    expect(await run(["lint"], workspace())).toEqual(LINT_CLEAN);
  });

  it("a FIFO named as a map is an error, not read", { timeout: 20_000 }, async () => {
    const dir = workspace();
    fifo(join(dir, "x.yaml"));
    expect(await run(["lint", JULIE, "x.yaml"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: "journey: cannot read x.yaml: not a regular file (a FIFO)\n",
    });
  });

  it("a device named as a map is an error, not read", async () => {
    const dir = workspace();
    expect(await run(["lint", "/dev/zero"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: `journey: cannot read ${relative(dir, "/dev/zero")}: not a regular file (a character device)\n`,
    });
  });

  it("a FIFO given as --config is an error, not read", { timeout: 20_000 }, async () => {
    const dir = workspace();
    fifo(join(dir, "fifo.yaml"));
    expect(await run(["lint", "-c", "fifo.yaml", JULIE], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: "journey: cannot read fifo.yaml: not a regular file (a FIFO)\n",
    });
  });

  it("a FIFO as journey.config.yaml is an error, not read", { timeout: 20_000 }, async () => {
    const dir = workspace();
    rmSync(join(dir, "journey.config.yaml"));
    fifo(join(dir, "journey.config.yaml"));
    expect(await run(["lint"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: "journey: cannot read journey.config.yaml: not a regular file (a FIFO)\n",
    });
  });

  it(
    "a FIFO met walking a folder is skipped: the rest is linted",
    { timeout: 20_000 },
    async () => {
      const dir = workspace();
      fifo(join(dir, "x.yaml"));
      fifo(join(dir, "personas", "y.yaml"));
      expect(await run(["lint"], dir)).toEqual(LINT_CLEAN);
      expect(await run(["lint", "."], dir)).toEqual(LINT_CLEAN);
    },
  );

  it("a FIFO a glob matches is skipped too", { timeout: 20_000 }, async () => {
    const dir = workspace();
    fifo(join(dir, "personas", "x.yaml"));
    expect(await run(["lint", "*/*.yaml"], dir)).toEqual({
      code: 0,
      stdout: "✔ no problems in 4 files\n",
      stderr: "",
    });
  });

  it("a symlink to a map is read as the map", async () => {
    const dir = workspace();
    symlinkSync(JULIE, join(dir, "link.yaml"));
    expect(await run(["lint", "link.yaml", ONLINE], dir)).toEqual({
      code: 0,
      stdout: "✔ no problems in 2 files\n",
      stderr: "",
    });
  });
});

describe("--output writes a regular file or a new path only", () => {
  const refused = (output: string, why: string) => ({
    code: 2,
    stdout: "",
    stderr: `journey: cannot write ${output}: ${why}\n`,
  });

  it("a symlink as the target is refused: the link and the file it points to are kept", async () => {
    const dir = workspace({ "kept.json": "kept\n" });
    symlinkSync("kept.json", join(dir, "link.json"));
    expect(await run(["lint", "-f", "json", "-o", "link.json"], dir)).toEqual(
      refused("link.json", "is a symbolic link: name the file it points to, or a new path"),
    );
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.json"))).toBe("kept.json");
    expect(readFileSync(join(dir, "kept.json"), "utf8")).toBe("kept\n");
    expect(namesIn(dir)).toEqual([...TOP, "kept.json", "link.json"].sort());
  });

  it("a dangling symlink as the target is refused as well", async () => {
    const dir = workspace();
    symlinkSync("nowhere.json", join(dir, "link.json"));
    expect(await run(["lint", "-o", "link.json"], dir)).toEqual(
      refused("link.json", "is a symbolic link: name the file it points to, or a new path"),
    );
    expect(namesIn(dir)).not.toContain("nowhere.json");
  });

  it("/dev/null as the target is refused: it stays a device", async () => {
    expect(await run(["lint", "-o", "/dev/null"], workspace())).toEqual(
      refused("/dev/null", "not a regular file (a character device)"),
    );
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("a FIFO as the target is refused, without opening it", { timeout: 20_000 }, async () => {
    const dir = workspace();
    fifo(join(dir, "out.json"));
    expect(await run(["lint", "-o", "out.json"], dir)).toEqual(
      refused("out.json", "not a regular file (a FIFO)"),
    );
    expect(lstatSync(join(dir, "out.json")).isFIFO()).toBe(true);
  });

  it("a directory as the target is refused, and no temporary file is left", async () => {
    const dir = workspace();
    mkdirSync(join(dir, "out"));
    expect(await run(["lint", "-o", "out"], dir)).toEqual(refused("out", "is a directory"));
    expect(namesIn(join(dir, "out"))).toEqual([]);
    expect(namesIn(dir)).toEqual([...TOP, "out"].sort());
  });

  it.each([
    ["lint", JULIE],
    ["lint", "./personas/../journeys/julie-online.yaml"],
    ["lint", "journey.config.yaml"],
    ["validate", JULIE],
    ["touchpoints", ONLINE],
    ["surveys", JULIE],
    ["coverage", "journey.config.yaml"],
    ["calendar", ONLINE],
  ])(
    "%s -o %s (a file the command read) is refused; the file is unchanged",
    async (command, output) => {
      const dir = workspace();
      const before = namesIn(dir);
      const file = join(dir, output);
      const text = readFileSync(file, "utf8");
      expect(await run([command, "-o", output], dir)).toEqual(
        refused(output, "is one of the files this command read: choose another path"),
      );
      expect(readFileSync(file, "utf8")).toBe(text);
      expect(namesIn(dir)).toEqual(before);
    },
  );

  it("an input reached by a symlinked folder or a hard link is refused too", async () => {
    const dir = workspace();
    symlinkSync(".", join(dir, "here"));
    linkSync(join(dir, JULIE), join(dir, "julie-too.yaml"));
    const text = readFileSync(join(dir, JULIE), "utf8");
    const why = "is one of the files this command read: choose another path";
    expect(await run(["lint", "-o", "here/personas/julie.yaml"], dir)).toEqual(
      refused("here/personas/julie.yaml", why),
    );
    expect(await run(["lint", JULIE, ONLINE, "-o", "julie-too.yaml"], dir)).toEqual(
      refused("julie-too.yaml", why),
    );
    expect(readFileSync(join(dir, JULIE), "utf8")).toBe(text);
  });

  it("a regular file that is not an input is replaced, keeping its permissions", async () => {
    const dir = workspace({ "report.txt": "old\n" });
    execFileSync("chmod", ["600", join(dir, "report.txt")]);
    expect(await run(["lint", "-o", "report.txt"], dir)).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(readFileSync(join(dir, "report.txt"), "utf8")).toBe(LINT_CLEAN.stdout);
    expect(statSync(join(dir, "report.txt")).mode & 0o777).toBe(0o600);
    expect(namesIn(dir)).toEqual([...TOP, "report.txt"]);
  });

  it("a new path is written", async () => {
    const dir = workspace();
    expect(await run(["lint", "-o", "new.txt"], dir)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(join(dir, "new.txt"), "utf8")).toBe(LINT_CLEAN.stdout);
  });
});
