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

const KINDS: readonly SpanEntry["kind"][] = ["map", "seq", "scalar"];
const MAP = 0;
const SEQ = 1;
const SCALAR = 2;

/**
 * Numbers per node: kind, value start, value end, key start (-1: none), key end, and the index of
 * the node after its last descendant (nodes are in document order, each before its children).
 */
const STRIDE = 6;

/** A span table's own representation: what crosses threads. */
export interface PackedSpans {
  /** STRIDE numbers per node, in document order. */
  data: Int32Array;
  /** Per node: its key when it is a mapping's value (a sequence's items have none). */
  names: (string | undefined)[];
}

/**
 * A document's positions, in place of the retained YAML Document: per node, in document order,
 * its kind, spans and extent in one typed array, and its key — a few dozen bytes a node, not a
 * Map entry, a pointer string and three small objects.
 */
export class SpanTable {
  constructor(
    protected data: Int32Array,
    protected names: (string | undefined)[],
  ) {}

  /** A table as pack() gave it. */
  static unpack({ data, names }: PackedSpans): SpanTable {
    return new SpanTable(data, names);
  }

  /** What crosses threads (the typed array is moved, not copied). */
  pack(): PackedSpans {
    return { data: this.data, names: this.names };
  }

  /** As `locate` on a Document: the deepest existing node, by its key when it has one. */
  locate(pointer: string, target: "value" | "key"): Span {
    const { data, names } = this;
    let node = 0;
    let key: Span | undefined;
    for (const segment of pointerToSegments(pointer)) {
      const kind = data[node * STRIDE];
      const stop = data[node * STRIDE + 5] as number;
      let child = -1;
      if (kind === MAP) {
        for (let c = node + 1; c < stop; c = data[c * STRIDE + 5] as number)
          if (names[c] === segment) {
            child = c;
            break;
          }
      } else if (kind === SEQ) {
        const n = Number(segment);
        if (Number.isInteger(n) && n >= 0)
          for (let c = node + 1, i = 0; c < stop; c = data[c * STRIDE + 5] as number, i++)
            if (i === n) {
              child = c;
              break;
            }
      }
      if (child < 0) return spanOf(key ?? this.#value(node));
      node = child;
      key = this.#key(node);
    }
    if (target === "key" && key) return spanOf(key);
    return spanOf(this.#value(node));
  }

  /** The table's entries, for tests and the cache: pointer → kind, value span, key span. */
  dump(): Map<string, SpanEntry> {
    const entries = new Map<string, SpanEntry>();
    const walk = (node: number, pointer: string): void => {
      const kind = KINDS[this.data[node * STRIDE] as number] as SpanEntry["kind"];
      const key = this.#key(node);
      entries.set(
        pointer,
        key ? { kind, value: this.#value(node), key } : { kind, value: this.#value(node) },
      );
      const stop = this.data[node * STRIDE + 5] as number;
      for (let c = node + 1, i = 0; c < stop; c = this.data[c * STRIDE + 5] as number, i++)
        walk(c, `${pointer}/${kind === "seq" ? i : escape(this.names[c] ?? "")}`);
    };
    if (this.data.length > 0) walk(0, "");
    return entries;
  }

  #value(node: number): Span {
    return [this.data[node * STRIDE + 1] as number, this.data[node * STRIDE + 2] as number];
  }

  #key(node: number): Span | undefined {
    const start = this.data[node * STRIDE + 3] as number;
    return start < 0 ? undefined : [start, this.data[node * STRIDE + 4] as number];
  }
}

/** Builds a SpanTable node by node, in document order. */
class SpanBuilder {
  #data = new Int32Array(STRIDE * 64);
  #names: (string | undefined)[] = [];
  #count = 0;

