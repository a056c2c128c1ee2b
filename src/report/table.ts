import type { ChalkInstance } from "chalk";
import type CliTable from "cli-table3";
import displayWidth from "string-width";

/** A table cell: its text, and how to colour it when colours are on. */
export interface Cell {
  text: string;
  color?: (c: ChalkInstance, text: string) => string;
}

export interface Column {
  header: string;
  /** Text that may wrap within the column when space runs out (free text, long ids). */
  wrap?: boolean;
  align?: "left" | "right";
}

/** The narrowest a wrapped column gets; narrower than that, rows are shown one by one. */
const MIN_WRAPPED = 10;
/** The narrowest a value gets in the one-by-one display. */
const MIN_ANY = 10;
/** Padding of a cell (one space each side) and the border after it. */
const CELL_EXTRA = 3;

/**
 * Renders rows with cli-table3. When the table would be wider than `width` (the terminal's), the
 * wrapped columns are narrowed, widest first, down to a common cap, and their text wraps inside
 * them: the table keeps its shape instead of the terminal folding its lines. When even that is
 * too wide, each row is shown as a table of its own, one field per line.
 * Colours only when `chalk.level` is above 0.
 */
export async function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: { width?: number; chalk: ChalkInstance },
): Promise<string> {
  const { default: Table } = await import("cli-table3");
  const { chalk } = options;
  const natural = columns.map((column, i) =>
    Math.max(
      displayWidth(column.header),
      ...rows.map((row) => Math.max(...(row[i]?.text ?? "").split("\n").map(displayWidth))),
    ),
  );
  const widths = fit(columns, natural, options.width);
  if (options.width !== undefined && total(widths) > options.width) {
    return renderRecords(columns, rows, options.width, chalk, Table);
  }
  const table = new Table({
    head: columns.map((c, i) => chalk.bold(wrapText(c.header, widths[i] ?? 0))),
    colWidths: widths.map((w) => w + 2),
    colAligns: columns.map((c) => c.align ?? "left"),
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) table.push(row.map((cell, i) => paint(cell, widths[i] ?? 0, chalk)));
  return `${table.toString()}\n`;
}

/**
 * Too many columns for the terminal: one small table per row instead, field names on the left and
 * values on the right, wrapped to the width (as psql's expanded display).
 */
function renderRecords(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  width: number,
  chalk: ChalkInstance,
  Table: typeof CliTable,
): string {
  const label = Math.max(...columns.map((c) => displayWidth(c.header)));
  const value = Math.max(MIN_ANY, width - label - 2 * CELL_EXTRA - 1);
  return rows
    .map((row) => {
      const table = new Table({
        colWidths: [label + 2, value + 2],
        style: { head: [], border: [], compact: true },
      });
      columns.forEach((column, i) => {
        const cell = row[i] ?? { text: "" };
        table.push([chalk.bold(column.header), paint(cell, value, chalk)]);
      });
      return `${table.toString()}\n`;
    })
    .join("");
}

/** A cell's text wrapped to `width`, coloured when colours are on. */
function paint(cell: Cell, width: number, chalk: ChalkInstance): string {
  const text = wrapText(cell.text, width);
  return cell.color && chalk.level > 0 ? cell.color(chalk, text) : text;
}

/** The width of a table with these content widths: padding and borders included. */
const total = (widths: readonly number[]) => widths.reduce((sum, w) => sum + w + CELL_EXTRA, 1);

/**
 * Content widths (padding excluded) that fit `width` if possible: the wrapped columns are capped,
 * widest first, at the largest common cap that fits, but not below a minimum.
 */
function fit(columns: readonly Column[], natural: readonly number[], width?: number): number[] {
  if (width === undefined || total(natural) <= width) return [...natural];
  const capped = (cap: number) => natural.map((w, i) => (columns[i]?.wrap ? Math.min(w, cap) : w));
  let cap = Math.max(...natural);
  while (cap > MIN_WRAPPED && total(capped(cap)) > width) cap--;
  return capped(cap);
}

/**
 * Lines of at most `width` columns: words are kept whole where they fit, a longer one is broken
 * after a hyphen or a slash, else cut where the column ends (nothing is dropped).
 */
export function wrapText(text: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      for (const piece of pieces(word, width)) {
        const joined = line === "" ? piece : `${line} ${piece}`;
        if (displayWidth(joined) <= width) line = joined;
        else {
          if (line !== "") lines.push(line);
          line = piece;
        }
      }
    }
    lines.push(line);
  }
  return lines.join("\n");
}

/** A word as pieces no wider than `width`: split after hyphens and slashes, then cut. */
function pieces(word: string, width: number): string[] {
  if (displayWidth(word) <= width) return [word];
  const out: string[] = [];
  let current = "";
  for (const part of word.split(/(?<=[-/])/)) {
    if (displayWidth(current + part) <= width) {
      current += part;
      continue;
    }
    if (current !== "") out.push(current);
    current = "";
    for (const ch of part) {
      if (current !== "" && displayWidth(current + ch) > width) {
        out.push(current);
        current = "";
      }
      current += ch;
    }
  }
  if (current !== "") out.push(current);
  // Built greedily, no two pieces fit on one line: the caller puts each on a line of its own.
  return out;
}
