/**
 * From the YAML library's errors to their root causes.
 *
 * One mistake often makes the library report several errors, and at places that are not the
 * mistake: a key indented one space too deep turns the value above it into a multi-line key (two
 * errors, on the line before); a key one space too shallow is reported at column 1 of its line; a
 * tab breaks the mapping it is in, then every key after it. Each root is found by repairing it and
 * parsing again: what disappears with the repair was caused by it, what remains is an independent
 * mistake, explained in turn. A repair is a guess: it is kept only when the parse confirms it.
 */

/** An error of the YAML library, with the message shown for it. */
export interface YamlError {
  code: string;
  message: string;
  offset: number;
  endOffset: number;
}

/** Parses a text again (the same way as the first time): where its errors start. */
type Reparse = (text: string) => readonly { code: string; offset: number }[];

/** The one message for a tab in indentation, wherever the library saw it. */
const TAB_MESSAGE = "tabs cannot indent YAML: indent with spaces";

/** Repairs tried for one root. */
const MAX_CANDIDATES = 4;
/**
 * Parses of a document, and characters parsed in a file, at most: a broken file costs a few
 * parses of itself, not more. Past that, the errors left are explained without parsing again: a
 * tab at the tab, any other error as the library says it, without what it disrupts on its line
 * and under it.
 */
const MAX_PARSES = 20;
const MAX_CHARS = 500_000;
/** A key longer than this is named "this key" in messages. */
const MAX_NAME = 40;

/**
 * The root causes among a text's YAML errors, sorted by place: one per mistake, at the mistake,
 * with what was expected where that can be told. Never empty when `errors` is not.
 */
export function rootCauses(
  text: string,
  errors: readonly YamlError[],
  reparse: Reparse,
): YamlError[] {
  const explainer = new Explainer(text, errors, reparse);
  return explainer.run();
}

/** One edit of a text: `removed` characters at `at` replaced by `added` ones. */
interface Edit {
  at: number;
  removed: number;
  added: number;
}

/** A repaired text, the edits made to reach it, and its errors. */
interface Repair {
  text: string;
  edits: Edit[];
  errors: readonly { code: string; offset: number }[];
}

/** A root found: the issue to report (current offsets) and the repair that removes it. */
interface Diagnosis {
  issue: YamlError;
  /** The pending error it accounts for. */
  cause: YamlError;
  repair: Repair | null;
  /** Lines (0-based, inclusive) whose errors are its consequences, whatever the repair says. */
  drop?: [number, number];
  /**
   * The last line of its document, when what follows its place there is out of the document's
   * structure: the library's "unexpected … in YAML stream" errors up to that line are its doing.
   */
  strays?: number;
}

/** An error about a token met after the document's root node ended. */
const STRAY = /token in YAML (?:stream|document)/;

class Explainer {
  private current: string;
  private currentErrors: readonly { code: string; offset: number }[];
  /** Every edit from the original text to `current`, in order. */
  private edits: Edit[] = [];
  private spent = 0;
  private parses = 0;
  /** MAX_PARSES for each document of the file. */
  private readonly maxParses: number;
  /** The length of the largest document: what one more parse may cost. */
  private readonly largest: number;

  constructor(
    private readonly original: string,
    private readonly errors: readonly YamlError[],
    private readonly reparse: Reparse,
  ) {
    this.current = original;
    this.currentErrors = errors;
    const documents = original.split(/^---(?=[ \t\r\n]|$)/m);
    this.maxParses = MAX_PARSES * Math.min(documents.length, 20);
    this.largest = documents.reduce((most, d) => Math.max(most, d.length), -Infinity);
  }

