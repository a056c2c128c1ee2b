/**
 * `journey diff`: in git repositories built here from the clean example, what a change does to
 * each persona — in every format (JSON field by field, Markdown read back by a GFM parser, the
 * table exactly) — renames that are not removals and additions, the exit codes, the errors, and
 * that nothing is written.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, run, spawn } from "./helpers.js";
import { readMarkdown } from "./markdown.js";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

/** Replaces `from` (which must be there) by `to` in a file of the repository. */
function edit(repo: string, file: string, from: string, to: string): void {
  const path = join(repo, file);
  const text = readFileSync(path, "utf8");
  expect(text, `${file} holds ${JSON.stringify(from)}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

const JULIE = "journeys/julie-online.yaml";
const MARC = "journeys/marc-store.yaml";

/** A repository of the clean example, committed, with git's user set for it. */
function repository(): string {
  const repo = mkdtempSync(join(tmpdir(), "journey-diff-"));
  cpSync(join(ROOT, "examples/clean"), repo, { recursive: true });
  git(repo, "init", "-q", "-b", "main");
  return repo;
}

const commit = (repo: string, message: string) => {
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", message);
};

const PRODUCT_PAGE = "        expectations: [honest reviews, clear price]\n";
const PROMO = `  - id: promo-sms
    title: Promotion feedback
    channel: sms
    subject: How the January promotion was received
    indicators: [csat]
    questions:
      - text: How satisfied are you with our January offer?
        indicator: csat
        scale: { min: 1, max: 5 }
    recurrence: { once: 2026-01-05 }
`;

/**
 * The change reviewed: a first commit with one finding (product-page states no satisfaction); a
 * second commit rewording a question and changing a satisfaction; then, in the working tree, the
 * finding fixed, a survey added that puts Julie over the contact policy, and Marc's checkout
 * survey removed (the stage is open).
 */
function reviewed(): string {
  const repo = repository();
  edit(repo, JULIE, `${PRODUCT_PAGE}        satisfaction: 4\n`, PRODUCT_PAGE);
  commit(repo, "maps, with one finding");
  edit(
    repo,
    JULIE,
    "How easy was it to place your order today?",
    "How easy was it to order today?",
  );
  edit(repo, JULIE, "        satisfaction: 2\n", "        satisfaction: 3\n");
  commit(repo, "a question reworded, a satisfaction changed");
  edit(repo, JULIE, PRODUCT_PAGE, `${PRODUCT_PAGE}        satisfaction: 4\n`);
  edit(
    repo,
    JULIE,
    "    recurrence: { every: P4M, start: 2026-03-15 }\n",
    `    recurrence: { every: P4M, start: 2026-03-15 }\n${PROMO}`,
  );
  const marc = readFileSync(join(repo, MARC), "utf8");
  writeFileSync(
    join(repo, MARC),
    marc.slice(0, marc.indexOf("    surveys:\n      - id: till-wait-ces")),
  );
  return repo;
}

const noFindings = { fixed: [], introduced: [] };
const pressure = (sends: number, maxInWindow: number, ok: boolean) => ({
  sends,
  maxInWindow,
  limit: 2,
  window: "P30D",
  minGap: "P7D",
  ok,
});
const marcPressure = (sends: number) => ({
  sends,
  maxInWindow: 1,
  limit: 1,
  window: "P30D",
  minGap: null,
  ok: true,
});

/** What changes for Julie and Marc since the first commit (`reworded`: with the second's changes). */
function expectedPersonas(reworded: boolean) {
  const missing = {
    rule: "missing-satisfaction",
    severity: "warning",
    message:
      'event "product-page" has no satisfaction: the need for a survey here cannot be judged',
    file: JULIE,
    line: 16,
    column: 9,
    entity: "journey:julie-online",
  };
  return [
    {
      id: "julie",
      name: "Julie",
      status: "changed",
      journeys: { added: [], removed: [] },
      surveys: {
        added: [
          {
            id: "promo-sms",
            journey: "julie-online",
            stage: null,
            event: null,
            channel: "sms",
            indicators: ["csat"],
            recurrence: "once on 2026-01-05",
            questions: ["How satisfied are you with our January offer?"],
          },
        ],
        removed: [],
        changed: reworded
          ? [
              {
                id: "checkout-ces",
                journey: "julie-online",
                fields: [],
                questions: {
                  added: [],
                  removed: [],
                  reworded: [
                    {
                      id: "q-effort",
                      position: 1,
                      before: "How easy was it to place your order today?",
                      after: "How easy was it to order today?",
                    },
                  ],
                  changed: [],
                },
              },
            ]
          : [],
      },
      stages: { added: [], removed: [], opened: [], decided: [] },
      events: { added: [], removed: [], changed: [] },
      satisfaction: [
        {
          journey: "julie-online",
          stage: "discovery",
          event: "product-page",
          before: null,
          after: 4,
        },
        ...(reworded
          ? [
              {
                journey: "julie-online",
                stage: "purchase",
                event: "delivery-choice",
                before: 2,
                after: 3,
              },
            ]
          : []),
      ],
      pressure: { before: pressure(9, 2, true), after: pressure(10, 3, false), crossed: "over" },
      findings: {
        fixed: [missing],
        introduced: [
          {
            rule: "contact-pressure",
            severity: "error",
            message:
              'a customer of persona "julie" could get 3 surveys within 30 days (at most 2): this one, on 2026-01-11, tips it over',
            file: JULIE,
            line: 102,
            column: 11,
            entity: "survey:delivery-csat",
          },
          {
            rule: "contact-pressure",
            severity: "error",
            message:
              'a customer of persona "julie" could get 3 surveys in a row less than 7 days apart: this one, on 2026-01-05, is the first too close',
            file: JULIE,
            line: 126,
            column: 17,
            entity: "survey:promo-sms",
          },
        ],
      },
    },
    {
      id: "marc",
      name: "Marc",
      status: "changed",
      journeys: { added: [], removed: [] },
      surveys: {
        added: [],
        removed: [
          {
            id: "till-wait-ces",
            journey: "marc-store",
            stage: "checkout",
            event: "till",
            channel: "store",
            indicators: ["ces"],
            recurrence: "once on 2026-03-07",
            questions: ["How easy was it to pay for your purchase?"],
          },
        ],
        changed: [],
      },
      stages: {
        added: [],
        removed: [],
        opened: [{ journey: "marc-store", stage: "checkout", before: "surveyed", after: "open" }],
        decided: [],
      },
      events: { added: [], removed: [], changed: [] },
      satisfaction: [],
      pressure: { before: marcPressure(5), after: marcPressure(4), crossed: null },
      findings: {
        fixed: [],
        introduced: [
          {
            rule: "stage-without-survey",
            severity: "warning",
            message: 'stage "checkout" has no survey and no noSurvey reason',
            file: MARC,
            line: 38,
            column: 5,
            entity: "journey:marc-store",
          },
          {
            rule: "key-moment-without-survey",
            severity: "error",
            message: 'stage "checkout" is a key moment (dissatisfaction) but has no survey',
            file: MARC,
            line: 40,
            column: 5,
            entity: "journey:marc-store",
          },
        ],
      },
    },
  ];
}

/** Every path under a folder (its .git too) with its size and modification time. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const stats = statSync(path);
      out.push(`${relative(dir, path)} ${stats.size} ${stats.mtimeMs}`);
      if (stats.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return out;
}

describe("journey diff of a change to the maps", () => {
  let repo: string;
  let first: string;
  let second: string;
  beforeAll(() => {
    repo = reviewed();
    first = git(repo, "rev-parse", "HEAD~1").trim();
    second = git(repo, "rev-parse", "HEAD").trim();
  });

  it("JSON: an older commit against the working tree, every field", async () => {
    const r = await run(["diff", "HEAD~1", "--format", "json"], repo);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      base: { ref: "HEAD~1", commit: first, mergeBase: false },
      range: { from: "2026-01-01", to: "2026-12-31" },
      changed: true,
      renamed: [],
      personas: expectedPersonas(true),
      workspace: { findings: noFindings },
      summary: {
        personas: 2,
        surveysAdded: 1,
        surveysRemoved: 1,
        surveysChanged: 1,
        stagesOpened: 1,
        overLimit: 1,
        findingsFixed: 1,
        findingsIntroduced: 4,
        errorsIntroduced: 3,
      },
    });
  });

  it("JSON: HEAD against the working tree, the uncommitted changes only", async () => {
    const r = await run(["diff", "HEAD", "-f", "json"], repo);
    const report = JSON.parse(r.stdout);
    expect(report.base).toEqual({ ref: "HEAD", commit: second, mergeBase: false });
    expect(report.personas).toEqual(expectedPersonas(false));
    expect(report.summary).toMatchObject({ surveysChanged: 0, findingsFixed: 1 });
  });

  it("table: every change in one table fitted to the terminal, the counts under it", async () => {
    const r = await run(["diff", "HEAD~1"], repo, undefined, { columns: 120 });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(TABLE.replace("{commit}", first.slice(0, 7)));
  });

  it("table: in 80 columns, every line fits, the lines around the table wrapped between words", async () => {
    const r = await run(["diff", "HEAD~1"], repo, undefined, { columns: 80 });
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.length > 80)).toEqual([]);
    expect(lines.slice(0, 2)).toEqual([
      `Changes to the maps since HEAD~1 (${first.slice(0, 7)}), sends counted from 2026-01-01 to`,
      "2026-12-31",
    ]);
    expect(lines.slice(-2).join(" ")).toBe(TABLE.trimEnd().split("\n").slice(-2).join(" "));
  });

  it("Markdown: a heading, a section per persona, its changes and findings as GFM tables", async () => {
    const r = await run(["diff", "HEAD~1", "-f", "markdown"], repo);
    expect(r.code).toBe(0);
    const { headings, tables, paragraphs } = readMarkdown(r.stdout);
    expect(headings).toEqual([
      { level: 2, text: "Journey maps: what this change does" },
      { level: 3, text: "julie — Julie" },
      { level: 3, text: "marc — Marc" },
    ]);
    expect(paragraphs).toEqual([
      `Changes to the maps since HEAD~1 (${first.slice(0, 7)}), sends counted from 2026-01-01 to 2026-12-31.`,
      "2 personas changed; surveys: 1 added, 1 removed, 1 changed; 1 stage left open; 1 persona over the contact policy now; findings: 1 fixed, 4 new (3 errors).",
      "Over the contact policy now.",
    ]);
    expect(tables).toEqual([
      {
        header: ["change", "item", "detail"],
        rows: [
          [
            "survey added",
            "promo-sms",
            "julie-online (journey-wide) · sms · csat · once on 2026-01-05 · 1 question",
          ],
          [
            "survey changed",
            "checkout-ces",
            "question q-effort reworded: “How easy was it to place your order today?” → “How easy was it to order today?”",
          ],
          ["satisfaction", "julie-online/discovery/product-page", "– → 4"],
          ["satisfaction", "julie-online/purchase/delivery-choice", "2 → 3"],
          [
            "contact pressure",
            "julie",
            "sends 9 → 10, most in a window 2 → 3, limit 2 in 30 days: over the limit now",
          ],
        ],
      },
      {
        header: ["finding", "severity", "rule", "where", "message"],
        rows: [
          [
            "fixed",
            "warning",
            "missing-satisfaction",
            `${JULIE}:16:9`,
            'event "product-page" has no satisfaction: the need for a survey here cannot be judged',
          ],
          [
            "new",
            "error",
            "contact-pressure",
            `${JULIE}:102:11`,
            'a customer of persona "julie" could get 3 surveys within 30 days (at most 2): this one, on 2026-01-11, tips it over',
          ],
          [
            "new",
            "error",
            "contact-pressure",
            `${JULIE}:126:17`,
            'a customer of persona "julie" could get 3 surveys in a row less than 7 days apart: this one, on 2026-01-05, is the first too close',
          ],
        ],
      },
      {
        header: ["change", "item", "detail"],
        rows: [
          [
            "survey removed",
            "till-wait-ces",
            "marc-store/checkout on till · store · ces · once on 2026-03-07 · 1 question",
          ],
          [
            "stage open",
            "marc-store/checkout",
            "no survey and no noSurvey reason now (was surveyed)",
          ],
          ["contact pressure", "marc", "sends 5 → 4, most in a window 1, limit 1 in 30 days"],
        ],
      },
      {
        header: ["finding", "severity", "rule", "where", "message"],
        rows: [
          [
            "new",
            "warning",
            "stage-without-survey",
            `${MARC}:38:5`,
            'stage "checkout" has no survey and no noSurvey reason',
          ],
          [
            "new",
            "error",
            "key-moment-without-survey",
            `${MARC}:40:5`,
            'stage "checkout" is a key moment (dissatisfaction) but has no survey',
          ],
        ],
      },
    ]);
  });

  it("--fail-on-new: exit 1 when the change introduces an error, saying why", async () => {
    const r = await run(["diff", "HEAD", "--fail-on-new", "-f", "json"], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("journey: the change introduces 3 errors (--fail-on-new)\n");
    expect(JSON.parse(r.stdout).summary.errorsIntroduced).toBe(3);
  });

  it("paths narrow the report to what they name", async () => {
    const r = await run(["diff", "HEAD~1", MARC, "-f", "json"], repo);
    const report = JSON.parse(r.stdout);
    expect(report.personas.map((p: { id: string }) => p.id)).toEqual(["marc"]);
    expect(report.personas[0]).toEqual(expectedPersonas(true)[1]);
  });

  it("writes nothing: the repository, its index and its files are as they were", async () => {
    const status = git(repo, "status", "--porcelain");
    const before = snapshot(repo);
    for (const format of ["table", "json", "markdown"])
      expect((await run(["diff", "HEAD~1", "-f", format], repo)).code).toBe(0);
    expect(snapshot(repo)).toEqual(before);
    expect(git(repo, "status", "--porcelain")).toBe(status);
    expect(status).toBe(` M ${JULIE}\n M ${MARC}\n`);
  });

  it("the built binary prints the same report", async () => {
    const r = await spawn(["diff", "HEAD~1", "--format", "json"], repo);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(JSON.parse(r.stdout)).toEqual(
      JSON.parse((await run(["diff", "HEAD~1", "-f", "json"], repo)).stdout),
    );
  });
});

const TABLE = `Changes to the maps since HEAD~1 ({commit}), sends counted from 2026-01-01 to 2026-12-31
┌─────────┬──────────────────┬───────────────────────────────────────┬─────────────────────────────────────────────────┐
│ persona │ change           │ item                                  │ detail                                          │
├─────────┼──────────────────┼───────────────────────────────────────┼─────────────────────────────────────────────────┤
│ julie   │ survey added     │ promo-sms                             │ julie-online (journey-wide) · sms · csat · once │
│         │                  │                                       │ on 2026-01-05 · 1 question                      │
│ julie   │ survey changed   │ checkout-ces                          │ question q-effort reworded: “How easy was it to │
│         │                  │                                       │ place your order today?” → “How easy was it to  │
│         │                  │                                       │ order today?”                                   │
│ julie   │ satisfaction     │ julie-online/discovery/product-page   │ – → 4                                           │
│ julie   │ satisfaction     │ julie-online/purchase/delivery-choice │ 2 → 3                                           │
│ julie   │ contact pressure │ julie                                 │ sends 9 → 10, most in a window 2 → 3, limit 2   │
│         │                  │                                       │ in 30 days: over the limit now                  │
│ julie   │ finding fixed    │ missing-satisfaction                  │ warning at journeys/julie-online.yaml:16:9:     │
│         │                  │                                       │ event "product-page" has no satisfaction: the   │
│         │                  │                                       │ need for a survey here cannot be judged         │
│ julie   │ new finding      │ contact-pressure                      │ error at journeys/julie-online.yaml:102:11: a   │
│         │                  │                                       │ customer of persona "julie" could get 3 surveys │
│         │                  │                                       │ within 30 days (at most 2): this one, on        │
│         │                  │                                       │ 2026-01-11, tips it over                        │
│ julie   │ new finding      │ contact-pressure                      │ error at journeys/julie-online.yaml:126:17: a   │
│         │                  │                                       │ customer of persona "julie" could get 3 surveys │
│         │                  │                                       │ in a row less than 7 days apart: this one, on   │
│         │                  │                                       │ 2026-01-05, is the first too close              │
│ marc    │ survey removed   │ till-wait-ces                         │ marc-store/checkout on till · store · ces ·     │
│         │                  │                                       │ once on 2026-03-07 · 1 question                 │
│ marc    │ stage open       │ marc-store/checkout                   │ no survey and no noSurvey reason now (was       │
│         │                  │                                       │ surveyed)                                       │
│ marc    │ contact pressure │ marc                                  │ sends 5 → 4, most in a window 1, limit 1 in 30  │
│         │                  │                                       │ days                                            │
│ marc    │ new finding      │ stage-without-survey                  │ warning at journeys/marc-store.yaml:38:5: stage │
│         │                  │                                       │ "checkout" has no survey and no noSurvey reason │
│ marc    │ new finding      │ key-moment-without-survey             │ error at journeys/marc-store.yaml:40:5: stage   │
│         │                  │                                       │ "checkout" is a key moment (dissatisfaction)    │
│         │                  │                                       │ but has no survey                               │
└─────────┴──────────────────┴───────────────────────────────────────┴─────────────────────────────────────────────────┘
2 personas changed; surveys: 1 added, 1 removed, 1 changed; 1 stage left open; 1 persona over the contact policy now;
findings: 1 fixed, 4 new (3 errors)
`;

describe("journey diff: renames, no change, the default ref", () => {
  it("a file renamed with git mv, or moved without git, is a rename, not a removal and an addition", async () => {
    const repo = repository();
    edit(repo, JULIE, `${PRODUCT_PAGE}        satisfaction: 4\n`, PRODUCT_PAGE);
    commit(repo, "maps, with one finding");
    git(repo, "mv", JULIE, "journeys/julie-web.yaml");
    renameSync(join(repo, MARC), join(repo, "marc.yaml"));
    const r = await run(["diff", "HEAD", "-f", "json", "--fail-on-new"], repo);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      changed: true,
      renamed: [
        { from: JULIE, to: "journeys/julie-web.yaml" },
        { from: MARC, to: "marc.yaml" },
      ],
      personas: [],
      workspace: { findings: noFindings },
    });
    const table = await run(["diff", "HEAD"], repo);
    const commitId = git(repo, "rev-parse", "--short=7", "HEAD").trim();
    expect(table.stdout).toBe(
      [
        `Changes to the maps since HEAD (${commitId}), sends counted from 2026-01-01 to 2026-12-31`,
        `renamed ${JULIE} → journeys/julie-web.yaml`,
        `renamed ${MARC} → marc.yaml`,
        "no change to the personas' surveys, stages, events, contact pressure or findings",
        "",
      ].join("\n"),
    );
  });

  it("a stage inserted before a finding's own: the finding is neither fixed nor new", async () => {
    const repo = repository();
    edit(repo, JULIE, `${PRODUCT_PAGE}        satisfaction: 4\n`, PRODUCT_PAGE);
    commit(repo, "maps, with one finding");
    const stage = [
      "  - id: arrival",
      "    name: Arrival",
      "    noSurvey: Too early to ask",
      "    events:",
      "      - id: landing",
      "        action: Lands on the home page",
      "        channel: web",
      "        satisfaction: 3",
      "        evidence:",
      "          - source: analytics",
      "            ref: Home page visits, 2026-Q3",
      "",
    ].join("\n");
    edit(repo, JULIE, "stages:\n", `stages:\n${stage}\n`);
    const report = JSON.parse((await run(["diff", "HEAD", "-f", "json"], repo)).stdout);
    const [julie] = report.personas;
    expect(julie.stages.added).toEqual([
      { journey: "julie-online", stage: "arrival", name: "Arrival", status: "waived" },
    ]);
    expect(julie.findings).toEqual(noFindings);
  });

  it("nothing changed: one line, exit 0", async () => {
    const repo = repository();
    commit(repo, "maps");
    const id = git(repo, "rev-parse", "--short=7", "HEAD").trim();
    const line = `No change to the personas' surveys, stages, events, contact pressure or findings since HEAD (${id})`;
    expect(await run(["diff", "HEAD"], repo)).toEqual({ code: 0, stdout: `${line}\n`, stderr: "" });
    const json = JSON.parse(
      (await run(["diff", "HEAD", "-f", "json", "--fail-on-new"], repo)).stdout,
    );
    expect(json).toMatchObject({ changed: false, personas: [], renamed: [] });
    const markdown = (await run(["diff", "HEAD", "-f", "markdown"], repo)).stdout;
    expect(markdown).toBe(`## Journey maps: what this change does\n\n${line}.\n`);
  });

  it("no ref: the merge base of HEAD with origin's default branch", async () => {
    const repo = repository();
    commit(repo, "maps");
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD");
    git(repo, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");
    const base = git(repo, "rev-parse", "HEAD").trim();
    git(repo, "checkout", "-q", "-b", "change");
    edit(repo, MARC, "        satisfaction: 2\n", "        satisfaction: 1\n");
    commit(repo, "worse at the till");
    const r = await run(["diff", "-f", "json"], repo);
    const report = JSON.parse(r.stdout);
    expect(report.base).toEqual({ ref: "origin/main", commit: base, mergeBase: true });
    expect(
      report.personas.map((p: { id: string; satisfaction: unknown }) => [p.id, p.satisfaction]),
    ).toEqual([
      ["marc", [{ journey: "marc-store", stage: "checkout", event: "till", before: 2, after: 1 }]],
    ]);
    // A path as the first word, and no ref: the default, for that path.
    const named = JSON.parse(
      (await run(["diff", "personas/julie.yaml", "-f", "json"], repo)).stdout,
    );
    expect(named).toMatchObject({ base: { mergeBase: true }, changed: false });
  });
});

