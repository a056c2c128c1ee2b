import { FAILSAFE_SCHEMA, loadAll, type State, Type } from "js-yaml";
import { pointerToSegments } from "./pointer.js";

/**
 * The fast path to values with positions: js-yaml reads the text, its `listener` hook records
 * where every node starts and ends, and the result is the plain values and a pointer → span
 * table per document. `yaml` stays the parser of record: whatever this path is not sure to read
 * exactly as `yaml` does (any error, a duplicate key, an anchor, alias or tag, a directive, tabs,
 * an empty document…) makes it decline, and the file is read with `yaml` as always.
 */

/** Offsets [start, end) in the file's text. */
type Span = [number, number];

/** Where one node of a document was written: its value, and its key when it is a mapping's value. */
export interface SpanEntry {
  kind: "map" | "seq" | "scalar";
  value: Span;
  key?: Span;
}

/** A document's positions: JSON Pointer → spans, in place of the retained YAML Document. */
export class SpanTable {
  constructor(private readonly entries: Map<string, SpanEntry>) {}

  /** As `locate` on a Document: the deepest existing node, by its key when it has one. */
  locate(pointer: string, target: "value" | "key"): Span {
    let at = "";
    let entry = this.entries.get("") as SpanEntry;
    let key: Span | undefined;
    for (const segment of pointerToSegments(pointer)) {
      let next: string | null = null;
      if (entry.kind === "map") next = `${at}/${escape(segment)}`;
      else if (entry.kind === "seq") {
        const n = Number(segment);
        if (Number.isInteger(n) && n >= 0) next = `${at}/${n}`;
      }
      const child = next === null ? undefined : this.entries.get(next);
      if (!child || next === null) return spanOf(key ?? entry.value);
      at = next;
      entry = child;
      key = child.key;
    }
    if (target === "key" && key) return spanOf(key);
    return spanOf(entry.value);
  }

  /** The span table's entries, for tests: pointer → [kind, value span, key span]. */
  dump(): Map<string, SpanEntry> {
    return this.entries;
  }
}

/**
 * A span table kept packed (as it came from a worker or the cache) and unpacked into its entries
 * the first time a position is asked of it — most never are. `fill` unpacks.
 */
export abstract class LazySpanTable<Packed> extends SpanTable {
  readonly #entries: Map<string, SpanEntry>;
  #packed: Packed | null;

  constructor(packed: Packed) {
    const entries = new Map<string, SpanEntry>();
    super(entries);
    this.#entries = entries;
    this.#packed = packed;
  }

  protected abstract fill(packed: Packed, entries: Map<string, SpanEntry>): void;

  override locate(pointer: string, target: "value" | "key"): Span {
    this.#unpack();
    return super.locate(pointer, target);
  }

  override dump(): Map<string, SpanEntry> {
    this.#unpack();
    return super.dump();
  }

  #unpack(): void {
    if (this.#packed === null) return;
    const packed = this.#packed;
    this.#packed = null;
    this.fill(packed, this.#entries);
  }
}

const spanOf = ([start, end]: Span): Span => [start, Math.max(end, start + 1)];

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/** A scalar type resolved as `yaml`'s core schema resolves a plain scalar: the first test that matches. */
const plain = (tag: string, forms: [RegExp, (s: string) => unknown][]) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: "scalar",
    resolve: (data: unknown) => typeof data === "string" && forms.some(([test]) => test.test(data)),
    construct: (data: string) => forms.find(([test]) => test.test(data))?.[1](data),
  });

/**
 * The YAML 1.2 core schema as `yaml` reads it (not js-yaml's, which also takes `1_000`, `0b1`,
 * `+.5`…): the same tests in the same order. No timestamp type: dates stay strings.
 */