  run(): YamlError[] {
    let pending = [...this.errors].sort((a, b) => a.offset - b.offset);
    const kept: YamlError[] = [];
    while (pending.length > 0) {
      const diagnosis = this.diagnose(pending);
      const issue = diagnosis.issue;
      kept.push({
        ...issue,
        offset: this.toOriginal(issue.offset),
        endOffset: Math.max(this.toOriginal(issue.endOffset), this.toOriginal(issue.offset) + 1),
      });
      let rest = pending.filter((e) => e !== diagnosis.cause);
      const drop = diagnosis.drop;
      if (drop) {
        // Edits never add or remove a line: line numbers are the same in every version.
        rest = rest.filter((e) => {
          const line = this.lineOfOriginal(e.offset);
          return line < drop[0] || line > drop[1];
        });
      }
      const strays = diagnosis.strays;
      if (strays !== undefined) {
        rest = rest.filter((e) => !STRAY.test(e.message) || this.lineOfOriginal(e.offset) > strays);
      }
      if (rest.length === 0) break;
      const repair = diagnosis.repair;
      if (repair) {
        const edits = [...this.edits, ...repair.edits];
        const starts = new Set(repair.errors.map((e) => mapBack(edits, e.offset)));
        rest = rest.filter((e) => starts.has(e.offset));
        this.current = repair.text;
        this.currentErrors = repair.errors;
        this.edits = edits;
      }
      pending = rest;
    }
    const seen = new Set<string>();
    return kept
      .sort((a, b) => a.offset - b.offset)
      .filter((e) => {
        const key = `${e.offset} ${e.message}`;
        return !seen.has(key) && Boolean(seen.add(key));
      });
  }

  private affordable(): boolean {
    return this.parses < this.maxParses && this.spent + this.largest <= MAX_CHARS;
  }

  /**
   * The errors of a repaired text. Only the document the edits are in is parsed again (a file of
   * many documents costs one document per try): the others keep the errors they had.
   */
  private parse(text: string, edits: Edit[]): Repair {
    this.parses++;
    const range = this.documentOf(edits);
    if (!range) {
      this.spent += text.length;
      return { text, edits, errors: this.reparse(text) };
    }
    const [start, end] = range;
    const delta = edits.reduce((d, e) => d + e.added - e.removed, 0);
    const slice = text.slice(start, end + delta);
    this.spent += slice.length;
    const inside = this.reparse(slice).map((e) => ({ code: e.code, offset: e.offset + start }));
    const before = this.currentErrors.filter((e) => e.offset < start);
    // An error at the very end of the text belongs to the last document.
    const after = this.currentErrors
      .filter((e) => e.offset >= end && end < this.current.length)
      .map((e) => ({ code: e.code, offset: e.offset + delta }));
    return { text, edits, errors: [...before, ...inside, ...after] };
  }

  /**
   * The offsets [start, end) in `current` of the document all `edits` are in, with the
   * directives before its `---`; null when they are not all in one document.
   */
  private documentOf(edits: readonly Edit[]): [number, number] | null {
    const { lines, shapes } = this.shaped as { lines: Line[]; shapes: Shape[] };
    const starts = (i: number) =>
      (shapes[i] as Shape).marker && this.lineText(lines, i).startsWith("---");
    const directive = (i: number) => this.lineText(lines, i).startsWith("%");
    const first = lineAt(
      lines,
      edits.reduce((m, e) => Math.min(m, e.at), Infinity),
    );
    const last = lineAt(
      lines,
      edits.reduce((m, e) => Math.max(m, e.at + e.removed), -Infinity),
    );
    let top = first;
    while (top > 0 && !starts(top)) top--;
    for (let i = top + 1; i <= last; i++) if (starts(i)) return null;
    let bottom = last + 1;
    while (bottom < lines.length && !starts(bottom)) bottom++;
    if (top > 0 || starts(0)) while (top > 0 && directive(top - 1)) top--;
    while (bottom < lines.length && bottom - 1 > last && directive(bottom - 1)) bottom--;
    const start = (lines[top] as Line).start;
    const end = bottom < lines.length ? (lines[bottom] as Line).start : this.current.length;
    return [start, end];
  }

  /** The line an offset of a repaired text is on (a repair never adds or removes a line). */
  private lineIn(repair: Repair, offset: number): number {
    const { lines } = this.shaped as { lines: Line[] };
    return lineAt(lines, mapBack(repair.edits, offset));
  }

  private lineText(lines: readonly Line[], index: number): string {
    const line = lines[index] as Line;
    return this.current.slice(line.start, line.end);
  }

  private toOriginal(offset: number): number {
    return mapBack(this.edits, offset);
  }

  private toCurrent(offset: number): number {
    let o = offset;
    for (const e of this.edits) {
      if (o >= e.at + e.removed) o += e.added - e.removed;
      else if (o > e.at) o = e.at;
    }
    return o;
  }

  private originalLines: Line[] | null = null;
  /** The lines of `current` and their shapes, while it does not change. */
  private shaped: { text: string; lines: Line[]; shapes: Shape[] } | null = null;

