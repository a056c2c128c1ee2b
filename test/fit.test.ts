import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Chalk } from "chalk";
import displayWidth from "string-width";
import { describe, expect, it } from "vitest";
import { outputStyle, type Io } from "../src/io/io.js";
import type { Finding } from "../src/lint/finding.js";
import { stylish } from "../src/report/findings/stylish.js";
import type { Style } from "../src/report/style.js";
import { renderTable } from "../src/report/table.js";
import { aFinding, aReport, run } from "./helpers.js";

// Output that fits the terminal: lint messages wrap under their column, tables keep ids whole and
// wrap their free text first; without a terminal width, nothing changes.

const plain = (width?: number): Style => ({ colorLevel: 0, width });

const finding = (over: Partial<Finding>) => aFinding({ message: "", ...over });
const report = (findings: Finding[]) => aReport(findings);

const LONG = finding({
  message:
    'unknown key "satisfction" in event; did you mean "satisfaction"? The event keeps its other keys',
});
const SHORT = finding({ line: 12, column: 7, message: '"indicators" lists "csat" twice' });

const lines = (...text: string[]) => `${text.join("\n")}\n`;

describe("stylish at a terminal's width", () => {
  it("wraps a long message under the message column, rule ids aligned", () => {
    expect(stylish(report([LONG, SHORT]), plain(60))).toBe(
      lines(
        "journeys/a.yaml",
        '  3:5   error  unknown key "satisfction" in event;    schema',
        '               did you mean "satisfaction"? The',
        "               event keeps its other keys",
        '  12:7  error  "indicators" lists "csat" twice        schema',
        "",
        "✖ 2 problems (2 errors, 0 warnings) in 1 file",
      ),
    );
  });

  it("puts the rule id after the severity when no column is left for it", () => {
    const unknown = finding({
      rule: "key-moment-without-survey",
      severity: "warning",
      message: 'stage "advice" is a key moment (decision) but has no survey',
    });
    expect(stylish(report([unknown]), plain(50))).toBe(
      lines(
        "journeys/a.yaml",
        "  3:5  warning  key-moment-without-survey",
        '                stage "advice" is a key moment',
        "                (decision) but has no survey",
        "",
        "✖ 1 problem (0 errors, 1 warning) in 1 file",
      ),
    );
  });

  it("is unchanged when the messages fit, and without a width", () => {
    const wide = stylish(report([LONG, SHORT]), plain(200));
    expect(wide).toBe(stylish(report([LONG, SHORT]), plain(undefined)));
    expect(wide.split("\n")[1]).toBe(`  3:5   error  ${LONG.message}  schema`);
    expect(wide.split("\n")[2]).toBe(
      `  12:7  error  ${SHORT.message.padEnd(LONG.message.length)}  schema`,
    );
  });
});

