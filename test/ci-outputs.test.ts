import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { targetsOf } from "../src/commands/lint.js";
import { ROOT, run } from "./helpers.js";

/** One CI run, several reports: `-f sarif -o journey.sarif -f stylish`. */
describe("several formats in one run", () => {
  const placed = <T>(...values: [T, number][]) => values.map(([value, at]) => ({ value, at }));

  it("pairs each --output with the --format before it; one format alone takes the --output anywhere", () => {
    expect(targetsOf([], [])).toEqual([{ format: "stylish", output: undefined }]);
    expect(targetsOf([], placed(["r.txt", 0]))).toEqual([{ format: "stylish", output: "r.txt" }]);
    expect(targetsOf(placed(["json", 1]), placed(["r.json", 0]))).toEqual([
      { format: "json", output: "r.json" },
    ]);
    expect(targetsOf(placed(["json", 0], ["stylish", 2]), placed(["r.json", 1]))).toEqual([
      { format: "json", output: "r.json" },
      { format: "stylish", output: undefined },
    ]);
  });

  it.each([
    [
      [],
      [
        ["a", 0],
        ["b", 1],
      ],
      "one --output per --format: give each report its own --format",
    ],
    [
      [
        ["json", 1],
        ["stylish", 2],
      ],
      [["a.json", 0]],
      "--output a.json comes before any --format: put it after the --format it is for",
    ],
    [
      [
        ["json", 0],
        ["stylish", 3],
      ],
      [
        ["a", 1],
        ["b", 2],
      ],
      "--format json has two --output: a and b",
    ],
    [
      [
        ["json", 0],
        ["stylish", 1],
      ],
      [],
      "only one report can go to stdout, not json and stylish: give the others an --output",
    ],
    [
      [
        ["json", 0],
        ["stylish", 2],
      ],
      [
        ["r", 1],
        ["r", 3],
      ],
      "two reports would be written to r",
    ],
  ] as const)("refuses %j with %j: %s", (formats, outputs, message) => {
    expect(() =>
      targetsOf(
        placed(...(formats as unknown as ["json" | "stylish", number][])),
        placed(...(outputs as unknown as [string, number][])),
      ),
    ).toThrow(message);
  });

  it("writes each report where it belongs, the same as each alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-formats-"));
    const out = join(dir, "out/report.json");
    const both = await run(["lint", "examples/broken", "-f", "json", "-o", out, "-f", "stylish"]);
    const stylish = await run(["lint", "examples/broken"]);
    const json = await run(["lint", "examples/broken", "-f", "JSON"]);
    expect(both).toEqual({ code: 1, stdout: stylish.stdout, stderr: "" });
    expect(readFileSync(out, "utf8")).toBe(json.stdout);
  });

  it("an unknown format and a misplaced --output are one line, exit 2, nothing written", async () => {
    const r = await run(["lint", "examples/clean", "-f", "xml"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/^journey: unknown format "xml": use stylish, json(, \w+)*\n$/);
    const dir = mkdtempSync(join(tmpdir(), "journey-formats-"));
    const misplaced = await run(
      ["lint", "examples/clean", "-o", join(dir, "a"), "-f", "json", "-f", "stylish"],
      ROOT,
    );
    expect(misplaced).toMatchObject({ code: 2, stdout: "" });
    expect(misplaced.stderr).toMatch(/comes before any --format/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("--changed-since", () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
      cwd,
      stdio: "pipe",
    });

  /** A git repository of the clean example, committed. */
  const committedExample = () => {
    const repo = mkdtempSync(join(tmpdir(), "journey-git-"));
    cpSync(join(ROOT, "examples/clean"), repo, { recursive: true });
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "maps");
    return repo;
  };

  it("reports only the files changed since the ref, judged against the whole workspace", async () => {
    const repo = mkdtempSync(join(tmpdir(), "journey-git-"));
    cpSync(join(ROOT, "examples/clean"), join(repo, "maps"), { recursive: true });
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "maps");
    git(repo, "checkout", "-q", "-b", "change");
    // A committed change on the branch, and an untracked new file.
    const marc = join(repo, "maps/personas/marc.yaml");
    writeFileSync(marc, readFileSync(marc, "utf8").replace("channels: [", "channels: [fax, "));
    git(repo, "commit", "-q", "-am", "fax");
    writeFileSync(
      join(repo, "maps/personas/anna.yaml"),
      "kind: persona\nid: anna\nname: Anna\nsummary: New.\n",
    );
    // A change outside the ref's diff is not reported either way: julie's files are untouched.
    const r = await run(["lint", "--changed-since", "main", "-f", "json"], join(repo, "maps"));
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { rule: string; file: string }) => [f.rule, f.file])).toEqual([
      ["orphan-persona", "personas/anna.yaml"],
      ["unknown-reference", "personas/marc.yaml"],
    ]);
    expect(report.summary).toMatchObject({ files: 2 });
    // Nothing changed since HEAD but the untracked file.
    const none = await run(["lint", "--changed-since", "HEAD", "-f", "json"], join(repo, "maps"));
    expect(JSON.parse(none.stdout).summary).toMatchObject({ files: 1 });
  });

  it("a file deleted leaves references dangling in files that did not change: they are reported", async () => {
    const repo = committedExample();
    git(repo, "rm", "-q", "personas/marc.yaml");
    const r = await run(["lint", "--changed-since", "HEAD", "-f", "json"], repo);
    expect(r.code).toBe(1);
    expect(
      JSON.parse(r.stdout).findings.map((f: { rule: string; file: string; message: string }) => [
        f.rule,
        f.file,
        f.message,
      ]),
    ).toEqual([["unknown-reference", "journeys/marc-store.yaml", 'unknown persona "marc"']]);
  });

  it("leaves the repository as it was: the index is not refreshed when files were only touched", async () => {
    const repo = committedExample();
    // Every map touched (same content, a later time): porcelain `git diff` would rewrite the index.
    const later = new Date(Date.now() + 60_000);
    for (const file of ["personas/julie.yaml", "journeys/julie-online.yaml"])
      utimesSync(join(repo, file), later, later);
    const index = join(repo, ".git/index");
    const before = { bytes: readFileSync(index), mtime: statSync(index).mtimeMs };
    const r = await run(["lint", "--changed-since", "HEAD", "-f", "json"], repo);
    expect(r.code).toBe(0);
    expect({ bytes: readFileSync(index), mtime: statSync(index).mtimeMs }).toEqual(before);
    expect(existsSync(`${index}.lock`)).toBe(false);
  });

  it("a file only touched is not a change; one edited, staged, deleted or renamed is", async () => {
    const repo = committedExample();
    const later = new Date(Date.now() + 60_000);
    const touch = (file: string) => utimesSync(join(repo, file), later, later);
    const reported = async () => {
      const r = await run(["lint", "--changed-since", "HEAD", "-f", "json"], repo);
      const report = JSON.parse(r.stdout);
      return {
        files: report.summary.files,
        findings: report.findings.map((f: { rule: string; file: string }) => [f.rule, f.file]),
      };
    };
    // Touched, same content: nothing changed (and so the absence rules are not reported everywhere).
    touch("personas/julie.yaml");
    touch("journeys/julie-online.yaml");
    expect(await reported()).toEqual({ files: 0, findings: [] });
    // Edited in the working tree, then touched again: its new content is not HEAD's.
    const julie = join(repo, "personas/julie.yaml");
    writeFileSync(julie, readFileSync(julie, "utf8").replace("channels: [", "channels: [fax, "));
    touch("personas/julie.yaml");
    const edited = { files: 1, findings: [["unknown-reference", "personas/julie.yaml"]] };
    expect(await reported()).toEqual(edited);
    // Staged, the working tree as staged.
    git(repo, "add", "personas/julie.yaml");
    expect(await reported()).toEqual(edited);
    // Renamed (staged): the new path is reported; deleted: the journey naming its persona is.
    git(repo, "mv", "journeys/julie-online.yaml", "journeys/online.yaml");
    git(repo, "rm", "-q", "personas/marc.yaml");
    expect(await reported()).toEqual({
      files: 2,
      findings: [
        ["unknown-reference", "journeys/marc-store.yaml"],
        ["unknown-reference", "personas/julie.yaml"],
      ],
    });
  });

  it("outside a git repository, or with a ref git does not know: exit 2, one line", async () => {
    const plain = mkdtempSync(join(tmpdir(), "journey-nogit-"));
    cpSync(join(ROOT, "examples/clean"), plain, { recursive: true });
    expect(await run(["lint", "--changed-since", "main"], plain)).toEqual({
      code: 2,
      stdout: "",
      stderr: "journey: --changed-since works in a git repository: this folder is not in one\n",
    });
    const repo = committedExample();
    const unknown = await run(["lint", "--changed-since", "no-such-branch"], repo);
    expect(unknown).toEqual({
      code: 2,
      stdout: "",
      stderr: "journey: --changed-since no-such-branch: git knows no commit by that name\n",
    });
  });
});

