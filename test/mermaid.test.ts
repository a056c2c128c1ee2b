import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { encodeField } from "../src/report/render/mermaid.js";
import { BROWSER, browserTitle, launch } from "./browser.js";
import { ROOT, run, yaml } from "./helpers.js";

const render = async (...args: string[]) => {
  const result = await run(["render", "--format", "mermaid", ...args]);
  expect(result.code).toBe(0);
  return result.stdout;
};

describe("journey render --format mermaid", () => {
  it("draws the clean example's julie-online as a journey diagram", async () => {
    expect(await render("--journey", "julie-online", "examples/clean")).toBe(
      [
        "journey",
        "  title Julie buys online",
        "  section Discovery",
        "    Reads the product page and its reviews: 4: Julie",
        "    Compares the price with other shops on her phone: 3: Julie",
        "  section Purchase",
        "    Fills in the cart and pays: 3: Julie",
        "    Chooses between home delivery and click and collect: 2: Julie",
        "  section Delivery",
        "    Is told by email that her parcel has been delivered: 3: Brand",
        "",
      ].join("\n"),
    );
  });

  it("is what the README's Mermaid example shows GitHub drawing", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = /\n```mermaid\n([^]*?)```\n/.exec(readme)?.[1];
    expect(block).toBe(await render("--journey", "julie-online", "examples/clean"));
  });

  it("separates the diagrams of several journeys by a blank line", async () => {
    const diagrams = (await render("examples/clean")).split("\n\n");
    expect(diagrams.map((d) => d.split("\n").slice(0, 2))).toEqual([
      ["journey", "  title Julie buys online"],
      ["journey", "  title Marc buys in the store"],
    ]);
  });

  it("says in a comment when a score is not the event's satisfaction", async () => {
    const text = await render("--journey", "julie-online", "examples/broken");
    expect(text).toContain(
      "    %% product-page: no satisfaction: drawn as 3, the middle of the scale\n" +
        "    Reads the product page and its reviews: 3: juli\n",
    );
    expect(text).toContain(
      "    %% checkout: satisfaction 7 is not a whole score from 1 to 5: drawn as 5\n" +
        "    Pays for the cart: 5: juli\n",
    );
  });

  it.each([
    ["plain text", "plain text"],
    ["a; b", "a#59; b"],
    ["#1 choice", "#35;1 choice"],
    ["time: 10 min", "time#58; 10 min"],
    ["red, green", "red#44; green"],
    ["#word; stays text", "#35;word#59; stays text"],
    ["#59;", "#35;59#59;"],
    ["two\nlines\r\nand\rthree", "two lines and three"],
    ["  padded  ", "padded"],
    ["line<br>break", "line#60;br>break"],
    ["50% off", "50% off"],
    ["%% not a comment", "#37;#37; not a comment"],
    ["% first", "#37; first"],
    ["a %%{init: {}}%% b", "a #37;#37;{init#58; {}}#37;#37; b"],
    ["Section 2 opens", "#83;ection 2 opens"],
    ["title of the book", "#116;itle of the book"],
    ["journey planner", "#106;ourney planner"],
    ["journeys", "journeys"],
    ["accDescr {x}", "#97;ccDescr {x}"],
    ["sectional", "sectional"],
    ["\n", ""],
  ])("encodes %j as %j", (text, encoded) => {
    expect(encodeField(text)).toBe(encoded);
  });
});

/** A section of a journey diagram as drawn: its name and its tasks with their score and actors. */
interface Section {
  name: string;
  tasks: { text: string; score: number; actors: string[] }[];
}
interface Drawn {
  title: string;
  sections: Section[];
}

const BRAND = "Brand";
/** Texts as the diagram holds them: a line break is a space. */
const oneLine = (text: string) => text.replace(/\r\n|[\r\n]/g, " ").trim();

/**
 * What the maps of a folder say, read from the YAML itself (files that do not parse left out, as
 * `journey render` leaves them out): per journey its title, and per stage that has events, its
 * name and its events' actions, scores (satisfaction; 3 when it is not stated) and actor.
 */
function mapsOf(dir: string): Drawn[] {
  const files = (sub: string) =>
    readdirSync(join(dir, sub), { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".yaml"))
      .map((e) => join(dir, sub, e.name))
      .sort();
  const docs = (sub: string) =>
    files(sub).flatMap((file) => {
      const all = parseAllDocuments(readFileSync(file, "utf8"));
      if (!Array.isArray(all) || all.some((d) => d.errors.length > 0)) return [];
      return all.map((d) => d.toJS() as Record<string, unknown>);
    });
  const names = new Map<string, string>();
  for (const p of docs("personas")) {
    if (typeof p.id === "string" && !names.has(p.id)) names.set(p.id, String(p.name ?? p.id));
  }
  type Node = Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? (v as Node[]) : []);
  return docs("journeys")
    .filter((j) => j.kind === "journey")
    .map((j) => {
      const persona = typeof j.persona === "string" ? (names.get(j.persona) ?? j.persona) : "";
      return {
        title: oneLine(String(j.title ?? j.id)),
        sections: list(j.stages)
          .filter((s) => list(s.events).length > 0)
          .map((s) => ({
            name: oneLine(String(s.name ?? s.id)),
            tasks: list(s.events).map((e) => ({
              text: oneLine(String(e.action ?? e.id)),
              score:
                typeof e.satisfaction === "number"
                  ? Math.min(5, Math.max(1, Math.round(e.satisfaction)))
                  : 3,
              actors: [oneLine(e.actor === "brand" ? BRAND : persona)],
            })),
          })),
      };
    });
}

