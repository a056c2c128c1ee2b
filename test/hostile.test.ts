import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { brief, lintSources, PERSONA, run, spawn, STRUCTURAL } from "./helpers.js";

/** A workspace folder with these files (string or bytes). */
function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "journey-hostile-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/**
 * Lints a workspace with the CLI in-process: the exit code, and the structural findings (syntax,
 * schema, references) as [rule, line, column, message] — the fixtures are not complete maps, so
 * what the method's rules say of them is beside the point here. A crash would reject, or print
 * "internal error"; only a hang needs a process of its own (the symlink loop below).
 */
async function lintDir(dir: string, args: string[] = []) {
  const r = await run(["lint", "-f", "json", ...args], dir);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /); // no crash, no stack trace
  const structural = new Set(["syntax", "schema", "duplicate-id", "unknown-reference"]);
  const findings = (r.stdout ? JSON.parse(r.stdout).findings : []).filter((f: { rule: string }) =>
    structural.has(f.rule),
  );
  return {
    code: r.code,
    stderr: r.stderr,
    findings: findings.map((f: Record<string, unknown>) => [f.rule, f.line, f.column, f.message]),
  };
}

describe("hostile inputs: a located finding or a one-line error, never a crash or a hang", () => {
  it("an alias bomb", async () => {
    const bomb = [
      "kind: persona",
      "id: bomb",
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
      "",
    ].join("\n");
    expect(await lintDir(workspace({ "bomb.yaml": bomb }))).toEqual({
      code: 1,
      stderr: "",
      findings: [
        [
          "syntax",
          4,
          8,
          "aliases expand to more than 200 nodes (an alias bomb?); the document is not read",
        ],
      ],
    });
  });

  it("a few aliases are fine", async () => {
    const text =
      "kind: persona\nid: a\nname: &n Anna\nsummary: *n\nhabits: &h [reads reviews]\ngoals: *h\n";
    expect(await lintDir(workspace({ "a.yaml": text }))).toEqual({
      code: 0,
      stderr: "",
      findings: [],
    });
  });

  it("20,000 levels of nesting", async () => {
    const deep = `kind: persona\nid: deep\nx-deep: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`;
    const r = await lintDir(workspace({ "deep.yaml": deep }));
    expect(r.code).toBe(1);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].slice(0, 2)).toEqual(["syntax", 3]);
    expect(r.findings[0][3]).toBe("nesting is too deep to read; the document is not read");
  });

  it("a binary file", async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
    ]);
    expect(await lintDir(workspace({ "image.yaml": png }))).toEqual({
      code: 1,
      stderr: "",
      findings: [["syntax", 1, 1, "binary file (it contains a NUL byte), not YAML text"]],
    });
  });

  it("a 30 MB file is not read", async () => {
    const big = `kind: persona\nid: big\nname: Big\nsummary: ${"x".repeat(30 * 1024 * 1024)}\n`;
    expect(await lintDir(workspace({ "big.yaml": big, "p.yaml": PERSONA }))).toEqual({
      code: 1,
      stderr: "",
      findings: [["syntax", 1, 1, "file is 30.0 MiB; files larger than 10 MiB are not read"]],
    });
  });

  it("latin-1 bytes: where the first one is, and what to do", async () => {
    const latin1 = Buffer.from("kind: persona\nid: zoe\nname: Zo\xe9\nsummary: S\n", "latin1");
    expect(await lintDir(workspace({ "zoe.yaml": latin1 }))).toEqual({
      code: 1,
      stderr: "",
      findings: [["syntax", 3, 9, "file is not UTF-8 (byte 0xE9); save it as UTF-8"]],
    });
  });

  it("__proto__ and constructor keys are unknown keys, and pollute nothing", async () => {
    const text = `${PERSONA}__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n`;
    expect(
      brief(lintSources({ "p.yaml": text }, { rules: STRUCTURAL })).map(([rule, line, column]) => [
        rule,
        line,
        column,
      ]),
    ).toEqual([
      ["schema", 5, 1],
      ["schema", 6, 1],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    const r = await lintDir(workspace({ "p.yaml": text }));
    expect(r.code).toBe(1);
    expect(r.findings.map((f: unknown[]) => f[3])).toEqual([
      expect.stringMatching(/^unknown key "__proto__" in persona/),
      expect.stringMatching(/^unknown key "constructor" in persona/),
    ]);
  });

  // In a process of its own: were the walk to loop, a test in-process would hang the worker.
  it("a symlink loop ends, and each file is read once", async () => {
    const dir = workspace({ "p.yaml": PERSONA });
    mkdirSync(join(dir, "maps"));
    writeFileSync(join(dir, "maps", "q.yaml"), PERSONA.replace("julie", "anna"));
    symlinkSync(dir, join(dir, "maps", "loop"));
    const r = await spawn(["lint", "-f", "json"], dir);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 2, errors: 0 });
  });

  it("node_modules and dot-folders are never read", async () => {
    const dir = workspace({ "p.yaml": PERSONA });
    for (const folder of ["node_modules", ".github", join("maps", ".drafts")]) {
      mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(join(dir, folder, "bad.yaml"), "kind: nonsense\n");
    }
    expect(await lintDir(dir)).toEqual({ code: 0, stderr: "", findings: [] });
  });

  it("a missing path and a dangling symlink: exit 2, one line", async () => {
    const dir = workspace({ "p.yaml": PERSONA });
    symlinkSync(join(dir, "gone.yaml"), join(dir, "dangling.yaml"));
    expect(await run(["lint", "missing.yaml"], dir)).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "journey: cannot read missing.yaml: no such file or directory\n",
    });
    expect(await run(["lint", "dangling.yaml"], dir)).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "journey: cannot read dangling.yaml: no such file or directory\n",
    });
  });

  it("a bad flag: exit 2, one line", async () => {
    expect(await run(["lint", "--colour"])).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "journey: unknown option '--colour'\n",
    });
  });

  it("an empty folder: exit 2, nothing matched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-empty-"));
    expect(await run(["lint"], dir)).toMatchObject({
      code: 2,
      stdout: "",
      stderr: `journey: no YAML file matched "."\n`,
    });
  });

  it("BOM and CRLF are read as plain UTF-8, with the same positions", async () => {
    const crlf = `\uFEFF${PERSONA}hobby: x\n`.replace(/\n/g, "\r\n");
    expect(
      (await lintDir(workspace({ "p.yaml": crlf }))).findings.map((f: unknown[]) => f.slice(0, 3)),
    ).toEqual([["schema", 5, 1]]);
  });

  it("duplicate keys are a syntax finding at the second key, and the rest of the document is still checked", () => {
    const text = "kind: persona\nid: p\nname: P\nname: Q\nsummary: S\nhobby: x\n";
    expect(brief(lintSources({ "p.yaml": text }, { rules: STRUCTURAL }))).toEqual([
      ["syntax", 4, 1, 'duplicate key "name" in a mapping: each key may appear once'],
      ["schema", 6, 1, expect.stringMatching(/^unknown key "hobby"/)],
    ]);
  });
});
