import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { emit } from "../src/io/output.js";
import { decodeText, importMermaid, parseMermaid, slugOf } from "../src/import/mermaid.js";
import { BROWSER, browserTitle, launch } from "./browser.js";
import { HAS_SHARED, lintSources, run, SHARED, spawn, STRUCTURAL, yaml } from "./helpers.js";

/**
 * `journey import mermaid`: Mermaid journey diagrams → journey YAML. Real diagrams are judged by
 * Mermaid's own parser in a browser: those it reads import to journeys that lint without syntax or
 * schema findings and keep every task and score it read; those it refuses are refused, exit 2.
 */

interface Event {
  id: string;
  action: string;
  satisfaction?: number;
  actor?: string;
  "x-score"?: string;
  "x-actors"?: string[];
  "x-placeholder"?: boolean;
}
interface Stage {
  id: string;
  name: string;
  events: Event[];
  "x-section"?: string;
}
interface Journey {
  id: string;
  title: string;
  persona: string;
  stages: Stage[];
  [key: `x-${string}`]: unknown;
}

const journeysOf = (text: string) =>
  parseAllDocuments(text).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Journey;
  });

/** The findings of rules syntax and schema (and the other structural ones) on the imported YAML. */
function structural(text: string) {
  return lintSources({ "imported.yaml": text }, { rules: STRUCTURAL })
    .filter((f) => f.rule === "syntax" || f.rule === "schema")
    .map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
}