describe("stylish shows related places", () => {
  const sends = ["01-04", "01-09", "01-15", "01-21", "01-27"].map((day, i) => ({
    file: "journeys/a.yaml",
    line: 20 + 10 * i,
    column: 17,
    endLine: 20 + 10 * i,
    endColumn: 30,
    what: `"survey-${i + 1}" sent 2027-${day}`,
  }));
  const pressure = finding({
    rule: "contact-pressure",
    line: 70,
    column: 17,
    message:
      'a customer of persona "julie" could get 6 surveys within 30 days (at most 2): this one, on 2027-01-30, tips it over',
    related: [
      ...sends,
      {
        file: "journeys/b.yaml",
        line: 8,
        column: 17,
        endLine: 8,
        endColumn: 30,
        what: '"welcome" sent 2027-01-02',
      },
    ],
  });
  const duplicate = finding({
    rule: "duplicate-id",
    line: 9,
    message: 'duplicate survey id "s": already used at journeys/b.yaml:4:7',
    related: [
      {
        file: "journeys/b.yaml",
        line: 4,
        column: 7,
        endLine: 4,
        endColumn: 8,
        what: "first use of the survey id",
      },
    ],
  });

  it("one a line under the finding, the same file's as line:column; none the message names", () => {
    const text = stylish(report([duplicate, pressure]), plain(undefined));
    expect(text.split("\n").slice(2, 9)).toEqual([
      `  70:17  error  ${pressure.message}  contact-pressure`,
      '                ↳ 20:17                 "survey-1" sent 2027-01-04',
      '                ↳ 30:17                 "survey-2" sent 2027-01-09',
      '                ↳ 40:17                 "survey-3" sent 2027-01-15',
      '                ↳ 50:17                 "survey-4" sent 2027-01-21',
      '                ↳ 60:17                 "survey-5" sent 2027-01-27',
      '                ↳ journeys/b.yaml:8:17  "welcome" sent 2027-01-02',
    ]);
    // The duplicate's first use is in its message already: not said twice.
    expect(text.split("\n")[1]).toMatch(
      /^ {2}9:5 {4}error {2}duplicate survey id "s": .* {2}duplicate-id$/,
    );
  });

  it("at most eight, then how many more", () => {
    const crowd = Array.from({ length: 300 }, (_, i) => ({ ...sends[0]!, line: 100 + i }));
    const lines = stylish(report([finding({ ...pressure, related: crowd })]), plain(undefined))
      .split("\n")
      .filter((l) => l.includes("↳"));
    expect(lines).toHaveLength(8);
    expect(lines.at(-1)).toBe(
      "                ↳ … and 293 more places (all of them in --format sarif)",
    );
  });

  it("under the wrapped message at a terminal's width", () => {
    expect(stylish(report([pressure]), plain(72))).toBe(
      lines(
        "journeys/a.yaml",
        '  70:17  error  a customer of persona "julie" could     contact-pressure',
        "                get 6 surveys within 30 days (at most",
        "                2): this one, on 2027-01-30, tips it",
        "                over",
        '                ↳ 20:17                 "survey-1" sent 2027-01-04',
        '                ↳ 30:17                 "survey-2" sent 2027-01-09',
        '                ↳ 40:17                 "survey-3" sent 2027-01-15',
        '                ↳ 50:17                 "survey-4" sent 2027-01-21',
        '                ↳ 60:17                 "survey-5" sent 2027-01-27',
        '                ↳ journeys/b.yaml:8:17  "welcome" sent 2027-01-02',
        "",
        "✖ 1 problem (1 error, 0 warnings) in 1 file",
      ),
    );
  });
});