  /** A node (its value span and extent set later): its index. */
  open(kind: number, key: Span | undefined, name: string | undefined): number {
    if ((this.#count + 1) * STRIDE > this.#data.length) {
      const grown = new Int32Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    const at = this.#count * STRIDE;
    this.#data[at] = kind;
    this.#data[at + 3] = key ? key[0] : -1;
    this.#data[at + 4] = key ? key[1] : -1;
    this.#data[at + 5] = this.#count + 1;
    this.#names.push(name);
    return this.#count++;
  }

  /** A node's value span. */
  close(node: number, start: number, end: number): void {
    this.#data[node * STRIDE + 1] = start;
    this.#data[node * STRIDE + 2] = end;
  }

  /** A node's descendants are all opened. */
  end(node: number): void {
    this.#data[node * STRIDE + 5] = this.#count;
  }

  table(): SpanTable {
    return new SpanTable(this.#data.slice(0, this.#count * STRIDE), this.#names);
  }
}

/**
 * A span table kept packed (as the cache stored it) and unpacked the first time a position is
 * asked of it — most never are. What `unpack` gives is checked, as it comes from a file: a table
 * that does not hold together is one root node, and every position is then the document's start.
 */
export abstract class LazySpanTable<Packed> extends SpanTable {
  #packed: Packed | null;

  constructor(packed: Packed) {
    super(new Int32Array(0), []);
    this.#packed = packed;
  }

  protected abstract unpack(packed: Packed): PackedSpans;

  override locate(pointer: string, target: "value" | "key"): Span {
    this.#unpack();
    return super.locate(pointer, target);
  }

  override dump(): Map<string, SpanEntry> {
    this.#unpack();
    return super.dump();
  }

  override pack(): PackedSpans {
    this.#unpack();
    return super.pack();
  }

  #unpack(): void {
    if (this.#packed === null) return;
    const { data, names } = this.unpack(this.#packed);
    this.#packed = null;
    const whole = holdsTogether(data);
    this.data = whole ? data : Int32Array.of(MAP, 0, 0, -1, -1, 1);
    this.names = whole ? names : [undefined];
  }
}

/**
 * Whether a table's numbers make a tree locate can walk: whole nodes, each node's kind known and
 * its descendants after it and before its parent's end — so every walk moves on and stops.
 */
function holdsTogether(data: Int32Array): boolean {
  const count = data.length / STRIDE;
  if (!Number.isInteger(count) || count === 0) return false;
  const ends: number[] = [count];
  for (let n = 0; n < count; n++) {
    while (n >= (ends[ends.length - 1] as number)) ends.pop();
    const kind = data[n * STRIDE] as number;
    const end = data[n * STRIDE + 5] as number;
    if (kind < 0 || kind > 2 || end <= n || end > (ends[ends.length - 1] as number)) return false;
    ends.push(end);
  }
  return true;
}

const spanOf = ([start, end]: Span): Span => [start, Math.max(end, start + 1)];

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

type Form = [RegExp, (s: string) => unknown];

/**
 * The YAML 1.2 core schema's plain scalars as `yaml` reads them (not js-yaml's, which also takes
 * `1_000`, `0b1`, `+.5`…): the same tests in the same order, the first that matches gives the
 * type. No timestamp type: dates stay strings.
 */
const FORMS: [tag: string, forms: Form[]][] = [
  ["null", [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]],
  ["bool", [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === "t" || s[0] === "T"]]],
  [
    "int",
    [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ],
  ],
  [
    "float",
    [
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
    ],
  ],
];

/** What a null, boolean or number can start with (or be empty): any other scalar is a string. */
const MAY_RESOLVE = /^(?:$|[~nNtTfF0-9+\-.])/;

/**
 * The type and value of the last plain scalar classified: js-yaml asks each implicit type in turn
 * whether it resolves the same text, then the one that does to construct it — the tests run once.
 */
let classified: { data: string; tag: string | null; value: unknown } = {
  data: "",
  tag: "null",
  value: null,
};

function classify(data: string): typeof classified {
  if (data === classified.data) return classified;
  classified = { data, tag: null, value: data };
  if (!MAY_RESOLVE.test(data)) return classified;
  for (const [tag, forms] of FORMS)
    for (const [test, make] of forms)
      if (test.test(data)) {
        classified = { data, tag, value: make(data) };
        return classified;
      }
  return classified;
}

/** One type of the core schema, resolved by classify. */
const plain = (tag: string) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: "scalar",
    resolve: (data: unknown) => typeof data === "string" && classify(data).tag === tag,
    construct: (data: string) => classify(data).value,
  });

const CORE = FAILSAFE_SCHEMA.extend({ implicit: FORMS.map(([tag]) => plain(tag)) });

/** A node as the listener saw it: opened at `open`, closed at `close` with a kind and a result. */
interface Event {
  open: number;
  close: number;
  kind: string | null;
  result: unknown;
  /** Its children in the order opened; the same empty list for all that have none. */
  children: Event[];
}

class Decline extends Error {}

/** The children of every node that has none: one list, never added to. */
const NO_CHILDREN: Event[] = [];

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
            children: NO_CHILDREN,
          };
          const parent = stack[stack.length - 1];
          if (parent) {
            if (parent.children === NO_CHILDREN) parent.children = [event];
            else parent.children.push(event);
          } else roots.push(event);
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
      const build = new SpanBuilder();
      record(text, root, undefined, undefined, false, build);
      return { value: values[n], spans: build.table() };
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
  name: string | undefined,
  key: Span | undefined,
  inFlow: boolean,
  build: SpanBuilder,
): number {
  const event = unwrap(raw);
  const start = startOf(text, event);
  const first = text[start];
  const flow = first === "[" || first === "{";
  let end: number;
  if (event.kind === "mapping" || event.kind === "sequence") {
    const node = build.open(event.kind === "mapping" ? MAP : SEQ, key, name);
    let last = start;
    if (event.kind === "mapping") {
      const names = Object.keys(event.result as object);
      if (event.children.length !== names.length * 2) throw new Decline();
      for (let i = 0; i < event.children.length; i += 2) {
        const keyEvent = unwrap(event.children[i] as Event);
        const childName = keyEvent.result;
        if (
          typeof childName !== "string" ||
          keyEvent.kind !== "scalar" ||
          childName === "__proto__"
        )
          throw new Decline();
        const keyStart = startOf(text, keyEvent);
        const keySpan: Span = [keyStart, scalarEnd(text, keyEvent, keyStart)];
        if (hasLineBreak(text, keySpan) || keySpan[1] - keySpan[0] > 1000) throw new Decline();
        const child = event.children[i + 1] as Event;
        last = record(text, child, childName, keySpan, inFlow || flow, build);
      }
    } else {
      if (event.children.length !== (event.result as unknown[]).length) throw new Decline();
      for (const child of event.children)
        last = record(text, child, undefined, undefined, inFlow || flow, build);
    }
    if (flow) {
      end = event.close;
      while (end > start && isSpace(text[end - 1])) end--;
      if (text[end - 1] !== (first === "[" ? "]" : "}") || hasLineBreak(text, [start, end]))
        throw new Decline();
    } else end = last;
    build.close(node, start, end);
    build.end(node);
    return flow ? lineEnd(text, end) : end;
  }
  if (event.children.length > 0) throw new Decline();
  const node = build.open(SCALAR, key, name);
  if (event.kind === null) {
    // An empty node: `yaml` places it after the indicator and its spaces, on the same line.
    if (inFlow) throw new Decline();
    let at = event.open;
    while (text[at] === " ") at++;
    if (text[at] === "!" || text[at] === "&" || text[at] === "*") throw new Decline();
    build.close(node, at, at);
    return at;
  }
  end = scalarEnd(text, event, start);
  build.close(node, start, end);
  return first === "|" || first === ">" ? end : lineEnd(text, end);
}

/** Whether a span of the text holds a line break. */
function hasLineBreak(text: string, [start, end]: Span): boolean {
  const at = text.indexOf("\n", start);
  return at !== -1 && at < end;
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