describe("journey diff: invocation errors, one line, exit 2", () => {
  it("outside a git repository", async () => {
    const plain = mkdtempSync(join(tmpdir(), "journey-nogit-"));
    cpSync(join(ROOT, "examples/clean"), plain, { recursive: true });
    expect(await run(["diff", "main"], plain)).toEqual({
      code: 2,
      stdout: "",
      stderr: "journey: diff works in a git repository: this folder is not in one\n",
    });
  });

  it("a ref git does not know", async () => {
    const repo = repository();
    commit(repo, "maps");
    expect(await run(["diff", "no-such-branch"], repo)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: diff no-such-branch: git knows no commit by that name, and no file or folder has that name\n",
    });
  });

  it("no ref given and none to default to", async () => {
    const repo = repository();
    commit(repo, "maps");
    expect(await run(["diff"], repo)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: diff: no ref to compare with (no origin/HEAD, no upstream branch): name one, as in journey diff main\n",
    });
  });
});

describe("journey diff --format markdown and hostile text", () => {
  it("a | or <script> in a map shows as written, without a column or markup", async () => {
    const repo = repository();
    commit(repo, "maps");
    const hostile = "Was it <script>alert(1)</script> | *easy*?";
    edit(repo, JULIE, "How easy was it to place your order today?", hostile);
    const { tables } = readMarkdown((await run(["diff", "HEAD", "-f", "markdown"], repo)).stdout);
    expect(tables[0]?.rows).toEqual([
      [
        "survey changed",
        "checkout-ces",
        `question q-effort reworded: “How easy was it to place your order today?” → “${hostile}”`,
      ],
    ]);
  });
});