const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    plain("null", [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    plain("bool", [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === "t" || s[0] === "T"]]),
    plain("int", [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ]),
    plain("float", [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (s) =>
          s.slice(-3).toLowerCase() === "nan"
            ? NaN
            : s.startsWith("-")
              ? Number.NEGATIVE_INFINITY
              : Number.POSITIVE_INFINITY,
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
});

/** A node as the listener saw it: opened at `open`, closed at `close` with a kind and a result. */
interface Event {
  open: number;
  close: number;
  kind: string | null;
  result: unknown;
  children: Event[];
}

class Decline extends Error {}

/** What may be read here: no tab, CR, directive, document end marker, anchor/alias/tag start. */
const REFUSED = /[\t\r\uFEFF]|^%|^\.\.\.|^---(?!\n| *(?:#.*)?$)|["'\]}]#/m;

/** The documents of a text as values and span tables, or null when `yaml` must read it. */
export function fastParse(text: string): { value: unknown; spans: SpanTable }[] | null {
  if (REFUSED.test(text)) return null;
  const roots: Event[] = [];
  const stack: Event[] = [];
  const values: unknown[] = [];
  try {
    loadAll(text, (value) => values.push(value), {
      schema: CORE,
      listener(this: State, type: "open" | "close", state: State) {
        if (type === "open") {
          const event: Event = {
            open: state.position,
            close: -1,
            kind: null,
            result: undefined,
            children: [],
          };
          const parent = stack[stack.length - 1];
          if (parent) parent.children.push(event);
          else roots.push(event);
          stack.push(event);
        } else {
          const event = stack.pop() as Event;
          event.close = state.position;
          event.kind = state.kind;
          event.result = state.result;
        }
      },
    });
  } catch {
    return null;
  }
  if (roots.length !== values.length || roots.length === 0 || stack.length > 0) return null;
  try {
    return roots.map((root, n) => {
      if (values[n] === null || values[n] === undefined) throw new Decline();
      const entries = new Map<string, SpanEntry>();
      record(text, root, "", undefined, false, entries);
      return { value: values[n], spans: new SpanTable(entries) };
    });
  } catch (error) {
    if (error instanceof Decline) return null;
    throw error;
  }
}

/** The node itself: js-yaml opens a node twice where a mapping was tried and a scalar found. */
function unwrap(event: Event): Event {
  let at = event;
  for (;;) {
    const only = at.children.length === 1 ? at.children[0] : undefined;
    if (!only || only.kind !== at.kind || !Object.is(only.result, at.result)) return at;
    at = only;
  }
}

/** Records a node and its children; returns where the node ends with its trailing comment and line break. */
function record(
  text: string,
  raw: Event,
  pointer: string,
  key: Span | undefined,
  inFlow: boolean,
  entries: Map<string, SpanEntry>,
): number {
  const event = unwrap(raw);
  const start = startOf(text, event);
  const first = text[start];
  const flow = first === "[" || first === "{";
  let end: number;
  let kind: SpanEntry["kind"];
  if (event.kind === "mapping" || event.kind === "sequence") {
    kind = event.kind === "mapping" ? "map" : "seq";
    const entry: SpanEntry = key
      ? { kind, value: [start, start], key }
      : { kind, value: [start, start] };
    entries.set(pointer, entry);
    let last = start;
    if (event.kind === "mapping") {
      const names = Object.keys(event.result as object);
      if (event.children.length !== names.length * 2) throw new Decline();
      for (let i = 0; i < event.children.length; i += 2) {
        const keyEvent = unwrap(event.children[i] as Event);
        const name = keyEvent.result;
        if (typeof name !== "string" || keyEvent.kind !== "scalar" || name === "__proto__")
          throw new Decline();
        const keyStart = startOf(text, keyEvent);
        const keySpan: Span = [keyStart, scalarEnd(text, keyEvent, keyStart)];
        if (text.slice(keySpan[0], keySpan[1]).includes("\n") || keySpan[1] - keySpan[0] > 1000)
          throw new Decline();
        const child = event.children[i + 1] as Event;
        last = record(text, child, `${pointer}/${escape(name)}`, keySpan, inFlow || flow, entries);
      }
    } else {
      if (event.children.length !== (event.result as unknown[]).length) throw new Decline();
      event.children.forEach((child, n) => {
        last = record(text, child, `${pointer}/${n}`, undefined, inFlow || flow, entries);
      });
    }
    if (flow) {
      end = event.close;
      while (end > start && isSpace(text[end - 1])) end--;
      if (text[end - 1] !== (first === "[" ? "]" : "}") || text.slice(start, end).includes("\n"))
        throw new Decline();
    } else end = last;
    entry.value = [start, end];
    return flow ? lineEnd(text, end) : end;
  }
  if (event.children.length > 0) throw new Decline();
  if (event.kind === null) {
    // An empty node: `yaml` places it after the indicator and its spaces, on the same line.
    if (inFlow) throw new Decline();
    let at = event.open;
    while (text[at] === " ") at++;
    if (text[at] === "!" || text[at] === "&" || text[at] === "*") throw new Decline();
    entries.set(
      pointer,
      key ? { kind: "scalar", value: [at, at], key } : { kind: "scalar", value: [at, at] },
    );
    return at;
  }
  end = scalarEnd(text, event, start);
  entries.set(
    pointer,
    key ? { kind: "scalar", value: [start, end], key } : { kind: "scalar", value: [start, end] },
  );
  return first === "|" || first === ">" ? end : lineEnd(text, end);
}

const isSpace = (c: string | undefined) => c === " " || c === "\n";

/** Past the spaces, comment and line break that follow a node on its line. */
function lineEnd(text: string, end: number): number {
  let at = end;
  while (text[at] === " ") at++;
  if (text[at] === "#") {
    const eol = text.indexOf("\n", at);
    at = eol === -1 ? text.length : eol;
  }
  return text[at] === "\n" ? at + 1 : at;
}

/** The node's first character: past separation space and comments. */
function startOf(text: string, event: Event): number {
  let start = event.open;
  for (;;) {
    while (isSpace(text[start])) start++;
    if (text[start] === "#") {
      const eol = text.indexOf("\n", start);
      start = eol === -1 ? text.length : eol;
    } else break;
  }
  const first = text[start];
  if (first === "!" || first === "&" || first === "*") throw new Decline();
  return start;
}

/** Where a scalar's value ends, as `yaml` says. */
function scalarEnd(text: string, event: Event, start: number): number {
  const first = text[start];
  let end = event.close;
  while (end > start && isSpace(text[end - 1])) end--;
  if (first === "|" || first === ">") {
    const eol = text.indexOf("\n", start);
    const header = eol === -1 ? text.slice(start) : text.slice(start, eol);
    // Kept trailing lines, an empty scalar or leading blank lines: `yaml` is left to place them.
    if (header.includes("+") || event.result === "" || eol === -1 || eol >= end)
      throw new Decline();
    if (/^ *\n/.test(text.slice(eol + 1))) throw new Decline();
    // Up to the end of the last line with content, then blank lines only if they hold no space.
    const next = text.indexOf("\n", end);
    end = next === -1 ? text.length : next + 1;
    for (let at = end; at < text.length;) {
      const stop = text.indexOf("\n", at);
      const line = text.slice(at, stop === -1 ? text.length : stop);
      if (line.trim() !== "") break;
      if (line !== "") throw new Decline();
      at = stop === -1 ? text.length : stop + 1;
    }
    return end;
  }
  if ((first === '"' || first === "'") && text.slice(start, end).includes("\n"))
    throw new Decline();
  return end;
}
