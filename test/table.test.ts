import { Chalk, type ChalkInstance } from "chalk";
import { describe, expect, it } from "vitest";
import { renderTable } from "../src/report/table.js";

// Tables whose one cell has hundreds of lines: a long noSurvey reason, a month of many sends.
// Drawing one took a time quadratic in the cell's length for each of its lines (minutes for
// these); the 5 s limit of each test (vitest's default, lower than this project's) catches it.
const FAST = 5_000;
const plain = new Chalk({ level: 0 });

describe("renderTable on tall cells", () => {
  it(
    "draws a 200-line reason whole, one table line per line",
    async () => {
      const reason = Array.from({ length: 200 }, (_, i) => `line ${i + 1}: not surveyed — é`);
      const out = await renderTable(
        [{ header: "stage" }, { header: "surveys, or why not", wrap: true }],
        [[{ text: "pay" }, { text: reason.join("\n"), color: (c, s) => c.dim(s) }]],
        { width: 80, chalk: plain },
      );
      const lines = out.split("\n");
      expect(lines.pop()).toBe("");
      expect(lines).toHaveLength(1 + 1 + 1 + 200 + 1); // top, header, rule, the reason, bottom
      expect(lines.slice(0, 4)).toEqual([
        "┌───────┬────────────────────────────┐",
        "│ stage │ surveys, or why not        │",
        "├───────┼────────────────────────────┤",
        "│ pay   │ line 1: not surveyed — é   │",
      ]);
      expect(lines.slice(-3)).toEqual([
        "│       │ line 199: not surveyed — é │",
        "│       │ line 200: not surveyed — é │",
        "└───────┴────────────────────────────┘",
      ]);
    },
    FAST,
  );

  it(
    "draws a month of 300 sends whole, in colour too",
    async () => {
      const sends = Array.from(
        { length: 300 },
        (_, i) => `03-${String((i % 28) + 1).padStart(2, "0")} survey-${i + 1} ≈ ⚠`,
      ).join("\n");
      const red = (c: ChalkInstance, t: string) => c.red.bold(t);
      const columns = [{ header: "month" }, { header: "julie", wrap: true }, { header: "marc" }];
      const row = [{ text: "2026-03 ⚠", color: red }, { text: sends, color: red }, { text: "" }];
      const out = await renderTable(columns, [row], { width: 80, chalk: plain });
      const lines = out.split("\n");
      expect(lines.pop()).toBe("");
      expect(lines).toHaveLength(1 + 1 + 1 + 300 + 1);
      expect(lines.slice(0, 4)).toEqual([
        "┌───────────┬──────────────────────┬──────┐",
        "│ month     │ julie                │ marc │",
        "├───────────┼──────────────────────┼──────┤",
        "│ 2026-03 ⚠ │ 03-01 survey-1 ≈ ⚠   │      │",
      ]);
      expect(lines.slice(-2)).toEqual([
        "│           │ 03-20 survey-300 ≈ ⚠ │      │",
        "└───────────┴──────────────────────┴──────┘",
      ]);

      // In colour, each line opens and closes its own colours.
      const coloured = await renderTable(columns, [row], {
        width: 80,
        chalk: new Chalk({ level: 1 }),
      });
      const colouredLines = coloured.split("\n");
      expect(colouredLines).toHaveLength(lines.length + 1);
      expect(colouredLines.at(-3)).toBe(
        "│           │ \u001b[31m\u001b[1m03-20 survey-300 ≈ ⚠\u001b[22m\u001b[39m │      │",
      );
    },
    FAST,
  );
});