describe("journey diff: what a review found", () => {
  it("files whose times changed (a checkout, a touch) leave the index as it was: git is not asked to refresh it", async () => {
    const repo = repository();
    commit(repo, "maps");
    edit(repo, MARC, "        satisfaction: 2\n", "        satisfaction: 1\n");
    const later = new Date(Date.now() + 60_000);
    for (const file of [JULIE, MARC, "personas/julie.yaml", "personas/marc.yaml"])
      utimesSync(join(repo, file), later, later);
    const index = join(repo, ".git", "index");
    const before = [readFileSync(index), statSync(index).mtimeMs];
    const r = await run(["diff", "HEAD", "-f", "json"], repo);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.personas).toBe(1);
    expect([readFileSync(index), statSync(index).mtimeMs]).toEqual(before);
    expect(readdirSync(join(repo, ".git")).filter((f) => f.endsWith(".lock"))).toEqual([]);
  });

  it("two files swapped are two renames: their findings are neither fixed nor new", async () => {
    const repo = repository();
    edit(repo, JULIE, `${PRODUCT_PAGE}        satisfaction: 4\n`, PRODUCT_PAGE);
    commit(repo, "maps, with one finding in julie-online.yaml");
    const julie = readFileSync(join(repo, JULIE));
    writeFileSync(join(repo, JULIE), readFileSync(join(repo, MARC)));
    writeFileSync(join(repo, MARC), julie);
    const report = JSON.parse((await run(["diff", "HEAD", "-f", "json"], repo)).stdout);
    expect(report).toMatchObject({
      renamed: [
        { from: JULIE, to: MARC },
        { from: MARC, to: JULIE },
      ],
      personas: [],
      workspace: { findings: noFindings },
    });
  });
});