  private lineOfOriginal(offset: number): number {
    this.originalLines ??= linesOf(this.original);
    return lineAt(this.originalLines, offset);
  }

  /** The root among the pending errors: a tab, else a mis-indented key or item, else the first. */
  private diagnose(pending: YamlError[]): Diagnosis {
    const first = pending[0] as YamlError;
    if (this.shaped?.text !== this.current) {
      const lines = linesOf(this.current);
      this.shaped = { text: this.current, lines, shapes: shapeLines(this.current, lines) };
    }
    const { lines, shapes } = this.shaped;
    const line = lineAt(lines, this.toCurrent(first.offset));
    const tab = pending.find(
      (e) => e.code === "TAB_AS_INDENT" && lineAt(lines, this.toCurrent(e.offset)) <= line + 1,
    );
    if (tab) return this.tab(tab, lineAt(lines, this.toCurrent(tab.offset)), lines, shapes);
    // Past the budget, only what needs no parse: tabs, then each error with what it disrupts.
    if (first.code !== "DUPLICATE_KEY" && this.affordable()) {
      const next = shapes.findIndex((s, i) => i > line && !s.skip);
      const suspects = next === -1 ? [line] : [line, next];
      // A tab the library took for something else (after spaces, it may see a bad indentation).
      const tabbed = suspects.find((i) => (shapes[i] as Shape).tabbed);
      if (tabbed !== undefined) return this.tab(first, tabbed, lines, shapes);
      const text = this.blockText(first, line, lines, shapes);
      if (text) return text;
      for (const suspect of suspects) {
        const found = this.dashSpace(first, line, suspect, lines);
        if (found) return found;
      }
      for (const suspect of suspects) {
        const found = this.misaligned(first, line, suspect, lines, shapes, false);
        if (found) return found;
      }
      const found = this.misaligned(first, line, line, lines, shapes, true);
      if (found) return found;
    }
    return this.generic(first, lines, shapes);
  }

  /** A tab in indentation: reported at the tab; repaired by the indentation that fits best. */
  private tab(error: YamlError, index: number, lines: Line[], shapes: Shape[]): Diagnosis {
    const at = this.toCurrent(error.offset);
    const line = lines[index] as Line;
    const text = this.current.slice(line.start, line.end);
    let tab = at >= line.start && at <= line.end ? text.indexOf("\t", at - line.start) : -1;
    if (tab === -1) tab = text.indexOf("\t");
    if (tab === -1) {
      const generic = this.generic(error, lines, shapes);
      return { ...generic, issue: { ...generic.issue, message: TAB_MESSAGE } };
    }
    let from = tab;
    while (from > 0 && (text[from - 1] === " " || text[from - 1] === "\t")) from--;
    let to = tab;
    while (to < text.length && (text[to] === " " || text[to] === "\t")) to++;
    const firstTab = line.start + text.indexOf("\t", from);
    const issue = { ...error, message: TAB_MESSAGE, offset: firstTab, endOffset: firstTab + 1 };

    const stack = stackAbove(shapes, index);
    // A child of the line above when that line opens a block, else a sibling of it, first.
    const child = (stack[0]?.col ?? -1) + 2;
    const levels = stack.map((e) => e.col);
    const opens = stack[0] !== undefined && (shapes[stack[0].line] as Shape).opens;
    const columns = [...new Set(opens ? [child, ...levels, 1] : [...levels, child, 1])];
    let best: Repair | null = null;
    let bestScore = Infinity;
    for (const col of columns.slice(0, MAX_CANDIDATES + 1)) {
      const width = col - 1 - from;
      if (width < (from > 0 ? 1 : 0) || !this.affordable()) continue;
      const edit = { at: line.start + from, removed: to - from, added: width };
      const repair = this.parse(applyEdit(this.current, edit), [edit]);
      const onLine = repair.errors.some((e) => this.lineIn(repair, e.offset) === index);
      const score = repair.errors.length + (onLine ? 1000 : 0);
      if (score < bestScore) {
        best = repair;
        bestScore = score;
      }
      if (repair.errors.length === 0) break;
    }
    return { issue, cause: error, repair: best, ...(best ? {} : { drop: [index, index] }) };
  }