describe("--sarif-category", () => {
  it("names the run in code scanning, beside the annotations of the same run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-sarif-"));
    const sarif = join(dir, "journey.sarif");
    const summary = join(dir, "summary.md");
    writeFileSync(summary, "");
    const r = await run(
      [
        "lint",
        "examples/broken",
        "-f",
        "sarif",
        "-o",
        sarif,
        "-f",
        "github",
        "--sarif-category",
        "maps/emea",
      ],
      ROOT,
      undefined,
      { env: { JOURNEY_TODAY: "2026-11-22", GITHUB_STEP_SUMMARY: summary } },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=examples\/broken\//);
    const log = JSON.parse(readFileSync(sarif, "utf8"));
    expect(log.runs[0].automationDetails).toEqual({ id: "maps/emea/" });
    expect(log.runs[0].results.length).toBe(
      r.stdout.split("\n").filter((l) => /^::(error|warning) /.test(l)).length,
    );
    expect(readFileSync(summary, "utf8")).toMatch(/^#+ .*journey/m);
  });
});

describe("paths for code scanning, annotations and Code Quality", () => {
  it("are relative to the repository's root, wherever journey runs", async () => {
    const repo = mkdtempSync(join(tmpdir(), "journey-root-"));
    cpSync(join(ROOT, "examples/broken"), join(repo, "cx/maps"), { recursive: true });
    execFileSync("git", ["init", "-q"], { cwd: repo });
    const inside = join(repo, "cx/maps");
    const sarif = JSON.parse((await run(["lint", "-f", "sarif"], inside)).stdout);
    const uris = sarif.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri,
    );
    expect(uris.length).toBeGreaterThan(10);
    expect(uris.every((u: string) => u.startsWith("cx/maps/"))).toBe(true);
    const github = (await run(["lint", "-f", "github"], inside)).stdout;
    expect(github).toMatch(/^::error file=cx\/maps\/journeys\/julie-online\.yaml,/m);
    const gitlab = JSON.parse((await run(["lint", "-f", "gitlab"], inside)).stdout);
    expect(
      gitlab.every((i: { location: { path: string } }) => i.location.path.startsWith("cx/maps/")),
    ).toBe(true);
    // stylish, json and junit keep the paths of the current directory, as people read them.
    const json = JSON.parse((await run(["lint", "-f", "json"], inside)).stdout);
    expect(json.findings[0].file).toBe("journeys/julie-online.yaml");
  });
});