describe("journey diff: findings follow their entity to another file", () => {
  it("a file moved and edited before git knows of the move, or split in two: the same findings", async () => {
    const repo = repository();
    edit(repo, JULIE, `${PRODUCT_PAGE}        satisfaction: 4\n`, PRODUCT_PAGE);
    edit(repo, "personas/marc.yaml", "    source: Store loyalty card panel 2026\n", "");
    const marc = readFileSync(join(repo, "personas/marc.yaml"), "utf8");
    writeFileSync(join(repo, "marc.yaml"), `${marc}---\n${readFileSync(join(repo, MARC), "utf8")}`);
    rmSync(join(repo, "personas/marc.yaml"));
    rmSync(join(repo, MARC));
    commit(repo, "maps, with a finding on Julie's journey and one on Marc in one file");
    const findings = (r: { stdout: string }) =>
      JSON.parse(r.stdout).summary as { findingsFixed: number; findingsIntroduced: number };
    expect(findings(await run(["diff", "HEAD", "-f", "json"], repo))).toMatchObject({
      findingsFixed: 0,
      findingsIntroduced: 0,
    });
    // Julie's journey moved (not with git mv) and edited; Marc's file split in two.
    renameSync(join(repo, JULIE), join(repo, "julie.yaml"));
    edit(repo, "julie.yaml", "        satisfaction: 2\n", "        satisfaction: 1\n");
    const [persona, journey] = readFileSync(join(repo, "marc.yaml"), "utf8").split("---\n");
    writeFileSync(join(repo, "personas/marc.yaml"), persona ?? "");
    writeFileSync(join(repo, MARC), journey ?? "");
    rmSync(join(repo, "marc.yaml"));
    const r = await run(["diff", "HEAD", "-f", "json"], repo);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ findingsFixed: 0, findingsIntroduced: 0 });
    expect(report.personas.map((p: { id: string }) => p.id)).toEqual(["julie"]);
    expect(report.personas[0].findings).toEqual(noFindings);
    expect(report.workspace.findings).toEqual(noFindings);
  });
});

