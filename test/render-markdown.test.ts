import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run, yaml } from "./helpers.js";
import { readMarkdown as read, type Table } from "./markdown.js";

/**
 * `journey render --format markdown`, read back by a CommonMark/GFM parser (markdown-it, with
 * HTML on as GitHub has it): the headings, the fenced Mermaid diagrams and every table, its rows
 * and its columns, and hostile texts shown as written without adding a column or a row.
 */

/** The table right after the heading `title` within the journey section `journey`. */
function tableAfter(markdown: string, journey: string, title: string): Table {
  const start = markdown.indexOf(`\n## ${journey}`);
  expect(start, `no section for ${journey}`).toBeGreaterThanOrEqual(0);
  const from = markdown.indexOf(`\n### ${title}\n`, start);
  expect(from, `no ${title} in ${journey}`).toBeGreaterThan(start);
  const end = markdown.indexOf("\n### ", from + 1);
  const part = markdown.slice(from, end < 0 ? undefined : end);
  const [table] = read(part).tables;
  if (!table) throw new Error(`no table under ${title} in ${journey}`);
  return table;
}

function expectRectangular(table: Table) {
  for (const row of table.rows) expect(row).toHaveLength(table.header.length);
}

describe("render --format markdown: the examples", () => {
  it("clean: per journey a heading, a mermaid block and its tables with the right rows and columns", async () => {
    const { code, stdout, stderr } = await run([
      "render",
      "examples/clean",
      "--format",
      "markdown",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const { tables, headings, fences } = read(stdout);
    expect(headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual([
      "Julie buys online (julie-online)",
      "Marc buys in the store (marc-store)",
      "Contact pressure",
    ]);
    expect(fences.map((f) => f.info)).toEqual(["mermaid", "mermaid"]);
    expect(fences[0]?.content).toMatch(/^journey\n {2}title Julie buys online\n/);
    for (const t of tables) expectRectangular(t);

    const touchpoints = tableAfter(stdout, "Julie", "Touchpoints");
    expect(touchpoints.header).toEqual([
      "stage",
      "event",
      "channel",
      "satisfaction",
      "surveys listening",
    ]);
    expect(touchpoints.rows.map((r) => r[1])).toEqual([
      "product-page",
      "price-check",
      "checkout",
      "delivery-choice",
      "parcel-delivered",
    ]);
    expect(touchpoints.rows[2]).toEqual([
      "purchase ★",
      "checkout",
      "web",
      "●●●○○ 3",
      "checkout-ces",
    ]);
    expect(touchpoints.rows[0]?.[4]).toBe("none");

    const coverage = tableAfter(stdout, "Julie", "Stage coverage");
    expect(coverage.header).toEqual(["stage", "key moment", "status", "surveys, or why not"]);
    expect(coverage.rows).toEqual([
      ["discovery", "", "waived", "Too early to ask; covered by web analytics and product reviews"],
      ["purchase ★", "conversion", "surveyed", "checkout-ces"],
      ["delivery ★", "dissatisfaction", "surveyed", "delivery-csat"],
    ]);

    const plan = tableAfter(stdout, "Julie", "Survey plan");
    expect(plan.header).toHaveLength(8);
    expect(plan.rows.map((r) => r[0])).toEqual([
      "checkout-ces",
      "delivery-csat",
      "julie-relationship-nps",
    ]);
    expect(plan.rows[2]?.[6]).toBe("every 4 months from 2026-03-15");

    const pressure = tableAfter(stdout, "Marc", "Contact pressure");
    expect(pressure.rows.map((r) => r[0])).toEqual(["marc"]);

    // The workspace's pressure table: every persona reached.
    const last = stdout.slice(stdout.lastIndexOf("\n## Contact pressure"));
    const [all] = read(last).tables;
    expect(all?.rows.map((r) => r[0])).toEqual(["julie", "marc"]);
    expect(stdout).toContain("### Lint\n\n✔ no problems.");
  });

  it("broken: the lint summary counts and lists the findings of each map", async () => {
    const lint = await run(["lint", "examples/broken", "--format", "json"]);
    const all = (JSON.parse(lint.stdout) as { findings: { file: string; line: number }[] })
      .findings;
    const { stdout } = await run(["render", "examples/broken", "--format", "markdown"]);
    const findings = tableAfter(stdout, "Marc buys", "Lint");
    expect(findings.header).toEqual(["severity", "where", "rule", "message"]);
    const marc = all.filter((f) => f.file === "examples/broken/journeys/marc-store.yaml");
    expect(findings.rows).toHaveLength(marc.length);
    expect(stdout).toContain(
      `${marc.length} problems (${findings.rows.filter((r) => r[0] === "error").length} errors`,
    );
    for (const t of read(stdout).tables) expectRectangular(t);
  });
});

describe("render --format markdown: hostile texts", () => {
  const hostile = "a | b \\| c `d` *e* <i>f</i> [g](h) #i; & ~j~";
  function workspace(): string {
    const dir = mkdtempSync(join(tmpdir(), "journey-markdown-"));
    mkdirSync(join(dir, "journeys"));
    writeFileSync(join(dir, "journey.config.yaml"), "kind: config\n");
    writeFileSync(
      join(dir, "persona.yaml"),
      yaml`
        kind: persona
        id: p
        name: "P | Q"
        summary: s
      `,
    );
    writeFileSync(
      join(dir, "journeys", "j.yaml"),
      yaml`
        kind: journey
        id: j
        title: ${JSON.stringify(`Title ${hostile}`)}
        persona: p
        stages:
          - id: s
            name: ${JSON.stringify(hostile)}
            noSurvey: ${JSON.stringify(`two\nlines | and a pipe`)}
            events:
              - id: e
                action: ${JSON.stringify(`Pays | twice\n- then leaves`)}
                channel: web
                satisfaction: 4
          - id: t
            name: T
            events:
              - id: f
                action: F
                channel: web
            surveys:
              - id: sv
                title: S
                channel: web
                subject: ${JSON.stringify(hostile)}
                indicators: [csat]
                questions:
                  - text: Q?
                    indicator: csat
                    scale: { min: 1, max: 5 }
                recurrence: { once: 2026-03-01 }
      `,
    );
    return dir;
  }

  it("a | in a text adds no column, a line break no row, and every text reads back as written", async () => {
    const dir = workspace();
    const { code, stdout, stderr } = await run(["render", "--format", "markdown"], dir);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const { tables, headings } = read(stdout);
    for (const t of tables) expectRectangular(t);
    expect(headings.find((h) => h.level === 2)?.text).toBe(`Title ${hostile} (j)`);

    const coverage = tableAfter(stdout, "Title", "Stage coverage");
    expect(coverage.rows).toEqual([
      ["s", "", "waived", "two\nlines | and a pipe"],
      ["t", "", "surveyed", "sv"],
    ]);
    const plan = tableAfter(stdout, "Title", "Survey plan");
    expect(plan.rows).toHaveLength(1);
    expect(plan.rows[0]?.[4]).toBe(hostile);
    expect(plan.rows[0]?.[6]).toBe("once on 2026-03-01");
    const touchpoints = tableAfter(stdout, "Title", "Touchpoints");
    expect(touchpoints.rows.map((r) => r[1])).toEqual(["e", "f"]);
    // The persona's name, outside a table, shows as written too.
    expect(stdout).toContain("Persona: P \\| Q (`p`)");
  });
});

describe("render --format markdown: values the schema refuses", () => {
  it.each([
    ["-1", "○○○○○ -1"],
    ["1000000", "●●●●● 1000000"],
    ["2.6", "●●●○○ 2.6"],
  ])("satisfaction: %s is drawn within five dots, never a crash", async (written, dots) => {
    const dir = mkdtempSync(join(tmpdir(), "journey-md-"));
    cpSync(join(ROOT, "examples/clean"), dir, { recursive: true });
    const file = join(dir, "journeys/marc-store.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("satisfaction: 2", `satisfaction: ${written}`),
    );
    const r = await run(["render", "--format", "markdown"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`| ${dots} |`);
  });
});