describe("tables at a terminal's width", () => {
  const chalk = new Chalk({ level: 0 });
  const columns = [
    { header: "survey", wrap: true },
    { header: "persona" },
    { header: "stage", wrap: true },
    { header: "subject", prose: true },
    { header: "recurrence", prose: true },
  ];
  const rows = [
    [
      "delivery-csat",
      "julie",
      "delivery",
      "Delivery punctuality and condition of the parcel",
      "10 days after each parcel-delivered",
    ],
    [
      "store-advice-csat",
      "marc",
      "advice",
      "Quality and availability of advice in the aisle",
      "every 3 months from 2026-01-15",
    ],
  ].map((row) => row.map((text) => ({ text })));

  it("keep ids whole and wrap the prose columns at their spaces", async () => {
    const out = await renderTable(columns, rows, { width: 80, chalk });
    expect(out).toBe(
      lines(
        "┌───────────────────┬─────────┬──────────┬──────────────────┬──────────────────┐",
        "│ survey            │ persona │ stage    │ subject          │ recurrence       │",
        "├───────────────────┼─────────┼──────────┼──────────────────┼──────────────────┤",
        "│ delivery-csat     │ julie   │ delivery │ Delivery         │ 10 days after    │",
        "│                   │         │          │ punctuality and  │ each             │",
        "│                   │         │          │ condition of the │ parcel-delivered │",
        "│                   │         │          │ parcel           │                  │",
        "│ store-advice-csat │ marc    │ advice   │ Quality and      │ every 3 months   │",
        "│                   │         │          │ availability of  │ from 2026-01-15  │",
        "│                   │         │          │ advice in the    │                  │",
        "│                   │         │          │ aisle            │                  │",
        "└───────────────────┴─────────┴──────────┴──────────────────┴──────────────────┘",
      ),
    );
  });

  it("break a word only when no prose can wrap further, after a hyphen, where it breaks fewest", async () => {
    const out = await renderTable(columns, rows, { width: 66, chalk });
    expect(out).toBe(
      lines(
        "┌───────────────┬─────────┬──────────┬──────────────┬────────────┐",
        "│ survey        │ persona │ stage    │ subject      │ recurrence │",
        "├───────────────┼─────────┼──────────┼──────────────┼────────────┤",
        "│ delivery-csat │ julie   │ delivery │ Delivery     │ 10 days    │",
        "│               │         │          │ punctuality  │ after each │",
        "│               │         │          │ and          │ parcel-    │",
        "│               │         │          │ condition of │ delivered  │",
        "│               │         │          │ the parcel   │            │",
        "│ store-advice- │ marc    │ advice   │ Quality and  │ every 3    │",
        "│ csat          │         │          │ availability │ months     │",
        "│               │         │          │ of advice in │ from       │",
        "│               │         │          │ the aisle    │ 2026-01-15 │",
        "└───────────────┴─────────┴──────────┴──────────────┴────────────┘",
      ),
    );
  });

  it("fit quickly, however long their cells (a step per column of width took seconds)", async () => {
    const wide = [
      { header: "id", wrap: true },
      { header: "code", wrap: true },
      { header: "reason", prose: true },
      { header: "more", prose: true },
    ];
    const row = ["i-".repeat(2000), "b".repeat(3000), "ab ".repeat(3000), "cd ".repeat(2000)];
    const out = await renderTable(wide, [row.map((text) => ({ text }))], { width: 80, chalk });
    for (const line of out.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  }, 5_000);

  it("keep their natural width without a terminal width", async () => {
    const out = await renderTable(columns, rows, { chalk });
    expect(out.split("\n")[3]).toBe(
      "│ delivery-csat     │ julie   │ delivery │ Delivery punctuality and condition of the parcel │ 10 days after each parcel-delivered │",
    );
  });
});

describe("the width of a run", () => {
  const io = (over: Partial<Io>): Io => ({
    cwd: "/",
    env: {},
    now: new Date(),
    stdout: () => undefined,
    stderr: () => undefined,
    colorLevel: 0,
    ...over,
  });

  it("is the terminal's, $COLUMNS when set, none under --output or when the terminal says 0", () => {
    expect(outputStyle(io({ columns: 120 })).width).toBe(120);
    expect(outputStyle(io({})).width).toBeUndefined();
    expect(outputStyle(io({ columns: 120, env: { COLUMNS: "90" } })).width).toBe(90);
    expect(outputStyle(io({ env: { COLUMNS: "90" } })).width).toBe(90);
    expect(outputStyle(io({ columns: 120, env: { COLUMNS: "wide" } })).width).toBe(120);
    expect(outputStyle(io({ columns: 0 })).width).toBeUndefined();
    expect(outputStyle(io({ columns: 120 }), "out.txt").width).toBeUndefined();
  });
});

describe("journey lint on a terminal", () => {
  it("fits each finding to the terminal, the message wrapped under its column, related places under it", async () => {
    const wide = await run(["lint", "examples/broken"]);
    const narrow = await run(["lint", "examples/broken"], undefined, undefined, { columns: 80 });
    expect(narrow.code).toBe(wide.code);
    const findingLines = (text: string) => text.split("\n").filter((l) => l.startsWith("  "));
    for (const line of findingLines(narrow.stdout)) {
      expect(displayWidth(line)).toBeLessThanOrEqual(80);
    }
    // Read back, each finding is the same: position, severity, rule, and its message once the
    // lines under it are joined (spaces aside: a path wraps after a slash or a hyphen).
    const parse = (text: string) => {
      const found: string[][] = [];
      for (const line of findingLines(text)) {
        const head = /^ {2}(\d+:\d+) +(error|warning) {2}(.*?) {2,}(\S+)$/.exec(line);
        const current = found.at(-1);
        if (head) found.push([head[1] ?? "", head[2] ?? "", head[4] ?? "", head[3] ?? ""]);
        else if (current) current[3] += line.trim();
      }
      return found.map(([pos, severity, rule, message]) => [
        pos,
        severity,
        rule,
        (message ?? "").replace(/\s/g, ""),
      ]);
    };
    expect(parse(narrow.stdout)).toEqual(parse(wide.stdout));
    expect(parse(wide.stdout).length).toBeGreaterThan(20);
    expect(wide.stdout).toMatch(
      /contact-pressure\n {18}↳ \d+:\d+ {2}"till-wait" sent 2026-04-10\n/,
    );
    expect(narrow.stdout).toMatch(/\n {18}↳ \d+:\d+ {2}"till-wait" sent 2026-04-10\n/);
    // Without a terminal, or written to a file, nothing is wrapped.
    const dir = mkdtempSync(join(tmpdir(), "journey-fit-"));
    const file = join(dir, "out.txt");
    await run(["lint", "examples/broken", "-o", file], undefined, undefined, { columns: 80 });
    expect(readFileSync(file, "utf8")).toBe(wide.stdout);
  });

  it("coverage at a 100-column terminal keeps survey ids whole", async () => {
    const r = await run(["coverage", "examples/clean"], undefined, undefined, { columns: 100 });
    expect(r.stdout).toContain("│ delivery-csat ");
    for (const line of r.stdout.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(100);
  });
});