describe("journey diff: refs that need a word more, one line, exit 2", () => {
  it("a first word that names both a commit and a file: which one is asked, and both forms work", async () => {
    const repo = repository();
    commit(repo, "maps");
    writeFileSync(join(repo, "main"), "");
    expect(await run(["diff", "main"], repo)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: diff main: both a commit and a file or folder here: write main^0 for the commit, ./main for the file or folder\n",
    });
    const commitId = git(repo, "rev-parse", "HEAD").trim();
    const asCommit = JSON.parse((await run(["diff", "main^0", "-f", "json"], repo)).stdout);
    expect(asCommit).toMatchObject({ base: { ref: "main^0", commit: commitId }, changed: false });
  });

  it("a ref a shallow clone does not have: fetch more history", async () => {
    const origin = repository();
    commit(origin, "maps");
    edit(origin, MARC, "        satisfaction: 2\n", "        satisfaction: 1\n");
    commit(origin, "worse at the till");
    const clone = mkdtempSync(join(tmpdir(), "journey-shallow-"));
    git(clone, "clone", "-q", "--depth", "1", `file://${origin}`, ".");
    expect(await run(["diff", "HEAD~1"], clone)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: diff HEAD~1: git knows no commit by that name in this shallow clone: fetch the history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)\n",
    });
  });

  it("a repository without a commit yet", async () => {
    const repo = repository();
    expect(await run(["diff", "HEAD"], repo)).toEqual({
      code: 2,
      stdout: "",
      stderr: "journey: diff HEAD: the repository has no commit yet: commit the maps first\n",
    });
  });

  it("a config that is invalid at the commit: said to be the commit's", async () => {
    const repo = repository();
    const config = readFileSync(join(repo, "journey.config.yaml"), "utf8");
    writeFileSync(join(repo, "journey.config.yaml"), `${config}bogus: [\n`);
    commit(repo, "a broken config");
    writeFileSync(join(repo, "journey.config.yaml"), config);
    const r = await run(["diff", "HEAD"], repo);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^journey: diff HEAD: at that commit \([0-9a-f]{7}\), invalid config journey\.config\.yaml:\d+:\d+: YAML: [^\n]+\n$/,
    );
  });
});

