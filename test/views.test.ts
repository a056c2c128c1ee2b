import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { VIEW_FORMATS } from "../src/report/views/index.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import displayWidth from "string-width";
import { afterAll, describe, expect, it } from "vitest";
import { parseText } from "../src/model/source.js";
import { buildWorkspace } from "../src/model/workspace.js";
import { wrapText } from "../src/report/table.js";
import { describeRecurrence } from "../src/views/recurrence.js";
import { PERSONA, run, yaml } from "./helpers.js";

const CLEAN = "examples/clean";
const BROKEN = "examples/broken";

const J = "examples/clean/journeys/julie-online.yaml";
const M = "examples/clean/journeys/marc-store.yaml";

describe("journey touchpoints", () => {
  it("lists every event of the clean examples, field by field, with the surveys listening to it", async () => {
    const r = await run(["touchpoints", CLEAN, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const tp = (
      journey: string,
      stage: string,
      event: string,
      channel: string,
      satisfaction: number,
      surveys: string[],
      file: string,
      line: number,
    ) => ({
      persona: journey === "julie-online" ? "julie" : "marc",
      journey,
      stage,
      event,
      channel,
      satisfaction,
      surveys,
      file,
      line,
    });
    expect(JSON.parse(r.stdout)).toEqual([
      tp("julie-online", "discovery", "product-page", "web", 4, [], J, 16),
      tp("julie-online", "discovery", "price-check", "mobile-app", 3, [], J, 27),
      tp("julie-online", "purchase", "checkout", "web", 3, ["checkout-ces"], J, 39),
      tp("julie-online", "purchase", "delivery-choice", "web", 2, [], J, 47),
      tp("julie-online", "delivery", "parcel-delivered", "email", 3, ["delivery-csat"], J, 79),
      tp("marc-store", "advice", "ask-staff", "store", 4, ["store-advice-csat"], M, 16),
      tp("marc-store", "checkout", "till", "store", 2, ["till-wait-ces"], M, 42),
    ]);
  });

  it("answers which touchpoints no survey listens to", async () => {
    const r = await run(["touchpoints", CLEAN, "--unsurveyed", "-f", "json"]);
    expect(JSON.parse(r.stdout).map((t: { event: string }) => t.event)).toEqual([
      "product-page",
      "price-check",
      "delivery-choice",
    ]);
  });

  it("a stage survey without `event` listens to every event of its stage; a journey-wide one to the event it names", async () => {
    const journey = yaml`
      kind: journey
      id: j
      title: J
      persona: julie
      stages:
        - id: s
          name: S
          events:
            - { id: a, action: A, channel: web, satisfaction: 2 }
            - { id: b, action: B, channel: email }
          surveys:
            - id: whole-stage
              title: T
              channel: web
              subject: S
              indicators: [csat]
              questions: [{ text: Q?, indicator: csat, scale: { min: 1, max: 5 } }]
              recurrence: { once: 2026-03-02 }
            - id: only-b
              title: T
              event: b
              channel: email
              subject: S
              indicators: [csat]
              questions: [{ text: R?, indicator: csat, scale: { min: 1, max: 5 } }]
              recurrence: { trigger: after-event }
      surveys:
        - id: relationship
          title: T
          channel: email
          subject: S
          indicators: [nps]
          questions: [{ text: N?, indicator: nps, scale: { min: 0, max: 10 } }]
          recurrence: { every: P1Y, start: 2026-01-01 }
        - id: after-a
          title: T
          event: a
          channel: web
          subject: S
          indicators: [nps]
          questions: [{ text: M?, indicator: nps, scale: { min: 0, max: 10 } }]
          recurrence: { trigger: after-event, cooldown: P1Y }
    `;
    const dir = workspace({ "julie.yaml": PERSONA, "j.yaml": journey });
    const r = await run(["touchpoints", dir, "-f", "json"], dir);
    const rows = JSON.parse(r.stdout) as {
      event: string;
      surveys: string[];
      satisfaction: unknown;
    }[];
    expect(rows.map((t) => [t.event, t.surveys, t.satisfaction])).toEqual([
      ["a", ["whole-stage", "after-a"], 2],
      ["b", ["whole-stage", "only-b"], null],
    ]);
  });

  it.each([
    [
      ["--persona", "marc"],
      ["ask-staff", "till"],
    ],
    [
      ["--journey", "julie-online", "--stage", "purchase"],
      ["checkout", "delivery-choice"],
    ],
    [["--channel", "email"], ["parcel-delivered"]],
    [
      ["--channel", "email", "--channel", "store"],
      ["parcel-delivered", "ask-staff", "till"],
    ],
    [
      ["--persona", "julie", "--channel", "web", "--unsurveyed"],
      ["product-page", "delivery-choice"],
    ],
    [["--persona", "marc", "--unsurveyed"], []],
  ])("filters %j", async (flags, events) => {
    const r = await run(["touchpoints", CLEAN, ...flags, "-f", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((t: { event: string }) => t.event)).toEqual(events);
  });

  it.each([
    [["--persona", "juli"], 'journey: no persona "juli" in these maps; did you mean "julie"?\n'],
    [
      ["--stage", "purchse"],
      'journey: no stage "purchse" in these maps; did you mean "purchase"?\n',
    ],
    [["--channel", "fax"], 'journey: no channel "fax" in these maps\n'],
    [
      ["--format", "xml"],
      `journey: unknown format "xml": use ${Object.keys(VIEW_FORMATS).join(", ")}\n`,
    ],
  ])("a filter naming nothing is a mistake: %j → exit 2", async (flags, message) => {
    const r = await run(["touchpoints", CLEAN, ...flags]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: message });
  });
});

describe("journey surveys", () => {
  it("lists the survey plan of the clean examples, field by field, recurrence in words", async () => {
    const r = await run(["surveys", CLEAN, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        id: "checkout-ces",
        persona: "julie",
        journey: "julie-online",
        stage: "purchase",
        event: "checkout",
        channel: "web",
        subject: "Ease of ordering and of choosing a delivery option",
        indicators: ["ces"],
        recurrence: "after each checkout, at most once per 90 days",
        questions: 2,
        file: J,
        line: 58,
      },
      {
        id: "delivery-csat",
        persona: "julie",
        journey: "julie-online",
        stage: "delivery",
        event: "parcel-delivered",
        channel: "email",
        subject: "Delivery punctuality and condition of the parcel",
        indicators: ["csat"],
        recurrence: "10 days after each parcel-delivered, at most once per 90 days",
        questions: 2,
        file: J,
        line: 88,
      },
      {
        id: "julie-relationship-nps",
        persona: "julie",
        journey: "julie-online",
        stage: null,
        event: null,
        channel: "email",
        subject: "Overall relationship with the brand across online purchases",
        indicators: ["nps"],
        recurrence: "every 4 months from 2026-03-15",
        questions: 1,
        file: J,
        line: 107,
      },
      {
        id: "store-advice-csat",
        persona: "marc",
        journey: "marc-store",
        stage: "advice",
        event: "ask-staff",
        channel: "store",
        subject: "Quality and availability of advice in the aisle",
        indicators: ["csat"],
        recurrence: "every 3 months on the 15th from 2026-01-15",
        questions: 1,
        file: M,
        line: 26,
      },
      {
        id: "till-wait-ces",
        persona: "marc",
        journey: "marc-store",
        stage: "checkout",
        event: "till",
        channel: "store",
        subject: "Waiting time and ease of payment at the till",
        indicators: ["ces"],
        recurrence: "once on 2026-03-07",
        questions: 1,
        file: M,
        line: 53,
      },
    ]);
  });

  it("answers what each persona receives", async () => {
    const r = await run(["surveys", CLEAN, "--persona", "julie", "-f", "json"]);
    expect(JSON.parse(r.stdout).map((s: { id: string }) => s.id)).toEqual([
      "checkout-ces",
      "delivery-csat",
      "julie-relationship-nps",
    ]);
  });
});

describe("journey coverage", () => {
  it("tells, for each stage, surveyed (by which surveys), waived (why) or open", async () => {
    const r = await run(["coverage", BROKEN, "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((c) => [c.journey, c.stage, c.status, c.surveys, c.reason, c.line])).toEqual([
      ["julie-online", "discovery", "open", [], null, 9],
      ["julie-online", "purchase", "surveyed", ["delivery-csat"], null, 16],
      ["julie-online", "delivery", "surveyed", ["delivery-csat"], null, 41],
      [
        "marc-store",
        "advice",
        "waived",
        [],
        "Staff say customers do not like being asked in the aisle",
        9,
      ],
      ["marc-store", "checkout", "surveyed", ["till-wait", "till-follow-up"], null, 31],
    ]);
    // The broken maps are listed as far as they can be read (julie-store.yaml has a YAML syntax
    // error: none of it), and the problems are pointed out.
    expect(r.stderr).toBe(
      "journey: could not read examples/broken/journeys/julie-store.yaml (left out); 8 schema errors in the maps shown: run journey lint to see them\n",
    );
  });

  it("--open keeps the stages still to decide", async () => {
    const r = await run(["coverage", BROKEN, "--open", "-f", "json"]);
    expect(JSON.parse(r.stdout).map((c: { stage: string }) => c.stage)).toEqual(["discovery"]);
    const clean = await run(["coverage", CLEAN, "--open"]);
    expect(clean.stdout).toBe("0 stages: 0 surveyed, 0 waived, 0 open\n");
  });
});

describe("tables", () => {
  const commands = ["touchpoints", "surveys", "coverage"];

  it.each(commands.flatMap((c) => [CLEAN, BROKEN].map((w) => [c, w])))(
    "%s %s, without colour",
    async (command, workspace) => {
      const r = await run([command, workspace]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain("\u001b[");
      const name = `${command}.${workspace.split("/")[1]}.txt`;
      await expect(r.stdout).toMatchFileSnapshot(`snapshots/${name}`);
    },
  );

  it.each([
    ["touchpoints", 80, "records"],
    ["touchpoints", 100, "table"],
    ["surveys", 80, "records"],
    ["surveys", 140, "table"],
    ["coverage", 80, "table"],
  ] as const)("%s fits a %i-column terminal (%s)", async (command, columns, layout) => {
    const wide = await run([command, CLEAN]);
    const r = await run([command, CLEAN], undefined, undefined, { columns });
    for (const line of r.stdout.split("\n"))
      expect(displayWidth(line)).toBeLessThanOrEqual(columns);
    await expect(r.stdout).toMatchFileSnapshot(`snapshots/${command}.clean.${columns}.txt`);
    // Nothing is dropped: each row's cells, read back from the narrow layout, are the wide table's.
    const rows = dataLines(wide.stdout).map(cellsOf);
    if (layout === "table") {
      const byColumn = (lines: string[][]) =>
        lines[0]?.map((_, i) => lines.map((cells) => cells[i]).join("")) ?? [];
      expect(byColumn(dataLines(r.stdout).map(cellsOf))).toEqual(byColumn(rows));
    } else {
      const records = r.stdout.split("┌").slice(1);
      const values = (record: string) =>
        record
          .split("\n")
          .filter((l) => l.startsWith("│"))
          .map((l) => cellsOf(l)[1])
          .join("");
      expect(records.map(values)).toEqual(rows.map((cells) => cells.join("")));
    }
  });

  it("takes the width from $COLUMNS when stdout is not a terminal", async () => {
    const r = await run(["surveys", CLEAN], undefined, undefined, {
      env: { COLUMNS: "100" },
    });
    for (const line of r.stdout.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(100);
  });

  it("colours satisfaction, open stages and unheard touchpoints only when colours are on", async () => {
    const coloured = await run(["touchpoints", CLEAN], undefined, undefined, { colorLevel: 1 });
    expect(coloured.stdout).toContain("\u001b[31m\u001b[1mnone\u001b[22m\u001b[39m");
    expect(coloured.stdout).toContain("\u001b[32m●●●●○ 4\u001b[39m");
    const open = await run(["coverage", BROKEN], undefined, undefined, { colorLevel: 1 });
    expect(open.stdout).toContain("\u001b[31m\u001b[1mopen\u001b[22m\u001b[39m");
    const plain = await run(["touchpoints", CLEAN], undefined, undefined, { colorLevel: 0 });
    expect(plain.stdout).not.toContain("\u001b[");
  });
});

describe("CSV, RFC 4180, read back with csv-parse", () => {
  it.each(
    ["touchpoints", "surveys", "coverage"].flatMap((c) => [CLEAN, BROKEN].map((w) => [c, w])),
  )("%s %s: the same rows as the JSON", async (command, workspace) => {
    const json = JSON.parse((await run([command, workspace, "-f", "json"])).stdout) as Record<
      string,
      unknown
    >[];
    const csv = (await run([command, workspace, "-f", "csv"])).stdout;
    expect(csv.endsWith("\r\n")).toBe(true);
    const records = parseCsv(csv, { columns: true, record_delimiter: "\r\n" }) as Record<
      string,
      string
    >[];
    expect(records).toEqual(json.map(asCsvRecord));
  });

  it("quotes commas, quotes and line breaks, and keeps UTF-8", async () => {
    const journey = yaml`
      kind: journey
      id: j
      title: J
      persona: julie
      stages:
        - id: s
          name: S
          events: [{ id: a, action: A, channel: web }]
          surveys:
            - id: tricky
              title: T
              channel: web
              subject: "Livraison, « délai » et \\"état\\"\\nsur deux lignes"
              indicators: [csat]
              questions: [{ text: Q?, indicator: csat, scale: { min: 1, max: 5 } }]
              recurrence: { once: 2026-03-02 }
    `;
    const dir = workspace({ "julie.yaml": PERSONA, "j.yaml": journey });
    const r = await run(["surveys", dir, "-f", "csv"], dir);
    expect(r.stdout).toContain(',"Livraison, « délai » et ""état""\nsur deux lignes",');
    const [record] = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    expect(record?.subject).toBe('Livraison, « délai » et "état"\nsur deux lignes');
  });
});

describe("recurrence in words", () => {
  const surveyWith = (recurrence: string, extra = "event: a") => {
    const text = yaml`
      kind: journey
      id: j
      title: J
      persona: julie
      stages:
        - id: s
          name: S
          events: [{ id: a, action: A, channel: web }]
          surveys:
            - id: x
              title: T
              ${extra}
              channel: web
              subject: S
              indicators: [csat]
              questions: [{ text: Q?, indicator: csat, scale: { min: 1, max: 5 } }]
              recurrence: ${recurrence}
    `;
    const survey = buildWorkspace([parseText("j.yaml", text)]).surveys[0];
    if (!survey) throw new Error("no survey");
    return describeRecurrence(survey);
  };

  it.each([
    ["{ once: 2026-03-02 }", "once on 2026-03-02"],
    ["{ every: P1M, start: 2026-01-31 }", "every month from 2026-01-31"],
    [
      "{ every: P3M, start: 2026-01-15, until: 2027-01-15 }",
      "every 3 months from 2026-01-15 until 2027-01-15",
    ],
    ["{ every: P1Y6M, start: 2026-01-01 }", "every 1 year 6 months from 2026-01-01"],
    ["{ every: P2W, start: 2026-01-05 }", "every 2 weeks from 2026-01-05"],
    [
      '{ rrule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", start: 2026-01-15 }',
      "every 3 months on the 15th from 2026-01-15",
    ],
    [
      '{ rrule: "FREQ=WEEKLY;BYDAY=MO,WE", start: 2026-01-05 }',
      "every week on Monday, Wednesday from 2026-01-05",
    ],
    [
      '{ rrule: "FREQ=SOMETIMES", start: 2026-01-05 }',
      'rule "FREQ=SOMETIMES" (not a valid RFC 5545 rule) from 2026-01-05',
    ],
    [
      '{ rrule: "FREQ=MONTHLY;BYMONTHDAY=40", start: 2026-01-05 }',
      'rule "FREQ=MONTHLY;BYMONTHDAY=40" (not a valid RFC 5545 rule) from 2026-01-05',
    ],
    ["{ trigger: after-event }", "after each a"],
    [
      "{ trigger: after-event, delay: P1D, cooldown: P90D }",
      "1 day after each a, at most once per 90 days",
    ],
    ["{ trigger: after-event, cooldown: P1M }", "after each a, at most once per month"],
    ["{ trigger: nightly }", "no valid recurrence"],
  ])("%s → %s", (recurrence, words) => {
    expect(surveyWith(recurrence)).toBe(words);
  });

  it("a triggered survey naming no event is sent after each event of its stage", () => {
    expect(surveyWith("{ trigger: after-event, delay: P2D }", "owner: x")).toBe(
      "2 days after each event of stage s",
    );
  });
});

describe("wrapText", () => {
  it.each([
    ["after each checkout, at most once", 12, "after each\ncheckout, at\nmost once"],
    ["parcel-delivered", 10, "parcel-\ndelivered"],
    ["relationship", 5, "relat\nionsh\nip"],
    ["short", 10, "short"],
    ["two\nlines", 10, "two\nlines"],
  ])("%j in %i columns", (text, width, wrapped) => {
    expect(wrapText(text, width)).toBe(wrapped);
  });
});

describe("--output", () => {
  it("writes the listing to a file, without colours", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-views-"));
    temporary.push(dir);
    const out = join(dir, "plan.csv");
    const r = await run(["surveys", CLEAN, "-f", "csv", "-o", out], undefined, undefined, {
      colorLevel: 3,
    });
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(out, "utf8")).toBe((await run(["surveys", CLEAN, "-f", "csv"])).stdout);
  });
});

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A folder with these files, removed after the tests. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "journey-views-"));
  temporary.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The lines of a table's body (after its header), or of a record, that hold cells. */
function dataLines(table: string, bodyStart = "├"): string[] {
  const lines = table.split("\n");
  const start = lines.findIndex((l) => l.startsWith(bodyStart));
  return lines.slice(start + 1).filter((l) => l.startsWith("│"));
}

/** A table line's cells, white space removed (wrapping only moves text across lines). */
const cellsOf = (line: string) =>
  line
    .split("│")
    .slice(1, -1)
    .map((cell) => cell.replace(/\s+/g, ""));

/** What a JSON row becomes in CSV: lists joined by spaces, null empty, numbers as text. */
function asCsvRecord(row: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      value === null ? "" : Array.isArray(value) ? value.join(" ") : String(value),
    ]),
  );
}