const require = createRequire(import.meta.url);
/** Mermaid's own bundle for browsers, loaded from node_modules into the page (no request). */
const MERMAID = require.resolve("mermaid/dist/mermaid.min.js");

describe.skipIf(!BROWSER)(browserTitle("Mermaid judged by mermaid"), () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const crafted = mkdtempSync(join(tmpdir(), "journey-mermaid-"));

  beforeAll(async () => {
    mkdirSync(join(crafted, "personas"));
    mkdirSync(join(crafted, "journeys"));
    writeFileSync(
      join(crafted, "personas", "ana.yaml"),
      yaml`
        kind: persona
        id: ana
        name: "Ana; #1: the, best"
        summary: A persona whose name holds every character Mermaid reads.
      `,
    );
    writeFileSync(
      join(crafted, "journeys", "ana.yaml"),
      yaml`
        kind: journey
        id: ana-texts
        title: "Texts; with # and: commas, #word; and %%{init: {'theme': 'dark'}}%%"
        persona: ana
        stages:
          - id: one
            name: "Stage: one; #two, three #word;"
            events:
              - id: e1
                action: "Reads #59; literally; pays: 10, or 20 #hash; <br> end"
                channel: web
                satisfaction: 5
              - id: e2
                action: |
                  Section 2 of the form,
                  on two lines
                actor: brand
                channel: email
                satisfaction: 1
              - id: e3
                action: "% off: 50%% now"
                channel: web
          - id: empty
            name: A stage with no event
          - id: two
            name: "journey: title section"
            events:
              - id: e4
                action: "title: accDescr { x }"
                channel: web
                satisfaction: 2
              - id: e5
                action: "& <b>not bold</b> &amp;"
                channel: web
                satisfaction: 4
      `,
    );
    browser = await launch();
    page = await browser.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await page.goto("about:blank");
    page.on("request", (r) => problems.push(`request: ${r.url()}`));
    await page.addScriptTag({ path: MERMAID });
    await page.evaluate(() => {
      (window as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({
        startOnLoad: false,
      });
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(crafted, { recursive: true, force: true });
  });

  /** Mermaid's drawing of one diagram, read back from its SVG: title, sections, tasks, scores, actors. */
  async function drawn(text: string, id: string): Promise<Drawn> {
    return page.evaluate(
      async ({ text, id }) => {
        const mermaid = (window as unknown as { mermaid: MermaidApi }).mermaid;
        const { svg } = await mermaid.render(id, text);
        const box = document.createElement("div");
        document.body.append(box);
        box.innerHTML = svg;
        const root = box.querySelector("svg");
        if (!root) throw new Error("no svg");
        const texts = (selector: string) =>
          [...root.querySelectorAll(selector)].map((e) => e.textContent ?? "");
        // A section is a group of a rect spanning its tasks and its name; each task a group of
        // its face (whose height is the score: cy = 300 + (5 - score) × 30), its rect, its text
        // and a circle per actor, titled with the actor's name.
        const sections = [...root.querySelectorAll("g:has(> rect.journey-section)")].map((g) => {
          const rect = g.querySelector("rect");
          return {
            name: g.querySelector("text")?.textContent ?? "",
            from: Number(rect?.getAttribute("x")),
            to: Number(rect?.getAttribute("x")) + Number(rect?.getAttribute("width")),
            tasks: [] as { text: string; score: number; actors: string[] }[],
          };
        });
        for (const g of root.querySelectorAll("g:has(> line.task-line)")) {
          const x = Number(g.querySelector("rect.task")?.getAttribute("x"));
          const section = sections.find((s) => s.from <= x && x < s.to);
          if (!section) throw new Error(`a task outside every section, at x = ${x}`);
          section.tasks.push({
            text: g.querySelector("text.task")?.textContent ?? "",
            score: 5 - (Number(g.querySelector("circle.face")?.getAttribute("cy")) - 300) / 30,
            actors: [...g.querySelectorAll("circle > title")].map((t) => t.textContent ?? ""),
          });
        }
        box.remove();
        const title = texts(":scope > text:not(.legend)");
        return {
          title: title.join(""),
          sections: sections.map(({ name, tasks }) => ({ name, tasks })),
        };
        interface MermaidApi {
          render(id: string, text: string): Promise<{ svg: string }>;
        }
      },
      { text, id },
    );
  }

  it.each([
    ["the clean example", join(ROOT, "examples", "clean")],
    ["the broken example", join(ROOT, "examples", "broken")],
    ["maps whose texts hold ; # : , and #word;", crafted],
  ])("draws %s with the sections, tasks and scores of the maps", async (_, dir) => {
    const text = await render(dir);
    const diagrams = text.split("\n\n");
    const maps = mapsOf(dir);
    expect(diagrams).toHaveLength(maps.length);
    const seen: Drawn[] = [];
    for (const [i, diagram] of diagrams.entries()) seen.push(await drawn(diagram, `d${i}`));
    expect(seen).toEqual(maps);
    expect(problems).toEqual([]);
  });
});