  /**
   * A key (or list item) on line `suspect` at a column no sibling above uses: the error at line
   * `line` is its doing if re-indenting it like a sibling above (or re-indenting a lone sibling
   * above like it) makes the errors of those lines go away. Between readings that all do, the
   * one leaving fewer errors wins, then the one whose indentation steps look like the rest of the
   * file, then the nearest column.
   */
  private misaligned(
    error: YamlError,
    line: number,
    suspect: number,
    lines: Line[],
    shapes: Shape[],
    dedent: boolean,
  ): Diagnosis | null {
    const shape = shapes[suspect] as Shape;
    const own = shape.entries[0];
    if (shape.skip || shape.tabbed || !own || own.kind === "other") return null;
    const stack = stackAbove(shapes, suspect);
    // A line aligned with a level above is a dedent, which YAML allows: suspect only when asked
    // (once no line near the error is out of line) and then only a move back to a deeper
    // sibling, nearest line first, that leaves no error after it.
    const aligned = stack.some((e) => e.col === own.col && e.kind === own.kind);
    if (aligned !== dedent) return null;
    // Its children stay its children: a key that opens a block does not move past them.
    const next = shapes.find((s, i) => i > suspect && !s.skip);
    const limit = shape.opens && next && next.indent > own.col ? next.indent : Infinity;
    const siblings = stack
      .filter((e) => e.kind === own.kind && e.col < limit && (!aligned || e.col > own.col))
      .slice(0, MAX_CANDIDATES)
      .map((e, order) => ({ e, order }))
      // Nearest column first (then nearest line): an author is more often off by one than by two.
      .sort(
        (x, y) =>
          (aligned ? 0 : Math.abs(x.e.col - own.col) - Math.abs(y.e.col - own.col)) ||
          x.order - y.order,
      )
      .map(({ e }) => e);
    const nearest = stack.find((e) => e.kind === own.kind);
    if (!nearest) return null;

    // A repair may reveal a duplicate key (two siblings now in one mapping): a mistake of its
    // own, which does not make the reading wrong.
    const structural = <T extends { code: string }>(errors: readonly T[]) =>
      errors.filter((e) => e.code !== "DUPLICATE_KEY");
    const before = structural(this.currentErrors).length;
    const from = Math.min(line, suspect);
    const fixes = (repair: Repair, first: number) => {
      const errors = structural(repair.errors);
      if (errors.length >= before) return false;
      return !errors.some((e) => {
        const at = this.lineIn(repair, e.offset);
        return at >= Math.min(from, first) && (aligned || at <= suspect);
      });
    };
    const step = usualStep(shapes);
    type Choice = { repair: Repair; issue: YamlError; odd: number; rank: number };
    const choices: Choice[] = [];
    const choose = (repair: Repair, issue: YamlError) => {
      const indents = new Map(
        repair.edits.map((e) => {
          const i = lineAt(lines, e.at);
          return [i, (shapes[i] as Shape).indent + e.added - e.removed];
        }),
      );
      const odd = oddSteps(shapes, step, indents);
      choices.push({ repair, issue, odd, rank: choices.length });
    };

    const start = (lines[suspect] as Line).start;
    for (const sibling of siblings) {
      if (!this.affordable()) break;
      const edit = { at: start, removed: own.col - 1, added: sibling.col - 1 };
      const repair = this.parse(applyEdit(this.current, edit), [edit]);
      if (!fixes(repair, suspect)) continue;
      choose(repair, {
        ...error,
        message: misalignment(own, sibling, "above"),
        offset: start + own.col - 1,
        endOffset: start + own.end - 1,
      });
      if (structural(repair.errors).length === 0) break;
    }

    // The other reading: the sibling above is the odd one, and this line is aligned with the
    // ones after it. Only for a lone sibling (one line at its column, with its children).
    if (!aligned && loneSibling(shapes, nearest, suspect, own.col) && this.affordable()) {
      const delta = own.col - nearest.col;
      const edits: Edit[] = [];
      let text = this.current;
      for (let i = suspect - 1; i >= nearest.line; i--) {
        const s = shapes[i] as Shape;
        if (!moves(s)) continue;
        const l = lines[i] as Line;
        const edit = { at: l.start, removed: s.indent - 1, added: s.indent - 1 + delta };
        text = applyEdit(text, edit);
        edits.push(edit);
      }
      const repair = this.parse(text, edits);
      const at = (lines[nearest.line] as Line).start;
      if (fixes(repair, nearest.line)) {
        choose(repair, {
          ...error,
          message: misalignment(nearest, own, "below"),
          offset: at + nearest.col - 1,
          endOffset: at + nearest.end - 1,
        });
      }
    }
    const [chosen] = choices.sort(
      (x, y) =>
        structural(x.repair.errors).length - structural(y.repair.errors).length ||
        x.odd - y.odd ||
        x.rank - y.rank,
    );
    return chosen ? { issue: chosen.issue, cause: error, repair: chosen.repair } : null;
  }

