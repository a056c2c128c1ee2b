import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, run } from "./helpers.js";

/**
 * The workspace is what is loaded; the paths select what is reported. A repository whose maps live
 * in cx-maps/ (with its own journey.config.yaml) is linted in every way a user, a CI job or an editor
 * names one file of it, and gives the same findings for that file each time.
 */
let repo: string;
let target: string;

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`fixture: "${from}" not in ${file}`);
  writeFileSync(file, text.replace(from, to));
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "journey-scope-"));
  const maps = join(repo, "cx-maps");
  cpSync(join(ROOT, "examples/clean"), maps, { recursive: true });
  // Only the config makes these hold: a channel of its own, and maps stale after a month.
  edit(join(maps, "journey.config.yaml"), "staleAfter: P12M", "staleAfter: P1M");
  edit(
    join(maps, "journey.config.yaml"),
    "  - { id: web,",
    "  - { id: branch, label: Branch }\n  - { id: web,",
  );
  target = join(maps, "journeys/julie-online.yaml");
  edit(target, "        channel: web\n", "        channel: branch\n");
  // A cross-file finding: marc-store's survey takes an id julie-online uses first.
  edit(join(maps, "journeys/marc-store.yaml"), "- id: till-wait-ces", "- id: checkout-ces");
  // Outside the config's include: never part of the workspace, however the paths are written (a
  // copy of julie-online there would otherwise make every id of it a duplicate).
  edit(
    join(maps, "journey.config.yaml"),
    "kind: config",
    'kind: config\ninclude: ["personas/**", "journeys/**"]',
  );
  mkdirSync(join(maps, "drafts"));
  cpSync(target, join(maps, "drafts/julie-online-copy.yaml"));
  // Findings elsewhere that must not appear for julie-online.
  writeFileSync(
    join(maps, "personas/anna.yaml"),
    "kind: persona\nid: anna\nname: Anna\nsummary: Never mapped.\n",
  );
  mkdirSync(join(repo, "notes"));
  writeFileSync(
    join(repo, "notes/todo.yaml"),
    "kind: persona\nid: julie\nname: Julie\nsummary: A note.\n",
  );
});

/** The findings of a run that concern julie-online: located in it, or naming a place in it. */
async function findingsFor(cwd: string, args: string[]) {
  const r = await run(["lint", "-f", "json", ...args], cwd);
  expect(r.stderr).toBe("");
  const absolute = (path: string) => resolve(cwd, path);
  const findings = (JSON.parse(r.stdout).findings as Finding[]).map((f) => ({
    rule: f.rule,
    file: absolute(f.file),
    line: f.line,
    column: f.column,
    message: f.message.replace(
      /([\w./-]+\.yaml):(\d+):(\d+)/g,
      (_, p: string, l, c) => `${absolute(p)}:${l}:${c}`,
    ),
  }));
  return findings.filter((f) => f.file === target || f.message.includes(`${target}:`));
}

