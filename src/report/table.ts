import type { ChalkInstance } from "chalk";
import displayWidth from "string-width";
import { maxOf, minOf } from "../util/arrays.js";

/** A table cell: its text, and how to colour it when colours are on. */
export interface Cell {
  text: string;
  color?: (c: ChalkInstance, text: string) => string;
}

export interface Column {
  header: string;
  /**
   * Text that may wrap within the column when space runs out: an id, a date, a path, narrowed
   * only when no other column can give and then broken after a hyphen or a slash if possible.
   */
  wrap?: boolean;
  /**
   * Free text (a description, a reason, a list of ids): wraps at its spaces first, before any id
   * is narrowed. Implies `wrap`.
   */
  prose?: boolean;
  align?: "left" | "right";
}

/** Printable ASCII: as many columns as characters. */
const ASCII = /^[\x20-\x7e]*$/;

/**
 * The columns a text takes: its length when it is printable ASCII (most of a map, and measured
 * much faster so), else what string-width measures (wide and combining characters, emoji).
 */
const textWidth = (text: string): number => (ASCII.test(text) ? text.length : displayWidth(text));

/** The narrowest a wrapped column gets; narrower than that, rows are shown one by one. */
const MIN_WRAPPED = 10;
/** The narrowest a value gets in the one-by-one display. */
const MIN_ANY = 10;
/** Padding of a cell (one space each side) and the border after it. */
const CELL_EXTRA = 3;

/**
 * Renders rows as a table with box-drawing borders. When the table would be wider than `width`
 * (the terminal's), the wrapped columns are narrowed and their text wraps inside them (see
 * `fit`): the table keeps its shape instead of the terminal folding its lines. When even that is
 * too wide, each row is shown as a table of its own, one field per line. Without a width, every
 * column has its natural width. Colours only when `chalk.level` is above 0.
 */
export async function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: { width?: number; chalk: ChalkInstance },
): Promise<string> {
  const { chalk } = options;
  const natural = columns.map((column, i) =>
    Math.max(
      textWidth(column.header),
      maxOf(rows, (row) => maxOf((row[i]?.text ?? "").split("\n"), textWidth, 0), 0),
    ),
  );
  const texts = columns.map((column, i) => [
    column.header,
    ...rows.map((row) => row[i]?.text ?? ""),
  ]);
  const widths = fit(columns, texts, natural, options.width);
  if (options.width !== undefined && total(widths) > options.width) {
    return renderRecords(columns, rows, options.width, chalk);
  }
  const head = columns.map((c, i) => chalk.bold(wrapText(c.header, widths[i] ?? 0)));
  const body = rows.map((row) =>
    columns.map((_, i) => paint(row[i] ?? { text: "" }, widths[i] ?? 0, chalk)),
  );
  const aligns = columns.map((c) => c.align ?? "left");
  return draw(widths, aligns, [head, ...body], true);
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
): string {
  const label = maxOf(columns, (c) => textWidth(c.header), -Infinity);
  const value = Math.max(MIN_ANY, width - label - 2 * CELL_EXTRA - 1);
  return rows
    .map((row) => {
      const fields = columns.map((column, i) => [
        chalk.bold(column.header),
        paint(row[i] ?? { text: "" }, value, chalk),
      ]);
      return draw([label, value], ["left", "left"], fields, false);
    })
    .join("");
}

/**
 * Draws a table of already wrapped (and coloured) cells, each column `widths[i]` wide plus one
 * space each side, one line per line of its tallest cell: borders around, a rule under the
 * header when there is one, none between the other rows. Those are the lines cli-table3 used to
 * draw (compact style, no border colour), kept byte for byte; drawn here because cli-table3 took
 * a time quadratic in the length of a cell for each of its lines, minutes for a cell of some
 * hundred lines.
 */
function draw(
  widths: readonly number[],
  aligns: readonly ("left" | "right")[],
  rows: readonly (readonly string[])[],
  header: boolean,
): string {
  const rule = (left: string, middle: string, right: string) =>
    left + widths.map((w) => "─".repeat(w + 2)).join(middle) + right;
  const out = [rule("┌", "┬", "┐")];
  rows.forEach((row, r) => {
    if (header && r === 1) out.push(rule("├", "┼", "┤"));
    const cells = row.map((content) => colorizeLines(content.split("\n")));
    const height = Math.max(
      1,
      maxOf(cells, (lines) => lines.length, 1),
    );
    for (let n = 0; n < height; n++) {
      const parts = cells.map((lines, i) => {
        const w = widths[i] ?? 0;
        const line = lines[n];
        if (line === undefined) return `│${" ".repeat(w + 2)}`;
        return `│ ${pad(truncate(line, w), w, aligns[i] ?? "left")} `;
      });
      out.push(`${parts.join("")}│`);
    }
  });
  out.push(rule("└", "┴", "┘"));
  return `${out.join("\n")}\n`;
}