describe("import mermaid: reading diagrams as Mermaid does", () => {
  it("title, sections, tasks, scores and actors; the first actor is the persona", async () => {
    const text = yaml`
      journey
        title My working day
        section Go to work
          Make tea: 5: Me
          Go upstairs: 3: Me
          Do work: 1: Me, Cat
        section Go home
          Go downstairs: 5: Me
          Sit down: 5: Me
    `;
    const { yaml: out, notes } = importMermaid(text, { file: "day.mmd" });
    expect(structural(out)).toEqual([]);
    expect(out).toBe(
      [
        "# Imported from day.mmd by journey import mermaid. Fill in the TODOs: each",
        "# event's channel, and the persona, a persona of your workspace.",
        "",
        "kind: journey",
        "id: my-working-day",
        "title: My working day",
        'persona: me # TODO: a persona of your workspace (the diagram\'s actor "Me")',
        "stages:",
        "  - id: go-to-work",
        "    name: Go to work",
        "    events:",
        "      - id: make-tea",
        "        action: Make tea",
        "        channel: web # TODO: the channel of this touchpoint",
        "        satisfaction: 5",
        "      - id: go-upstairs",
        "        action: Go upstairs",
        "        channel: web # TODO: the channel of this touchpoint",
        "        satisfaction: 3",
        "      - id: do-work",
        "        action: Do work",
        "        channel: web # TODO: the channel of this touchpoint",
        "        satisfaction: 1",
        "        x-actors: [ Me, Cat ]",
        "  - id: go-home",
        "    name: Go home",
        "    events:",
        "      - id: go-downstairs",
        "        action: Go downstairs",
        "        channel: web # TODO: the channel of this touchpoint",
        "        satisfaction: 5",
        "      - id: sit-down",
        "        action: Sit down",
        "        channel: web # TODO: the channel of this touchpoint",
        "        satisfaction: 5",
        "x-actors: [ Cat ]",
        "",
      ].join("\n"),
    );
    expect(notes.map((n) => n.message)).toEqual([
      `actor "Cat" besides the persona's: kept as x-actors (on the journey, and on each event they act in)`,
    ]);
  });

  it("entity codes decoded, <br> as a space; what has no place kept under x- keys and said", () => {
    const text = [
      "---",
      "title: From the front matter",
      "---",
      "%% a comment line",
      "journey",
      "  accTitle: Accessible",
      "  accDescr { Several",
      "  lines }",
      "  section Caf\u00e9 #59; cr\u00e8me #35;1",
      "    Pays #58; 10#44; 20 #amp; #word; #x3B;<br>now: 4: Julie, Brand",
      "    Confirms: 5: Brand",
      "    Waits: 7: Julie",
      "    Thinks: high: Julie",
      "    Agrees: 2: Julie, Clerk",
      "",
    ].join("\n");
    const { yaml: out, notes } = importMermaid(text, { file: "d.mmd", persona: "julie" });
    expect(structural(out)).toEqual([]);
    const [j] = journeysOf(out);
    expect(j?.title).toBe("From the front matter");
    expect(j?.persona).toBe("julie");
    expect(j?.stages[0]?.name).toBe("Café ; crème #1");
    expect(j?.stages[0]?.id).toBe("cafe-creme-1");
    const events = j?.stages[0]?.events ?? [];
    expect(events[0]?.action).toBe("Pays : 10, 20 & &word; &x3B; now");
    expect(events[0]?.["x-actors"]).toEqual(["Julie", "Brand"]);
    expect(events[1]).toMatchObject({ action: "Confirms", actor: "brand", satisfaction: 5 });
    expect(events[2]).toMatchObject({ action: "Waits", "x-score": "7" });
    expect(events[2]?.satisfaction).toBeUndefined();
    expect(events[3]).toMatchObject({ action: "Thinks", "x-score": "high" });
    expect(j?.["x-actors"]).toEqual(["Clerk"]);
    expect(j?.["x-accTitle"]).toBe("Accessible");
    expect(j?.["x-accDescr"]).toBe("Several\n  lines");
    expect(j?.["x-front-matter"]).toEqual({ title: "From the front matter" });
    expect(j?.["x-comments"]).toEqual(["%% a comment line"]);
    expect(notes.map((n) => n.line)).toEqual([...notes.map((n) => n.line)].sort((a, b) => a - b));
    expect(notes.map((n) => `${n.line}: ${n.message}`)).toContain(`4: comment: kept in x-comments`);
    expect(notes.map((n) => `${n.line}: ${n.message}`)).toContain(
      `12: the score of "Waits" is "7", not a whole number from 1 to 5: kept as x-score, no satisfaction written`,
    );
  });

  it("every HTML named reference is decoded, as the browser shows what mermaid draws", () => {
    const text =
      "journey\n  title Caf#eacute;\n  section S\n    cr#egrave;me #hellip; #nosuch;: 3: Me\n";
    const [j] = journeysOf(importMermaid(text, { file: "e.mmd" }).yaml);
    expect(j?.title).toBe("Café");
    expect(j?.stages[0]?.events[0]?.action).toBe("crème … &nosuch;");
  });

  it("writes an event's keys in the format's order (id, action, actor, channel)", () => {
    const text = "journey\n  title T\n  section S\n    Sends: 3: Brand\n";
    const { yaml: out } = importMermaid(text, { file: "k.mmd", persona: "julie" });
    const event = journeysOf(out)[0]?.stages[0]?.events[0] ?? {};
    expect(Object.keys(event).slice(0, 4)).toEqual(["id", "action", "actor", "channel"]);
  });

  it("a second diagram in one file: the error says where several go", () => {
    const text = "journey\n  title A\n  section S\n    t: 3: Me\njourney\n  title B\n";
    expect(() => importMermaid(text, { file: "two.mmd" })).toThrow(
      /unexpected "journey".*: a file holds one diagram; put several in a Markdown file, each in a ```mermaid block/,
    );
  });

  it("refuses what Mermaid refuses, saying where and why", () => {
    const refused = (text: string) => {
      try {
        parseMermaid(text);
      } catch (error) {
        return `${(error as { line: number }).line}: ${(error as Error).message}`;
      }
      return "accepted";
    };
    expect(refused("journey\n  section A\n    Pays; twice: 3: Me\n")).toBe(
      `3: the task "Pays" has no score: write "Pays: 3: Actor", found ";" (Mermaid refuses it in a journey: write it #59;) after it`,
    );
    expect(refused("journey\n  section A\n    Task #1: 3: Me\n")).toMatch(/^3: the task "Task"/);
    expect(refused("flowchart LR\n  A --> B\n")).toBe(
      `1: not a Mermaid journey diagram: it must begin with "journey", not "flowchart LR"`,
    );
    expect(refused("journey\n  section A: 3\n")).toMatch(/^2: unexpected/);
    expect(refused("\n  journey\n  title T\n  section A\n    Task: 3: Me\n")).toBe("accepted");
  });

  it("ids: valid unique kebab-case slugs from any script, with stable fallbacks", () => {
    expect(slugOf("Ça coûte 10 € — déjà ?")).toBe("ca-coute-10-deja");
    expect(slugOf("Straße Øresund Łódź")).toBe("strasse-oresund-lodz");
    expect(slugOf("购物体验")).toBe("");
    expect(slugOf("a".repeat(100))).toHaveLength(64);
    const text =
      "journey\n  title 购物体验\n  section 浏览\n    访问网站: 5: 用户\n    访问网站: 4: 用户\n  section 浏览\n    🙂: 3: 用户\n    Go: 3: 用户\n    Go: 2: 用户\n";
    const [j] = journeysOf(importMermaid(text, { file: "shop.mmd" }).yaml);
    expect(j?.id).toBe("shop");
    expect(j?.persona).toBe("persona");
    expect(j?.stages.map((s) => s.id)).toEqual(["stage-1", "stage-2"]);
    expect(j?.stages.flatMap((s) => s.events.map((e) => e.id))).toEqual([
      "event-1",
      "event-2",
      "event-3",
      "go",
      "go-2",
    ]);
  });

  it("a Markdown file: each ```mermaid journey block is a journey, other blocks are skipped with a note", () => {
    const text = [
      "# Maps",
      "",
      "```mermaid",
      "journey",
      "  title One",
      "  section A",
      "    Task: 3: Me",
      "```",
      "",
      "```mermaid",
      "flowchart LR",
      "  A --> B",
      "```",
      "",
      "~~~mermaid",
      "journey",
      "  title One",
      "  section B",
      "    Task: 9: Me",
      "~~~",
    ].join("\n");
    const { yaml: out, notes, journeys } = importMermaid(text, { file: "maps.md" });
    expect(journeys).toBe(2);
    expect(structural(out)).toEqual([]);
    const docs = journeysOf(out);
    expect(docs.map((j) => j.id)).toEqual(["one", "one-2"]);
    // A block in a quote or a list item is not read, and said so (GitHub draws it).
    const quoted = importMermaid(
      [
        ...text.split("\n"),
        "",
        "> ```mermaid",
        "> journey",
        ">   title Q",
        "> ```",
        "",
        "1.  Step",
        "",
        "    ```mermaid",
        "    journey",
        "    ```",
      ].join("\n"),
      { file: "maps.md" },
    );
    expect(quoted.notes.map((n) => `${n.line}: ${n.message}`).slice(-2)).toEqual([
      "22: skipped a mermaid block inside a quote or a list item: move it to the start of a line to import it",
      "29: skipped a mermaid block inside a quote or a list item: move it to the start of a line to import it",
    ]);
    expect(notes.map((n) => `${n.line}: ${n.message}`)).toEqual([
      "10: skipped a mermaid block that is not a journey diagram (flowchart)",
      `19: the score of "Task" is "9", not a whole number from 1 to 5: kept as x-score, no satisfaction written`,
    ]);
  });
});

describe("journey import mermaid: the command", () => {
  const dir = mkdtempSync(join(tmpdir(), "journey-import-"));
  writeFileSync(join(dir, "day.mmd"), "journey\n  title Day\n  section A\n    Tea: 6: Me\n");
  writeFileSync(join(dir, "bad.mmd"), "journey\n  section A\n    Tea; now: 3: Me\n");
  writeFileSync(join(dir, "taken.yaml"), "kept\n");

  it("prints the YAML, the notes on stderr as file:line", async () => {
    const { code, stdout, stderr } = await run(["import", "mermaid", "day.mmd"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("id: day\n");
    expect(stderr).toBe(
      `journey: day.mmd:4: the score of "Tea" is "6", not a whole number from 1 to 5: kept as x-score, no satisfaction written\n`,
    );
  });

  it("writes a new file with --output, and never overwrites one", async () => {
    expect(await run(["import", "mermaid", "day.mmd", "-o", "out/day.yaml"], dir)).toMatchObject({
      code: 0,
      stdout: "",
    });
    expect(readFileSync(join(dir, "out/day.yaml"), "utf8")).toContain("title: Day\n");
    for (const target of ["taken.yaml", "out/day.yaml", "day.mmd", "out"]) {
      const before = existsSync(join(dir, target));
      const { code, stderr } = await run(["import", "mermaid", "day.mmd", "-o", target], dir);
      expect(before).toBe(true);
      expect(code).toBe(2);
      expect(stderr).toBe(
        `journey: cannot write ${target}: it already exists, and journey import never overwrites a file: choose a new path\n`,
      );
    }
    expect(readFileSync(join(dir, "taken.yaml"), "utf8")).toBe("kept\n");
  });

  it("the built binary runs it: the bundle holds every module the command needs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-import-"));
    writeFileSync(join(dir, "e.mmd"), "journey\n  title Caf#eacute;\n  section S\n    t: 3: Me\n");
    const r = await spawn(["import", "mermaid", "e.mmd"], dir);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("title: Café\n");
    // --help loads every command's module.
    expect(await spawn(["--help"], dir)).toMatchObject({ code: 0, stderr: "" });
  });

  it("the write itself never replaces a file, even one that appeared after the check", () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-import-"));
    writeFileSync(join(dir, "taken.yaml"), "mine\n");
    const io = {
      cwd: dir,
      env: {},
      now: new Date(),
      stdout: () => {},
      stderr: () => {},
      colorLevel: 0 as const,
    };
    expect(() => emit(io, "theirs\n", "taken.yaml", [], { replace: false })).toThrow(/taken.yaml/);
    expect(readFileSync(join(dir, "taken.yaml"), "utf8")).toBe("mine\n");
    expect(readdirSync(dir)).toEqual(["taken.yaml"]);
  });

  it("a diagram Mermaid refuses: one line saying where and why, exit 2, nothing written", async () => {
    const { code, stdout, stderr } = await run(
      ["import", "mermaid", "bad.mmd", "-o", "bad.yaml"],
      dir,
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^journey: bad\.mmd:3: the task "Tea" has no score: .*; nothing written\n$/,
    );
    expect(existsSync(join(dir, "bad.yaml"))).toBe(false);
  });

  it("refuses an unknown format, a --persona that is not an id, a missing file", async () => {
    expect(await run(["import", "plantuml", "day.mmd"], dir)).toMatchObject({
      code: 2,
      stderr: `journey: unknown format "plantuml": use mermaid\n`,
    });
    expect((await run(["import", "mermaid", "day.mmd", "--persona", "Julie"], dir)).code).toBe(2);
    expect(await run(["import", "mermaid", "nope.mmd"], dir)).toMatchObject({
      code: 2,
      stderr: "journey: cannot read nope.mmd: no such file or directory\n",
    });
  });

  it("round trip: render --format mermaid of the examples, imported, keeps sections, tasks and scores", async () => {
    for (const example of ["examples/clean", "examples/broken"]) {
      const rendered = await run(["render", example, "--format", "mermaid"]);
      expect(rendered.code).toBe(0);
      const diagrams = rendered.stdout.split(/\n(?=journey\n)/);
      const markdown = diagrams.map((d) => `\`\`\`mermaid\n${d.trimEnd()}\n\`\`\`\n`).join("\n");
      const { yaml: out } = importMermaid(markdown, { file: "maps.md" });
      expect(structural(out)).toEqual([]);
      const imported = journeysOf(out);
      const original = await run(["touchpoints", example, "--format", "json"]);
      const rows = JSON.parse(original.stdout) as {
        journey: string;
        satisfaction: number | null;
      }[];
      expect(imported.flatMap((j) => j.stages.flatMap((s) => s.events))).toHaveLength(rows.length);
      // Every score the diagram drew is the satisfaction imported (a stated whole 1-5 one is the map's).
      const scores = diagrams.flatMap((d) =>
        [...d.matchAll(/^ {4}(?!%%).*: (\d): [^:]*$/gm)].map((m) => Number(m[1])),
      );
      expect(
        imported.flatMap((j) => j.stages.flatMap((s) => s.events.map((e) => e.satisfaction))),
      ).toEqual(scores);
      for (const [i, row] of rows.entries()) {
        if (row.satisfaction !== null && row.satisfaction >= 1 && row.satisfaction <= 5) {
          expect(scores[i]).toBe(row.satisfaction);
        }
      }
    }
  });

  it("round trip of hostile texts: ; # : , #word; % and keywords come back as written", async () => {
    const ws = mkdtempSync(join(tmpdir(), "journey-roundtrip-"));
    mkdirSync(join(ws, "journeys"));
    writeFileSync(join(ws, "journey.config.yaml"), "kind: config\n");
    const texts = [
      "Reads #59; literally; pays: 10, or 20 #hash; end",
      "% off: 50%% now %%{init: {}}%%",
      "title: accDescr { x }",
      "section 2, journey",
      "Café crème — 购物 🙂",
    ];
    writeFileSync(
      join(ws, "p.yaml"),
      "kind: persona\nid: ana\nname: 'Ana; #1: the, best'\nsummary: s\n",
    );
    writeFileSync(
      join(ws, "journeys", "j.yaml"),
      [
        "kind: journey",
        "id: j",
        `title: ${JSON.stringify(texts[0])}`,
        "persona: ana",
        "stages:",
        ...texts.map(
          (t, i) =>
            `  - id: s${i}\n    name: ${JSON.stringify(t)}\n    events:\n      - id: e${i}\n        action: ${JSON.stringify(t)}\n        channel: web\n        satisfaction: ${(i % 5) + 1}`,
        ),
        "",
      ].join("\n"),
    );
    const rendered = await run(["render", "--format", "mermaid"], ws);
    expect(rendered.code).toBe(0);
    const [j] = journeysOf(importMermaid(rendered.stdout, { file: "j.mmd" }).yaml);
    expect(j?.title).toBe(texts[0]);
    expect(j?.stages.map((s) => s.name)).toEqual(texts);
    expect(j?.stages.map((s) => s.events.map((e) => [e.action, e.satisfaction]))).toEqual(
      texts.map((t, i) => [[t, (i % 5) + 1]]),
    );
    expect(j?.persona).toBe("ana-1-the-best");
  });
});