interface Finding {
  rule: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

describe("the same file gives the same findings however it is named", () => {
  const ways: [string, string, string[]][] = [
    ["the file, from the repository root", ".", ["cx-maps/journeys/julie-online.yaml"]],
    ["the file, by a path that wanders", ".", ["./cx-maps/personas/../journeys/julie-online.yaml"]],
    ["its folder", ".", ["cx-maps/journeys"]],
    ["the workspace folder", ".", ["cx-maps"]],
    ["a glob from the root", ".", ["cx-maps/**/*.yaml"]],
    ["a glob from inside the workspace", "cx-maps", ["journeys/*.yaml"]],
    ["the file, from its own folder", "cx-maps/journeys", ["julie-online.yaml"]],
    ["no path, from inside the workspace", "cx-maps/journeys", []],
    ["no path, from the repository root (no config there)", ".", []],
    ["--config", ".", ["-c", "cx-maps/journey.config.yaml", "cx-maps/journeys/julie-online.yaml"]],
  ];

  it("named directly: the config applies and the rest of the workspace is known", async () => {
    const found = await findingsFor(repo, ["cx-maps/journeys/julie-online.yaml"]);
    expect(
      found.map((f) => [f.rule, f.file.slice(repo.length + 1), f.line, f.column, f.message]),
    ).toEqual([
      [
        "stale-map",
        "cx-maps/journeys/julie-online.yaml",
        9,
        11,
        'journey "julie-online" was last reviewed on 2026-10-05, more than 1 month before 2026-11-22',
      ],
      [
        "duplicate-id",
        "cx-maps/journeys/marc-store.yaml",
        53,
        13,
        `duplicate survey id "checkout-ces": already used at ${target}:58:13`,
      ],
    ]);
  });

  it.each(ways)("%s", async (_, cwd, args) => {
    const expected = await findingsFor(repo, ["cx-maps/journeys/julie-online.yaml"]);
    expect(await findingsFor(join(repo, cwd), args)).toEqual(expected);
  });
});

describe("what is reported", () => {
  it("the summary counts the files named; the workspace's other findings are left out", async () => {
    const r = await run(["lint", "cx-maps/personas/julie.yaml", "-f", "json"], repo);
    expect(JSON.parse(r.stdout)).toMatchObject({
      findings: [],
      summary: { files: 1, errors: 0, warnings: 0, unreadable: 0 },
    });
    expect(r.code).toBe(0);
    const anna = await run(["lint", "cx-maps/personas/anna.yaml"], repo);
    expect(anna.stdout).toBe(
      [
        "cx-maps/personas/anna.yaml",
        '  2:5  warning  persona "anna" has no journey: map it, or remove it  orphan-persona',
        "",
        "✖ 1 problem (0 errors, 1 warning) in 1 file",
        "",
      ].join("\n"),
    );
  });

  it("a file no config governs is read on its own, on the defaults", async () => {
    const r = await run(["lint", "notes/todo.yaml", "-f", "json"], repo);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings.map((f: Finding) => [f.rule, f.message])).toEqual([
      ["orphan-persona", 'persona "julie" has no journey: map it, or remove it'],
    ]);
  });

  it("the views show the rows of the files named, judged against the whole workspace", async () => {
    const direct = await run(
      ["touchpoints", "cx-maps/journeys/julie-online.yaml", "-f", "json"],
      repo,
    );
    const glob = await run(["touchpoints", "journeys/*.yaml", "-f", "json"], join(repo, "cx-maps"));
    expect(direct.stderr).toBe("");
    const rows = JSON.parse(direct.stdout) as { journey: string; file: string }[];
    expect(new Set(rows.map((r) => r.journey))).toEqual(new Set(["julie-online"]));
    const globRows = JSON.parse(glob.stdout) as { journey: string }[];
    expect(
      globRows.filter((r) => r.journey === "julie-online").map((r) => ({ ...r, file: undefined })),
    ).toEqual(rows.map((r) => ({ ...r, file: undefined })));
    // A persona's file selects that persona's journeys.
    const persona = await run(["surveys", "cx-maps/personas/marc.yaml", "-f", "json"], repo);
    expect([
      ...new Set((JSON.parse(persona.stdout) as { journey: string }[]).map((r) => r.journey)),
    ]).toEqual(["marc-store"]);
    // A filter may name what the workspace knows, even outside the files named.
    const other = await run(
      ["coverage", "cx-maps/journeys/julie-online.yaml", "--persona", "marc", "-f", "json"],
      repo,
    );
    expect(other).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(other.stdout)).toEqual([]);
  });

  it("the calendar of one file counts the persona's pressure with the config's policy", async () => {
    const r = await run(
      ["calendar", "cx-maps/journeys/marc-store.yaml", "-f", "json", "--from", "2026-01-01"],
      repo,
    );
    expect(r.code).toBe(0);
    const calendar = JSON.parse(r.stdout);
    expect(calendar.pressure.map((p: { persona: string }) => p.persona)).toEqual(["marc"]);
    expect(calendar.pressure[0]).toMatchObject({ limit: 1, window: "P30D" });
    expect(new Set(calendar.sends.map((s: { journey: string }) => s.journey))).toEqual(
      new Set(["marc-store"]),
    );
  });
});

describe("a repository of two workspaces, one inside the other, linted in one run", () => {
  it("each file is judged with its nearest config, and the outer one does not read the inner", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-nested-"));
    cpSync(join(ROOT, "examples/clean"), dir, { recursive: true });
    cpSync(join(ROOT, "examples/clean"), join(dir, "emea"), { recursive: true });
    // The inner workspace is stricter: every map there is stale.
    edit(join(dir, "emea/journey.config.yaml"), "staleAfter: P12M", "staleAfter: P1D");
    const r = await run(["lint", "-f", "json"], dir);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toEqual({ files: 10, errors: 0, warnings: 2, unreadable: 0 });
    // Same ids in both: no duplicate-id, since they are two workspaces.
    expect(report.findings.map((f: Finding) => [f.rule, f.file])).toEqual([
      ["stale-map", "emea/journeys/julie-online.yaml"],
      ["stale-map", "emea/journeys/marc-store.yaml"],
    ]);
    // Named from the outside, an inner file gets the inner config.
    const inner = await run(["lint", "emea/journeys/marc-store.yaml", "-f", "json"], dir);
    expect(JSON.parse(inner.stdout).summary).toMatchObject({ files: 1, warnings: 1 });
  });
});

