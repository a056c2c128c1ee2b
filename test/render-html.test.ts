import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER, browserTitle, launch } from "./browser.js";
import { JOURNEY, PERSONA, ROOT, run } from "./helpers.js";

/** The page of a workspace, as `journey render` writes it (JOURNEY_TODAY fixed by run()). */
async function render(...args: string[]): Promise<string> {
  const result = await run(["render", "--format", "html", ...args]);
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The stage, event and survey ids of a workspace, from the views' JSON. */
async function idsOf(example: string) {
  const rowsOf = async (command: string) =>
    JSON.parse((await run([command, example, "--format", "json"])).stdout) as Record<
      string,
      unknown
    >[];
  const touchpoints = await rowsOf("touchpoints");
  const surveys = await rowsOf("surveys");
  const coverage = await rowsOf("coverage");
  return {
    stages: coverage.map((r) => r.stage as string),
    events: touchpoints.map((r) => ({
      id: r.event as string,
      satisfaction: r.satisfaction as number | null,
    })),
    surveys: surveys.map((r) => r.id as string),
  };
}

/** The y of a satisfaction's point in its cell's SVG (5 at the top): the page's own scale. */
const yOf = (s: number) => 12 + (5 - Math.min(5, Math.max(1, s))) * 12;

const EXAMPLES = ["examples/clean", "examples/broken"] as const;

const HOSTILE = "<script>alert(1)</script> & \"quoted\" 'single'";

describe("journey render --format html: the markup", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "journey-html-"));
    writeFileSync(
      join(dir, "julie.yaml"),
      `${PERSONA}habits: ["${HOSTILE.replace(/"/g, '\\"')}"]\n`,
    );
    writeFileSync(
      join(dir, "journey.yaml"),
      JOURNEY.replace("title: Julie buys online", `title: '${HOSTILE.replace(/'/g, "''")}'`)
        .replace("name: Purchase", "name: '<img src=x onerror=alert(1)>'")
        .replace("action: Pays for the cart", "action: '</td></tr></table><b>bold</b>'"),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("escapes every text: a hostile title stays text", async () => {
    const page = await render(dir);
    expect(page).not.toContain("<script");
    expect(page).not.toContain("<img");
    expect(page).not.toContain("<b>bold");
    expect(page).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;",
    );
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;b&gt;bold&lt;/b&gt;");
    expect(validate(page)).toEqual([]);
  });

  for (const example of EXAMPLES) {
    describe(example, () => {
      let page = "";
      beforeAll(async () => {
        page = await render(example);
      });

      it("refers to nothing outside itself: no http, no //, no url(), no src, links only to #anchors", () => {
        // Text between tags may say anything; markup (tags, attributes) and the style sheet may not.
        const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? "";
        const markup = page
          .replace(/<style>[\s\S]*?<\/style>/, "<style></style>")
          .replace(/>[^<]*</g, "><");
        for (const text of [markup, style]) {
          expect(text).not.toMatch(/https?:/i);
          expect(text).not.toContain("//");
          expect(text).not.toMatch(/url\(|@import|@font-face/i);
        }
        expect(markup).not.toMatch(/\s(src|srcset|action|xlink:href|poster|data)=/i);
        expect(markup).not.toMatch(/<(script|link|iframe|object|embed|img|base)\b/i);
        const hrefs = [...markup.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);
        expect(hrefs.length).toBeGreaterThan(0);
        for (const href of hrefs) expect(href).toMatch(/^#/);
        // Every link lands on an element of the page.
        const ids = new Set([...markup.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
        for (const href of hrefs) expect(ids, href).toContain(href?.slice(1));
      });

      it("draws every stage, event and survey, and each point at its satisfaction's height", async () => {
        const ids = await idsOf(example);
        expect(ids.stages.length).toBeGreaterThan(0);
        for (const stage of ids.stages) expect(page).toContain(`data-stage="${stage}"`);
        for (const survey of ids.surveys) expect(page).toContain(`data-survey="${survey}"`);
        for (const { id, satisfaction } of ids.events) {
          expect(page).toContain(`data-event="${id}"`);
          if (satisfaction !== null) {
            expect(page).toMatch(
              new RegExp(
                `data-event="${id}"><svg[^>]*>.*?<circle [^>]*cy="${yOf(satisfaction)}"[^>]*data-satisfaction="${satisfaction}"`,
              ),
            );
          }
        }
      });

      it("is valid HTML (html-validate, recommended rules)", () => {
        expect(validate(page)).toEqual([]);
      });

      it("is the same page every time", async () => {
        expect(await render(example)).toBe(page);
      });
    });
  }
});

const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

/** html-validate's errors, as `line:column rule message`. */
function validate(page: string): string[] {
  const report = validator.validateStringSync(page);
  return report.results.flatMap((r) =>
    r.messages
      .filter((m) => m.severity === 2)
      .map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`),
  );
}

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
/** The page is served from this address by the test itself: any other request is a failure. */
const ORIGIN = "http://journey.invalid";
/** A4 landscape at 96 px per inch, less 10 mm margins each side: 277 mm. */
const A4_WIDTH = Math.floor((277 / 25.4) * 96);

describe.skipIf(!BROWSER)(browserTitle("journey render --format html: in a browser"), () => {
  let browser: Browser;
  let dir = "";
  beforeAll(async () => {
    browser = await launch();
    dir = mkdtempSync(join(tmpdir(), "journey-html-browser-"));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a page, every request but the page's own refused and recorded, errors recorded. */
  async function open(html: string) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => {
      if (r.url() !== `${ORIGIN}/map.html`) problems.push(`request failed: ${r.url()}`);
    });
    await page.route("**/*", async (route) => {
      if (route.request().url() === `${ORIGIN}/map.html`) {
        await route.fulfill({ contentType: "text/html; charset=utf-8", body: html });
      } else {
        problems.push(`request: ${route.request().url()}`);
        await route.abort();
      }
    });
    await page.goto(`${ORIGIN}/map.html`, { waitUntil: "load" });
    return { page, problems };
  }

  for (const example of EXAMPLES) {
    describe(example, () => {
      let page: Page;
      let problems: string[];
      let html = "";
      beforeAll(async () => {
        // As a user does it: written to a file with -o, then opened.
        const file = join(dir, `${example.replace(/\W/g, "-")}.html`);
        const result = await run(["render", example, "-o", file]);
        expect(result.code).toBe(0);
        html = readFileSync(file, "utf8");
        ({ page, problems } = await open(html));
      });
      afterAll(async () => {
        await page?.close();
      });

      it("loads with no console error and no request but the page's own", () => {
        expect(problems).toEqual([]);
      });

      it("shows every stage, event and survey (visible, in the viewport once scrolled to)", async () => {
        const ids = await idsOf(example);
        const selectors = [
          ...ids.stages.map((s) => `[data-stage="${s}"]`),
          ...ids.events.map((e) => `td.event[data-event="${e.id}"]`),
          ...ids.surveys.map((s) => `[data-survey="${s}"]`),
        ];
        const viewport = page.viewportSize() ?? { width: 0, height: 0 };
        for (const selector of selectors) {
          const element = page.locator(selector).first();
          await element.scrollIntoViewIfNeeded();
          expect(await element.isVisible(), selector).toBe(true);
          const box = await element.boundingBox();
          expect(box, selector).not.toBeNull();
          if (!box) continue;
          expect(box.width * box.height, selector).toBeGreaterThan(0);
          expect(box.y + box.height, selector).toBeGreaterThan(0);
          expect(box.y, selector).toBeLessThan(viewport.height);
          expect(box.x + box.width, selector).toBeGreaterThan(0);
          expect(box.x, selector).toBeLessThan(viewport.width);
        }
      });

      it("draws each point of the curve at its satisfaction's height", async () => {
        const ids = await idsOf(example);
        const drawn = await page.$$eval("svg.curve circle", (circles) =>
          circles.map((c) => {
            const svg = (c as SVGCircleElement).ownerSVGElement as SVGSVGElement;
            const box = c.getBoundingClientRect();
            const frame = svg.getBoundingClientRect();
            return {
              event: svg.closest("td")?.getAttribute("data-event") ?? "",
              y: box.top + box.height / 2 - frame.top,
              x: box.left + box.width / 2 - frame.left,
              width: frame.width,
            };
          }),
        );
        const expected = ids.events.filter((e) => e.satisfaction !== null);
        expect(drawn.map((d) => d.event).sort()).toEqual(expected.map((e) => e.id).sort());
        for (const point of drawn) {
          const { satisfaction } = expected.find((e) => e.id === point.event) ?? {};
          expect(point.y, point.event).toBeCloseTo(yOf(satisfaction ?? 0), 0);
          expect(point.x, point.event).toBeCloseTo(point.width / 2, 0);
        }
        // Higher satisfaction, higher on the page.
        const sorted = [...drawn].sort((a, b) => a.y - b.y);
        const scores = sorted.map((d) => expected.find((e) => e.id === d.event)?.satisfaction ?? 0);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      });

      it("prints on A4 landscape without clipping: nothing wider than the page", async () => {
        const print = await browser.newPage({ viewport: { width: A4_WIDTH, height: 800 } });
        try {
          await print.route("**/*", (route) =>
            route.request().url() === `${ORIGIN}/map.html`
              ? route.fulfill({ contentType: "text/html; charset=utf-8", body: html })
              : route.abort(),
          );
          await print.emulateMedia({ media: "print" });
          await print.goto(`${ORIGIN}/map.html`);
          const overflow = await print.evaluate(() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll("body *")]
              .filter((e) => !e.closest(".vh"))
              .filter((e) => e.getBoundingClientRect().right > width + 1)
              .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
            return { scroll: document.documentElement.scrollWidth, width, wide };
          });
          expect(overflow.wide).toEqual([]);
          expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
          const pdf = await print.pdf({ preferCSSPageSize: true });
          expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        } finally {
          await print.close();
        }
      });

      it("looks like something: a screenshot that is not blank", async () => {
        await page.evaluate(() => window.scrollTo(0, 0));
        const png = PNG.sync.read(await page.screenshot());
        const { mean, deviation, colours } = pixels(png);
        expect(colours).toBeGreaterThan(16);
        expect(deviation).toBeGreaterThan(20);
        expect(mean).toBeGreaterThan(0);
        if (process.env.UPDATE_SCREENSHOT === "1" && example === "examples/clean") {
          const shot = await page.screenshot({
            fullPage: true,
            clip: { x: 0, y: 0, width: 1280, height: 1180 },
          });
          writeFileSync(join(ROOT, "docs", "map.png"), shot);
        }
      });

      it("passes axe-core with no serious or critical violation, light and dark", async () => {
        for (const colorScheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme });
          await page.addScriptTag({ path: AXE });
          const violations = await page.evaluate(async () => {
            const axe = (
              window as unknown as {
                axe: {
                  run: (c: Document) => Promise<{
                    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
                  }>;
                };
              }
            ).axe;
            const result = await axe.run(document);
            return result.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
            }));
          });
          expect(
            violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
            colorScheme,
          ).toEqual([]);
        }
        expect(problems).toEqual([]);
      });

      it("opens its details from the keyboard", async () => {
        const summary = page.locator("details summary").first();
        await summary.focus();
        expect(await summary.evaluate((e) => e === document.activeElement)).toBe(true);
        await page.keyboard.press("Enter");
        expect(await summary.evaluate((e) => (e.parentElement as HTMLDetailsElement).open)).toBe(
          true,
        );
      });
    });
  }

  it("docs/map.png is the clean example's map, and small", () => {
    const size = statSync(join(ROOT, "docs", "map.png")).size;
    expect(size).toBeGreaterThan(10_000);
    expect(size).toBeLessThan(400_000);
  });
});

/** The grey levels of a screenshot: mean, standard deviation, and how many colours it has. */
function pixels(png: PNG) {
  let sum = 0;
  let squares = 0;
  const colours = new Set<number>();
  const count = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r = 0, g = 0, b = 0] = png.data.subarray(i, i + 3);
    const grey = 0.299 * r + 0.587 * g + 0.114 * b;
    sum += grey;
    squares += grey * grey;
    if (colours.size < 1000) colours.add((r << 16) | (g << 8) | b);
  }
  const mean = sum / count;
  return { mean, deviation: Math.sqrt(squares / count - mean * mean), colours: colours.size };
}