// What follows keeps the lines as cli-table3 (0.6.5) drew them: a cell's colours closed at the end
// of each of its lines and opened again on the next, a line wider than its column cut and ended
// with "…", then padded to the column. With the wrapping above, only text holding terminal escape
// sequences other than colours can be wider than its column.

/** Colour codes (SGR), the only escape sequences cli-table3 knows. */
// eslint-disable-next-line no-control-regex -- the escape character is what is matched
const SGR = /\u001b\[(?:\d*;){0,5}\d*m/g;
// eslint-disable-next-line no-control-regex -- the escape character is what is matched
const sgrCodes = () => /\u001b\[((?:\d*;){0,5}\d*)m/g;

/** The width cli-table3 gives a line: colour codes removed, then measured. */
const strlen = (line: string) => textWidth(line.replace(SGR, ""));

/** `line` padded with spaces to `width` columns, on the side opposite its alignment. */
function pad(line: string, width: number, align: "left" | "right"): string {
  const length = strlen(line);
  if (width + 1 < length) return line;
  const spaces = " ".repeat(Math.max(0, width - length));
  return align === "right" ? spaces + line : line + spaces;
}

/** Styles that cli-table3 follows across the lines of a cell, with their codes. */
const STYLES: Record<string, { on: string; off: string }> = {
  bold: { on: "\u001b[1m", off: "\u001b[22m" },
  italics: { on: "\u001b[3m", off: "\u001b[23m" },
  underline: { on: "\u001b[4m", off: "\u001b[24m" },
  inverse: { on: "\u001b[7m", off: "\u001b[27m" },
  strikethrough: { on: "\u001b[9m", off: "\u001b[29m" },
};
const CODES = new Map<string, { style: string; on: boolean }>(
  Object.entries(STYLES).flatMap(([style, { on, off }]) => [
    [on, { style, on: true }],
    [off, { style, on: false }],
  ]),
);

/** Which styles are on after some codes (in the order first seen), and the last colours set. */
interface Ansi {
  styles: Map<string, boolean>;
  foreground?: string;
  background?: string;
}

function update(state: Ansi, code: RegExpExecArray): void {
  const number = code[1] ? parseInt(code[1].split(";")[0] ?? "", 10) : 0;
  if ((number >= 30 && number <= 39) || (number >= 90 && number <= 97)) {
    state.foreground = code[0];
  } else if ((number >= 40 && number <= 49) || (number >= 100 && number <= 107)) {
    state.background = code[0];
  } else if (number === 0) {
    state.styles.clear();
    delete state.foreground;
    delete state.background;
  } else {
    const known = CODES.get(code[0]);
    if (known) state.styles.set(known.style, known.on);
  }
}

function readState(line: string): Ansi {
  const state: Ansi = { styles: new Map() };
  for (const code of line.matchAll(sgrCodes())) update(state, code);
  return state;
}

/** `line` with the styles and colours still on closed at its end. */
function unwind(state: Ansi, line: string): string {
  let out = line;
  for (const [style, on] of state.styles) if (on) out += STYLES[style]?.off ?? "";
  if (state.background && state.background !== "\u001b[49m") out += "\u001b[49m";
  if (state.foreground && state.foreground !== "\u001b[39m") out += "\u001b[39m";
  return out;
}

/** `line` with the styles and colours still on from the previous line opened at its start. */
function rewind(state: Ansi, line: string): string {
  let out = line;
  for (const [style, on] of state.styles) if (on) out = (STYLES[style]?.on ?? "") + out;
  if (state.background && state.background !== "\u001b[49m") out = state.background + out;
  if (state.foreground && state.foreground !== "\u001b[39m") out = state.foreground + out;
  return out;
}

/** Each line made to stand alone: what is on at its start opened, what is on at its end closed. */
function colorizeLines(lines: readonly string[]): string[] {
  let state: Ansi = { styles: new Map() };
  return lines.map((input) => {
    const line = rewind(state, input);
    state = readState(line);
    return unwind(state, line);
  });
}

/** `line` cut to `width` columns ending with "…", when it is wider (colours kept balanced). */
function truncate(line: string, width: number): string {
  if (strlen(line) <= width) return line;
  const desired = width - 1; // the width of "…"
  const parts = line.split(SGR);
  const codes = sgrCodes();
  const state: Ansi = { styles: new Map() };
  let out = "";
  let length = 0;
  for (let i = 0; length < desired; i++) {
    const code = codes.exec(line);
    let part = parts[i] ?? "";
    if (length + strlen(part) > desired) part = truncateWidth(part, desired - length);
    out += part;
    length += strlen(part);
    if (length < desired) {
      if (!code) break;
      out += code[0];
      update(state, code);
    }
  }
  out = `${unwind(state, out)}…`;
  const hyperlink = "\u001b]8;;\u0007";
  return line.includes(hyperlink) && !out.includes(hyperlink) ? out + hyperlink : out;
}

/** The longest start of `text` at most `width` wide, shortened a code unit at a time. */
function truncateWidth(text: string, width: number): string {
  if (text.length === strlen(text)) return width > 0 ? text.slice(0, width) : "";
  let out = text;
  while (strlen(out) > width) out = out.slice(0, -1);
  return out;
}

/** A cell's text wrapped to `width`, coloured when colours are on. */
function paint(cell: Cell, width: number, chalk: ChalkInstance): string {
  const text = wrapText(cell.text, width);
  return cell.color && chalk.level > 0 ? cell.color(chalk, text) : text;
}

/** The width of a table with these content widths: padding and borders included. */
const total = (widths: readonly number[]) => widths.reduce((sum, w) => sum + w + CELL_EXTRA, 1);

/**
 * The costs of narrowing: an extra line in an id column, a word broken after a hyphen or a
 * slash, a word cut elsewhere. A broken id is worse than a mark sent to the next line.
 */
const LINE_COST = 1;
const HYPHEN_CUT_COST = 8;
const HARD_CUT_COST = 24;

/** Narrowing a column to `to`, at `ratio`: what it costs per column of width it gives. */
interface Step {
  column: number;
  to: number;
  ratio: number;
}

/**
 * Content widths (padding excluded) that fit `width` if possible. Each step narrows the column
 * that loses least for the columns it gives, until the table fits or every wrapped column is at
 * its minimum: first the prose columns, down to their longest word (wrapping at spaces costs
 * nothing), widest first; then the id columns where an id wraps at a space (an extra line); only
 * then words are broken, in the columns that break the fewest, preferably after a hyphen or a
 * slash. So ids keep their full width as long as some prose can wrap instead.
 */
function fit(
  columns: readonly Column[],
  texts: readonly (readonly string[])[],
  natural: readonly number[],
  width?: number,
): number[] {
  if (width === undefined || total(natural) <= width) return [...natural];
  const widths = [...natural];
  const costs = columns.map((c, i) => columnCost(texts[i] ?? [], c.prose === true));
  // A wrapped column gets no narrower than MIN_WRAPPED, an id column than its longest word
  // when that is narrower (a mark after the id goes to the next line).
  const floors = columns.map((c, i) => {
    const w = natural[i] ?? 0;
    if (c.prose) return Math.min(w, MIN_WRAPPED);
    return c.wrap ? Math.min(w, MIN_WRAPPED, costs[i]?.longestWord ?? w) : w;
  });
  for (let need = total(widths) - width; need > 0; need = total(widths) - width) {
    let best: Step | undefined;
    for (let i = 0; i < columns.length; i++) {
      const current = widths[i] ?? 0;
      const cost = costs[i]?.at;
      if (cost === undefined) continue;
      const now = cost(current);
      const lowest = Math.max(floors[i] ?? current, current - need);
      for (let to = current - 1; to >= lowest; to--) {
        const ratio = (cost(to) - now) / (current - to);
        if (best === undefined || better({ column: i, to, ratio }, best)) {
          best = { column: i, to, ratio };
        }
        if (ratio === 0) break; // nothing narrows at a lower price
      }
    }
    if (best === undefined) break; // every wrapped column at its minimum
    if (best.ratio === 0) narrowFreely(columns[best.column]?.prose === true, width);
    else widths[best.column] = best.to;
  }
  return widths;

  /**
   * Narrows, widest first, the columns of a kind (prose or not) that can give width for free: to
   * a common cap, the largest that fits, none below the narrowest it keeps its cost at.
   */
  function narrowFreely(prose: boolean, width: number): void {
    const free = new Map<number, number>(); // column → the narrowest at no cost
    for (let i = 0; i < columns.length; i++) {
      const cost = costs[i]?.at;
      const current = widths[i] ?? 0;
      if (cost === undefined || (columns[i]?.prose === true) !== prose) continue;
      if (current <= (floors[i] ?? current) || cost(current - 1) !== cost(current)) continue;
      // The cost never falls as the width does: the narrowest at the same cost, by bisection.
      let low = floors[i] ?? current; // cost(low) may be higher
      let high = current - 1; // cost(high) is the same
      while (low < high) {
        const mid = Math.floor((low + high) / 2);
        if (cost(mid) === cost(current)) high = mid;
        else low = mid + 1;
      }
      free.set(i, high);
    }
    const capped = (cap: number) =>
      widths.map((w, i) => {
        const narrowest = free.get(i);
        return narrowest === undefined ? w : Math.max(narrowest, Math.min(w, cap));
      });
    // The largest cap that fits, else the lowest that gives anything (every column its narrowest).
    let low = minOf(free.values(), (w) => w, Infinity);
    let high = maxOf(free.keys(), (i) => widths[i] ?? 0, -Infinity) - 1;
    if (total(capped(low)) > width) high = low;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (total(capped(mid)) <= width) low = mid;
      else high = mid - 1;
    }
    capped(low).forEach((w, i) => {
      widths[i] = w;
    });
  }

  function better(a: Step, b: Step): boolean {
    if (a.ratio !== b.ratio) return a.ratio < b.ratio;
    const prose = (i: number) => (columns[i]?.prose ? 1 : 0);
    if (prose(a.column) !== prose(b.column)) return prose(a.column) > prose(b.column);
    return (widths[a.column] ?? 0) > (widths[b.column] ?? 0);
  }
}

/**
 * What a column's texts lose at a given width (`at`, memoised: `fit` asks it often): each word
 * broken, less after a hyphen or a slash than elsewhere (estimated from the word's width and
 * its widest part between hyphens, without wrapping it), and in an id column each line that
 * wraps. And the width of its longest word.
 */
function columnCost(
  texts: readonly string[],
  prose: boolean,
): { at: (width: number) => number; longestWord: number } {
  const counts = new Map<string, number>();
  const lines: number[] = [];
  for (const text of texts) {
    for (const line of text.split("\n")) {
      if (!prose) lines.push(textWidth(line));
      for (const word of line.split(/ +/)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const words = [...counts]
    .map(([word, count]) => ({
      count,
      width: textWidth(word),
      widestPart: maxOf(word.split(/(?<=[-/])/), textWidth, -Infinity),
    }))
    .sort((a, b) => b.width - a.width);
  lines.sort((a, b) => b - a);
  const memo = new Map<number, number>();
  const at = (width: number) => {
    const known = memo.get(width);
    if (known !== undefined) return known;
    let cost = 0;
    for (const word of words) {
      if (word.width <= width) break;
      const cuts = Math.ceil(word.width / Math.max(1, width)) - 1;
      cost += word.count * cuts * (word.widestPart <= width ? HYPHEN_CUT_COST : HARD_CUT_COST);
    }
    for (const w of lines) {
      if (w <= width) break;
      cost += LINE_COST;
    }
    memo.set(width, cost);
    return cost;
  };
  return { at, longestWord: words[0]?.width ?? 0 };
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
        if (textWidth(joined) <= width) line = joined;
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
  if (textWidth(word) <= width) return [word];
  const out: string[] = [];
  let current = "";
  for (const part of word.split(/(?<=[-/])/)) {
    if (textWidth(current + part) <= width) {
      current += part;
      continue;
    }
    if (current !== "") out.push(current);
    current = "";
    if (ASCII.test(part)) {
      // One column a character: cut by length (measuring each longer start took minutes).
      let at = 0;
      const step = Math.max(1, width);
      for (; part.length - at > step; at += step) out.push(part.slice(at, at + step));
      current = part.slice(at);
      continue;
    }
    for (const ch of part) {
      if (current !== "" && textWidth(current + ch) > width) {
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