describe("a file that cannot be read", () => {
  it("silences what it might hold, and the summary says which", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-unreadable-"));
    cpSync(join(ROOT, "examples/clean"), dir, { recursive: true });
    writeFileSync(
      join(dir, "personas/anna.yaml"),
      "kind: persona\nid: anna\nname: Anna\nsummary: Never mapped.\n",
    );
    // marc's journey no longer parses: marc might be mapped there, anna is not named in it.
    edit(
      join(dir, "journeys/marc-store.yaml"),
      "title: Marc buys in the store",
      "title: [Marc buys",
    );
    const r = await run(["lint", "personas"], dir);
    expect(r.stdout).toBe(
      [
        "personas/anna.yaml",
        '  2:5  warning  persona "anna" has no journey: map it, or remove it  orphan-persona',
        "",
        "✖ 1 problem (0 errors, 1 warning) in 3 files",
        "1 file could not be read (journeys/marc-store.yaml): what is missing elsewhere is not reported until it is fixed",
        "",
      ].join("\n"),
    );
    const json = JSON.parse((await run(["lint", "-f", "json"], dir)).stdout);
    expect(json.summary).toMatchObject({ unreadable: 1 });
    expect(
      json.findings.filter((f: Finding) => f.rule === "orphan-persona").map((f: Finding) => f.file),
    ).toEqual(["personas/anna.yaml"]);
    // An unknown persona is reported, unless the file that could not be read mentions it.
    const journey = (id: string, persona: string) =>
      readFileSync(join(dir, "journeys/julie-online.yaml"), "utf8")
        .replace("id: julie-online", `id: ${id}`)
        .replace("persona: julie", `persona: ${persona}`)
        .replace(/- id: (checkout-ces|delivery-csat|julie-relationship-nps)/g, `- id: ${id}-$1`);
    writeFileSync(join(dir, "journeys/sam.yaml"), journey("sam-online", "sam"));
    writeFileSync(join(dir, "journeys/marc-b.yaml"), journey("marc-b-online", "marc-b"));
    edit(join(dir, "journeys/marc-store.yaml"), "kind: journey", "kind: journey # for sam too");
    const refs = JSON.parse((await run(["lint", "-f", "json", "journeys"], dir)).stdout);
    expect(
      refs.findings
        .filter((f: Finding) => f.rule === "unknown-reference")
        .map((f: Finding) => [f.file, f.message]),
    ).toEqual([["journeys/marc-b.yaml", 'unknown persona "marc-b"; did you mean "marc"?']]);
    const view = await run(["touchpoints"], dir);
    expect(view.stderr).toBe(
      "journey: could not read journeys/marc-store.yaml (left out): run journey lint to see them\n",
    );
  });
});

describe("paths in messages", () => {
  it("-c with an absolute path is shown relative to the current directory", async () => {
    expect(await run(["lint", "-c", join(repo, "cx-maps/nope.yaml")], repo)).toMatchObject({
      code: 2,
      stderr: "journey: cannot read config cx-maps/nope.yaml: no such file\n",
    });
  });
});

describe("an invocation error is one line, even on maps with problems", () => {
  it.each([
    [
      ["touchpoints", "examples/broken", "--persona", "nobody"],
      'journey: no persona "nobody" in these maps\n',
    ],
    [
      ["calendar", "examples/broken", "--from", "2026-13-40"],
      "journey: --from 2026-13-40: month 13 does not exist\n",
    ],
    [
      ["render", "examples/broken", "--journey", "nope"],
      'journey: no journey "nope" in these maps\n',
    ],
  ])("%j", async (args, stderr) => {
    expect(await run(args)).toEqual({ code: 2, stdout: "", stderr });
  });

  it("the note on what was left out comes when the command succeeds", async () => {
    const r = await run(["coverage", "examples/broken", "-f", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "journey: could not read examples/broken/journeys/julie-store.yaml (left out); 8 schema errors in the maps shown: run journey lint to see them\n",
    );
  });
});