  /** A list item written without the space after its dash (`-id: a`): a key `-id` to YAML. */
  private dashSpace(
    error: YamlError,
    line: number,
    suspect: number,
    lines: Line[],
  ): Diagnosis | null {
    const at = lines[suspect] as Line;
    const source = this.current.slice(at.start, at.end);
    const match = /^( *)-([^\s-][^\s:]*)/.exec(source);
    if (!match || !this.affordable()) return null;
    const dash = at.start + (match[1] ?? "").length;
    const edit = { at: dash + 1, removed: 0, added: 1 };
    const repair = this.parse(applyEdit(this.current, edit), [edit]);
    const fixed =
      repair.errors.length < this.currentErrors.length &&
      !repair.errors.some((e) => {
        const on = this.lineIn(repair, e.offset);
        return on >= Math.min(line, suspect) && on <= suspect;
      });
    if (!fixed) return null;
    const word = `-${match[2] ?? ""}`;
    const message = `${word.length <= MAX_NAME ? `"${word}"` : "this line"} is not a list item: put a space after the "-"`;
    return {
      issue: { ...error, message, offset: dash, endOffset: dash + 1 },
      cause: error,
      repair,
    };
  }

  /**
   * A line of text less indented than the first line of the block of text (`key: >` or `|`) it
   * follows, yet deeper than the key: it ends the text, and what follows cannot be read. Either
   * it is short of the text's indentation, or the text's first line went too deep.
   */
  private blockText(
    error: YamlError,
    line: number,
    lines: Line[],
    shapes: Shape[],
  ): Diagnosis | null {
    const shape = shapes[line] as Shape;
    if (shape.skip || shape.tabbed || shape.entries[0]?.kind !== "other") return null;
    let above = line - 1;
    while (above >= 0 && (shapes[above] as Shape).blank) above--;
    const block = shapes[above]?.block;
    if (!block || block.indent === 0) return null;
    if (shape.indent <= block.parent || shape.indent >= block.indent) return null;
    const header = (shapes[block.header] as Shape).entries;
    const key = header[header.length - 1];
    const text = key?.kind === "key" ? named(key) : "the text";
    // Between two readings that both do, the one indenting the text by the file's usual step.
    const step = usualStep(shapes);
    const usual = (indent: number) => (indent - block.parent === step ? 0 : 1);
    const before = this.currentErrors.length;
    const fixes = (repair: Repair) =>
      repair.errors.length < before &&
      !repair.errors.some((e) => {
        const at = this.lineIn(repair, e.offset);
        return at >= block.first && at <= line;
      });
    const choices: { repair: Repair; issue: YamlError; odd: number }[] = [];
    const start = (lines[line] as Line).start;
    if (this.affordable()) {
      const edit = { at: start, removed: shape.indent - 1, added: block.indent - 1 };
      const repair = this.parse(applyEdit(this.current, edit), [edit]);
      if (fixes(repair)) {
        const message = `this line of ${text} is indented to column ${shape.indent}; expected column ${block.indent}, like its first line`;
        choices.push({
          repair,
          odd: usual(block.indent),
          issue: {
            ...error,
            message,
            offset: start + shape.indent - 1,
            endOffset: start + shape.indent,
          },
        });
      }
    }
    // Only the text's first line before this one: it may be the odd one.
    if (above === block.first && this.affordable()) {
      const first = lines[above] as Line;
      const edit = { at: first.start, removed: block.indent - 1, added: shape.indent - 1 };
      const repair = this.parse(applyEdit(this.current, edit), [edit]);
      if (fixes(repair)) {
        const message = `the first line of ${text} is indented to column ${block.indent}; expected column ${shape.indent}, like the line below`;
        const at = first.start + block.indent - 1;
        choices.push({
          repair,
          odd: usual(shape.indent),
          issue: { ...error, message, offset: at, endOffset: at + 1 },
        });
      }
    }
    const [chosen] = choices.sort(
      (x, y) => x.repair.errors.length - y.repair.errors.length || x.odd - y.odd,
    );
    return chosen ? { issue: chosen.issue, cause: error, repair: chosen.repair } : null;
  }

