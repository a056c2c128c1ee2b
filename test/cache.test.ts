import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../bench/generate.mjs";
import { LintCache } from "../src/io/cache.js";
import { SpanTable } from "../src/model/fast.js";
import { VERSION } from "../src/version.js";
import { ROOT, run } from "./helpers.js";

const scratch = mkdtempSync(join(tmpdir(), "journey-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let made = 0;
/** A new empty folder under the scratch folder. */
const fresh = (name: string) => {
  const dir = join(scratch, `${name}-${made++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** The cache's entry files (never a temporary one: see "written whole"). */
const entriesOf = (location: string) =>
  existsSync(location) ? readdirSync(location).map((f) => join(location, f)) : [];

interface StoredEntry {
  path: string;
  content: string;
  settings: string;
  checks: { kind: string | null; issues: { pointer: string; target: string; message: string }[] }[];
}

interface Report {
  findings: { rule: string; file: string; line: number; column: number }[];
}

const POISON = "this schema issue was planted in the cache";

/**
 * Plants a schema issue in every entry, keeping its key: a run that reuses an entry reports it,
 * a run that recomputes does not. What reuse and invalidation are, seen from outside.
 */
function poison(location: string): number {
  const entries = entriesOf(location);
  for (const file of entries) {
    const entry = JSON.parse(readFileSync(file, "utf8")) as StoredEntry;
    for (const check of entry.checks)
      check.issues.push({ pointer: "", target: "value", message: POISON });
    writeFileSync(file, JSON.stringify(entry));
  }
  return entries.length;
}

/** A packed span table (base64) with every value and key span moved by `by`. */
function shifted(spans: string, by: number): string {
  const bytes = Buffer.from(spans, "base64");
  const data = new Int32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  for (let at = 0; at < data.length; at += 6)
    for (const i of [1, 2, 3, 4])
      if ((data[at + i] as number) >= 0) data[at + i] = (data[at + i] as number) + by;
  return Buffer.from(data.buffer).toString("base64");
}

interface Range {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const copyOf = (name: string) => {
  const dir = join(fresh("copy"), "workspace");
  cpSync(join(ROOT, name), dir, { recursive: true });
  return dir;
};

describe("--cache gives the findings of a run without it, byte for byte", () => {
  const generated = join(fresh("generated"), "workspace");
  generate(generated, { journeys: 40 });

  it.each([
    ["examples/clean", join(ROOT, "examples/clean")],
    ["examples/broken", join(ROOT, "examples/broken")],
    ["test/fixtures/one-defect-per-rule", join(ROOT, "test/fixtures/one-defect-per-rule")],
    ["a generated workspace of 40 journeys", generated],
  ])("%s: json and stylish, cold and warm", async (_, dir) => {
    for (const format of ["json", "stylish"]) {
      const location = fresh("cache");
      const plain = await run(["lint", dir, "-f", format]);
      const cached = ["lint", dir, "-f", format, "--cache", "--cache-location", location];
      const cold = await run(cached);
      expect(entriesOf(location).length).toBeGreaterThan(0);
      const warm = await run(cached);
      expect(plain.stdout.length).toBeGreaterThan(0);
      expect(cold).toEqual(plain);
      expect(warm).toEqual(plain);
    }
  });

  it("a warm run reads the files from the cache (a planted issue shows), the rules still run", async () => {
    const location = fresh("cache");
    const dir = join(ROOT, "examples/broken");
    const args = ["lint", dir, "-f", "json", "--cache", "--cache-location", location];
    await run(args);
    expect(poison(location)).toBeGreaterThan(0);
    const warm = await run(args);
    expect(warm.stdout).toContain(POISON);
    // Cross-file and per-file rules alike ran: their findings are all there.
    const plain = JSON.parse((await run(["lint", dir, "-f", "json"])).stdout) as {
      findings: { rule: string }[];
    };
    const rules = (JSON.parse(warm.stdout) as { findings: { rule: string }[] }).findings.map(
      (f) => f.rule,
    );
    for (const { rule } of plain.findings) expect(rules).toContain(rule);
  });
});

describe("a cache entry is never reused across a change", () => {
  /** A copy of examples/broken linted once with --cache, its entries poisoned. */
  const primed = async (prepare?: (dir: string) => void) => {
    const dir = copyOf("examples/broken");
    prepare?.(dir);
    const location = fresh("cache");
    const args = ["lint", dir, "-f", "json", "--cache", "--cache-location", location];
    await run(args);
    expect(poison(location)).toBeGreaterThan(0);
    expect((await run(args)).stdout).toContain(POISON);
    return { dir, location, args };
  };

  it("of a file's content: that file is read again, the others come from the cache", async () => {
    const { location, args } = await primed();
    const entries = entriesOf(location).map(
      (f) => JSON.parse(readFileSync(f, "utf8")) as StoredEntry,
    );
    const changed = entries[0]?.path as string;
    appendFileSync(changed, "# a comment changes the bytes, not the findings\n");
    const after = await run(args);
    const findings = (JSON.parse(after.stdout) as { findings: { file: string; message: string }[] })
      .findings;
    const poisoned = new Set(findings.filter((f) => f.message === POISON).map((f) => f.file));
    expect([...poisoned].some((f) => changed.endsWith(f))).toBe(false);
    expect(poisoned.size).toBeGreaterThan(0);
  });

  it("of the config", async () => {
    const { dir, args } = await primed();
    const config = join(dir, "journey.config.yaml");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace("staleAfter: P12M", "staleAfter: P24M"),
    );
    const after = await run(args);
    expect(after.code).toBe(1);
    expect(after.stdout).not.toContain(POISON);
    expect(after).toEqual(await run(args.slice(0, 4)));
  });

  it("of a rule's options in the config", async () => {
    const setting = (similarity: number) =>
      `rules:\n  redundant-question: [warning, { similarity: ${similarity} }]\n`;
    const { dir, args } = await primed((dir) =>
      appendFileSync(join(dir, "journey.config.yaml"), setting(0.8)),
    );
    const config = join(dir, "journey.config.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace(setting(0.8), setting(0.9)));
    const after = await run(args);
    expect(after.code).toBe(1);
    expect(after.stdout).not.toContain(POISON);
    expect(after).toEqual(await run(args.slice(0, 4)));
  });

  it("of a --rule flag", async () => {
    const { args } = await primed();
    const after = await run([...args, "--rule", "stale-map=off"]);
    expect(after.stdout).not.toContain(POISON);
    expect(after).toEqual(await run([...args.slice(0, 4), "--rule", "stale-map=off"]));
  });

  it("of the tool's version", async () => {
    const { dir, location } = await primed();
    const noted: string[] = [];
    const read = (version: string) => {
      // As the runs above: from the repository's root (the config's path is part of the key).
      const cache = LintCache.open(ROOT, location, [], (s) => noted.push(s), version);
      cache.readWorkspaces(ROOT, [dir]);
      return cache.stats.hits;
    };
    expect(read(VERSION)).toBeGreaterThan(0);
    expect(read(`${VERSION}-next`)).toBe(0);
    expect(noted).toEqual([]);
  });
});

describe("a cache that cannot be used is ignored with a note, never a failure", () => {
  const dir = join(ROOT, "examples/broken");
  const expectAsWithout = async (location: string, note: RegExp) => {
    const plain = await run(["lint", dir, "-f", "json"]);
    const cached = await run(["lint", dir, "-f", "json", "--cache", "--cache-location", location]);
    expect(cached.code).toBe(plain.code);
    expect(cached.stdout).toBe(plain.stdout);
    expect(cached.stderr).toMatch(note);
    expect(cached.stderr.trim().split("\n")).toHaveLength(1);
  };

  it("an entry that is not JSON, or not of the right shape", async () => {
    for (const bad of ["{ not json", JSON.stringify({ format: 1, path: 3 }), "[]", "null"]) {
      const location = fresh("cache");
      await run(["lint", dir, "-f", "json", "--cache", "--cache-location", location]);
      for (const file of entriesOf(location)) writeFileSync(file, bad);
      await expectAsWithout(location, /^journey: the cache at .* is ignored where it fails: /);
    }
  });

  it("an entry whose span table does not hold together: no hang, the findings at the document's start", async () => {
    const location = fresh("cache");
    await run(["lint", dir, "-f", "json", "--cache", "--cache-location", location]);
    // The second node's extent ends at itself: a walk of the root's children that went from it to
    // what follows it would never move on.
    const loop = Buffer.from(Int32Array.of(0, 0, 10, -1, -1, 2, 2, 5, 9, 1, 3, 1).buffer);
    for (const file of entriesOf(location)) {
      const entry = JSON.parse(readFileSync(file, "utf8")) as { documents: { spans: string }[] };
      for (const doc of entry.documents) doc.spans = loop.toString("base64");
      writeFileSync(file, JSON.stringify(entry));
    }
    const plain = JSON.parse((await run(["lint", dir, "-f", "json"])).stdout) as Report;
    const tampered = await run([
      "lint",
      dir,
      "-f",
      "json",
      "--cache",
      "--cache-location",
      location,
    ]);
    expect(tampered.stderr).toBe("");
    const found = (JSON.parse(tampered.stdout) as Report).findings;
    // Findings now share places (so fewer survive "one root cause per place"), of the same rules.
    const rules = new Set(plain.findings.map((f) => f.rule));
    expect(found.every((f) => rules.has(f.rule))).toBe(true);
    // Where a span table was used, the place is its document's first line.
    const located = found.filter((f) => f.rule !== "syntax" && f.rule !== "disable-directive");
    expect(located.length).toBeGreaterThan(0);
    expect(located.every((f) => f.line === 1 && f.column === 1)).toBe(true);
  });

  it.each<[string, (doc: { spans: string; names?: unknown }) => void]>([
    ["spans past the end of the file", (doc) => (doc.spans = shifted(doc.spans, 1e8))],
    ["spans before its start", (doc) => (doc.spans = shifted(doc.spans, -1e8))],
    ["fewer keys than nodes", (doc) => (doc.names = [null])],
    ["more keys than nodes", (doc) => (doc.names = Array<string>(10_000).fill("id"))],
  ])(
    "an entry whose span table does not fit its file (%s): the findings at the document's start",
    async (_, edit) => {
      const location = fresh("cache");
      await run(["lint", dir, "-f", "json", "--cache", "--cache-location", location]);
      for (const file of entriesOf(location)) {
        const entry = JSON.parse(readFileSync(file, "utf8")) as {
          documents: { spans: string; names?: unknown }[];
        };
        entry.documents.forEach(edit);
        writeFileSync(file, JSON.stringify(entry));
      }
      const args = ["lint", dir, "-f", "json", "--cache", "--cache-location", location];
      const tampered = await run(args);
      expect(tampered.stderr).toBe("");
      const found = (JSON.parse(tampered.stdout) as { findings: Range[] }).findings;
      const located = found.filter((f) => f.rule !== "syntax" && f.rule !== "disable-directive");
      expect(located.length).toBeGreaterThan(0);
      // Never a column or line outside the file (a span at 1e8 gave column 99998453).
      expect(
        new Set(located.map((f) => [f.line, f.column, f.endLine, f.endColumn].join())),
      ).toEqual(new Set(["1,1,1,2"]));
    },
  );

  it("a cache location that is a file", async () => {
    const file = join(fresh("file"), "cache");
    writeFileSync(file, "not a folder");
    await expectAsWithout(file, /cannot make it: /);
    expect(readFileSync(file, "utf8")).toBe("not a folder");
  });

  const root = process.getuid?.() === 0;
  if (root)
    console.warn("as root, an unwritable cache folder is /proc/self (chmod does not stop root)");
  it(`a cache folder that cannot be written (${root ? "/proc/self, as root" : "chmod 555"})`, async () => {
    let location = "/proc/self";
    if (!root) {
      location = fresh("readonly");
      chmodSync(location, 0o555);
    }
    await expectAsWithout(location, /cannot write to it: /);
    if (!root) chmodSync(location, 0o755);
  });
});

describe("where the cache is written", () => {
  it("nowhere without --cache", async () => {
    const dir = copyOf("examples/clean");
    mkdirSync(join(dir, "node_modules"));
    await run(["lint", "-f", "json"], dir);
    await run(["lint", "-f", "json", "--cache-location", join(dir, "elsewhere")], dir);
    expect(readdirSync(join(dir, "node_modules"))).toEqual([]);
    expect(existsSync(join(dir, "elsewhere"))).toBe(false);
  });

  it("by default under node_modules/.cache/journey of the current directory, made if missing", async () => {
    const dir = copyOf("examples/clean");
    const plain = await run(["lint"], dir);
    expect(await run(["lint", "--cache"], dir)).toEqual(plain);
    expect(entriesOf(join(dir, "node_modules", ".cache", "journey")).length).toBeGreaterThan(0);
    expect(await run(["lint", "--cache"], dir)).toEqual(plain);
  });

  it("whole: no temporary file is left beside the entries", async () => {
    const location = fresh("cache");
    const dir = join(ROOT, "examples/broken");
    await run(["lint", dir, "--cache", "--cache-location", location]);
    const names = readdirSync(location);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{40}\.json$/);
  });
});

describe("an entry gives back the values and span tables the fast path read", () => {
  it.each(["examples/clean", "examples/broken", "test/fixtures/one-defect-per-rule", "generated"])(
    "%s",
    (name) => {
      let dir = join(ROOT, name);
      if (name === "generated") {
        dir = join(fresh("generated"), "workspace");
        generate(dir, { journeys: 20 });
      }
      const location = fresh("cache");
      const tables = () => {
        const cache = LintCache.open(ROOT, location, [], () => {});
        const files = cache.readWorkspaces(ROOT, [dir]).flatMap((w) => w.files);
        cache.save();
        return {
          hits: cache.stats.hits,
          files: files.map((f) => ({
            path: f.path,
            text: f.text,
            issues: f.issues,
            documents: f.documents.map((d) => ({
              value: d.value,
              usable: d.usable,
              spans: d.doc instanceof SpanTable ? [...d.doc.dump()] : "yaml",
            })),
          })),
        };
      };
      const cold = tables();
      const warm = tables();
      expect(cold.hits).toBe(0);
      expect(warm.hits).toBeGreaterThan(0);
      expect(warm.files).toEqual(cold.files);
    },
  );
});
