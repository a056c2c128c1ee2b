/**
 * `journey init`: the starter workspace lints clean on any date, every file points the editor to a
 * schema written beside it, and nothing already there is ever touched.
 */
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SCHEMA_FOLDER } from "../src/commands/init.js";
import { ROOT, run, TODAY } from "./helpers.js";

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "journey-init-"));
  temporary.push(dir);
  return dir;
}

const MAPS = ["journey.config.yaml", "personas/alex.yaml", "journeys/alex-online.yaml"];
const SCHEMAS = ["persona", "journey", "config"].map((k) => `${SCHEMA_FOLDER}/${k}.schema.json`);
const FILES = [...MAPS, ...SCHEMAS];

/** Every entry under `dir`, with its kind and content (a link's target): what "touched" compares. */
function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const stats = lstatSync(join(dir, path));
      if (stats.isSymbolicLink()) entries[path] = `link → ${readlinkSync(join(dir, path))}`;
      else if (stats.isDirectory()) {
        entries[path] = "folder";
        walk(path);
      } else
        entries[path] = `file ${stats.mode.toString(8)} ${readFileSync(join(dir, path), "utf8")}`;
    }
  };
  walk("");
  return entries;
}

describe("journey init", () => {
  it.each([TODAY, "2031-02-28", "9999-12-31", "0001-01-01"])(
    "writes a workspace that journey lint finds clean, today being %s",
    async (date) => {
      const dir = tempDir();
      const env = { env: { JOURNEY_TODAY: date } };
      const init = await run(["init", "maps"], dir, undefined, env);
      expect(init.stderr).toBe("");
      expect(init.code).toBe(0);
      expect(Object.keys(snapshot(join(dir, "maps"))).filter((p) => p.includes("."))).toEqual(
        expect.arrayContaining(FILES),
      );
      const lint = await run(["lint", "maps", "--format", "json"], dir, undefined, env);
      expect(lint.stderr).toBe("");
      expect(JSON.parse(lint.stdout)).toMatchObject({
        findings: [],
        summary: { files: 2, errors: 0, warnings: 0, unreadable: 0 },
      });
      expect(lint.code).toBe(0);
      const stylish = await run(["lint", "maps"], dir, undefined, env);
      expect([stylish.code, stylish.stdout]).toEqual([0, "✔ no problems in 2 files\n"]);
      // The rules see no problem, and there is something for each view to show.
      const coverage = await run(["coverage", "maps"], dir, undefined, env);
      expect(coverage.code).toBe(0);
      expect(coverage.stdout).toContain("2 stages: 1 surveyed, 1 waived, 0 open");
    },
  );

  it("dates the review of the journey today, so that stale-map finds it fresh", async () => {
    const dir = tempDir();
    await run(["init"], dir, undefined, { env: { JOURNEY_TODAY: "2030-06-15" } });
    expect(readFileSync(join(dir, "journeys/alex-online.yaml"), "utf8")).toMatch(
      /^reviewed: 2030-06-15$/m,
    );
    // Without JOURNEY_TODAY: the local date of the clock.
    const later = tempDir();
    const now = new Date(2029, 0, 5, 23, 30);
    const { main } = await import("../src/cli.js");
    const code = await main(["init"], {
      cwd: later,
      env: {},
      now,
      stdout: () => {},
      stderr: () => {},
      colorLevel: 0,
    });
    expect(code).toBe(0);
    expect(readFileSync(join(later, "journeys/alex-online.yaml"), "utf8")).toMatch(
      /^reviewed: 2029-01-05$/m,
    );
  });

  it("creates the workspace in the current directory by default, and prints the next steps", async () => {
    const dir = tempDir();
    const r = await run(["init"], dir);
    expect(r.code).toBe(0);
    for (const file of FILES) expect(r.stdout).toContain(`  ${file}\n`);
    expect(r.stdout).toMatch(/Next steps:\n {2}journey lint\n/);
    expect((await run(["lint"], dir)).code).toBe(0);

    const named = await run(["init", "my maps"], dir);
    expect(named.stdout).toContain("  my maps/personas/alex.yaml\n");
    expect(named.stdout).toContain("  journey lint 'my maps'\n");
  });

  it("starts every file with a modeline naming the schema written beside it, offline", async () => {
    const dir = tempDir();
    await run(["init", "ws"], dir);
    for (const file of MAPS) {
      const text = readFileSync(join(dir, "ws", file), "utf8");
      const kind = file === "journey.config.yaml" ? "config" : file.split("/")[0]?.slice(0, -1);
      const first = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text);
      expect(first?.[1], file).toBe(
        posix.relative(posix.dirname(file), `${SCHEMA_FOLDER}/${kind}.schema.json`),
      );
      const schema = join(dir, "ws", dirname(file), first?.[1] ?? "");
      expect(readFileSync(schema, "utf8")).toBe(
        readFileSync(join(ROOT, "schemas", `${kind}.schema.json`), "utf8"),
      );
      // The comments are there for the reader: most keys are explained above them.
      expect(text.split("\n").filter((l) => l.trimStart().startsWith("#")).length).toBeGreaterThan(
        10,
      );
    }
  });

  describe("never overwrites", () => {
    it.each([...FILES, "journey.config.yml"])(
      "into a folder that has %s: refuses, naming it, and touches nothing",
      async (existing) => {
        const dir = tempDir();
        mkdirSync(dirname(join(dir, existing)), { recursive: true });
        writeFileSync(join(dir, existing), "kind: config # mine\n", { mode: 0o640 });
        writeFileSync(join(dir, "README.md"), "my notes\n");
        const before = snapshot(dir);
        const r = await run(["init"], dir);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toBe(
          `journey: ${existing} already exists: journey init never overwrites a file; nothing was written\n`,
        );
        expect(snapshot(dir)).toEqual(before);
      },
    );

    it("names every file already there, relative to the current directory", async () => {
      const dir = tempDir();
      expect((await run(["init", "ws"], dir)).code).toBe(0);
      rmSync(join(dir, "ws/journeys"), { recursive: true });
      const before = snapshot(dir);
      const r = await run(["init", "ws"], dir);
      expect(r.code).toBe(2);
      const named = FILES.filter((f) => !f.startsWith("journeys/")).map((f) => `ws/${f}`);
      expect(r.stderr).toBe(
        `journey: ${named.join(", ")} already exist: journey init never overwrites a file; nothing was written\n`,
      );
      expect(snapshot(dir)).toEqual(before);
    });

    it("counts a link as there, even a broken one, and a folder where a file would go", async () => {
      const dir = tempDir();
      symlinkSync(join(dir, "nowhere.yaml"), join(dir, "journey.config.yaml"));
      mkdirSync(join(dir, "personas/alex.yaml"), { recursive: true });
      const before = snapshot(dir);
      const r = await run(["init"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("journey: journey.config.yaml, personas/alex.yaml already exist");
      expect(snapshot(dir)).toEqual(before);
    });

    it("writes nothing through a linked folder, nor into a file that is not a folder", async () => {
      const dir = tempDir();
      const elsewhere = tempDir();
      symlinkSync(elsewhere, join(dir, "personas"));
      const before = [snapshot(dir), snapshot(elsewhere)];
      const r = await run(["init"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        "journey: cannot create files in personas: it is a symbolic link: journey init writes nothing through one\n",
      );
      expect([snapshot(dir), snapshot(elsewhere)]).toEqual(before);

      writeFileSync(join(dir, "file"), "x");
      const onFile = await run(["init", "file"], dir);
      expect(onFile.code).toBe(2);
      expect(onFile.stderr).toBe(
        "journey: cannot create a workspace in file: it is not a folder\n",
      );
    });
  });
});