const require = createRequire(import.meta.url);
const MERMAID = require.resolve("mermaid/dist/mermaid.min.js");
const CORPUS = join(SHARED, "realworld", "mermaid");

interface Read {
  ok: boolean;
  error?: string;
  title?: string;
  sections?: string[];
  tasks?: { section: string; task: string; score: number | null; people: string[] }[];
}

/** Mermaid's placeholders for entity codes (`ﬂ°°59¶ß`) back to the codes, then as Mermaid shows them. */
const shown = (text: string) =>
  decodeText(text.replace(/ﬂ°°(\d+)¶ß/g, "#$1;").replace(/ﬂ°(\w+)¶ß/g, "#$1;"));

describe.skipIf(!HAS_SHARED || !BROWSER)(
  HAS_SHARED
    ? browserTitle("import mermaid over real diagrams, judged by Mermaid's own parser")
    : "import mermaid over real diagrams (skipped: no third-party material beside the repository)",
  () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launch();
      page = await browser.newPage();
      await page.goto("about:blank");
      await page.addScriptTag({ path: MERMAID });
    });
    afterAll(async () => {
      await browser?.close();
    });

    async function mermaidRead(text: string): Promise<Read> {
      return page.evaluate(async (text) => {
        type Db = {
          getSections(): string[];
          getTasks(): { section: string; task: string; score: number; people: string[] }[];
          getDiagramTitle(): string;
        };
        const mermaid = (
          window as unknown as {
            mermaid: {
              initialize(c: object): void;
              parse(t: string): Promise<unknown>;
              mermaidAPI: { getDiagramFromText(t: string): Promise<{ db: Db }> };
            };
          }
        ).mermaid;
        mermaid.initialize({ startOnLoad: false });
        try {
          await mermaid.parse(text);
        } catch (error) {
          return { ok: false, error: String((error as Error).message ?? error) };
        }
        const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
        return {
          ok: true,
          title: db.getDiagramTitle(),
          sections: db.getSections(),
          tasks: db.getTasks().map((t) => ({
            section: t.section,
            task: t.task,
            score: Number.isNaN(t.score) ? null : t.score,
            people: t.people,
          })),
        };
      }, text);
    }

    const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith(".mmd")) : [];

    it(`every diagram (${files.length}) imports as Mermaid reads it, or is refused as Mermaid refuses it`, async () => {
      expect(files.length).toBeGreaterThan(0);
      const verdicts: string[] = [];
      for (const file of files) {
        const text = readFileSync(join(CORPUS, file), "utf8");
        const read = await mermaidRead(text);
        const cli = await run(["import", "mermaid", join(CORPUS, file)]);
        if (!read.ok) {
          verdicts.push(`${file}: refused`);
          expect(cli.code, `${file}: Mermaid refuses it (${read.error})`).toBe(2);
          expect(cli.stderr).toMatch(/^journey: .*\.mmd:\d+: .+; nothing written\n$/);
          continue;
        }
        verdicts.push(`${file}: read`);
        expect(cli.code, `${file}: Mermaid reads it: ${cli.stderr}`).toBe(0);
        expect(structural(cli.stdout), file).toEqual([]);
        const [journey] = journeysOf(cli.stdout);
        if (!journey) throw new Error(`${file}: no journey`);
        // Sections, in order (a stage made for tasks before any section says so in x-section).
        const stages = journey.stages.filter((s) => s["x-section"] === undefined);
        expect(
          stages.map((s) => s.name),
          file,
        ).toEqual((read.sections ?? []).map(shown));
        // Every task and its score, in order.
        const events = journey.stages.flatMap((s) =>
          s.events
            .filter((e) => !e["x-placeholder"])
            .map((e) => ({
              section: s["x-section"] ?? s.name,
              task: e.action,
              score:
                e.satisfaction ??
                (Number.isNaN(Number(e["x-score"])) ? null : Number(e["x-score"])),
            })),
        );
        expect(events, file).toEqual(
          (read.tasks ?? []).map((t) => ({
            section: shown(t.section),
            task: shown(t.task) === "" ? "TODO" : shown(t.task),
            score: t.score,
          })),
        );
        if (read.title && shown(read.title) !== "")
          expect(journey.title, file).toBe(shown(read.title));
      }
      expect(verdicts.filter((v) => v.endsWith("refused")).length).toBeGreaterThan(0);
      expect(verdicts.filter((v) => v.endsWith("read")).length).toBeGreaterThan(0);
    }, 60_000);
  },
);