  /**
   * Any other error: kept as the library says it. Its consequences are what else the library
   * says on its line and on the lines under it (deeper, as its children would be), and what
   * disappears when the rest of its line is blanked out (the same length: no offset moves).
   */
  private generic(error: YamlError, lines: Line[], shapes: Shape[]): Diagnosis {
    const at = this.toCurrent(error.offset);
    const issue = {
      ...error,
      offset: at,
      endOffset: Math.max(at + 1, this.toCurrent(error.endOffset)),
    };
    // A duplicate key leaves the data intact: it causes nothing else.
    if (error.code === "DUPLICATE_KEY") return { issue, cause: error, repair: null };
    const index = lineAt(lines, at);
    const line = lines[index] as Line;
    // What to blank: an unclosed quote's whole string (up to where the library found its end;
    // the finding is then at its opening quote), else the rest of the line, else (an error at
    // its end) the whole line.
    let [from, to] = [at, Math.max(at, line.end)];
    const quote = /closing (["'])quote/.exec(error.message)?.[1];
    const open = quote ? openingQuote(this.current, at, quote) : -1;
    if (quote && open !== -1) {
      from = open;
      to = closingQuote(this.current, open, quote);
      issue.offset = open;
      issue.endOffset = open + 1;
    } else if (this.current.slice(from, to).trim() === "") {
      [from, to] = [line.start, line.end];
    }
    const last = lineAt(lines, to);
    const drop: [number, number] = [lineAt(lines, from), Math.max(last, blockEnd(shapes, index))];
    let strays = shapes.findIndex((s, i) => i > index && s.marker);
    strays = strays === -1 ? shapes.length - 1 : strays - 1;
    if (!this.affordable()) return { issue, cause: error, repair: null, drop, strays };
    const blank = this.current.slice(from, to).replace(/[^\r\n]/g, " ");
    const edit = { at: from, removed: to - from, added: to - from };
    const text = this.current.slice(0, from) + blank + this.current.slice(to);
    return { issue, cause: error, repair: this.parse(text, [edit]), drop, strays };
  }
}

/** The quote before `at` that opens the string `at` is in (not an escaped one), or -1. */
function openingQuote(text: string, at: number, quote: string): number {
  for (let i = Math.min(at, text.length - 1); i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"') {
      let slashes = 0;
      while (text[i - 1 - slashes] === "\\") slashes++;
      if (slashes % 2 === 0) return i;
    } else if (text[i - 1] === "'") {
      i--;
    } else {
      return i;
    }
  }
  return -1;
}

/** Where a string opened at `open` ends: just past its closing quote, else at the text's end. */
function closingQuote(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === "\\") i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

/** The last line of the block a line opens: the lines after it that are deeper than it. */
function blockEnd(shapes: readonly Shape[], index: number): number {
  const own = shapes[index] as Shape;
  if (own.skip) return index;
  let end = index;
  for (let i = index + 1; i < shapes.length; i++) {
    const shape = shapes[i] as Shape;
    if (shape.marker) break;
    if (shape.skip) continue;
    if (shape.indent <= own.indent) break;
    end = i;
  }
  return end;
}

function mapBack(edits: readonly Edit[], offset: number): number {
  let o = offset;
  for (let k = edits.length - 1; k >= 0; k--) {
    const e = edits[k] as Edit;
    if (o >= e.at + e.added) o += e.removed - e.added;
    else if (o > e.at) o = e.at;
  }
  return o;
}

function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.at) + " ".repeat(edit.added) + text.slice(edit.at + edit.removed);
}

/** The message for a key or item at `own.col` that should be at `like.col`, like `like`. */
function misalignment(own: Entry, like: Entry, where: "above" | "below"): string {
  const what = own.kind === "key" ? named(own) : "this list item";
  const model = like.kind === "key" ? named(like) : "the item";
  return `${what} is indented to column ${own.col}; expected column ${like.col}, like ${model} ${where}`;
}

function named(entry: Entry): string {
  const name = entry.name ?? "";
  return name.length > 0 && name.length <= MAX_NAME && !name.includes("\n")
    ? `"${name}"`
    : "this key";
}

// ---------------------------------------------------------------------------------------------
// Lines, as a reader sees their indentation.