describe("journey diff: a map that cannot be read on one side", () => {
  it("a YAML error now: what the file held is not compared (not all removed), the error is new", async () => {
    const repo = repository();
    commit(repo, "maps");
    edit(repo, MARC, "    keyMoment: decision\n", "   keyMoment: decision\n");
    const r = await run(["diff", "HEAD", "-f", "json"], repo);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.personas).toEqual([]);
    expect(report.workspace.findings.fixed).toEqual([]);
    expect(
      report.workspace.findings.introduced.map((f: { rule: string; file: string }) => [
        f.rule,
        f.file,
      ]),
    ).toEqual([["syntax", MARC]]);
    // Fixed again, under another name: nothing was added either.
    commit(repo, "a broken map");
    edit(repo, MARC, "   keyMoment: decision\n", "    keyMoment: decision\n");
    renameSync(join(repo, MARC), join(repo, "journeys/marc.yaml"));
    const fixed = JSON.parse((await run(["diff", "HEAD", "-f", "json"], repo)).stdout);
    expect(fixed.personas).toEqual([]);
    expect(
      fixed.workspace.findings.fixed.map((f: { rule: string; file: string }) => [f.rule, f.file]),
    ).toEqual([["syntax", MARC]]);
  });
});

describe("journey diff: a question's scale or indicator, an event's channel", () => {
  it("are changes: the survey is changed, the touchpoint moved", async () => {
    const repo = repository();
    commit(repo, "maps");
    edit(repo, MARC, "scale: { min: 1, max: 7 }", "scale: { min: 1, max: 5 }");
    edit(repo, MARC, "            indicator: csat\n", "            indicator: nps\n");
    edit(
      repo,
      MARC,
      "action: Queues and pays at the till\n        channel: store",
      "action: Queues and pays at the till\n        channel: phone",
    );
    const report = JSON.parse((await run(["diff", "HEAD", "-f", "json"], repo)).stdout);
    const [marc] = report.personas;
    expect(marc.surveys.changed).toEqual([
      {
        id: "store-advice-csat",
        journey: "marc-store",
        fields: [],
        questions: {
          added: [],
          removed: [],
          reworded: [],
          changed: [{ id: null, position: 1, field: "indicator", before: "csat", after: "nps" }],
        },
      },
      {
        id: "till-wait-ces",
        journey: "marc-store",
        fields: [],
        questions: {
          added: [],
          removed: [],
          reworded: [],
          changed: [{ id: null, position: 1, field: "scale", before: "1–7", after: "1–5" }],
        },
      },
    ]);
    expect(marc.events.changed).toEqual([
      { journey: "marc-store", stage: "checkout", event: "till", before: "store", after: "phone" },
    ]);
    expect(report.summary.surveysChanged).toBe(2);
    const table = (await run(["diff", "HEAD"], repo, undefined, { columns: 200 })).stdout;
    const rows = table.split("\n").filter((l) => /survey changed|event channel/.test(l));
    expect(
      rows.map((l) =>
        l
          .split("│")
          .slice(2, 5)
          .map((c) => c.trim()),
      ),
    ).toEqual([
      ["survey changed", "store-advice-csat", "question 1 indicator: csat → nps"],
      ["survey changed", "till-wait-ces", "question 1 scale: 1–7 → 1–5"],
      ["event channel", "marc-store/checkout/till", "store → phone"],
    ]);
  });
});

describe("journey diff: a persona no survey reaches any more", () => {
  it("keeps its limit in the words: no sends is not no policy", async () => {
    const repo = repository();
    commit(repo, "maps");
    edit(repo, MARC, "persona: marc\n", "persona: julie\n");
    const table = (await run(["diff", "HEAD"], repo, undefined, { columns: 200 })).stdout;
    const row = table.split("\n").find((l) => l.startsWith("│ marc ") && l.includes("contact"));
    expect(row?.split("│")[4]?.trim()).toBe(
      "sends 5 → 0, most in a window 1 → –, limit 1 in 30 days",
    );
  });
});