/** A line of the text: [start, end) without its line break. */
interface Line {
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const n = text.indexOf("\n", start);
    const stop = n === -1 ? text.length : n;
    const end = stop > start && text[stop - 1] === "\r" ? stop - 1 : stop;
    lines.push({ start, end });
    if (n === -1) return lines;
    start = n + 1;
  }
}

/** The 0-based index of the line an offset is on. */
function lineAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] as Line).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** What starts at a column of a line: a list item's `-`, a key, or anything else. */
interface Entry {
  /** 1-based column. */
  col: number;
  kind: "dash" | "key" | "other";
  /** A key's text. */
  name?: string;
  /** The column just after the key (or the dash). */
  end: number;
}

interface Shape {
  /** 1-based column of the first character that is not a space or a tab. */
  indent: number;
  entries: Entry[];
  /** The indentation holds a tab. */
  tabbed: boolean;
  /** Nothing but spaces. */
  blank: boolean;
  /** Says nothing of the structure: blank, a comment, the content of a block scalar. */
  skip: boolean;
  /** The content of a block scalar: moves with the key it belongs to. */
  inBlock: boolean;
  /** In a block scalar: its header's line, its first line, that line's indent, its key's column. */
  block?: { header: number; first: number; indent: number; parent: number };
  /** A document marker or a directive: the lines above belong to another document. */
  marker: boolean;
  /** Ends with a key and no value, or a lone dash: what follows is its content. */
  opens: boolean;
}

/** An entry of a line above, with that line's index. */
interface StackEntry extends Entry {
  line: number;
}

/** A key at the start of a text: double-quoted, single-quoted or plain (name in group 1, 2 or 3). */
const KEY =
  /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|((?:[^\s#'"[\]{},&*!|>%@`?:-]|[?:-](?=[^\s,[\]{}]))(?:[^:#]|:(?=[^\s,[\]{}])|(?<=\S)#)*?))[ \t]*:(?=[ \t]|$)/;
const BLOCK_HEADER = /^(?:[&!]\S*\s+)*[|>][1-9+-]{0,2}(?:\s+#.*)?$/;

/** The shape of every line; the text is read from the lines' owner. */
function shapeLines(text: string, lines: readonly Line[]): Shape[] {
  const shapes: Shape[] = [];
  /** The block scalar the lines are in, if any (its indent is 0 until its first line sets it). */
  let block: { header: number; first: number; indent: number; parent: number } | null = null;
  for (const line of lines) {
    const source = text.slice(line.start, line.end);
    const shape = shapeOf(source);
    if (block) {
      if (block.indent === 0 && !shape.blank && shape.indent > block.parent) {
        block.first = shapes.length;
        block.indent = shape.indent;
      }
      if (shape.blank || (block.indent > 0 && shape.indent >= block.indent)) {
        shapes.push({ ...shape, skip: true, inBlock: !shape.blank, block });
        continue;
      }
      block = null;
    }
    shapes.push(shape);
    const last = shape.entries[shape.entries.length - 1];
    if (!last) continue;
    const value =
      last.kind === "key"
        ? source
            .slice(last.end - 1)
            .replace(/^[ \t]*:/, "")
            .trim()
        : last.kind === "other"
          ? source.slice(last.col - 1).trim()
          : "";
    if (BLOCK_HEADER.test(value)) {
      const parent =
        last.kind === "key" ? last : [...shape.entries].reverse().find((e) => e.kind === "dash");
      if (parent) block = { header: shapes.length - 1, first: -1, indent: 0, parent: parent.col };
    }
  }
  return shapes;
}

function shapeOf(content: string): Shape {
  const lead = /^[ \t]*/.exec(content)?.[0] ?? "";
  const indent = lead.length + 1;
  const rest = content.slice(lead.length);
  const shape: Shape = {
    indent,
    entries: [],
    tabbed: lead.includes("\t"),
    blank: rest.length === 0,
    skip: rest.length === 0 || rest.startsWith("#"),
    marker: /^(?:---|\.\.\.)(?:[ \t]|$)/.test(content) || content.startsWith("%"),
    opens: false,
    inBlock: false,
  };
  if (shape.skip || shape.marker) return shape;
  let pos = lead.length;
  while (content[pos] === "-" && (pos + 1 === content.length || content[pos + 1] === " ")) {
    shape.entries.push({ col: pos + 1, kind: "dash", end: pos + 2 });
    pos++;
    while (content[pos] === " ") pos++;
  }
  if (pos < content.length && content[pos] !== "#") {
    const key = KEY.exec(content.slice(pos));
    if (key) {
      const name = key[1] ?? key[2]?.replace(/''/g, "'") ?? key[3] ?? "";
      const length = key[3] !== undefined ? key[3].length : (key[1] ?? key[2] ?? "").length + 2;
      shape.entries.push({ col: pos + 1, kind: "key", name, end: pos + 1 + length });
      shape.opens = /^\s*(?:#.*)?$/.test(content.slice(pos + key[0].length));
    } else {
      shape.entries.push({ col: pos + 1, kind: "other", end: pos + 2 });
    }
  } else {
    shape.opens = true;
  }
  return shape;
}

/** How far a line is usually indented past the line before it (2 when nothing says). */
function usualStep(shapes: readonly Shape[]): number {
  const counts = new Map<number, number>();
  eachStep(shapes, (step) => counts.set(step, (counts.get(step) ?? 0) + 1));
  let best = 2;
  let most = 0;
  for (const [step, count] of counts) {
    if (count > most || (count === most && step === 2)) [best, most] = [step, count];
  }
  return best;
}

/**
 * How many lines are indented past the line before them by something else than `step`, once the
 * lines of `indents` are re-indented as it says.
 */
function oddSteps(
  shapes: readonly Shape[],
  step: number,
  indents: ReadonlyMap<number, number>,
): number {
  let odd = 0;
  eachStep(
    shapes,
    (s) => {
      if (s !== step) odd++;
    },
    indents,
  );
  return odd;
}

/** Calls `f` with each indentation increase from one structural line to the next. */
function eachStep(
  shapes: readonly Shape[],
  f: (step: number) => void,
  indents: ReadonlyMap<number, number> = new Map(),
): void {
  let previous: number | null = null;
  for (const [i, shape] of shapes.entries()) {
    if (shape.marker) previous = null;
    if (shape.skip || shape.tabbed || shape.marker) continue;
    const indent = indents.get(i) ?? shape.indent;
    if (previous !== null && indent > previous) f(indent - previous);
    previous = indent;
  }
}

/**
 * The columns in use above line `index`, nearest first, each no greater than the one before: the
 * siblings this line could align with, then its parents' levels. A column appears once per kind
 * (a list's dash and its parent's key can share one).
 */
function stackAbove(shapes: readonly Shape[], index: number): StackEntry[] {
  const stack: StackEntry[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const shape = shapes[i] as Shape;
    if (shape.marker) break;
    if (shape.skip || shape.tabbed) continue;
    for (let k = shape.entries.length - 1; k >= 0; k--) {
      const entry = shape.entries[k] as Entry;
      const bound = stack[stack.length - 1]?.col ?? Infinity;
      const seen =
        entry.col === bound && stack.some((e) => e.col === bound && e.kind === entry.kind);
      if (entry.col < bound || (entry.col === bound && !seen)) stack.push({ ...entry, line: i });
    }
  }
  return stack;
}

/** Whether a line moves with the block it is in: not blank lines and comments. */
const moves = (shape: Shape) => !shape.skip || shape.inBlock;

/**
 * Whether `sibling` is alone at its column between its parent and line `index`, so that its line
 * can be moved to `col` instead: nothing but list dashes before it on its line, the lines after it
 * up to `index` deeper (its children), and the line before it shallower than where its line would
 * go (the parent stays the parent). At the top of a document, only a move to column 1.
 */
function loneSibling(
  shapes: readonly Shape[],
  sibling: StackEntry,
  index: number,
  col: number,
): boolean {
  const own = shapes[sibling.line] as Shape;
  if (own.entries.some((e) => e.col < sibling.col && e.kind !== "dash")) return false;
  const delta = col - sibling.col;
  const moved = own.indent + delta;
  if (moved < 1) return false;
  for (let i = sibling.line + 1; i < index; i++) {
    const s = shapes[i] as Shape;
    if (s.marker || s.tabbed) return false;
    if (!s.skip && s.indent <= sibling.col) return false;
    if (moves(s) && s.indent + delta < 1) return false;
  }
  for (let i = sibling.line - 1; i >= 0; i--) {
    const s = shapes[i] as Shape;
    if (s.marker) return false;
    if (s.skip || s.tabbed) continue;
    const deepest = s.entries[s.entries.length - 1];
    return deepest !== undefined && deepest.col < moved;
  }
  return moved === 1;
}
